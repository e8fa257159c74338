package explore

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestExploreFits1024: beside the navigation list (about 150 wide) Explore fits a 1024-wide
// window and its info panel keeps room to read (it had shrunk to one letter a line).
func TestExploreFits1024(t *testing.T) {
	e := newTestUI(t)
	e.status.SetText("Osteon schematic upper limb — 52 structures — schematic model, not patient anatomy")
	if w := e.Content().MinSize().Width; w > 1024-160 {
		t.Errorf("Explore needs %v wide; with the navigation list the window would be wider than 1024", w)
	}
	e.Content().Resize(fyne.NewSize(1024-160, 560))
	if w := e.info.root.Size().Width; w < infoMinWidth {
		t.Errorf("info panel %v wide at 1024, want at least %v", w, infoMinWidth)
	}
}

// TestEnterSelectsTheOnlyMatch: Enter in the search field selects the structure when the search
// matches just one, and does nothing when it matches several.
func TestEnterSelectsTheOnlyMatch(t *testing.T) {
	e := newTestUI(t)
	test.Type(e.search, "phalanx index")
	e.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if e.selected != "" {
		t.Errorf("Enter with 6 matches selected %q", e.selected)
	}
	e.search.SetText("right HUMERUS")
	e.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if st := e.cat.byID[e.selected]; st == nil || st.Name != "Right humerus" {
		t.Errorf("Enter with one match selected %q", e.selected)
	}
}
