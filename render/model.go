package render

import (
	"runtime"
	"sync"

	"github.com/osteon/osteon/content"
)

// Model is a scene prepared for viewing: per-structure boxes and picking hierarchies. It needs no
// OpenGL and is not changed after NewModel, so any goroutine may read it.
type Model struct {
	Scene  *content.Scene
	Bounds content.Box
	parts  []modelPart
	byID   map[string]int
}

type modelPart struct {
	box content.Box
	bvh *bvh
}

// NewModel builds the picking hierarchies, using every core.
func NewModel(s *content.Scene) *Model {
	m := &Model{Scene: s, parts: make([]modelPart, len(s.Parts)), byID: make(map[string]int, len(s.Parts))}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				mesh := &s.Parts[i].Mesh
				m.parts[i] = modelPart{box: mesh.Bounds(), bvh: newBVH(mesh.Positions, mesh.Indices)}
			}
		}()
	}
	for i := range s.Parts {
		m.byID[s.Parts[i].ID] = i
		next <- i
	}
	close(next)
	wg.Wait()
	m.Bounds = content.EmptyBox()
	for _, p := range m.parts {
		m.Bounds = m.Bounds.Union(p.box)
	}
	return m
}

// Len is the number of structures.
func (m *Model) Len() int { return len(m.parts) }

// Index returns the position of structure id, or -1.
func (m *Model) Index(id string) int {
	if i, ok := m.byID[id]; ok {
		return i
	}
	return -1
}

// BoundsOf is the box around the given structures (unknown ids are ignored).
func (m *Model) BoundsOf(ids ...string) content.Box {
	b := content.EmptyBox()
	for _, id := range ids {
		if i := m.Index(id); i >= 0 {
			b = b.Union(m.parts[i].box)
		}
	}
	return b
}

// Hit is where a pick ray met a structure.
type Hit struct {
	ID       string
	Index    int
	Point    Vec3    // in the scene frame (metres)
	Distance float64 // from the ray origin
}

// Pick casts a ray and returns the nearest structure it meets. pickable says which structures
// take part and whether they are ghosted: a solid structure anywhere along the ray wins over
// ghosted ones in front of it, so a learner can click through translucent skin.
func (m *Model) Pick(origin, dir Vec3, pickable func(i int) (ok, ghost bool)) (Hit, bool) {
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
		t, _, hit := p.bvh.intersect(&r, best)
		if !hit {
			continue
		}
		h := Hit{ID: m.Scene.Parts[i].ID, Index: i, Point: origin.Add(dir.Scale(float64(t))), Distance: float64(t)}
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
