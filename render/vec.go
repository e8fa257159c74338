package render

import (
	"math"

	"github.com/g3n/engine/math32"
	"github.com/osteon/osteon/content"
)

// Vec3 is a point or direction in the scene frame (Y up, metres).
type Vec3 [3]float64

func v3(p content.Vec3) Vec3 { return Vec3{float64(p[0]), float64(p[1]), float64(p[2])} }

func (a Vec3) Add(b Vec3) Vec3             { return Vec3{a[0] + b[0], a[1] + b[1], a[2] + b[2]} }
func (a Vec3) Sub(b Vec3) Vec3             { return Vec3{a[0] - b[0], a[1] - b[1], a[2] - b[2]} }
func (a Vec3) Scale(s float64) Vec3        { return Vec3{a[0] * s, a[1] * s, a[2] * s} }
func (a Vec3) Dot(b Vec3) float64          { return a[0]*b[0] + a[1]*b[1] + a[2]*b[2] }
func (a Vec3) Len() float64                { return math.Sqrt(a.Dot(a)) }
func (a Vec3) Lerp(b Vec3, t float64) Vec3 { return a.Add(b.Sub(a).Scale(t)) }

func (a Vec3) Cross(b Vec3) Vec3 {
	return Vec3{a[1]*b[2] - a[2]*b[1], a[2]*b[0] - a[0]*b[2], a[0]*b[1] - a[1]*b[0]}
}

// Norm returns a unit vector along a, or a itself when it has no length.
func (a Vec3) Norm() Vec3 {
	if l := a.Len(); l > 0 {
		return a.Scale(1 / l)
	}
	return a
}

// mat4 is column-major, as OpenGL and g3n use it.
type mat4 [16]float64

func (a mat4) g3n() math32.Matrix4 {
	var m math32.Matrix4
	for i, v := range a {
		m[i] = float32(v)
	}
	return m
}

// lookAt is the view matrix of an eye at eye looking at target.
func lookAt(eye, target, up Vec3) mat4 {
	f := target.Sub(eye).Norm()
	s := f.Cross(up).Norm()
	u := s.Cross(f)
	return mat4{
		s[0], u[0], -f[0], 0,
		s[1], u[1], -f[1], 0,
		s[2], u[2], -f[2], 0,
		-s.Dot(eye), -u.Dot(eye), f.Dot(eye), 1,
	}
}

// perspective is an OpenGL projection with a vertical field of view in radians.
func perspective(fovY, aspect, near, far float64) mat4 {
	f := 1 / math.Tan(fovY/2)
	return mat4{
		f / aspect, 0, 0, 0,
		0, f, 0, 0,
		0, 0, (far + near) / (near - far), -1,
		0, 0, 2 * far * near / (near - far), 0,
	}
}
