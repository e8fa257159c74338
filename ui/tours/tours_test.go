package tours

import (
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/render"
	"github.com/osteon/osteon/ui/kit/kittest"
)

// TestAuthorSaveReopenPlay authors a three-stop tour with a pin through the editor's widgets,
// saves it into the learner's pack, reopens it from the saved file, plays it with the keys and
// compares every stop with what was authored.
func TestAuthorSaveReopenPlay(t *testing.T) {
	tt := newToursTest(t)
	s, ex := tt.s, tt.sh.explore

	// Stop 1: the whole arm, with a pin on the humerus.
	tap(t, s.root, "New tour from Explore")
	if s.mode != modeEdit || len(s.ed.tour.Stops) != 1 {
		t.Fatalf("New tour: mode %d, %d stops", s.mode, len(s.ed.tour.Stops))
	}
	typeInto(s.ed.title, "Arm bones")
	typeInto(s.ed.stopTitle, "The arm")
	typeInto(s.ed.narration, "Three bones: the humerus above, the radius and ulna below.")
	tap(t, s.root, "Place pin")
	pos, ok := kittest.FindIn(s.viewer, "T:humerus")
	if !ok {
		t.Fatal("the humerus cannot be found in the editor's view")
	}
	test.TapAt(s.viewer, pos)
	form := entries(tt.dialog())
	if len(form) != 2 {
		t.Fatalf("the pin dialog has %d fields", len(form))
	}
	test.Type(form[0], "The shaft of the humerus")
	test.Type(form[1], "What is at this pin?")
	tap(t, tt.dialog(), "Save pin")
	s.ed.pins.setPlacing(false)

	// Stop 2: the radius hidden, seen from the side.
	ex.SetState("T:radius", render.Hidden)
	ex.SetPose(render.Pose{Target: render.Vec3{0, 0.4, 0}, Distance: 1.5, Yaw: 1.2, Pitch: 0.3}, 0)
	tap(t, s.root, "Add stop (C)")
	typeInto(s.ed.stopTitle, "Without the radius")
	typeInto(s.ed.narration, "The ulna alone below the elbow.")

	// Stop 3: a section through the forearm, the ulna selected; added with the C key.
	if err := ex.SetSection(render.Section{On: true, Normal: render.Vec3{0, 1, 0}, Offset: 0.25}); err != nil {
		t.Fatal(err)
	}
	ex.SetState("T:ulna", render.Highlighted)
	tt.sh.selected = "T:ulna"
	s.TypedRune('c')
	typeInto(s.ed.stopTitle, "Cut through the forearm")

	// Delete the middle stop and bring it back; move the last one earlier and back again.
	s.ed.stops.Select(1)
	tt.key(fyne.KeyDelete)
	if len(s.ed.tour.Stops) != 2 {
		t.Fatalf("after Delete: %d stops", len(s.ed.tour.Stops))
	}
	if !s.Undo() || len(s.ed.tour.Stops) != 3 || s.ed.tour.Stops[1].Title != "Without the radius" {
		t.Fatalf("Undo delete: %d stops %+v", len(s.ed.tour.Stops), s.ed.tour.Stops)
	}
	s.ed.stops.Select(2)
	s.TypedRune('<')
	if s.ed.tour.Stops[1].Title != "Cut through the forearm" {
		t.Fatalf("'<' did not move stop 3 earlier: %v", stopTitles(s.ed.tour))
	}
	s.TypedRune('>')
	authored := cloneTour(s.ed.tour)
	if got := stopTitles(authored); !reflect.DeepEqual(got, []string{"The arm", "Without the radius", "Cut through the forearm"}) {
		t.Fatalf("stops %v", got)
	}

	tap(t, s.root, "Save in pack")
	file := filepath.Join(tt.sh.Cur.Pack.Dir, content.TourDir, "arm-bones"+content.TourExt)
	if _, err := os.Stat(file); err != nil {
		t.Fatalf("not saved where expected (status %q): %v", s.ed.status.Text, err)
	}
	tt.key(fyne.KeyEscape) // back to the list, which now holds the tour
	if s.mode != modeList || len(s.list.tours) != 1 || s.list.tours[0].title() != "Arm bones" {
		t.Fatalf("list after saving: mode %d, %+v", s.mode, s.list.tours)
	}

	s.OpenFile(file)
	if s.mode != modePlay || s.pl.tour == nil {
		t.Fatalf("opening %s did not play it (error %v)", file, s.lastError)
	}
	compareTours(t, authored, s.pl.tour)
	checkPlay(t, tt)
}

