package main

import "math"

// Mesh is an indexed triangle mesh in millimetres. Every part added to a
// structure's mesh is a closed surface wound counter-clockwise seen from
// outside.
type Mesh struct {
	Pos []Vec3
	Idx []uint32
}

// Append adds o's vertices and triangles to m.
func (m *Mesh) Append(o *Mesh) *Mesh {
	base := uint32(len(m.Pos))
	m.Pos = append(m.Pos, o.Pos...)
	for _, i := range o.Idx {
		m.Idx = append(m.Idx, base+i)
	}
	return m
}

// Join returns one mesh holding all parts.
func Join(parts ...*Mesh) *Mesh {
	m := &Mesh{}
	for _, p := range parts {
		m.Append(p)
	}
	return m
}

// Triangles returns the number of triangles.
func (m *Mesh) Triangles() int { return len(m.Idx) / 3 }

// Normals returns smooth, area-weighted unit vertex normals.
func (m *Mesh) Normals() []Vec3 {
	acc := make([]Vec3, len(m.Pos))
	for t := 0; t+2 < len(m.Idx); t += 3 {
		a, b, c := m.Idx[t], m.Idx[t+1], m.Idx[t+2]
		n := m.Pos[b].Sub(m.Pos[a]).Cross(m.Pos[c].Sub(m.Pos[a]))
		acc[a] = acc[a].Add(n)
		acc[b] = acc[b].Add(n)
		acc[c] = acc[c].Add(n)
	}
	for i, n := range acc {
		if n.Len() < 1e-12 {
			acc[i] = V(0, 1, 0)
			continue
		}
		acc[i] = n.Norm()
	}
	return acc
}

// ringsMesh stitches rings of equal size into a closed tube. Each ring runs
// counter-clockwise around the direction in which the rings advance; the
// first and last rings are closed by the given poles, or by flat caps when a
// pole is nil.
func ringsMesh(rings [][]Vec3, start, end *Vec3) *Mesh {
	m := &Mesh{}
	n := len(rings[0])
	for _, r := range rings {
		m.Pos = append(m.Pos, r...)
	}
	at := func(i, j int) uint32 { return uint32(i*n + (j+n)%n) }
	for i := 0; i+1 < len(rings); i++ {
		for j := 0; j < n; j++ {
			m.Idx = append(m.Idx, at(i, j), at(i, j+1), at(i+1, j))
			m.Idx = append(m.Idx, at(i, j+1), at(i+1, j+1), at(i+1, j))
		}
	}
	last := len(rings) - 1
	if start != nil {
		p := uint32(len(m.Pos))
		m.Pos = append(m.Pos, *start)
		for j := 0; j < n; j++ {
			m.Idx = append(m.Idx, p, at(0, j+1), at(0, j))
		}
	} else {
		flatCap(m, func(j int) uint32 { return at(0, j) }, n, true)
	}
	if end != nil {
		p := uint32(len(m.Pos))
		m.Pos = append(m.Pos, *end)
		for j := 0; j < n; j++ {
			m.Idx = append(m.Idx, at(last, j), at(last, j+1), p)
		}
	} else {
		flatCap(m, func(j int) uint32 { return at(last, j) }, n, false)
	}
	return m
}

// flatCap closes a ring of n (even) vertices by zipping vertex j to vertex
// n-j, which suits any ring that is symmetric in that pairing (ellipses and
// crescents). reverse flips the winding for a cap that faces backwards.
func flatCap(m *Mesh, at func(int) uint32, n int, reverse bool) {
	tri := func(a, b, c int) {
		if a%n == b%n || b%n == c%n || a%n == c%n {
			return
		}
		if reverse {
			a, c = c, a
		}
		m.Idx = append(m.Idx, at(a), at(b), at(c))
	}
	for j := 0; j < n/2; j++ {
		tri(j, j+1, n-j-1)
		tri(j, n-j-1, n-j)
	}
}

// Ellipsoid returns a closed superellipsoid centred at c with semi-axis
// vectors ax, ay, az (any lengths, mutually perpendicular). square in [0,1]
// blends an ellipsoid (0) into a rounded box (1).
func Ellipsoid(c, ax, ay, az Vec3, square float64, around, rings int) *Mesh {
	if ax.Cross(ay).Dot(az) < 0 {
		ay = ay.Scale(-1)
	}
	f := func(v float64) float64 { return lerp(v, math.Copysign(math.Sqrt(math.Abs(v)), v), square) }
	var rs [][]Vec3
	for i := 1; i < rings; i++ {
		th := math.Pi * float64(i) / float64(rings)
		st, ct := math.Sincos(th)
		ring := make([]Vec3, around)
		for j := range ring {
			sp, cp := math.Sincos(2 * math.Pi * float64(j) / float64(around))
			ring[j] = c.Add(ax.Scale(f(st) * f(cp))).Add(ay.Scale(f(st) * f(sp))).Add(az.Scale(-f(ct)))
		}
		rs = append(rs, ring)
	}
	s, e := c.Sub(az), c.Add(az)
	return ringsMesh(rs, &s, &e)
}

// Sphere returns a UV sphere.
func Sphere(c Vec3, r float64, around, rings int) *Mesh {
	return Ellipsoid(c, V(r, 0, 0), V(0, r, 0), V(0, 0, r), 0, around, rings)
}
