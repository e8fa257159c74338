package render

import (
	"math"
	"testing"
)

// TestZoomAtKeepsPointUnderPointer: a scroll zoom at a pixel keeps the world point under the
// pointer on that pixel (within one), on a structure of the BodyParts3D limb and on empty space,
// closer and further; a zoom to the view's centre moves the same point away (issue 15 item 12).
func TestZoomAtKeepsPointUnderPointer(t *testing.T) {
	m := upperLimb(t)
	v := NewView(nil)
	v.SetModel(m)
	v.Resize(400, 300)
	v.ResetView(0)
	onModel := 0
	pixels := [][2]float64{{60, 50}, {330, 240}, {120, 200}, {300, 80}, {200, 150}, {15, 285}}
	for _, name := range []string{"Right humerus", "Left scapula", "Right radius"} {
		c, _ := v.ProjectBox(m.BoundsOf(findID(t, m, name)))
		pixels = append(pixels, c)
	}
	for _, px := range pixels {
		for _, f := range []float64{0.5, 0.9, 1.6} {
			v.ResetView(0)
			x, y := px[0], px[1]
			cam := v.Camera()
			p := cam.PointAt(x, y)
			if h, ok := v.Pick(x, y); ok {
				p = h.Point
				onModel++
			}
			before := v.Pose().Distance
			v.ZoomAt(x, y, f)
			if d := v.Pose().Distance; math.Abs(d/before-f) > 1e-9 {
				t.Errorf("zoom %v at (%v, %v): distance %v → %v", f, x, y, before, d)
			}
			if gx, gy, front := v.Project(p); !front || math.Hypot(gx-x, gy-y) > 1 {
				t.Errorf("zoom %v at (%v, %v): the point under the pointer moved to (%.1f, %.1f)", f, x, y, gx, gy)
			}
			// The old zoom, to the centre, moves an off-centre point: the check above can fail.
			v.ResetView(0)
			v.Zoom(f)
			if gx, gy, _ := v.Project(p); math.Hypot(gx-x, gy-y) < 3 && math.Hypot(x-200, y-150) > 20 {
				t.Errorf("zoom %v to the centre kept (%v, %v) in place: the test proves nothing", f, x, y)
			}
		}
	}
	if onModel == 0 {
		t.Error("no pixel on the model was tried")
	}
}
