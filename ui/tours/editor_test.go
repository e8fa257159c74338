package tours

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/render"
	"github.com/osteon/osteon/ui/kit/kittest"
)

// TestPinEditDeleteUndoExport places a pin, edits its note, deletes it and brings it back with
// undo, then exports the tour as one file that reads back with the pin and names the pack.
func TestPinEditDeleteUndoExport(t *testing.T) {
	tt := newToursTest(t)
	s := tt.s
	tap(t, s.root, "New tour from Explore")
	tap(t, s.root, "Place pin")
	pos, ok := kittest.FindIn(s.viewer, "T:ulna")
	if !ok {
		t.Fatal("the ulna cannot be found")
	}
	test.TapAt(s.viewer, pos)
	test.Type(entries(tt.dialog())[0], "Ulna")
	tap(t, tt.dialog(), "Save pin")
	tt.key("Escape") // ends pin mode, stays in the editor
	if s.mode != modeEdit || s.ed.pins.placing {
		t.Fatalf("Esc in pin mode: mode %d, placing %v", s.mode, s.ed.pins.placing)
	}
	s.ed.pins.list.Select(0)
	tap(t, s.root, "Edit pin")
	f := entries(tt.dialog())
	f[0].SetText("The ulna, medial in the forearm")
	tap(t, tt.dialog(), "Save pin")
	pins := func() []content.Pin { return s.ed.tour.Stops[0].Pins }
	if len(pins()) != 1 || pins()[0].Note != "The ulna, medial in the forearm" || pins()[0].Question != "" {
		t.Fatalf("after editing: %+v", pins())
	}
	if got := s.viewer.Pins().Pins(); len(got) != 1 || got[0].Point != render.PinPoint(pins()[0]) {
		t.Errorf("the view draws %+v", got)
	}
	s.ed.pins.list.Select(0)
	tap(t, s.root, "Delete pin")
	if len(pins()) != 0 || len(s.viewer.Pins().Pins()) != 0 {
		t.Fatalf("after Delete pin: %+v", pins())
	}
	if !s.Undo() || len(pins()) != 1 || pins()[0].Structure != "T:ulna" {
		t.Fatalf("undo did not bring the pin back: %+v", pins())
	}
	file := filepath.Join(t.TempDir(), "ulna") // the extension is added
	s.ed.export(file)
	data, err := os.ReadFile(file + content.TourExt)
	if err != nil {
		t.Fatalf("export (status %q): %v", s.ed.status.Text, err)
	}
	got, ps := content.ParseTour(data, "ulna", tt.sh.Cur.Pack.StructureIDs())
	if got == nil || len(ps) != 0 || got.PackID != "test-arm" || got.PackVersion != "1.0.0" || len(got.Stops[0].Pins) != 1 {
		t.Fatalf("exported tour reads back as %+v, %v", got, ps)
	}
	if !strings.Contains(s.ed.status.Text, "Exported to") {
		t.Errorf("status %q", s.ed.status.Text)
	}
}
