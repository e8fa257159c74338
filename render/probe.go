package render

import (
	"math"

	"github.com/osteon/osteon/content"
)

// Geometry the screens ask about a model and a view: what a tap near a thin structure means, what
// hides a structure from the camera, which structures can be clicked from here, and how far a
// click landed from a structure's surface. None of it needs OpenGL.

// PickNear picks at pixel (x, y); on empty space, or where the pixel meets only see-through
// structures, it looks on rings around the point, every step pixels out to slop, 12 points a
// ring, nearest ring first, and takes the first solid structure found (else what the pixel met,
// else the nearest see-through one).
// A solid structure under the pointer always wins.
func (v *View) PickNear(x, y, slop, step float64) (Hit, bool) {
	under, ghost, ok := v.pickAt(x, y)
	if ok && !ghost || step <= 0 {
		return under, ok
	}
	for r := step; r <= slop; r += step {
		for a := range 12 {
			ang := float64(a) * math.Pi / 6
			hit, gh, found := v.pickAt(x+r*math.Cos(ang), y+r*math.Sin(ang))
			if found && !gh {
				return hit, true
			}
			if found && !ok {
				under, ok = hit, true // the nearest see-through one, should no solid one be near
			}
		}
	}
	return under, ok
}

// Occluders lists the structures that hide targets from eye: rays from the eye to five points of
// each target's box (its centre and four points around it) are cast against the meshes, and
// whatever they meet before the target is an occluder. Structures the scene ghosts by default
// are seen through, as the view shows them.
func (m *Model) Occluders(eye Vec3, targets []string) []string {
	if m == nil || len(targets) == 0 {
		return nil
	}
	ghost := make([]bool, m.Len())
	for i := range m.Scene.Parts {
		ghost[i] = m.Scene.Parts[i].Ghosted
	}
	found := make([]bool, m.Len())
	var out []string
	for _, t := range targets {
		ti := m.Index(t)
		b := m.BoundsOf(t)
		if ti < 0 || b.Empty() {
			continue
		}
		for _, s := range samplePoints(b) {
			for range 12 { // peel what lies in front, one structure at a time
				d := s.Sub(eye)
				hit, ok := m.Pick(eye, d.Norm(), func(i int) (bool, bool) { return !found[i], ghost[i] })
				if !ok || hit.Index == ti || hit.Distance > d.Len() {
					break
				}
				found[hit.Index] = true
				out = append(out, hit.ID)
			}
		}
	}
	return out
}

// samplePoints are the centre of a box and four points a quarter of the way to its edges.
func samplePoints(b content.Box) []Vec3 {
	ctr := v3(b.Center())
	out := []Vec3{ctr}
	for _, k := range []int{0, 1, 2} {
		h := float64(b.Max[k]-b.Min[k]) / 4
		if h <= 0 || len(out) == 5 {
			continue
		}
		lo, hi := ctr, ctr
		lo[k] -= h
		hi[k] += h
		out = append(out, lo, hi)
	}
	return out
}

// ProjectBox projects a box's centre and those of its 8 corners in front of the camera to the
// view's pixels.
func (v *View) ProjectBox(b content.Box) (centre [2]float64, corners [][2]float64) {
	cx, cy, _ := v.Project(v3(b.Center()))
	for k := range 8 {
		p := v3(b.Min)
		for axis := range 3 {
			if k&(1<<axis) != 0 {
				p[axis] = float64(b.Max[axis])
			}
		}
		if x, y, front := v.Project(p); front {
			corners = append(corners, [2]float64{x, y})
		}
	}
	return [2]float64{cx, cy}, corners
}

