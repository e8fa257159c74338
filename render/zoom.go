package render

// ZoomAt zooms by factor (below 1 moves closer) towards what lies under pixel (x, y): the point
// of the structure picked there, else the pixel's point at the target's depth, so that point
// stays under the pointer.
func (v *View) ZoomAt(x, y, factor float64) {
	hit, _, ok := v.pickAt(x, y)
	v.change(func() {
		v.anim = nil
		v.interact()
		p := hit.Point
		if !ok {
			p = v.cam.PointAt(x, y)
		}
		v.cam.ZoomAt(p, factor)
	})
}
