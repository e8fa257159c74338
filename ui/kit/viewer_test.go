package kit_test

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/osteon/osteon/ui/kit/kittest"
)

// TestScrollZoomsAtThePointer: a wheel notch over a structure off the view's centre zooms in
// towards it: the point under the pointer stays under it (it used to slide towards the edge, as
// the zoom went to the centre: issue 15 item 12).
func TestScrollZoomsAtThePointer(t *testing.T) {
	sh := kittest.New(t)
	c := kittest.Pack(t, kittest.Arm, false)
	v, w := sh.NewView()
	v.SetModel(c.Model)
	sh.Win.SetContent(w)
	sh.Win.Resize(fyne.NewSize(800, 600))
	sh.Win.Canvas().Capture() // the viewer's frames get its size
	v.ResetView(0)
	pos, ok := kittest.FindIn(w, "T:radius")
	if !ok {
		t.Fatal("the radius is nowhere on screen")
	}
	x, y := w.Pixel(pos)
	hit, _ := v.Pick(x, y)
	before := v.Pose().Distance
	w.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: pos}, Scrolled: fyne.Delta{DY: 10}})
	if d := v.Pose().Distance; d >= before {
		t.Fatalf("scrolling up moved the camera from %v to %v, not closer", before, d)
	}
	if gx, gy, _ := v.Project(hit.Point); math.Hypot(gx-x, gy-y) > 1 {
		t.Errorf("the point under the pointer at (%.0f, %.0f) moved to (%.1f, %.1f)", x, y, gx, gy)
	}
}
