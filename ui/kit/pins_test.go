package kit_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/osteon/osteon/render"
	"github.com/osteon/osteon/ui/kit"
	"github.com/osteon/osteon/ui/kit/kittest"
)

// TestPinLayerDimsHiddenPins puts a pin on the front and one on the back of the test arm's
// humerus, seen from the front: the back one is drawn dimmed, the front one not; both move when
// the camera turns, and a click on a pin opens its note.
func TestPinLayerDimsHiddenPins(t *testing.T) {
	sh := kittest.New(t)
	arm := kittest.Pack(t, kittest.Arm, false)
	v := render.NewView(nil)
	v.SetModel(arm.Model)
	w := kit.NewViewer(v)
	sh.Win.SetContent(w)
	sh.Win.Resize(fyne.NewSize(640, 480))
	sh.Win.Canvas().Capture() // sizes the frame
	v.SetPose(render.Pose{Target: render.Vec3{0, 0.45, 0}, Distance: 2, Yaw: 0, Pitch: 0}, 0)
	pins := w.Pins()
	pins.Set([]kit.PinMark{
		{Point: render.Vec3{0, 0.7, 0.05}, Note: "front"},
		{Point: render.Vec3{0, 0.7, -0.05}, Note: "back"},
	})
	s := pins.Spots()
	if len(s) != 2 || !s[0].OnScreen || !s[1].OnScreen {
		t.Fatalf("spots %+v", s)
	}
	if pins.Dimmed(0) || !pins.Dimmed(1) || s[0].Occluded || !s[1].Occluded {
		t.Errorf("front dimmed %v, back dimmed %v (spots %+v)", pins.Dimmed(0), pins.Dimmed(1), s)
	}
	x0 := s[0].X
	v.SetPose(render.Pose{Target: render.Vec3{0, 0.45, 0}, Distance: 2, Yaw: 3.1, Pitch: 0}, 0)
	pins.Place()
	if s = pins.Spots(); s[0].X == x0 || !pins.Dimmed(0) || pins.Dimmed(1) {
		t.Errorf("seen from behind: front dimmed %v, back dimmed %v, x %v then %v", pins.Dimmed(0), pins.Dimmed(1), x0, s[0].X)
	}
	test.Tap(pins.Marker(1))
	if pins.NoteText() != "back" || pins.OpenNote() != 1 {
		t.Errorf("clicking pin 2 shows %q", pins.NoteText())
	}
	test.Tap(pins.Marker(1))
	if pins.OpenNote() != -1 {
		t.Errorf("a second click left note %d open", pins.OpenNote())
	}
}