// VisibleTargets keeps the structures of ids that can be clicked from the current camera: all
// of the box is in front of the camera, at least two points of a 7×7 grid over its projected box
// pick the structure, and the box is at least minPx across on screen.
func (v *View) VisibleTargets(ids []string, minPx float64) []string {
	m := v.Model()
	if m == nil {
		return nil
	}
	cam := v.Camera()
	var out []string
	for _, id := range ids {
		_, pts := v.ProjectBox(m.BoundsOf(id))
		if len(pts) < 8 {
			continue
		}
		x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		for _, p := range pts {
			x0, y0, x1, y1 = min(x0, p[0]), min(y0, p[1]), max(x1, p[0]), max(y1, p[1])
		}
		x0, y0 = max(x0, 0), max(y0, 0)
		x1, y1 = min(x1, float64(cam.Width-1)), min(y1, float64(cam.Height-1))
		if x1-x0 < minPx || y1-y0 < minPx {
			continue
		}
		if v.gridHits(id, x0, y0, x1, y1) >= 2 {
			out = append(out, id)
		}
	}
	return out
}

// gridHits counts the points of a 7×7 grid over the rectangle that pick id.
func (v *View) gridHits(id string, x0, y0, x1, y1 float64) int {
	hits := 0
	for i := range 7 {
		for j := range 7 {
			x, y := x0+(x1-x0)*(float64(i)+0.5)/7, y0+(y1-y0)*(float64(j)+0.5)/7
			if h, ok := v.Pick(x, y); ok && h.ID == id {
				hits++
			}
		}
	}
	return hits
}

// SurfaceDistance is the distance from p to the nearest point of structure id's mesh surface
// (its triangles), in the scene's units (metres); false for an unknown id or a structure
// without triangles.
func (m *Model) SurfaceDistance(id string, p Vec3) (float64, bool) {
	i := m.Index(id)
	if i < 0 {
		return 0, false
	}
	mesh := &m.Scene.Parts[i].Mesh
	pos, idx := mesh.Positions, mesh.Indices
	best, found := math.Inf(1), false
	for t := 0; t+2 < len(idx); t += 3 {
		a, b, c := vertex(pos, idx[t]), vertex(pos, idx[t+1]), vertex(pos, idx[t+2])
		if d := closestOnTriangle(p, a, b, c).Sub(p).Len(); d < best {
			best, found = d, true
		}
	}
	return best, found
}

func vertex(pos []float32, i uint32) Vec3 {
	return Vec3{float64(pos[3*i]), float64(pos[3*i+1]), float64(pos[3*i+2])}
}

// closestOnTriangle is the point of triangle abc nearest p (Ericson, Real-Time Collision
// Detection, 5.1.5).
func closestOnTriangle(p, a, b, c Vec3) Vec3 {
	ab, ac, ap := b.Sub(a), c.Sub(a), p.Sub(a)
	d1, d2 := ab.Dot(ap), ac.Dot(ap)
	if d1 <= 0 && d2 <= 0 {
		return a
	}
	bp := p.Sub(b)
	d3, d4 := ab.Dot(bp), ac.Dot(bp)
	if d3 >= 0 && d4 <= d3 {
		return b
	}
	if vc := d1*d4 - d3*d2; vc <= 0 && d1 >= 0 && d3 <= 0 {
		return a.Add(ab.Scale(d1 / (d1 - d3)))
	}
	cp := p.Sub(c)
	d5, d6 := ab.Dot(cp), ac.Dot(cp)
	if d6 >= 0 && d5 <= d6 {
		return c
	}
	if vb := d5*d2 - d1*d6; vb <= 0 && d2 >= 0 && d6 <= 0 {
		return a.Add(ac.Scale(d2 / (d2 - d6)))
	}
	if va := d3*d6 - d5*d4; va <= 0 && d4-d3 >= 0 && d5-d6 >= 0 {
		return b.Add(c.Sub(b).Scale((d4 - d3) / ((d4 - d3) + (d5 - d6))))
	}
	va, vb, vc := d3*d6-d5*d4, d5*d2-d1*d6, d1*d4-d3*d2
	den := 1 / (va + vb + vc)
	return a.Add(ab.Scale(vb * den)).Add(ac.Scale(vc * den))
}
