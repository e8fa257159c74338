package main

import (
	"math"
	"sort"
)

// A Ring is one station of a sweep: its centre, tangent T and the normal
// frame (N, B) with N×B = T. Frac is the arc-length fraction along the path.
type Ring struct {
	C, T, N, B Vec3
	Frac, S    float64
}

// catmull evaluates a uniform Catmull-Rom segment between p1 and p2.
func catmull(p0, p1, p2, p3 Vec3, t float64) Vec3 {
	t2, t3 := t*t, t*t*t
	a := p1.Scale(2)
	b := p2.Sub(p0).Scale(t)
	c := p0.Scale(2).Sub(p1.Scale(5)).Add(p2.Scale(4)).Sub(p3).Scale(t2)
	d := p1.Scale(3).Sub(p0).Sub(p2.Scale(3)).Add(p3).Scale(t3)
	return a.Add(b).Add(c).Add(d).Scale(0.5)
}

// densify samples the Catmull-Rom spline through pts finely.
func densify(pts []Vec3) []Vec3 {
	if len(pts) == 2 {
		pts = []Vec3{pts[0], pts[0].Lerp(pts[1], 0.5), pts[1]}
	}
	const per = 24
	out := []Vec3{pts[0]}
	for i := 0; i+1 < len(pts); i++ {
		p0, p3 := pts[max(i-1, 0)], pts[min(i+2, len(pts)-1)]
		if i == 0 {
			p0 = pts[0].Scale(2).Sub(pts[1])
		}
		if i+2 > len(pts)-1 {
			p3 = pts[i+1].Scale(2).Sub(pts[i])
		}
		for k := 1; k <= per; k++ {
			out = append(out, catmull(p0, pts[i], pts[i+1], p3, float64(k)/per))
		}
	}
	return out
}

// polyline is a densely sampled path with cumulative arc length.
type polyline struct {
	p   []Vec3
	cum []float64
}

func newPolyline(pts []Vec3) polyline {
	d := densify(pts)
	cum := make([]float64, len(d))
	for i := 1; i < len(d); i++ {
		cum[i] = cum[i-1] + d[i].Dist(d[i-1])
	}
	return polyline{d, cum}
}

func (pl polyline) length() float64 { return pl.cum[len(pl.cum)-1] }

// at returns the point at arc length s.
func (pl polyline) at(s float64) Vec3 {
	s = clamp(s, 0, pl.length())
	i := sort.SearchFloat64s(pl.cum, s)
	if i == 0 {
		return pl.p[0]
	}
	seg := pl.cum[i] - pl.cum[i-1]
	if seg < 1e-12 {
		return pl.p[i]
	}
	return pl.p[i-1].Lerp(pl.p[i], (s-pl.cum[i-1])/seg)
}

// sweep places rings along the spline through pts, about step mm apart (at
// least minRings), with frames transported from ref.
func sweep(pts []Vec3, step float64, minRings int, ref Vec3) []Ring {
	pl := newPolyline(pts)
	L := pl.length()
	n := max(minRings, int(math.Ceil(L/step))+1)
	rings := make([]Ring, n)
	h := math.Min(1, L/float64(4*n))
	var prevN Vec3
	for i := range rings {
		s := L * float64(i) / float64(n-1)
		t := pl.at(s + h).Sub(pl.at(s - h)).Norm()
		nv := ref
		if i > 0 {
			nv = prevN
		}
		nv = nv.Sub(t.Scale(nv.Dot(t))).Norm()
		rings[i] = Ring{C: pl.at(s), T: t, N: nv, B: t.Cross(nv), Frac: s / L, S: s}
		prevN = nv
	}
	return rings
}

// Profile returns the outline point for angle fraction u in [0,1) of the
// cross-section at arc fraction t, in (N, B) coordinates. Outlines run
// counter-clockwise and pair u with 1-u symmetrically.
type Profile func(t, u float64) (x, y float64)

// Key is one station of an elliptical profile.
type Key struct {
	T      float64 // arc fraction
	A, B   float64 // semi-axes along N and B
	DA, DB float64 // centre offset along N and B
	Sq     float64 // 0 ellipse … 1 rounded rectangle
}

