package render

import (
	"errors"
	"fmt"
	"math"
)

// Section is a cutting plane: the points p with Normal·p = Offset (scene frame, metres). What
// lies on the side Normal points to is cut away; the rest is drawn, with the cut faces filled in
// each structure's colour. The zero Section is off.
type Section struct {
	On     bool
	Normal Vec3 // unit length once accepted by View.SetSection
	Offset float64
}

// ErrZeroNormal is returned for a section plane whose normal has no direction.
var ErrZeroNormal = errors.New("render: section plane: the normal is zero, so the plane has no direction")

// Axial, Coronal and Sagittal are the anatomical planes through a point: axial cuts away what
// is above it (the scene's Y is up), coronal what is in front (+Z is anterior), sagittal what is
// on +X.
func Axial(at Vec3) Section    { return SectionThrough(at, Vec3{0, 1, 0}) }
func Coronal(at Vec3) Section  { return SectionThrough(at, Vec3{0, 0, 1}) }
func Sagittal(at Vec3) Section { return SectionThrough(at, Vec3{1, 0, 0}) }

// SectionThrough is the plane through point at that cuts away what lies towards normal.
func SectionThrough(at, normal Vec3) Section {
	n := normal.Norm()
	return Section{On: true, Normal: n, Offset: n.Dot(at)}
}

// check normalises the normal, refusing a zero or non-finite one.
func (s Section) check() (Section, error) {
	if !s.On {
		return Section{}, nil
	}
	l := s.Normal.Len()
	if l == 0 {
		return Section{}, ErrZeroNormal
	}
	if math.IsNaN(l) || math.IsInf(l, 0) || math.IsNaN(s.Offset) || math.IsInf(s.Offset, 0) {
		return Section{}, fmt.Errorf("render: section plane: normal %v, offset %v are not finite numbers", s.Normal, s.Offset)
	}
	s.Offset /= l
	s.Normal = s.Normal.Scale(1 / l)
	return s, nil
}

// Kept says whether point p lies on the side of the plane that is drawn.
func (s Section) Kept(p Vec3) bool { return !s.On || s.Normal.Dot(p) <= s.Offset }

// clipVec4 is the plane as the shaders take it: dot(clip, (p, 1)) >= 0 is kept.
func (s Section) clipVec4() [4]float32 {
	return [4]float32{float32(-s.Normal[0]), float32(-s.Normal[1]), float32(-s.Normal[2]), float32(s.Offset)}
}

// keptInterval is the part [t0, t1] of the ray o + t·d (t >= 0) on the kept side; ok is false
// when none of it is.
func (s Section) keptInterval(o, d Vec3) (t0, t1 float64, ok bool) {
	t1 = math.Inf(1)
	if !s.On {
		return 0, t1, true
	}
	dist := s.Offset - s.Normal.Dot(o) // >= 0 where kept
	rate := -s.Normal.Dot(d)           // how dist changes per unit t
	switch {
	case rate == 0:
		return 0, t1, dist >= 0
	case rate > 0: // moving towards the kept side
		return max(0, -dist/rate), t1, true
	default:
		if dist < 0 {
			return 0, 0, false
		}
		return 0, -dist / rate, true
	}
}

// SetSection turns a section plane on (or off with the zero Section). A zero normal is refused
// with ErrZeroNormal and leaves the current plane as it was.
func (v *View) SetSection(s Section) error {
	s, err := s.check()
	if err != nil {
		return err
	}
	v.change(func() { v.section = s })
	return nil
}

// Section returns the section plane in use.
func (v *View) Section() Section {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.section
}

// Cut lists the structures the section plane passes through (those not hidden, in model
// order), for a list that says what is cut.
func (v *View) Cut() []string {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.model == nil || !v.section.On {
		return nil
	}
	var ids []string
	for _, i := range v.cuts.of(v.model, v.section) {
		if v.states[i] != Hidden {
			ids = append(ids, v.model.Scene.Parts[i].ID)
		}
	}
	return ids
}

type capKey struct {
	sec   Section
	model *Model
}

// cutCache keeps the structures a plane crosses until the plane or model changes.
type cutCache struct {
	key  capKey
	cuts []int
}

func (c *cutCache) of(m *Model, s Section) []int {
	if !s.On {
		return nil
	}
	if k := (capKey{sec: s, model: m}); c.key != k {
		c.key, c.cuts = k, m.cut(s)
	}
	return c.cuts
}

// cut returns the structures with vertices on both sides of the plane.
func (m *Model) cut(s Section) []int {
	var out []int
	for i := range m.parts {
		if m.crosses(i, s) {
			out = append(out, i)
		}
	}
	return out
}

// crosses says whether structure i has vertices on both sides of s: its box first, then its
// vertices when the box straddles the plane.
func (m *Model) crosses(i int, s Section) bool {
	b := m.parts[i].box
	if b.Empty() {
		return false
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for c := 0; c < 8; c++ {
		p := v3(b.Min)
		for k := 0; k < 3; k++ {
			if c&(1<<k) != 0 {
				p[k] = float64(b.Max[k])
			}
		}
		d := s.Normal.Dot(p) - s.Offset
		lo, hi = min(lo, d), max(hi, d)
	}
	if lo > 0 || hi < 0 {
		return false
	}
	pos := m.Scene.Parts[i].Mesh.Positions
	var above, below bool
	for j := 0; j+2 < len(pos); j += 3 {
		d := s.Normal[0]*float64(pos[j]) + s.Normal[1]*float64(pos[j+1]) + s.Normal[2]*float64(pos[j+2]) - s.Offset
		above, below = above || d > 0, below || d < 0
		if above && below {
			return true
		}
	}
	return false
}

// pickKept casts a ray through the section: only what lies on the kept side can be hit (so a
// click on a cap picks the structure cut there).
func (m *Model) pickKept(s Section, o, d Vec3, pickable func(i int) (ok, ghost bool)) (Hit, bool) {
	t0, t1, ok := s.keptInterval(o, d)
	if !ok {
		return Hit{}, false
	}
	h, ok := m.Pick(o.Add(d.Scale(t0)), d, pickable)
	if !ok {
		return Hit{}, false
	}
	h.Distance += t0
	if h.Distance > t1 {
		return Hit{}, false
	}
	return h, true
}
