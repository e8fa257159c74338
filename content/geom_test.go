package content

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestApplyNormals: normals come out as the normalised inverse transpose gives them, for a
// rotation with uniform scale (no square root taken), a mirror and a shear; zero normals become +Y.
func TestApplyNormals(t *testing.T) {
	rot, _ := localMatrix(&gltfNode{Rotation: []float64{0.2, -0.5, 0.3, 0.7}, Scale: []float64{0.001, 0.001, 0.001}, Translation: []float64{1, 2, 3}})
	mirror, _ := localMatrix(&gltfNode{Rotation: []float64{0, 0.6, 0, 0.8}, Scale: []float64{-2, 2, 2}})
	shear := mat4{1, 0.5, 0, 0, 0, 2, 0.3, 0, 0.2, 0, 0.5, 0, 0, 0, 0, 1}
	r := rand.New(rand.NewPCG(1, 2))
	var pos, nor []float32
	for i := 0; i < 300; i++ {
		x, y, z := r.NormFloat64(), r.NormFloat64(), r.NormFloat64()
		l := math.Sqrt(x*x + y*y + z*z)
		nor = append(nor, float32(x/l), float32(y/l), float32(z/l))
		pos = append(pos, float32(x), float32(y), float32(z))
	}
	nor = append(nor, 0, 0, 0, 3, 0, 0) // zero, and not unit length
	pos = append(pos, 0, 0, 0, 0, 0, 0)
	for _, m := range []mat4{rot, mirror, shear} {
		mesh := Mesh{Positions: append([]float32{}, pos...), Normals: append([]float32{}, nor...), Indices: []uint32{0, 1, 2}}
		m.apply(&mesh)
		// Reference: inverse transpose of the 3x3 by Cramer's rule, in float64.
		a, b, c, d, e, f, g, h, k := m[0], m[4], m[8], m[1], m[5], m[9], m[2], m[6], m[10]
		det := a*(e*k-f*h) - b*(d*k-f*g) + c*(d*h-e*g)
		it := [9]float64{(e*k - f*h) / det, (f*g - d*k) / det, (d*h - e*g) / det, (c*h - b*k) / det, (a*k - c*g) / det, (b*g - a*h) / det, (b*f - c*e) / det, (c*d - a*f) / det, (a*e - b*d) / det}
		for i := 0; i < len(nor); i += 3 {
			x, y, z := float64(nor[i]), float64(nor[i+1]), float64(nor[i+2])
			want := [3]float64{it[0]*x + it[3]*y + it[6]*z, it[1]*x + it[4]*y + it[7]*z, it[2]*x + it[5]*y + it[8]*z}
			l := math.Sqrt(want[0]*want[0] + want[1]*want[1] + want[2]*want[2])
			if l == 0 {
				want, l = [3]float64{0, 1, 0}, 1
			}
			for j := range want {
				if got := float64(mesh.Normals[i+j]); math.Abs(got-want[j]/l) > 1e-6 {
					t.Fatalf("matrix %v: normal %d: %v, want %v", m, i/3, mesh.Normals[i:i+3], want)
				}
			}
			px, py, pz := float64(pos[i]), float64(pos[i+1]), float64(pos[i+2])
			wp := [3]float64{m[0]*px + m[4]*py + m[8]*pz + m[12], m[1]*px + m[5]*py + m[9]*pz + m[13], m[2]*px + m[6]*py + m[10]*pz + m[14]}
			for j := range wp {
				if float64(mesh.Positions[i+j]) != float64(float32(wp[j])) {
					t.Fatalf("matrix %v: position %d: %v, want %v", m, i/3, mesh.Positions[i:i+3], wp)
				}
			}
		}
		if wantIdx := map[bool]uint32{true: 2, false: 1}[det < 0]; mesh.Indices[1] != wantIdx {
			t.Errorf("matrix %v (det %g): indices %v", m, det, mesh.Indices)
		}
	}
}