// keyCurve interpolates keys with monotone cubic Hermite splines
// (Fritsch–Carlson), so profiles change smoothly without overshooting.
type keyCurve struct {
	t    []float64
	v, m [5][]float64
}

func newKeyCurve(keys []Key) keyCurve {
	c := keyCurve{t: make([]float64, len(keys))}
	for i, k := range keys {
		c.t[i] = k.T
		for f, x := range [5]float64{k.A, k.B, k.DA, k.DB, k.Sq} {
			c.v[f] = append(c.v[f], x)
		}
	}
	for f := range c.v {
		c.m[f] = monotoneSlopes(c.t, c.v[f])
	}
	return c
}

// monotoneSlopes returns Fritsch–Carlson tangents for the points (t, v).
func monotoneSlopes(t, v []float64) []float64 {
	n := len(t)
	m := make([]float64, n)
	if n < 2 {
		return m
	}
	d := make([]float64, n-1)
	for i := range d {
		d[i] = (v[i+1] - v[i]) / (t[i+1] - t[i])
	}
	m[0], m[n-1] = d[0], d[n-2]
	for i := 1; i < n-1; i++ {
		if d[i-1]*d[i] > 0 {
			m[i] = (d[i-1] + d[i]) / 2
		}
	}
	for i, di := range d {
		if di == 0 {
			m[i], m[i+1] = 0, 0
			continue
		}
		a, b := m[i]/di, m[i+1]/di
		if h := a*a + b*b; h > 9 {
			tau := 3 / math.Sqrt(h)
			m[i], m[i+1] = tau*a*di, tau*b*di
		}
	}
	return m
}

// at evaluates the curve at arc fraction t.
func (c keyCurve) at(t float64) Key {
	n := len(c.t)
	var out [5]float64
	switch {
	case n == 1 || t <= c.t[0]:
		for f := range out {
			out[f] = c.v[f][0]
		}
	case t >= c.t[n-1]:
		for f := range out {
			out[f] = c.v[f][n-1]
		}
	default:
		i := sort.SearchFloat64s(c.t, t) - 1
		h := c.t[i+1] - c.t[i]
		s := (t - c.t[i]) / h
		h00, h10 := 2*s*s*s-3*s*s+1, s*s*s-2*s*s+s
		h01, h11 := -2*s*s*s+3*s*s, s*s*s-s*s
		for f := range out {
			out[f] = h00*c.v[f][i] + h10*h*c.m[f][i] + h01*c.v[f][i+1] + h11*h*c.m[f][i+1]
		}
	}
	return Key{t, out[0], out[1], out[2], out[3], out[4]}
}

// Ellipse makes a profile of (super)ellipses keyed along the path.
func Ellipse(keys ...Key) Profile {
	curve := newKeyCurve(keys)
	return func(t, u float64) (float64, float64) {
		k := curve.at(t)
		s, c := math.Sincos(2 * math.Pi * u)
		f := func(v float64) float64 { return lerp(v, math.Copysign(math.Sqrt(math.Abs(v)), v), k.Sq) }
		return k.DA + k.A*f(c), k.DB + k.B*f(s)
	}
}

// Circle is a constant-radius profile.
func Circle(r float64) Profile { return Ellipse(Key{0, r, r, 0, 0, 0}) }

// CKey is one station of a crescent profile: a band of thickness H lying
// outside radius R around the path, centred on angle Dir (degrees from N
// towards B) and spanning ±Span degrees.
type CKey struct{ T, R, H, Span, Dir float64 }

// Crescent makes a profile shaped like a curved band, e.g. a muscle wrapped
// round a bone. It is an ellipse in polar (angle, radius) coordinates.
func Crescent(keys ...CKey) Profile {
	ks := make([]Key, len(keys))
	for i, k := range keys {
		ks[i] = Key{T: k.T, A: k.R, B: k.H, DA: k.Span, DB: k.Dir}
	}
	curve := newKeyCurve(ks)
	return func(t, u float64) (float64, float64) {
		k := curve.at(t)
		s, c := math.Sincos(2 * math.Pi * u)
		psi := deg(k.DB - k.DA*c)
		r := k.A + k.B*(0.5+0.5*s)
		return r * math.Cos(psi), r * math.Sin(psi)
	}
}

