package explore

import (
	"testing"

	"fyne.io/fyne/v2"
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
