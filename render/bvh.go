package render

import (
	"math"
)

// bvh is a bounding-volume hierarchy over one mesh's triangles, built once, so a pick tests a
// few dozen triangles instead of all of them.
type bvh struct {
	nodes []bvhNode
	tris  []uint32 // triangle numbers, ordered so every leaf owns a contiguous run
	pos   []float32
	idx   []uint32
}

// bvhNode is a box; a leaf (count > 0) owns tris[start:start+count], an inner node has its first
// child right after it and its second at index second.
type bvhNode struct {
	min, max [3]float32
	start    uint32
	count    uint32
	second   uint32
}

const (
	bvhLeafSize = 4
	maxBVHDepth = 40 // with halving after it, a tree of 2^24 triangles stays under 64 levels
)

func newBVH(pos []float32, idx []uint32) *bvh {
	n := len(idx) / 3
	b := &bvh{pos: pos, idx: idx, tris: make([]uint32, n), nodes: make([]bvhNode, 0, 2*n/bvhLeafSize+1)}
	tb := make([]triBox, n) // each triangle's box and centroid, read at every level of the build
	for t := range n {
		b.tris[t] = uint32(t)
		a, c, d := pos[3*idx[3*t]:], pos[3*idx[3*t+1]:], pos[3*idx[3*t+2]:]
		for k := 0; k < 3; k++ {
			tb[t].min[k] = min(a[k], c[k], d[k])
			tb[t].max[k] = max(a[k], c[k], d[k])
			tb[t].cent[k] = (a[k] + c[k] + d[k]) / 3
		}
	}
	if n > 0 {
		b.build(tb, 0, n, 0)
	}
	return b
}

type triBox struct{ min, max, cent [3]float32 }

// build adds the node for tris[lo:hi] and its subtree; it returns the node's index.
func (b *bvh) build(tb []triBox, lo, hi, depth int) int {
	ni := len(b.nodes)
	b.nodes = append(b.nodes, bvhNode{})
	nd := bvhNode{min: [3]float32{inf32, inf32, inf32}, max: [3]float32{-inf32, -inf32, -inf32}}
	cmin, cmax := nd.min, nd.max
	for _, t := range b.tris[lo:hi] {
		x := &tb[t]
		for k := 0; k < 3; k++ {
			nd.min[k] = min(nd.min[k], x.min[k])
			nd.max[k] = max(nd.max[k], x.max[k])
			cmin[k] = min(cmin[k], x.cent[k])
			cmax[k] = max(cmax[k], x.cent[k])
		}
	}
	axis := 0
	for k := 1; k < 3; k++ {
		if cmax[k]-cmin[k] > cmax[axis]-cmin[axis] {
			axis = k
		}
	}
	if hi-lo <= bvhLeafSize || cmax[axis] == cmin[axis] {
		nd.start, nd.count = uint32(lo), uint32(hi-lo)
		b.nodes[ni] = nd
		return ni
	}
	mid := (lo + hi) / 2 // past maxBVHDepth, halve by count: boxes stay correct, depth bounded
	if depth < maxBVHDepth {
		mid = b.partition(tb, lo, hi, axis, (cmin[axis]+cmax[axis])/2)
		if mid == lo || mid == hi {
			mid = (lo + hi) / 2
		}
	}
	b.build(tb, lo, mid, depth+1)
	nd.second = uint32(b.build(tb, mid, hi, depth+1))
	b.nodes[ni] = nd
	return ni
}

// partition moves triangles whose centroid lies below split on axis to the front.
func (b *bvh) partition(tb []triBox, lo, hi, axis int, split float32) int {
	i, j := lo, hi-1
	for i <= j {
		if tb[b.tris[i]].cent[axis] < split {
			i++
		} else {
			b.tris[i], b.tris[j] = b.tris[j], b.tris[i]
			j--
		}
	}
	return i
}

var inf32 = float32(math.Inf(1))

// ray is a ray in float32 with its inverse direction, for slab tests.
type ray struct {
	o, d, inv [3]float32
}

