package main

import "math"

// The skin is a sleeve lofted round the whole limb. Its cross-sections start
// from target (super)ellipses sized to the limb's girths, then grow wherever
// a deep structure would come closer to the surface than its margin
// ("shrink-wrap"), and are smoothed. Superficial veins and surface landmarks
// are then placed relative to this surface.

// wrapPoint is a vertex of a deep structure and the soft tissue it needs
// between itself and the skin (mm).
type wrapPoint struct {
	p      Vec3
	margin float64
}

// skinStation is a control point of the sleeve with its target section:
// semi-axes across (lateral) and through (anteroposterior), squareness.
type skinStation struct {
	c        Vec3
	a, b, sq float64
}

func skinStations() []skinStation {
	st := []skinStation{
		{V(-168, 1407, -20), 38, 42, 0}, {V(-170, 1360, -19), 46, 50, 0}, {V(-173, 1300, -15), 45, 50, 0},
		{V(-175, 1250, -10), 43, 48, 0}, {V(-175.5, 1160, -6), 42, 42, 0}, {V(-175.5, 1072, -2), 44, 34, 0},
		{fa(0, -55, 2), 44, 36, 0}, {fa(-2, -130, 2), 36, 29, 0}, {fa(-3, -200, 2), 29, 21, 0},
		{fa(-3, -240, 2), 26, 17, 0.1},
	}
	hand := []skinStation{
		{V(-2, -15, 2), 30, 18, 0.3}, {V(-2, -45, 3), 38, 17, 0.5}, {V(2, -75, 3), 41, 15, 0.6},
		{V(6, -100, 3), 41, 13, 0.6}, {V(7, -130, 5), 37, 11, 0.6}, {V(6, -160, 6), 33, 10, 0.5},
		{V(3, -188, 7), 24, 8, 0.4},
	}
	for _, h := range hand {
		h.c = hdV(h.c)
		st = append(st, h)
	}
	return st
}

const (
	skinAround = 40
	skinStep   = 8.0
)

// Skin is the sleeve: rings along its centreline and the radius of the
// surface at each ring and angle. Angles run from N (lateral) towards B
// (posterior), so anterior is -90°.
type Skin struct {
	rings []Ring
	r     [][]float64
	thumb *Mesh
}

// newSkin builds the sleeve round the wrap points.
func newSkin(wrap []wrapPoint, thumbWrap []wrapPoint) *Skin {
	st := skinStations()
	pts := make([]Vec3, len(st))
	for i, s := range st {
		pts[i] = s.c
	}
	fr := pathFractions(pts)
	keys := make([]Key, len(st))
	for i, s := range st {
		keys[i] = Key{T: fr[i], A: s.a, B: s.b, Sq: s.sq}
	}
	sk := &Skin{rings: sweep(pts, skinStep, 4, lateral)}
	sk.r = shrinkWrap(sk.rings, newKeyCurve(keys), wrap, skinAround)
	sk.thumb = thumbSleeve(thumbWrap)
	return sk
}

// polarRadius is the radius of a superellipse with semi-axes a, b and
// squareness sq in direction phi (radians).
func polarRadius(a, b, sq, phi float64) float64 {
	s, c := math.Sincos(phi)
	// Find by bisection the profile parameter θ (blended as in Ellipse)
	// whose point lies on the ray; the point's polar angle grows with θ and
	// stays within a quarter turn of it.
	f := func(v float64) float64 { return lerp(v, math.Copysign(math.Sqrt(math.Abs(v)), v), sq) }
	lo, hi := phi-math.Pi/2, phi+math.Pi/2
	for i := 0; i < 40; i++ {
		mid := (lo + hi) / 2
		ms, mc := math.Sincos(mid)
		x, y := a*f(mc), b*f(ms)
		if x*s-y*c > 0 { // profile point is clockwise of the ray
			lo = mid
		} else {
			hi = mid
		}
	}
	ms, mc := math.Sincos((lo + hi) / 2)
	return math.Hypot(a*f(mc), b*f(ms))
}

// shrinkWrap returns per-ring, per-angle radii: the target sections, grown
// so that each wrap point keeps its margin inside the surface, then smoothed.
func shrinkWrap(rings []Ring, target keyCurve, wrap []wrapPoint, around int) [][]float64 {
	need := make([][]float64, len(rings))
	for i, rg := range rings {
		k := target.at(rg.Frac)
		need[i] = make([]float64, around)
		for j := range need[i] {
			need[i][j] = polarRadius(k.A, k.B, k.Sq, angle(j, around))
		}
		slab := skinStep * 0.75
		for _, w := range wrap {
			d := w.p.Sub(rg.C)
			if math.Abs(d.Dot(rg.T)) > slab {
				continue
			}
			cover(need[i], d.Dot(rg.N), d.Dot(rg.B), w.margin)
		}
	}
	return smoothAbove(need, 8)
}

// cover raises the polar radii that pass over the disc of radius m round
// the point (x, y), so the outline keeps the whole disc inside. Rays that
// only graze the disc, and the sample either side, are raised to the
// point's projection plus m, which errs outwards.
func cover(r []float64, x, y, m float64) {
	n := len(r)
	rho, theta := math.Hypot(x, y), math.Atan2(y, x)
	half := math.Pi
	if rho > m {
		half = math.Asin(m/rho) + math.Pi/float64(n)
	}
	for j := range r {
		dphi := math.Remainder(angle(j, n)-theta, 2*math.Pi)
		if math.Abs(dphi) > half {
			continue
		}
		r[j] = math.Max(r[j], rho*math.Cos(dphi)+m)
	}
}

func angle(j, around int) float64 { return 2 * math.Pi * float64(j) / float64(around) }

// smoothAbove relaxes the radii towards their neighbours' mean without ever
// going below what was needed.
func smoothAbove(need [][]float64, passes int) [][]float64 {
	n, m := len(need), len(need[0])
	r := make([][]float64, n)
	for i := range need {
		r[i] = append([]float64(nil), need[i]...)
	}
	for p := 0; p < passes; p++ {
		next := make([][]float64, n)
		for i := range r {
			next[i] = make([]float64, m)
			for j := range r[i] {
				up, dn := r[max(i-1, 0)][j], r[min(i+1, n-1)][j]
				v := 0.4*r[i][j] + 0.15*(r[i][(j+1)%m]+r[i][(j+m-1)%m]) + 0.15*(up+dn)
				next[i][j] = math.Max(need[i][j], v)
			}
		}
		r = next
	}
	return r
}
