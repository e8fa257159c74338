package render

import "sort"

// progressiveBudget is how many triangles of never-drawn full meshes one frame may send to the
// GPU. A bigger model appears over several frames, largest structures first, instead of after
// one long frame; the View draws the next at once (FrameStats.Pending).
const progressiveBudget = 1_000_000

// reveal remembers which of a model's full meshes have been admitted to a frame (GL thread).
type reveal struct {
	order []int  // structures, largest box first
	shown []bool // admitted to a frame once, so uploaded
	left  int    // structures not yet admitted
}

// admit lets the visible structures not yet shown into this frame, largest first, until their
// triangles pass the budget (the first always gets in), and returns how many still wait.
// Structures hidden in this frame wait without counting.
func (r *reveal) admit(spec *frameSpec) (pending int) {
	m := spec.model
	if r.order == nil {
		r.init(m)
	}
	if r.left == 0 {
		return 0
	}
	budget := progressiveBudget
	for _, i := range r.order {
		if r.shown[i] || i >= len(spec.visuals) || !spec.visuals[i].visible {
			continue
		}
		if n := m.Scene.Parts[i].Mesh.TriangleCount(); n <= budget || budget == progressiveBudget {
			r.shown[i] = true
			r.left--
			budget -= n
		} else {
			pending++
		}
	}
	return pending
}

func (r *reveal) init(m *Model) {
	r.order = make([]int, m.Len())
	for i := range r.order {
		r.order[i] = i
	}
	size := func(i int) float64 { return SphereOf(m.parts[i].box).Radius }
	sort.SliceStable(r.order, func(a, b int) bool { return size(r.order[a]) > size(r.order[b]) })
	r.shown = make([]bool, m.Len())
	r.left = m.Len()
}

// waiting reports whether structure i's full mesh must stay hidden in this frame.
func (r *reveal) waiting(i int) bool { return i < len(r.shown) && !r.shown[i] }
