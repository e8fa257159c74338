package render

import (
	"math"
	"slices"
)

// updateMesh drops deleted triangles and rebuilds the vertex-to-triangle references; the first
// time it also finds the borders and sums the quadrics.
func (s *simplifier) updateMesh() {
	s.tris = slices.DeleteFunc(s.tris, func(t sTri) bool { return t.deleted })
	for i := range s.verts {
		s.verts[i].tstart, s.verts[i].tcount = 0, 0
	}
	for _, t := range s.tris {
		for _, v := range t.v {
			s.verts[v].tcount++
		}
	}
	start := int32(0)
	for i := range s.verts {
		s.verts[i].tstart = start
		start += s.verts[i].tcount
		s.verts[i].tcount = 0
	}
	s.refs = slices.Grow(s.refs[:0], 3*len(s.tris))[:3*len(s.tris)]
	for i, t := range s.tris {
		for j, v := range t.v {
			vv := &s.verts[v]
			s.refs[vv.tstart+vv.tcount] = sRef{tid: int32(i), corner: int32(j)}
			vv.tcount++
		}
	}
	if !s.inited {
		s.inited = true
		s.findBorders()
		s.initQuadrics()
	}
}

// findBorders marks the ends of every edge that only one triangle uses.
func (s *simplifier) findBorders() {
	var ids []int32
	var counts []int
	for i := range s.verts {
		v := &s.verts[i]
		ids, counts = ids[:0], counts[:0]
		for k := range v.tcount {
			t := &s.tris[s.refs[v.tstart+k].tid]
			for _, id := range t.v {
				if j := slices.Index(ids, id); j >= 0 {
					counts[j]++
				} else {
					ids, counts = append(ids, id), append(counts, 1)
				}
			}
		}
		for j, id := range ids {
			if counts[j] == 1 {
				s.verts[id].border = true
			}
		}
	}
}

func (s *simplifier) initQuadrics() {
	for i := range s.tris {
		t := &s.tris[i]
		p0, p1, p2 := s.verts[t.v[0]].p, s.verts[t.v[1]].p, s.verts[t.v[2]].p
		t.n = p1.Sub(p0).Cross(p2.Sub(p0)).Norm()
		q := planeQuadric(t.n[0], t.n[1], t.n[2], -t.n.Dot(p0))
		for _, v := range t.v {
			s.verts[v].q.add(&q)
		}
	}
	for i := range s.tris {
		s.priceTri(&s.tris[i])
	}
}

// lodLevel is one simplified mesh, ready to upload.
type lodLevel struct {
	Positions []float32
	Normals   []float32
	Indices   []uint32
	// Error is how far (scene units) the surface may have moved: the square root of the
	// largest quadric error of a collapse, an upper bound in practice.
	Error float32
}

// result compacts the surviving triangles into a mesh in the scene's frame with smooth normals.
func (s *simplifier) result() lodLevel {
	remap := make([]int32, len(s.verts))
	for i := range remap {
		remap[i] = -1
	}
	var out lodLevel
	for _, t := range s.tris {
		for _, v := range t.v {
			if remap[v] < 0 {
				remap[v] = int32(len(out.Positions) / 3)
				p := s.verts[v].p.Scale(s.scale).Add(s.origin)
				out.Positions = append(out.Positions, float32(p[0]), float32(p[1]), float32(p[2]))
			}
			out.Indices = append(out.Indices, uint32(remap[v]))
		}
	}
	out.Normals = smoothNormals(out.Positions, out.Indices)
	out.Error = float32(math.Sqrt(math.Max(s.maxErr, 0)) * s.scale)
	return out
}

// smoothNormals is the area-weighted vertex normal of every vertex.
func smoothNormals(pos []float32, idx []uint32) []float32 {
	n := make([]float32, len(pos))
	for t := 0; t+2 < len(idx); t += 3 {
		a, b, c := 3*idx[t], 3*idx[t+1], 3*idx[t+2]
		e1 := [3]float32{pos[b] - pos[a], pos[b+1] - pos[a+1], pos[b+2] - pos[a+2]}
		e2 := [3]float32{pos[c] - pos[a], pos[c+1] - pos[a+1], pos[c+2] - pos[a+2]}
		f := [3]float32{e1[1]*e2[2] - e1[2]*e2[1], e1[2]*e2[0] - e1[0]*e2[2], e1[0]*e2[1] - e1[1]*e2[0]}
		for _, v := range [3]uint32{a, b, c} {
			n[v], n[v+1], n[v+2] = n[v]+f[0], n[v+1]+f[1], n[v+2]+f[2]
		}
	}
	for v := 0; v+2 < len(n); v += 3 {
		l := float32(math.Sqrt(float64(n[v]*n[v] + n[v+1]*n[v+1] + n[v+2]*n[v+2])))
		if l > 0 {
			n[v], n[v+1], n[v+2] = n[v]/l, n[v+1]/l, n[v+2]/l
		} else {
			n[v+1] = 1
		}
	}
	return n
}

// simplifyLevels makes successively coarser meshes, each about a quarter of the one before,
// stopping when a level would keep more than 70% of the one before or fall under minTris.
func simplifyLevels(pos []float32, idx []uint32, levels, minTris int) []lodLevel {
	var out []lodLevel
	s := newSimplifier(pos, idx)
	n := len(s.tris)
	for range levels {
		target := n / 4
		if target < minTris {
			break
		}
		s.run(target)
		if len(s.tris) > n*7/10 {
			break
		}
		n = len(s.tris)
		out = append(out, s.result())
	}
	return out
}
