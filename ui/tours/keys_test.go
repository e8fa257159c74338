package tours

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/osteon/osteon/content"
)

// TestKeyboardPaths drives the screen with keys alone: N starts a tour, C adds stops, P turns
// pin mode on and Esc off, S saves, Space plays, Home and End jump, Esc goes back to the editor
// and then to the list, where ↑ / ↓ choose, E edits and Enter plays.
func TestKeyboardPaths(t *testing.T) {
	tt := newToursTest(t)
	s := tt.s
	s.TypedRune('n')
	s.TypedRune('c')
	s.TypedRune('c')
	if s.mode != modeEdit || len(s.ed.tour.Stops) != 3 {
		t.Fatalf("N, C, C: mode %d, %d stops", s.mode, len(s.ed.tour.Stops))
	}
	s.ed.title.SetText("Keys")
	s.TypedRune('p')
	if !s.ed.pins.placing {
		t.Error("P did not turn pin mode on")
	}
	tt.key(fyne.KeyEscape)
	if s.ed.pins.placing || s.mode != modeEdit {
		t.Errorf("Esc in pin mode: placing %v, mode %d", s.ed.pins.placing, s.mode)
	}
	s.TypedRune('s')
	if _, err := os.Stat(filepath.Join(tt.sh.Cur.Pack.Dir, content.TourDir, "keys"+content.TourExt)); err != nil {
		t.Errorf("S did not save (status %q): %v", s.ed.status.Text, err)
	}
	tt.key(fyne.KeySpace)
	if s.mode != modePlay || s.pl.at != 0 {
		t.Fatalf("Space: mode %d, stop %d", s.mode, s.pl.at)
	}
	tt.key(fyne.KeyEnd)
	if s.pl.at != 2 {
		t.Errorf("End: stop %d", s.pl.at+1)
	}
	tt.key(fyne.KeyHome)
	if s.pl.at != 0 {
		t.Errorf("Home: stop %d", s.pl.at+1)
	}
	tt.key(fyne.KeyEscape)
	if s.mode != modeEdit {
		t.Fatalf("Esc in the player from the editor went to mode %d", s.mode)
	}
	tt.key(fyne.KeyEscape)
	if s.mode != modeList || len(s.list.tours) != 1 {
		t.Fatalf("Esc in the editor: mode %d, %d tours listed", s.mode, len(s.list.tours))
	}
	tt.key(fyne.KeyDown)
	tt.key(fyne.KeyUp)
	s.TypedRune('e')
	if s.mode != modeEdit || s.ed.tour.Title != "Keys" || s.ed.name.Text != "keys" {
		t.Fatalf("E: mode %d, editing %q as %q", s.mode, s.ed.tour.Title, s.ed.name.Text)
	}
	tt.key(fyne.KeyEscape)
	tt.key(fyne.KeyReturn)
	if s.mode != modePlay || len(s.pl.tour.Stops) != 3 {
		t.Errorf("Enter in the list: mode %d", s.mode)
	}
}
