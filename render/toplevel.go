package render

import (
	"sort"

	"github.com/osteon/osteon/content"
)

// boxTree is a bounding-volume hierarchy over the structures' boxes (the top level above each
// structure's own triangle hierarchy): a pick or a frustum test visits the few structures near
// the ray or inside the view instead of all of them. Nodes are laid out like bvhNode; a leaf
// owns items[start:start+count], which are structure indices.
type boxTree struct {
	nodes []bvhNode
	items []uint32
}

const boxTreeLeaf = 2

func newBoxTree(boxes []content.Box) boxTree {
	t := boxTree{nodes: make([]bvhNode, 0, 2*len(boxes)/boxTreeLeaf+1)}
	for i, b := range boxes {
		if !b.Empty() {
			t.items = append(t.items, uint32(i))
		}
	}
	if len(t.items) > 0 {
		t.build(boxes, 0, len(t.items))
	}
	return t
}

// build adds the node for items[lo:hi] and its subtree, splitting at the median centre along
// the widest axis of the centres; it returns the node's index.
func (t *boxTree) build(boxes []content.Box, lo, hi int) int {
	ni := len(t.nodes)
	t.nodes = append(t.nodes, bvhNode{})
	nd := bvhNode{min: [3]float32{inf32, inf32, inf32}, max: [3]float32{-inf32, -inf32, -inf32}}
	cmin, cmax := nd.min, nd.max
	for _, it := range t.items[lo:hi] {
		b, c := boxes[it], boxes[it].Center()
		for k := range 3 {
			nd.min[k], nd.max[k] = min(nd.min[k], b.Min[k]), max(nd.max[k], b.Max[k])
			cmin[k], cmax[k] = min(cmin[k], c[k]), max(cmax[k], c[k])
		}
	}
	if hi-lo <= boxTreeLeaf {
		nd.start, nd.count = uint32(lo), uint32(hi-lo)
		t.nodes[ni] = nd
		return ni
	}
	axis := 0
	for k := 1; k < 3; k++ {
		if cmax[k]-cmin[k] > cmax[axis]-cmin[axis] {
			axis = k
		}
	}
	sub := t.items[lo:hi]
	sort.Slice(sub, func(i, j int) bool {
		ci, cj := boxes[sub[i]].Min[axis]+boxes[sub[i]].Max[axis], boxes[sub[j]].Min[axis]+boxes[sub[j]].Max[axis]
		return ci < cj || ci == cj && sub[i] < sub[j]
	})
	mid := (lo + hi) / 2
	t.build(boxes, lo, mid)
	nd.second = uint32(t.build(boxes, mid, hi))
	t.nodes[ni] = nd
	return ni
}

// visitRay calls f for every structure whose box the ray enters closer than bound(), nearer
// boxes first. bound is asked again before each node, so f can shrink it as hits are found.
func (t *boxTree) visitRay(r *ray, bound func() float32, f func(i int)) {
	if len(t.nodes) == 0 {
		return
	}
	var stack [64]uint32
	stack[0] = 0
	sp := 1
	for sp > 0 {
		sp--
		ni := stack[sp]
		nd := &t.nodes[ni]
		lim := bound()
		if _, ok := r.hitBox(&nd.min, &nd.max, lim); !ok {
			continue
		}
		if nd.count > 0 {
			for _, it := range t.items[nd.start : nd.start+nd.count] {
				f(int(it))
			}
			continue
		}
		a, c := ni+1, nd.second
		ta, oka := r.hitBox(&t.nodes[a].min, &t.nodes[a].max, lim)
		tc, okc := r.hitBox(&t.nodes[c].min, &t.nodes[c].max, lim)
		if oka && okc && ta < tc {
			a, c = c, a // the far one under the near one, so the near one comes off first
		}
		if sp+2 > len(stack) {
			continue // median splits keep depth near log2(n); never reached in practice
		}
		if oka && okc {
			stack[sp], stack[sp+1] = a, c
			sp += 2
		} else if oka {
			stack[sp] = a
			sp++
		} else if okc {
			stack[sp] = c
			sp++
		}
	}
}
