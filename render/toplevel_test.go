package render

import (
	"math/rand/v2"
	"sync"
	"testing"
)

// pickLinear is Model.Pick without the top-level hierarchy: every structure's box, in order.
func pickLinear(m *Model, origin, dir Vec3, pickable func(i int) (ok, ghost bool)) (Hit, bool) {
	r := newRay(origin, dir)
	var solid, ghost Hit
	solidT, ghostT := inf32, inf32
	for i := range m.parts {
		ok, gh := pickable(i)
		if !ok {
			continue
		}
		best := solidT
		if gh {
			best = ghostT
		}
		p := &m.parts[i]
		lo, hi := [3]float32(p.box.Min), [3]float32(p.box.Max)
		if _, hit := r.hitBox(&lo, &hi, best); !hit {
			continue
		}
		t, _, hit := m.bvhOf(i).intersect(&r, best)
		if !hit {
			continue
		}
		h := Hit{ID: m.Scene.Parts[i].ID, Index: i, Distance: float64(t)}
		if gh {
			ghost, ghostT = h, t
		} else {
			solid, solidT = h, t
		}
	}
	switch {
	case solidT < inf32:
		return solid, true
	case ghostT < inf32:
		return ghost, true
	}
	return Hit{}, false
}

var (
	limb30Once  sync.Once
	limb30Model *Model
	limb30Err   error
)

// limb30Scene is the limb30 benchmark scene as a model, loaded once.
func limb30Scene(tb testing.TB) *Model {
	tb.Helper()
	s := limb30(tb)
	limb30Once.Do(func() {
		sc, err := s.open()
		if limb30Err = err; err == nil {
			limb30Model = NewModel(sc)
		}
	})
	if limb30Err != nil {
		tb.Fatal(limb30Err)
	}
	return limb30Model
}

// TestTopLevelPickMatchesLinear: 2,000 random rays over the 2,160-part limb30 scene, with some
// structures hidden and some ghosted, pick the same structure at the same distance through the
// top-level hierarchy as by testing every structure in turn.
func TestTopLevelPickMatchesLinear(t *testing.T) {
	m := limb30Scene(t)
	rng := rand.New(rand.NewPCG(5, 6))
	state := make([]State, m.Len())
	for i := range state {
		state[i] = []State{Normal, Normal, Normal, Ghosted, Hidden}[rng.IntN(5)]
	}
	pickable := func(i int) (bool, bool) { return state[i] != Hidden, state[i] == Ghosted }
	hits, ghosts := 0, 0
	for k, r := range aimedRays(m, 2000, 11) {
		got, gok := m.Pick(r[0], r[1], pickable)
		want, wok := pickLinear(m, r[0], r[1], pickable)
		if gok != wok || got.Index != want.Index || got.Distance != want.Distance {
			t.Fatalf("ray %d: top level %v %+v, linear %v %+v", k, gok, got, wok, want)
		}
		if gok {
			hits++
			if state[got.Index] == Ghosted {
				ghosts++
			}
		}
	}
	if hits < 1000 || ghosts == 0 {
		t.Fatalf("%d of 2000 rays hit, %d on ghosted structures: too few to prove anything", hits, ghosts)
	}
	t.Logf("%d of 2000 rays hit (%d ghosted)", hits, ghosts)
}

// aimedRays are n rays from random points around the scene towards random points inside random
// structures' boxes, so most of them hit something.
func aimedRays(m *Model, n int, seed uint64) [][2]Vec3 {
	rng := rand.New(rand.NewPCG(seed, 9))
	s := SphereOf(m.Bounds)
	rays := make([][2]Vec3, n)
	for i := range rays {
		b := m.parts[rng.IntN(m.Len())].box
		var to, from Vec3
		for k := range 3 {
			to[k] = float64(b.Min[k] + rng.Float32()*(b.Max[k]-b.Min[k]))
			from[k] = s.Center[k] + (rng.Float64()*2-1)*2*s.Radius
		}
		rays[i] = [2]Vec3{from, to.Sub(from).Norm()}
	}
	return rays
}

// BenchmarkPickScale is one pick at limb30 through the top-level hierarchy and through the
// linear walk over every structure.
func BenchmarkPickScale(b *testing.B) {
	m := limb30Scene(b)
	rays := randomRays(m, 2000, 3)
	all := func(int) (bool, bool) { return true, false }
	b.Run("top-level", func(b *testing.B) {
		for i := range b.N {
			r := rays[i%len(rays)]
			m.Pick(r[0], r[1], all)
		}
	})
	b.Run("linear", func(b *testing.B) {
		for i := range b.N {
			r := rays[i%len(rays)]
			pickLinear(m, r[0], r[1], all)
		}
	})
}

// TestHierarchiesBuiltWhenFirstReached: opening a model builds no structure's picking hierarchy;
// a pick builds those whose boxes its ray reaches, and only those.
func TestHierarchiesBuiltWhenFirstReached(t *testing.T) {
	m := NewModel(upperLimb(t).Scene)
	built := func() int {
		n := 0
		for i := range m.parts {
			if m.parts[i].tree.Load() != nil {
				n++
			}
		}
		return n
	}
	if n := built(); n != 0 {
		t.Fatalf("NewModel built %d hierarchies, want none", n)
	}
	c, r := SphereOf(m.parts[0].box), SphereOf(m.Bounds).Radius // a ray through the first structure
	o := c.Center.Add(Vec3{0, 0, 3 * r})
	all := func(int) (bool, bool) { return true, false }
	h, ok := m.Pick(o, Vec3{0, 0, -1}, all)
	n := built()
	if !ok || n == 0 || n >= m.Len()/2 {
		t.Fatalf("one pick (hit %v %q) built %d of %d hierarchies; want a few", ok, h.ID, n, m.Len())
	}
	if again, _ := m.Pick(o, Vec3{0, 0, -1}, all); again != h {
		t.Fatalf("the same pick again gave %+v, first %+v", again, h)
	}
}
