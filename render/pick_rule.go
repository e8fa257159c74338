package render

import (
	"strings"

	"github.com/osteon/osteon/content"
)

// The pick rule: what a click means where structures overlap along the ray.
//
//   - Hidden structures take no part.
//   - A structure drawn see-through (ghosted, or translucent in its own colour, as the built-in
//     limb's skin is) is a ghost: it never beats a solid structure anywhere along the ray, and a
//     click that meets only ghosts picks a solid structure within the tap's slop first (see
//     PickNear), so a near miss on a thin nerve under the skin is not "you clicked the skin".
//   - A shell, a structure the scene shows see-through by default or of the integumentary system
//     (skin and the like), loses to a solid structure inside it when the ray meets both, even
//     while the shell is drawn solid (selected): the inner structure wins when its box lies within
//     the shell's box and the ray meets the shell again beyond it. A click on a shell where
//     nothing lies inside still picks the shell.

// pickRule is how each structure of the current model takes part in a pick (mu held): pickable
// for Model.Pick, and whether each is a shell. It copies the states and tints and decides lazily,
// so a pick on a large model stays cheap.
func (v *View) pickRule() (pickable func(i int) (ok, ghost bool), shell func(i int) bool) {
	m := v.model
	states := append([]State(nil), v.states...)
	tints := append([]content.Color(nil), v.tints...)
	pickable = func(i int) (bool, bool) {
		c := BaseColor(&m.Scene.Parts[i].Structure)
		if i < len(tints) && tints[i].A != 0 {
			c = tints[i]
		}
		return states[i] != Hidden, seeThrough(states[i], c)
	}
	return pickable, func(i int) bool { return isShell(m, i) }
}

// seeThrough reports whether a structure in state st and colour c is drawn translucent, as
// visualOf draws it: ghosted, or a colour with alpha unless highlighted (drawn opaque).
func seeThrough(st State, c content.Color) bool {
	return st == Ghosted || st != Highlighted && c.A < 255
}

// isShell reports whether structure i is an outer covering: see-through by default, or skin.
func isShell(m *Model, i int) bool {
	s := &m.Scene.Parts[i].Structure
	return s.Ghosted || BaseColor(s).A < 255 || strings.EqualFold(strings.TrimSpace(s.System), "integumentary")
}

// pickAt is View.Pick with whether the hit is a ghost (drawn see-through).
func (v *View) pickAt(x, y float64) (hit Hit, ghost, ok bool) {
	v.mu.Lock()
	if v.model == nil {
		v.mu.Unlock()
		return Hit{}, false, false
	}
	m, cam, sec := v.model, v.cam, v.section
	pickable, shell := v.pickRule()
	v.mu.Unlock()
	o, d := cam.Ray(x, y)
	hit, ok = m.pickInside(sec, o, d, pickable, shell)
	if !ok {
		return Hit{}, false, false
	}
	_, ghost = pickable(hit.Index)
	return hit, ghost, true
}

// maxShells bounds how many nested shells a pick looks through.
const maxShells = 4

// pickInside picks what the section keeps along the ray; where that is a solid shell, a solid
// structure inside it wins (see the pick rule above).
func (m *Model) pickInside(sec Section, o, d Vec3, pickable func(i int) (bool, bool), shell func(i int) bool) (Hit, bool) {
	h, ok := m.pickKept(sec, o, d, pickable)
	for range maxShells {
		if !ok {
			return h, ok
		}
		if _, gh := pickable(h.Index); gh || !shell(h.Index) {
			return h, true
		}
		outer := h.Index
		in, found := m.pickKept(sec, o, d, func(i int) (bool, bool) {
			if i == outer {
				return false, false
			}
			return pickable(i)
		})
		if _, gh := pickable(in.Index); !found || gh || !m.encloses(outer, in, d) {
			return h, true
		}
		h = in
	}
	return h, ok
}

// encloses reports whether structure outer wraps the hit in along the ray: in's box lies within
// outer's (to 1% of outer's size) and the ray meets outer again beyond in.
func (m *Model) encloses(outer int, in Hit, d Vec3) bool {
	ob, ib := m.parts[outer].box, m.parts[in.Index].box
	for k := range 3 {
		tol := 0.01 * (ob.Max[k] - ob.Min[k])
		if ib.Min[k] < ob.Min[k]-tol || ib.Max[k] > ob.Max[k]+tol {
			return false
		}
	}
	_, beyond := m.Pick(in.Point, d, func(i int) (bool, bool) { return i == outer, false })
	return beyond
}
