package render

import (
	"math"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/osteon/osteon/content"
)

// Model is a scene prepared for viewing: per-structure boxes and picking hierarchies. It needs no
// OpenGL and its scene is not changed after NewModel, so any goroutine may read it. A structure's
// picking hierarchy is built the first time a ray reaches its box (bvhOf), so opening a big pack
// costs only the boxes.
type Model struct {
	Scene  *content.Scene
	Bounds content.Box
	parts  []modelPart
	byID   map[string]int
	top    boxTree   // over the parts' boxes
	chunk  []int32   // per structure, its neighbourhood in merged interaction frames (batch.go)
	lod    *modelLOD // simplified levels, made once the model is shown
	pick   picking   // builds every picking hierarchy once the model is shown

	exposed sync.Map // structure id -> exposure, Exposure's answers
}

type modelPart struct {
	box  content.Box
	tree atomic.Pointer[bvh] // nil until first needed
}

// NewModel measures every structure's box, using every core, and builds the top-level hierarchy
// over them.
func NewModel(s *content.Scene) *Model {
	m := &Model{Scene: s, parts: make([]modelPart, len(s.Parts)), byID: make(map[string]int, len(s.Parts)), lod: newModelLOD(len(s.Parts)), pick: picking{done: make(chan struct{})}}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				m.parts[i].box = s.Parts[i].Mesh.Bounds()
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
	boxes := make([]content.Box, len(m.parts))
	for i := range m.parts {
		m.Bounds = m.Bounds.Union(m.parts[i].box)
		boxes[i] = m.parts[i].box
	}
	m.top = newBoxTree(boxes)
	m.chunk = chunksOf(&m.top, s)
	return m
}

// bvhOf is structure i's picking hierarchy, built on first use. Two goroutines asking at once
// may both build it; one copy is kept.
func (m *Model) bvhOf(i int) *bvh {
	if t := m.parts[i].tree.Load(); t != nil {
		return t
	}
	mesh := &m.Scene.Parts[i].Mesh
	t := newBVH(mesh.Positions, mesh.Indices)
	if m.parts[i].tree.CompareAndSwap(nil, t) {
		return t
	}
	return m.parts[i].tree.Load()
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
// ghosted ones in front of it, so a learner can click through translucent skin. The top-level
// hierarchy brings the structures along the ray nearest first; of two at the same distance the
// lower index wins.
func (m *Model) Pick(origin, dir Vec3, pickable func(i int) (ok, ghost bool)) (Hit, bool) {
	r := newRay(origin, dir)
	solid, ghost := pickBest{t: inf32, i: -1}, pickBest{t: inf32, i: -1}
	bound := func() float32 { return solid.t } // a ghost hit does not bound: a solid behind it wins
	m.top.visitRay(&r, bound, func(i int) {
		ok, gh := pickable(i)
		if !ok || gh && solid.i >= 0 {
			return
		}
		best := &solid
		if gh {
			best = &ghost
		}
		if t, _, hit := m.bvhOf(i).intersect(&r, math.Nextafter32(best.t, inf32)); hit {
			best.offer(t, i)
		}
	})
	best := solid
	if best.i < 0 {
		best = ghost
	}
	if best.i < 0 {
		return Hit{}, false
	}
	return Hit{ID: m.Scene.Parts[best.i].ID, Index: best.i, Point: origin.Add(dir.Scale(float64(best.t))), Distance: float64(best.t)}, true
}

// pickBest is the nearest hit so far.
type pickBest struct {
	t float32
	i int
}

func (b *pickBest) offer(t float32, i int) {
	if t < b.t || t == b.t && i < b.i {
		b.t, b.i = t, i
	}
}