func newRay(o, d Vec3) ray {
	var r ray
	for k := 0; k < 3; k++ {
		r.o[k], r.d[k] = float32(o[k]), float32(d[k])
		r.inv[k] = 1 / r.d[k]
	}
	return r
}

// hitBox returns the entry distance of the ray into the box, or false.
func (r *ray) hitBox(lo, hi *[3]float32, tmax float32) (float32, bool) {
	t0, t1 := float32(0), tmax
	for k := 0; k < 3; k++ {
		a := (lo[k] - r.o[k]) * r.inv[k]
		b := (hi[k] - r.o[k]) * r.inv[k]
		if a > b {
			a, b = b, a
		}
		if a > t0 {
			t0 = a
		}
		if b < t1 {
			t1 = b
		}
		if t0 > t1 {
			return 0, false
		}
	}
	return t0, true
}

// intersect returns the nearest hit closer than tmax: distance and triangle number.
func (b *bvh) intersect(r *ray, tmax float32) (float32, int, bool) {
	if len(b.nodes) == 0 {
		return 0, 0, false
	}
	best, bestTri, found := tmax, -1, false
	var stack [96]uint32
	sp := 0
	stack[sp] = 0
	sp++
	for sp > 0 {
		sp--
		nd := &b.nodes[stack[sp]]
		ni := stack[sp]
		if _, ok := r.hitBox(&nd.min, &nd.max, best); !ok {
			continue
		}
		if nd.count > 0 {
			for _, t := range b.tris[nd.start : nd.start+nd.count] {
				if d, ok := b.hitTri(r, t); ok && d < best {
					best, bestTri, found = d, int(t), true
				}
			}
			continue
		}
		a, c := ni+1, nd.second
		ta, oka := r.hitBox(&b.nodes[a].min, &b.nodes[a].max, best)
		tc, okc := r.hitBox(&b.nodes[c].min, &b.nodes[c].max, best)
		if oka && okc && ta < tc {
			a, c = c, a // push the far one first so the near one is visited first
		}
		if sp+2 > len(stack) {
			continue // deeper than any tree this builder makes; skip rather than overflow
		}
		if oka || okc {
			stack[sp], stack[sp+1] = a, c
			sp += 2
		}
	}
	return best, bestTri, found
}

// hitTri is the Möller–Trumbore test; both faces count.
func (b *bvh) hitTri(r *ray, t uint32) (float32, bool) {
	p := b.pos
	i0, i1, i2 := 3*b.idx[3*t], 3*b.idx[3*t+1], 3*b.idx[3*t+2]
	e1 := [3]float32{p[i1] - p[i0], p[i1+1] - p[i0+1], p[i1+2] - p[i0+2]}
	e2 := [3]float32{p[i2] - p[i0], p[i2+1] - p[i0+1], p[i2+2] - p[i0+2]}
	h := [3]float32{r.d[1]*e2[2] - r.d[2]*e2[1], r.d[2]*e2[0] - r.d[0]*e2[2], r.d[0]*e2[1] - r.d[1]*e2[0]}
	a := e1[0]*h[0] + e1[1]*h[1] + e1[2]*h[2]
	if a > -1e-12 && a < 1e-12 {
		return 0, false
	}
	f := 1 / a
	s := [3]float32{r.o[0] - p[i0], r.o[1] - p[i0+1], r.o[2] - p[i0+2]}
	u := f * (s[0]*h[0] + s[1]*h[1] + s[2]*h[2])
	if u < 0 || u > 1 {
		return 0, false
	}
	q := [3]float32{s[1]*e1[2] - s[2]*e1[1], s[2]*e1[0] - s[0]*e1[2], s[0]*e1[1] - s[1]*e1[0]}
	v := f * (r.d[0]*q[0] + r.d[1]*q[1] + r.d[2]*q[2])
	if v < 0 || u+v > 1 {
		return 0, false
	}
	d := f * (e2[0]*q[0] + e2[1]*q[1] + e2[2]*q[2])
	return d, d > 0
}
