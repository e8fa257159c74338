package main

import "math"

// Vec3 is a point or direction in millimetres, in the model frame:
// +X the body's left, +Y up, +Z anterior.
type Vec3 struct{ X, Y, Z float64 }

// V builds a Vec3.
func V(x, y, z float64) Vec3 { return Vec3{x, y, z} }

// Add returns a+b.
func (a Vec3) Add(b Vec3) Vec3 { return Vec3{a.X + b.X, a.Y + b.Y, a.Z + b.Z} }

// Sub returns a-b.
func (a Vec3) Sub(b Vec3) Vec3 { return Vec3{a.X - b.X, a.Y - b.Y, a.Z - b.Z} }

// Scale returns a*s.
func (a Vec3) Scale(s float64) Vec3 { return Vec3{a.X * s, a.Y * s, a.Z * s} }

// Dot returns the scalar product.
func (a Vec3) Dot(b Vec3) float64 { return a.X*b.X + a.Y*b.Y + a.Z*b.Z }

// Cross returns the vector product a×b.
func (a Vec3) Cross(b Vec3) Vec3 {
	return Vec3{a.Y*b.Z - a.Z*b.Y, a.Z*b.X - a.X*b.Z, a.X*b.Y - a.Y*b.X}
}

// Len returns the Euclidean length.
func (a Vec3) Len() float64 { return math.Sqrt(a.Dot(a)) }

// Norm returns a unit vector along a, or a itself when it is (almost) zero.
func (a Vec3) Norm() Vec3 {
	l := a.Len()
	if l < 1e-12 {
		return a
	}
	return a.Scale(1 / l)
}

// Lerp interpolates between a (t=0) and b (t=1).
func (a Vec3) Lerp(b Vec3, t float64) Vec3 { return a.Add(b.Sub(a).Scale(t)) }

// Dist returns |a-b|.
func (a Vec3) Dist(b Vec3) float64 { return a.Sub(b).Len() }

// rotZ rotates p about the Z axis through the origin by deg degrees.
func rotZ(p Vec3, deg float64) Vec3 {
	s, c := math.Sincos(deg * math.Pi / 180)
	return Vec3{p.X*c - p.Y*s, p.X*s + p.Y*c, p.Z}
}

func clamp(v, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, v)) }

func lerp(a, b, t float64) float64 { return a + (b-a)*t }

func deg(d float64) float64 { return d * math.Pi / 180 }
