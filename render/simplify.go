package render

import (
	"math"
)

// Quadric-error mesh simplification, after Garland and Heckbert, in the fast threshold form of
// Sven Forstmann's Fast-Quadric-Mesh-Simplification (MIT): instead of a priority queue, each pass
// collapses every edge whose error is below a threshold that grows pass by pass. Border vertices
// (an edge used by one triangle) never move, so open meshes keep their outline and structures
// that touch keep touching.

// qmat is a symmetric 4x4 quadric stored as its upper triangle.
type qmat [10]float64

func planeQuadric(a, b, c, d float64) qmat {
	return qmat{a * a, a * b, a * c, a * d, b * b, b * c, b * d, c * c, c * d, d * d}
}

func (q *qmat) add(o *qmat) {
	for i := range q {
		q[i] += o[i]
	}
}

func (q *qmat) det(a11, a12, a13, a21, a22, a23, a31, a32, a33 int) float64 {
	return q[a11]*q[a22]*q[a33] + q[a13]*q[a21]*q[a32] + q[a12]*q[a23]*q[a31] -
		q[a13]*q[a22]*q[a31] - q[a11]*q[a23]*q[a32] - q[a12]*q[a21]*q[a33]
}

func (q *qmat) errorAt(p Vec3) float64 {
	x, y, z := p[0], p[1], p[2]
	return q[0]*x*x + 2*q[1]*x*y + 2*q[2]*x*z + 2*q[3]*x + q[4]*y*y + 2*q[5]*y*z + 2*q[6]*y +
		q[7]*z*z + 2*q[8]*z + q[9]
}

type sTri struct {
	v       [3]int32
	err     [4]float64 // per edge, and their minimum
	n       Vec3
	deleted bool
	dirty   bool
}

type sVert struct {
	p              Vec3
	q              qmat
	tstart, tcount int32
	border         bool
}

type sRef struct{ tid, corner int32 }

// simplifier holds one mesh being simplified, in a frame scaled to unit size.
type simplifier struct {
	tris   []sTri
	verts  []sVert
	refs   []sRef
	del0   []bool
	del1   []bool
	maxErr float64 // largest quadric error of a collapse made, in the unit frame
	scale  float64 // scene units per unit-frame unit
	origin Vec3
	inited bool // borders found and quadrics summed
}

// newSimplifier welds vertices at the same position (glTF splits them where normals or
// seams differ) so that only real borders count as borders.
func newSimplifier(pos []float32, idx []uint32) *simplifier {
	s := &simplifier{}
	lo, hi := Vec3{math.Inf(1), math.Inf(1), math.Inf(1)}, Vec3{math.Inf(-1), math.Inf(-1), math.Inf(-1)}
	for i := 0; i+2 < len(pos); i += 3 {
		for k := range 3 {
			lo[k], hi[k] = math.Min(lo[k], float64(pos[i+k])), math.Max(hi[k], float64(pos[i+k]))
		}
	}
	s.origin, s.scale = lo, math.Max(hi.Sub(lo).Len(), 1e-12)
	weld := make(map[[3]float32]int32, len(pos)/3)
	remap := make([]int32, len(pos)/3)
	for i := range remap {
		key := [3]float32{pos[3*i], pos[3*i+1], pos[3*i+2]}
		j, ok := weld[key]
		if !ok {
			j = int32(len(s.verts))
			weld[key] = j
			p := Vec3{float64(key[0]), float64(key[1]), float64(key[2])}
			s.verts = append(s.verts, sVert{p: p.Sub(s.origin).Scale(1 / s.scale)})
		}
		remap[i] = j
	}
	s.tris = make([]sTri, 0, len(idx)/3)
	for t := 0; t+2 < len(idx); t += 3 {
		a, b, c := remap[idx[t]], remap[idx[t+1]], remap[idx[t+2]]
		if a != b && b != c && a != c {
			s.tris = append(s.tris, sTri{v: [3]int32{a, b, c}})
		}
	}
	return s
}

// run collapses edges until at most target triangles remain or no collapse is cheap enough.
func (s *simplifier) run(target int) {
	deletedTris := 0
	count := len(s.tris)
	for iter := 0; iter < 100 && count-deletedTris > target; iter++ {
		if iter%5 == 0 {
			s.updateMesh()
			count, deletedTris = len(s.tris), 0
		}
		for i := range s.tris {
			s.tris[i].dirty = false
		}
		threshold := 1e-9 * math.Pow(float64(iter+3), 7)
		for i := range s.tris {
			if count-deletedTris <= target {
				break
			}
			t := &s.tris[i]
			if t.err[3] > threshold || t.deleted || t.dirty {
				continue
			}
			for j := range 3 {
				if t.err[j] < threshold && s.collapse(t.v[j], t.v[(j+1)%3], t.err[j], &deletedTris) {
					break
				}
			}
		}
	}
	s.updateMesh() // drop deleted triangles
}

