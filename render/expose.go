package render

import "slices"

// Whether a structure can be found by clicking: looked at from 14 directions around it (the six
// axes and the eight diagonals), with whatever hides it peeled away one structure at a time, can
// a ray reach it? Structures wholly inside others (spongy bone inside compact bone) are reached
// once their enclosers are ghosted; only one that no ray reaches at all (no triangles, or faces
// that never come first) cannot be found.

// exposeDirs are the directions a structure is looked at from.
var exposeDirs = func() []Vec3 {
	var out []Vec3
	for k := range 3 {
		for _, s := range []float64{1, -1} {
			var d Vec3
			d[k] = s
			out = append(out, d)
		}
	}
	for _, x := range []float64{1, -1} {
		for _, y := range []float64{1, -1} {
			for _, z := range []float64{1, -1} {
				out = append(out, Vec3{x, y, z}.Norm())
			}
		}
	}
	return out
}()

// Exposure says whether structure id can be seen and clicked from some direction once the
// structures in front of it are ghosted (found), and the fewest structures to ghost for that:
// none when some ray reaches it with nothing in front (it is at least partly in plain sight from
// some side). Structures the scene ghosts by default are seen through. The model does not change,
// so each structure's answer is worked out once (Practice asks again on every profile switch).
func (m *Model) Exposure(id string) (ghost []string, found bool) {
	if m == nil || m.Index(id) < 0 || m.BoundsOf(id).Empty() {
		return nil, false
	}
	if e, ok := m.exposed.Load(id); ok {
		e := e.(exposure)
		return slices.Clone(e.ghost), e.found
	}
	ghost, found = m.exposure(id)
	m.exposed.Store(id, exposure{ghost, found})
	return slices.Clone(ghost), found
}

// exposure is Exposure's answer for one structure.
type exposure struct {
	ghost []string
	found bool
}

// exposure looks at structure id from every direction in exposeDirs.
func (m *Model) exposure(id string) (ghost []string, found bool) {
	far := 3 * (SphereOf(m.Bounds).Radius + SphereOf(m.BoundsOf(id)).Radius)
	ctr := v3(m.BoundsOf(id).Center())
	best := -1
	for _, d := range exposeDirs {
		occ, reached, direct := m.occludersFrom(ctr.Add(d.Scale(far)), id)
		if direct >= minDirect {
			return nil, true
		}
		if reached && (best < 0 || len(occ) < best) {
			ghost, best, found = occ, len(occ), true
		}
	}
	return ghost, found
}

// Enclosed reports whether structure id can be found only with others ghosted (hidden from every
// direction looked from).
func (m *Model) Enclosed(id string) bool {
	g, ok := m.Exposure(id)
	return ok && len(g) > 0
}

// occludersFrom lists what lies in front of structure id seen from eye, along rays to its
// sample points, whether any ray reaches it once those are peeled, and whether one reaches it
// with nothing in front (then it stops looking). A ray that never reaches it (it passes through a
// hollow, or out of the far side) adds nothing.
func (m *Model) occludersFrom(eye Vec3, id string) (occ []string, reached bool, direct int) {
	ti := m.Index(id)
	ghost := make([]bool, m.Len())
	for i := range m.Scene.Parts {
		ghost[i] = m.Scene.Parts[i].Ghosted
	}
	peeled := map[int]bool{}
	for _, s := range samplePoints(m.BoundsOf(id)) {
		dir := s.Sub(eye).Norm()
		if hit, ok := m.Pick(eye, dir, func(i int) (bool, bool) { return true, ghost[i] }); ok && hit.Index == ti {
			direct++
			reached = true
			continue
		}
		var mine []int
		skip := func(i int) (bool, bool) { return !peeled[i] && !slices.Contains(mine, i), ghost[i] }
		for range exposePeel {
			hit, ok := m.Pick(eye, dir, skip)
			if !ok {
				break
			}
			if hit.Index == ti {
				reached = true
				for _, i := range mine {
					peeled[i] = true
					occ = append(occ, m.Scene.Parts[i].ID)
				}
				break
			}
			mine = append(mine, hit.Index)
		}
	}
	return occ, reached, direct
}

// minDirect is how many of a direction's rays (of 5) must reach a structure with nothing in front
// for it to count as in plain sight from there: a sliver showing through a gap in what encloses
// it does not.
const minDirect = 2

// exposePeel is how many structures a ray peels before giving up on reaching its target.
const exposePeel = 12
