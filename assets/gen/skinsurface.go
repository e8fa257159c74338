package main

import "math"

// thumbSleeve is a second closed sleeve round the thumb, starting inside the
// thenar part of the main sleeve.
func thumbSleeve(wrap []wrapPoint) *Mesh {
	r := rays[0]
	ph := r.phalanges()
	tip := ph[len(ph)-1].end()
	pts := mapAll(hdV, V(-21, -30, 7), r.mc.start.Lerp(r.mc.end(), 0.55), r.mc.end(), ph[0].start.Lerp(ph[0].end(), 0.5),
		tip.Sub(r.dir.Scale(4)))
	fr := pathFractions(pts)
	ab := [][2]float64{{15, 14}, {12, 11}, {10.5, 9.5}, {9.5, 8.5}, {8.5, 7.5}}
	keys := make([]Key, len(pts))
	for i := range pts {
		keys[i] = Key{T: fr[i], A: ab[i][0], B: ab[i][1]}
	}
	rings := sweep(pts, 6, 4, faDir(lateral))
	rad := shrinkWrap(rings, newKeyCurve(keys), wrap, 20)
	return closeRings(ringPoints(rings, rad), rings[0].T, rings[len(rings)-1].T, Cap{6}, Cap{7})
}

// ringPoints turns radii into ring vertices.
func ringPoints(rings []Ring, rad [][]float64) [][]Vec3 {
	out := make([][]Vec3, len(rings))
	for i, rg := range rings {
		out[i] = make([]Vec3, len(rad[i]))
		for j, r := range rad[i] {
			s, c := math.Sincos(angle(j, len(rad[i])))
			out[i][j] = rg.C.Add(rg.N.Scale(r * c)).Add(rg.B.Scale(r * s))
		}
	}
	return out
}

// Mesh returns the closed sleeve and the thumb sleeve.
func (sk *Skin) Mesh() *Mesh {
	limb := closeRings(ringPoints(sk.rings, sk.r), sk.rings[0].T, sk.rings[len(sk.rings)-1].T, Cap{16}, Cap{9})
	return Join(limb, sk.thumb)
}

// station interpolates the sleeve at arc length s: centre and frame.
func (sk *Skin) station(s float64) (Ring, int, float64) {
	rs := sk.rings
	s = clamp(s, 0, rs[len(rs)-1].S)
	i := 0
	for i+2 < len(rs) && rs[i+1].S < s {
		i++
	}
	w := (s - rs[i].S) / (rs[i+1].S - rs[i].S)
	a, b := rs[i], rs[i+1]
	t := a.T.Lerp(b.T, w).Norm()
	n := a.N.Lerp(b.N, w)
	n = n.Sub(t.Scale(n.Dot(t))).Norm()
	return Ring{C: a.C.Lerp(b.C, w), T: t, N: n, B: t.Cross(n), S: s}, i, w
}

// radius returns the surface radius at arc length s and angle phi (degrees).
func (sk *Skin) radius(i int, w, phi float64) float64 {
	m := len(sk.r[i])
	f := math.Mod(phi/360*float64(m), float64(m))
	if f < 0 {
		f += float64(m)
	}
	j := int(f)
	fw := f - float64(j)
	at := func(k int) float64 {
		return lerp(sk.r[k][j%m], sk.r[k][(j+1)%m], fw)
	}
	return lerp(at(i), at(i+1), w)
}

// surface returns the surface point at arc length s and angle phi
// (degrees; 0 lateral, 90 posterior, -90 anterior, 180 medial), the
// outward normal of the section outline there, and the station.
func (sk *Skin) surface(s, phi float64) (Vec3, Vec3, Ring) {
	st, i, w := sk.station(s)
	r := sk.radius(i, w, phi)
	const h = 1.0 // degrees
	dr := (sk.radius(i, w, phi+h) - sk.radius(i, w, phi-h)) / deg(2*h)
	sn, cs := math.Sincos(deg(phi))
	p := st.C.Add(st.N.Scale(r * cs)).Add(st.B.Scale(r * sn))
	n := st.N.Scale(r*cs + dr*sn).Add(st.B.Scale(r*sn - dr*cs)).Norm()
	return p, n, st
}

// Point returns the point depth mm under the surface at (s, phi), measured
// along the surface normal.
func (sk *Skin) Point(s, phi, depth float64) Vec3 {
	p, n, _ := sk.surface(s, phi)
	return p.Sub(n.Scale(depth))
}

// Frame returns the surface point at (s, phi) with the limb axis, the
// outward normal and the direction round the limb.
func (sk *Skin) Frame(s, phi float64) (p, axis, out, around Vec3) {
	p, out, st := sk.surface(s, phi)
	around = st.T.Cross(out).Norm()
	return p, out.Cross(around), out, around
}

// SAt returns the arc length of the sleeve station level with p.
func (sk *Skin) SAt(p Vec3) float64 {
	best, s := math.Inf(1), 0.0
	for _, rg := range sk.rings {
		d := p.Sub(rg.C)
		along := d.Dot(rg.T)
		if off := d.Sub(rg.T.Scale(along)).Len() + math.Abs(along); off < best {
			best, s = off, rg.S+along
		}
	}
	return s
}