// collapse merges vertex i1 into i0 unless it would fold a triangle over; it reports whether
// it did.
func (s *simplifier) collapse(i0, i1 int32, e float64, deletedTris *int) bool {
	v0, v1 := &s.verts[i0], &s.verts[i1]
	if v0.border || v1.border {
		return false
	}
	p, _ := s.edgeError(i0, i1)
	s.del0 = resizeBools(s.del0, int(v0.tcount))
	s.del1 = resizeBools(s.del1, int(v1.tcount))
	if s.flipped(p, i1, v0, s.del0) || s.flipped(p, i0, v1, s.del1) {
		return false
	}
	v0.p = p
	v0.q.add(&v1.q)
	s.maxErr = math.Max(s.maxErr, e)
	start := int32(len(s.refs))
	s.updateTris(i0, v0, s.del0, deletedTris)
	s.updateTris(i0, v1, s.del1, deletedTris)
	n := int32(len(s.refs)) - start
	if n <= v0.tcount { // reuse v0's slots
		copy(s.refs[v0.tstart:], s.refs[start:start+n])
		s.refs = s.refs[:start]
	} else {
		v0.tstart = start
	}
	v0.tcount = n
	return true
}

func resizeBools(b []bool, n int) []bool {
	if cap(b) < n {
		return make([]bool, n)
	}
	return b[:n]
}

// edgeError is where the merged vertex goes and the quadric error there: the point that
// minimises the summed quadric, unless that is ill-conditioned, else the better of the ends and
// the middle.
func (s *simplifier) edgeError(i0, i1 int32) (Vec3, float64) {
	q := s.verts[i0].q
	q.add(&s.verts[i1].q)
	a, b := s.verts[i0].p, s.verts[i1].p
	if det := q.det(0, 1, 2, 1, 4, 5, 2, 5, 7); math.Abs(det) > 1e-15 {
		p := Vec3{-q.det(1, 2, 3, 4, 5, 6, 5, 7, 8) / det, q.det(0, 2, 3, 1, 5, 6, 2, 7, 8) / det, -q.det(0, 1, 3, 1, 4, 6, 2, 5, 8) / det}
		mid := a.Add(b).Scale(0.5)
		if p.Sub(mid).Len() <= b.Sub(a).Len() { // stays near the edge
			return p, q.errorAt(p)
		}
	}
	best, bestErr := a, q.errorAt(a)
	for _, p := range []Vec3{b, a.Add(b).Scale(0.5)} {
		if e := q.errorAt(p); e < bestErr {
			best, bestErr = p, e
		}
	}
	return best, bestErr
}

// flipped reports whether moving v (merging with other) to p would turn one of its triangles
// over or make it degenerate; it marks in del the triangles that the collapse removes.
func (s *simplifier) flipped(p Vec3, other int32, v *sVert, del []bool) bool {
	for k := range v.tcount {
		r := s.refs[v.tstart+k]
		t := &s.tris[r.tid]
		if t.deleted {
			continue
		}
		id1, id2 := t.v[(r.corner+1)%3], t.v[(r.corner+2)%3]
		if id1 == other || id2 == other {
			del[k] = true
			continue
		}
		d1 := s.verts[id1].p.Sub(p).Norm()
		d2 := s.verts[id2].p.Sub(p).Norm()
		if math.Abs(d1.Dot(d2)) > 0.999 {
			return true
		}
		del[k] = false
		if d1.Cross(d2).Norm().Dot(t.n) < 0.2 {
			return true
		}
	}
	return false
}

// updateTris points v's surviving triangles at i0 and re-prices their edges.
func (s *simplifier) updateTris(i0 int32, v *sVert, del []bool, deletedTris *int) {
	for k := range v.tcount {
		r := s.refs[v.tstart+k]
		t := &s.tris[r.tid]
		if t.deleted {
			continue
		}
		if del[k] {
			t.deleted = true
			*deletedTris++
			continue
		}
		t.v[r.corner] = i0
		t.dirty = true
		s.priceTri(t)
		s.refs = append(s.refs, r)
	}
}

func (s *simplifier) priceTri(t *sTri) {
	for j := range 3 {
		_, t.err[j] = s.edgeError(t.v[j], t.v[(j+1)%3])
	}
	t.err[3] = min(t.err[0], t.err[1], t.err[2])
}