// Cap says how a loft end is closed: Dome > 0 rounds it with a dome of that
// height (mm); otherwise it is closed flat.
type Cap struct{ Dome float64 }

// Loft sweeps a profile along a spline through Path.
type Loft struct {
	Path       []Vec3
	Prof       Profile
	Ref        Vec3 // preferred direction of N at the start
	Around     int  // vertices per ring (even)
	Step       float64
	Start, End Cap
}

// Mesh builds the closed lofted surface.
func (l Loft) Mesh() *Mesh {
	step := l.Step
	if step == 0 {
		step = 4
	}
	rings := sweep(l.Path, step, 4, l.Ref)
	pts := make([][]Vec3, len(rings))
	for i, r := range rings {
		pts[i] = make([]Vec3, l.Around)
		for j := range pts[i] {
			x, y := l.Prof(r.Frac, float64(j)/float64(l.Around))
			pts[i][j] = r.C.Add(r.N.Scale(x)).Add(r.B.Scale(y))
		}
	}
	return closeRings(pts, rings[0].T, rings[len(rings)-1].T, l.Start, l.End)
}

// closeRings adds dome caps (or flat ones) and stitches the rings.
func closeRings(pts [][]Vec3, t0, t1 Vec3, start, end Cap) *Mesh {
	var sp, ep *Vec3
	if start.Dome > 0 {
		cap, pole := dome(pts[0], t0.Scale(-1), start.Dome)
		for i, j := 0, len(cap)-1; i < j; i, j = i+1, j-1 {
			cap[i], cap[j] = cap[j], cap[i]
		}
		pts = append(cap, pts...)
		sp = &pole
	}
	if end.Dome > 0 {
		cap, pole := dome(pts[len(pts)-1], t1, end.Dome)
		pts = append(pts, cap...)
		ep = &pole
	}
	return ringsMesh(pts, sp, ep)
}

// dome returns rings that round off ring towards dir, ending in a pole.
func dome(ring []Vec3, dir Vec3, h float64) ([][]Vec3, Vec3) {
	var c Vec3
	for _, p := range ring {
		c = c.Add(p)
	}
	c = c.Scale(1 / float64(len(ring)))
	const steps = 5
	var out [][]Vec3
	for q := 1; q < steps; q++ {
		s, co := math.Sincos(math.Pi / 2 * float64(q) / steps)
		r := make([]Vec3, len(ring))
		for j, p := range ring {
			r[j] = c.Add(p.Sub(c).Scale(co)).Add(dir.Scale(h * s))
		}
		out = append(out, r)
	}
	return out, c.Add(dir.Scale(h))
}

// Tube is a loft with a circular profile of radius r and rounded ends.
func Tube(path []Vec3, r float64, around int) *Mesh {
	return Loft{Path: path, Prof: Circle(r), Ref: anyPerp(path), Around: around, Step: 6,
		Start: Cap{r}, End: Cap{r}}.Mesh()
}

// TaperTube is a rounded tube whose radius eases from r0 to r1.
func TaperTube(path []Vec3, r0, r1 float64, around int) *Mesh {
	return Loft{Path: path, Prof: Ellipse(Key{0, r0, r0, 0, 0, 0}, Key{1, r1, r1, 0, 0, 0}),
		Ref: anyPerp(path), Around: around, Step: 6, Start: Cap{r0}, End: Cap{r1}}.Mesh()
}

// anyPerp picks a reference direction not parallel to the path's start.
func anyPerp(path []Vec3) Vec3 {
	d := path[len(path)-1].Sub(path[0]).Norm()
	if math.Abs(d.Y) < 0.9 {
		return V(0, 1, 0)
	}
	return V(-1, 0, 0)
}

// pathFractions returns the arc-length fraction of each control point along
// the spline through pts.
func pathFractions(pts []Vec3) []float64 {
	pl := newPolyline(pts)
	out := make([]float64, len(pts))
	for i, p := range pts {
		best := math.Inf(1)
		for k, q := range pl.p {
			if d := q.Dist(p); d < best {
				best, out[i] = d, pl.cum[k]/pl.length()
			}
		}
	}
	return out
}
