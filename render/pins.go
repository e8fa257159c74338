package render

import "math"

// PinSpot is where a pin (a point on the model) appears in the current frame, for the ui to
// draw: recomputed from the camera each time it is asked, so pins move with the view.
type PinSpot struct {
	X, Y     float64 // pixels from the frame's top-left corner
	OnScreen bool    // in front of the camera and inside the frame
	Occluded bool    // a shown, solid structure lies between the camera and the pin: draw it dimmed
	Cut      bool    // on the side the section plane cuts away
}

// PinSpots projects pins (scene points) into the current frame and says which are hidden behind
// the model. Ghosted structures do not hide a pin; hidden ones and what the section cuts away
// neither.
func (v *View) PinSpots(points []Vec3) []PinSpot {
	v.mu.Lock()
	m, cam, sec := v.model, v.cam, v.section
	states := append([]State(nil), v.states...)
	v.mu.Unlock()
	out := make([]PinSpot, len(points))
	eye := cam.Eye()
	solid := func(i int) (bool, bool) { return states[i] != Hidden && states[i] != Ghosted, false }
	for k, p := range points {
		x, y, front := cam.Project(p)
		s := PinSpot{X: x, Y: y, Cut: !sec.Kept(p)}
		s.OnScreen = front && x >= 0 && y >= 0 && x < float64(cam.Width) && y < float64(cam.Height)
		if m != nil {
			to := p.Sub(eye)
			dist := to.Len()
			if h, ok := m.pickKept(sec, eye, to.Norm(), solid); ok && h.Distance < dist-pinTolerance(dist) {
				s.Occluded = true
			}
		}
		out[k] = s
	}
	return out
}

// pinTolerance is how far in front of a pin a surface may be and still count as the surface the
// pin sits on (pins are placed on surfaces, and grazing rays meet them a little early).
func pinTolerance(dist float64) float64 { return math.Max(1e-4, 0.003*dist) }