func stopTitles(t *content.Tour) []string {
	var out []string
	for _, s := range t.Stops {
		out = append(out, s.Title)
	}
	return out
}

// compareTours checks what was read back against what was authored (camera to a micrometre).
func compareTours(t *testing.T, want, got *content.Tour) {
	t.Helper()
	if got.Title != want.Title || got.PackID != "test-arm" || len(got.Stops) != len(want.Stops) {
		t.Fatalf("read back %q for %q with %d stops; authored %q with %d", got.Title, got.PackID, len(got.Stops), want.Title, len(want.Stops))
	}
	for i := range want.Stops {
		w, g := want.Stops[i], got.Stops[i]
		near := func(a, b float64) bool { return math.Abs(a-b) < 1e-3 }
		if g.Title != w.Title || g.Narration != w.Narration || !reflect.DeepEqual(g.Hidden, w.Hidden) ||
			!reflect.DeepEqual(g.Highlighted, w.Highlighted) || g.Selection != w.Selection ||
			!near(g.Camera.DistanceMM, w.Camera.DistanceMM) || !near(g.Camera.Yaw, w.Camera.Yaw) ||
			(g.Section == nil) != (w.Section == nil) || len(g.Pins) != len(w.Pins) {
			t.Errorf("stop %d read back as %+v; authored %+v", i+1, g, w)
			continue
		}
		for k := range w.Pins {
			if g.Pins[k].Note != w.Pins[k].Note || g.Pins[k].Question != w.Pins[k].Question || g.Pins[k].Structure != w.Pins[k].Structure {
				t.Errorf("stop %d pin %d read back as %+v; authored %+v", i+1, k+1, g.Pins[k], w.Pins[k])
			}
		}
	}
	if p := want.Stops[0].Pins; len(p) != 1 || p[0].Structure != "T:humerus" || p[0].Question == "" {
		t.Errorf("the first stop's pin: %+v", p)
	}
	if w := want.Stops[2]; w.Selection != "T:ulna" || w.Section == nil || !reflect.DeepEqual(want.Stops[1].Hidden, []string{"T:radius"}) {
		t.Errorf("stops 2 and 3 did not capture Explore: %+v %+v", want.Stops[1], w)
	}
}

// checkPlay steps through the playing tour with the keys and clicks the pin.
func checkPlay(t *testing.T, tt *toursTest) {
	s := tt.s
	pins := s.viewer.Pins()
	if s.pl.at != 0 || len(pins.Pins()) != 1 || !strings.Contains(kittest.Text(s.root), "Stop 1 of 3: The arm") {
		t.Fatalf("stop %d, %d pins; shows:\n%s", s.pl.at, len(pins.Pins()), kittest.Text(s.root))
	}
	test.Tap(pins.Marker(0))
	if pins.NoteText() != "The shaft of the humerus" {
		t.Errorf("clicking the pin shows %q", pins.NoteText())
	}
	for _, k := range []fyne.KeyName{fyne.KeyRight, fyne.KeyPageDown} {
		s.viewer.TypedKey(&fyne.KeyEvent{Name: k}) // the player focuses the view
	}
	if s.pl.at != 2 || s.view.State("T:ulna") != render.Highlighted || !s.view.Section().On {
		t.Errorf("after → and Page Down: stop %d, ulna %v, section %v", s.pl.at+1, s.view.State("T:ulna"), s.view.Section())
	}
	tt.key(fyne.KeyPageUp)
	if s.pl.at != 1 || s.view.State("T:radius") != render.Hidden || s.view.State("T:ulna") != render.Normal ||
		s.view.Section().On || len(pins.Pins()) != 0 {
		t.Errorf("after Page Up: stop %d, radius %v, ulna %v, section %v, %d pins", s.pl.at+1,
			s.view.State("T:radius"), s.view.State("T:ulna"), s.view.Section(), len(pins.Pins()))
	}
	tt.key(fyne.KeyLeft)
	tt.key(fyne.KeyLeft) // stays on the first
	if s.pl.at != 0 {
		t.Errorf("after ← ←: stop %d", s.pl.at+1)
	}
	tt.key(fyne.KeyEscape)
	if s.mode != modeList {
		t.Errorf("Esc left the player in mode %d", s.mode)
	}
}
