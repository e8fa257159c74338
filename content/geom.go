package content

import (
	"fmt"
	"math"
)

// mat4 is a column-major 4x4 matrix, as glTF stores it.
type mat4 [16]float64

func identity() mat4 { return mat4{0: 1, 5: 1, 10: 1, 15: 1} }

func (a mat4) mul(b mat4) mat4 {
	var r mat4
	for c := 0; c < 4; c++ {
		for row := 0; row < 4; row++ {
			var s float64
			for k := 0; k < 4; k++ {
				s += a[k*4+row] * b[c*4+k]
			}
			r[c*4+row] = s
		}
	}
	return r
}

func finite(v []float64) bool {
	for _, f := range v {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return false
		}
	}
	return true
}

// localMatrix is a node's transform from its matrix or its translation, rotation and scale.
func localMatrix(n *gltfNode) (mat4, error) {
	if n.Matrix != nil {
		if len(n.Matrix) != 16 || !finite(n.Matrix) {
			return mat4{}, fmt.Errorf("matrix must be 16 finite numbers")
		}
		var m mat4
		copy(m[:], n.Matrix)
		return m, nil
	}
	t, r, s := []float64{0, 0, 0}, []float64{0, 0, 0, 1}, []float64{1, 1, 1}
	if n.Translation != nil {
		t = n.Translation
	}
	if n.Rotation != nil {
		r = n.Rotation
	}
	if n.Scale != nil {
		s = n.Scale
	}
	if len(t) != 3 || len(r) != 4 || len(s) != 3 || !finite(t) || !finite(r) || !finite(s) {
		return mat4{}, fmt.Errorf("translation, rotation and scale must be 3, 4 and 3 finite numbers")
	}
	x, y, z, w := r[0], r[1], r[2], r[3]
	if l := math.Sqrt(x*x + y*y + z*z + w*w); l > 0 {
		x, y, z, w = x/l, y/l, z/l, w/l
	} else {
		x, y, z, w = 0, 0, 0, 1
	}
	m := mat4{
		(1 - 2*(y*y+z*z)) * s[0], (2 * (x*y + z*w)) * s[0], (2 * (x*z - y*w)) * s[0], 0,
		(2 * (x*y - z*w)) * s[1], (1 - 2*(x*x+z*z)) * s[1], (2 * (y*z + x*w)) * s[1], 0,
		(2 * (x*z + y*w)) * s[2], (2 * (y*z - x*w)) * s[2], (1 - 2*(x*x+y*y)) * s[2], 0,
		t[0], t[1], t[2], 1,
	}
	return m, nil
}

// apply transforms the mesh in place: positions by m, normals by its inverse transpose, and the
// winding reversed where m mirrors.
func (m mat4) apply(mesh *Mesh) {
	if m == identity() {
		return
	}
	transformPoints(&m, mesh.Positions)
	// Cofactor matrix of the upper 3x3 = det * inverse transpose; the sign of det is fixed below.
	a, b, c := m[0], m[4], m[8]
	d, e, f := m[1], m[5], m[9]
	g, h, k := m[2], m[6], m[10]
	co := mat4{e*k - f*h, f*g - d*k, d*h - e*g, 0, c*h - b*k, a*k - c*g, b*g - a*h, 0, b*f - c*e, c*d - a*f, a*e - b*d}
	det := a*co[0] + b*co[1] + c*co[2]
	mirror := det < 0
	if mirror {
		for t := 0; t+2 < len(mesh.Indices); t += 3 {
			mesh.Indices[t+1], mesh.Indices[t+2] = mesh.Indices[t+2], mesh.Indices[t+1]
		}
	}
	// Scaled so that a rotation times a uniform scale (or mirror) maps unit normals to unit
	// normals, which then need no square root (transformNormals).
	if s := math.Sqrt(co[0]*co[0] + co[1]*co[1] + co[2]*co[2]); s > 0 && s <= math.MaxFloat64 {
		if mirror {
			s = -s
		}
		for i := range co {
			co[i] /= s
		}
	}
	transformNormals(&co, mesh.Normals)
}

// transformPoints maps points p (x, y, z, x, y, z...) by m, in float64 as the matrix is.
func transformPoints(m *mat4, p []float32) {
	m0, m1, m2, m4, m5, m6 := m[0], m[1], m[2], m[4], m[5], m[6]
	m8, m9, m10, m12, m13, m14 := m[8], m[9], m[10], m[12], m[13], m[14]
	for ; len(p) >= 3; p = p[3:] {
		x, y, z := float64(p[0]), float64(p[1]), float64(p[2])
		p[0] = float32(m0*x + m4*y + m8*z + m12)
		p[1] = float32(m1*x + m5*y + m9*z + m13)
		p[2] = float32(m2*x + m6*y + m10*z + m14)
	}
}

// unitSlack is how far from 1 a squared length may be for a normal to count as unit length:
// 2^-20, a length within about 5e-7 of 1, a few float32 steps.
const unitSlack = 1.0 / (1 << 20)

// transformNormals maps normals n by the 3x3 part of co and makes them unit length again; a
// normal that comes out zero or not a number becomes +Y.
func transformNormals(co *mat4, n []float32) {
	c0, c1, c2, c4, c5, c6, c8, c9, c10 := co[0], co[1], co[2], co[4], co[5], co[6], co[8], co[9], co[10]
	for ; len(n) >= 3; n = n[3:] {
		x, y, z := float64(n[0]), float64(n[1]), float64(n[2])
		nx := c0*x + c4*y + c8*z
		ny := c1*x + c5*y + c9*z
		nz := c2*x + c6*y + c10*z
		if l2 := nx*nx + ny*ny + nz*nz; l2 < 1-unitSlack || l2 > 1+unitSlack {
			l := math.Sqrt(l2)
			if l == 0 || l != l {
				nx, ny, nz, l = 0, 1, 0, 1
			}
			inv := 1 / l
			nx, ny, nz = nx*inv, ny*inv, nz*inv
		}
		n[0], n[1], n[2] = float32(nx), float32(ny), float32(nz)
	}
}

// computeNormals returns smooth, area-weighted vertex normals.
func computeNormals(pos []float32, idx []uint32) []float32 {
	acc := make([]float64, len(pos))
	for t := 0; t+2 < len(idx); t += 3 {
		i0, i1, i2 := 3*int(idx[t]), 3*int(idx[t+1]), 3*int(idx[t+2])
		ux, uy, uz := float64(pos[i1]-pos[i0]), float64(pos[i1+1]-pos[i0+1]), float64(pos[i1+2]-pos[i0+2])
		vx, vy, vz := float64(pos[i2]-pos[i0]), float64(pos[i2+1]-pos[i0+1]), float64(pos[i2+2]-pos[i0+2])
		nx, ny, nz := uy*vz-uz*vy, uz*vx-ux*vz, ux*vy-uy*vx
		for _, i := range [3]int{i0, i1, i2} {
			acc[i] += nx
			acc[i+1] += ny
			acc[i+2] += nz
		}
	}
	out := make([]float32, len(pos))
	for i := 0; i+2 < len(acc); i += 3 {
		l := math.Sqrt(acc[i]*acc[i] + acc[i+1]*acc[i+1] + acc[i+2]*acc[i+2])
		if l == 0 || math.IsNaN(l) {
			out[i+1] = 1
			continue
		}
		out[i], out[i+1], out[i+2] = float32(acc[i]/l), float32(acc[i+1]/l), float32(acc[i+2]/l)
	}
	return out
}
