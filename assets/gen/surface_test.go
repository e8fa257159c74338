package main

import "math"

// solid answers "is this point inside?" and "how far under the surface is
// it?" for a mesh made of several closed shells that may overlap (the limb
// and thumb sleeves of the skin; the parts of a bone). Faces of one shell
// that lie inside another are not part of the outer surface and are ignored
// for distances.
type solid struct {
	n      rNode
	shells []shell
	outer  []int // first index of each outer face
	cell   float64
	grid   map[[3]int][]int
}

// shell is one closed component with a grid over XY for vertical rays.
type shell struct {
	faces []int
	cols  map[[2]int][]int
}

func newSolid(n rNode) *solid {
	s := &solid{n: n, cell: 10, grid: map[[3]int][]int{}}
	for _, faces := range components(n) {
		sh := shell{faces: faces, cols: map[[2]int][]int{}}
		for _, k := range faces {
			lo, hi := s.bounds(k)
			for x := lo[0]; x <= hi[0]; x++ {
				for y := lo[1]; y <= hi[1]; y++ {
					sh.cols[[2]int{x, y}] = append(sh.cols[[2]int{x, y}], k)
				}
			}
		}
		s.shells = append(s.shells, sh)
	}
	for i, sh := range s.shells {
		for _, k := range sh.faces {
			c := n.Pos[n.Idx[k]].Add(n.Pos[n.Idx[k+1]]).Add(n.Pos[n.Idx[k+2]]).Scale(1.0 / 3)
			if !s.insideOther(c, i) {
				s.addOuter(k)
			}
		}
	}
	return s
}

func (s *solid) tri(k int) (Vec3, Vec3, Vec3) {
	return s.n.Pos[s.n.Idx[k]], s.n.Pos[s.n.Idx[k+1]], s.n.Pos[s.n.Idx[k+2]]
}

func (s *solid) key(p Vec3) [3]int {
	return [3]int{int(math.Floor(p.X / s.cell)), int(math.Floor(p.Y / s.cell)), int(math.Floor(p.Z / s.cell))}
}

func (s *solid) bounds(k int) (lo, hi [3]int) {
	a, b, c := s.tri(k)
	lo = s.key(V(math.Min(a.X, math.Min(b.X, c.X)), math.Min(a.Y, math.Min(b.Y, c.Y)), math.Min(a.Z, math.Min(b.Z, c.Z))))
	hi = s.key(V(math.Max(a.X, math.Max(b.X, c.X)), math.Max(a.Y, math.Max(b.Y, c.Y)), math.Max(a.Z, math.Max(b.Z, c.Z))))
	return lo, hi
}

func (s *solid) addOuter(k int) {
	s.outer = append(s.outer, k)
	lo, hi := s.bounds(k)
	for x := lo[0]; x <= hi[0]; x++ {
		for y := lo[1]; y <= hi[1]; y++ {
			for z := lo[2]; z <= hi[2]; z++ {
				s.grid[[3]int{x, y, z}] = append(s.grid[[3]int{x, y, z}], k)
			}
		}
	}
}

// components splits the mesh's faces into connected shells.
func components(n rNode) [][]int {
	parent := make([]int, len(n.Pos))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for k := 0; k+2 < len(n.Idx); k += 3 {
		a := find(int(n.Idx[k]))
		parent[find(int(n.Idx[k+1]))] = a
		parent[find(int(n.Idx[k+2]))] = a
	}
	groups := map[int]int{}
	var out [][]int
	for k := 0; k+2 < len(n.Idx); k += 3 {
		r := find(int(n.Idx[k]))
		g, ok := groups[r]
		if !ok {
			g = len(out)
			groups[r] = g
			out = append(out, nil)
		}
		out[g] = append(out[g], k)
	}
	return out
}

// insideShell casts a ray towards +Z and counts crossings.
func (s *solid) insideShell(p Vec3, sh shell) bool {
	col := [2]int{int(math.Floor(p.X / s.cell)), int(math.Floor(p.Y / s.cell))}
	crossings := 0
	for _, k := range sh.cols[col] {
		a, b, c := s.tri(k)
		// barycentric coordinates of (p.X, p.Y) in the projected triangle
		d := (b.Y-c.Y)*(a.X-c.X) + (c.X-b.X)*(a.Y-c.Y)
		if d == 0 {
			continue
		}
		l1 := ((b.Y-c.Y)*(p.X-c.X) + (c.X-b.X)*(p.Y-c.Y)) / d
		l2 := ((c.Y-a.Y)*(p.X-c.X) + (a.X-c.X)*(p.Y-c.Y)) / d
		l3 := 1 - l1 - l2
		if l1 < 0 || l2 < 0 || l3 < 0 {
			continue
		}
		if l1*a.Z+l2*b.Z+l3*c.Z > p.Z {
			crossings++
		}
	}
	return crossings%2 == 1
}

func (s *solid) insideOther(p Vec3, self int) bool {
	for i, sh := range s.shells {
		if i != self && s.insideShell(p, sh) {
			return true
		}
	}
	return false
}

// inside reports whether p is inside any shell.
func (s *solid) inside(p Vec3) bool { return s.insideOther(p, -1) }

// distance returns the distance from p to the outer surface, searching up
// to reach mm; ok is false when nothing is that close.
func (s *solid) distance(p Vec3, reach float64) (float64, bool) {
	r := int(math.Ceil(reach / s.cell))
	c := s.key(p)
	best := math.Inf(1)
	for x := c[0] - r; x <= c[0]+r; x++ {
		for y := c[1] - r; y <= c[1]+r; y++ {
			for z := c[2] - r; z <= c[2]+r; z++ {
				for _, k := range s.grid[[3]int{x, y, z}] {
					a, b, cc := s.tri(k)
					best = math.Min(best, closestOnTriangle(p, a, b, cc).Dist(p))
				}
			}
		}
	}
	return best, best <= reach
}

// closestOnTriangle returns the point of triangle abc nearest to p
// (Ericson, Real-Time Collision Detection, 5.1.5).
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
	vc := d1*d4 - d3*d2
	if vc <= 0 && d1 >= 0 && d3 <= 0 {
		return a.Add(ab.Scale(d1 / (d1 - d3)))
	}
	cp := p.Sub(c)
	d5, d6 := ab.Dot(cp), ac.Dot(cp)
	if d6 >= 0 && d5 <= d6 {
		return c
	}
	vb := d5*d2 - d1*d6
	if vb <= 0 && d2 >= 0 && d6 <= 0 {
		return a.Add(ac.Scale(d2 / (d2 - d6)))
	}
	va := d3*d6 - d5*d4
	if va <= 0 && d4-d3 >= 0 && d5-d6 >= 0 {
		return b.Add(c.Sub(b).Scale((d4 - d3) / ((d4 - d3) + (d5 - d6))))
	}
	den := 1 / (va + vb + vc)
	return a.Add(ab.Scale(vb * den)).Add(ac.Scale(vc * den))
}
