package render

import (
	"math"

	"github.com/osteon/osteon/content"
)

// Pose is where the camera is: it looks at Target from Distance away, turned Yaw radians about
// the vertical axis and raised Pitch radians. Yaw 0, Pitch 0 looks at the front of the body
// (from +Z, the anterior side).
type Pose struct {
	Target     Vec3
	Distance   float64
	Yaw, Pitch float64
}

// Lerp moves from p towards q by t in [0, 1], turning the short way round.
func (p Pose) Lerp(q Pose, t float64) Pose {
	dy := math.Remainder(q.Yaw-p.Yaw, 2*math.Pi)
	return Pose{
		Target:   p.Target.Lerp(q.Target, t),
		Distance: p.Distance * math.Pow(q.Distance/p.Distance, t),
		Yaw:      p.Yaw + dy*t,
		Pitch:    p.Pitch + (q.Pitch-p.Pitch)*t,
	}
}

// Camera is an orbit camera around a target. It is plain data: the View guards it.
type Camera struct {
	Pose
	FovY   float64 // vertical field of view, radians
	Width  int     // viewport in pixels
	Height int
	scene  Sphere // what the near and far planes must hold
}

// Sphere is a bounding sphere.
type Sphere struct {
	Center Vec3
	Radius float64
}

// SphereOf is the sphere around a box.
func SphereOf(b content.Box) Sphere {
	if b.Empty() {
		return Sphere{Radius: 1}
	}
	return Sphere{Center: v3(b.Center()), Radius: float64(b.Radius())}
}

const maxPitch = 89 * math.Pi / 180

// NewCamera returns a camera framing the scene sphere from the front.
func NewCamera(scene Sphere, w, h int) Camera {
	c := Camera{FovY: 35 * math.Pi / 180, Width: max(w, 1), Height: max(h, 1), scene: scene}
	c.Pose = c.FramePose(scene)
	return c
}

// Aspect is width over height.
func (c *Camera) Aspect() float64 { return float64(c.Width) / float64(c.Height) }

// Eye is the camera position.
func (c *Camera) Eye() Vec3 {
	cp := math.Cos(c.Pitch)
	return c.Target.Add(Vec3{cp * math.Sin(c.Yaw), math.Sin(c.Pitch), cp * math.Cos(c.Yaw)}.Scale(c.Distance))
}

// axes returns the camera's right, up and forward unit vectors.
func (c *Camera) axes() (right, up, fwd Vec3) {
	fwd = c.Target.Sub(c.Eye()).Norm()
	right = fwd.Cross(Vec3{0, 1, 0}).Norm()
	up = right.Cross(fwd)
	return right, up, fwd
}

// View is the view matrix.
func (c *Camera) View() mat4 { return lookAt(c.Eye(), c.Target, Vec3{0, 1, 0}) }

// Proj is the projection matrix, with near and far planes fitted around the scene.
func (c *Camera) Proj() mat4 {
	near, far := c.clip()
	return perspective(c.FovY, c.Aspect(), near, far)
}

func (c *Camera) clip() (near, far float64) {
	d := c.Eye().Sub(c.scene.Center).Len()
	far = d + c.scene.Radius*1.05
	near = max(d-c.scene.Radius*1.05, far*1e-3)
	return near, far
}

// Orbit turns the camera by a drag of dx, dy pixels: a drag across the whole view turns it
// half a turn.
func (c *Camera) Orbit(dx, dy float64) {
	k := math.Pi / float64(max(c.Width, c.Height))
	c.Yaw -= dx * k
	c.Pitch = math.Max(-maxPitch, math.Min(maxPitch, c.Pitch+dy*k))
}

// Pan moves the target with a drag of dx, dy pixels so the point under the pointer follows it.
func (c *Camera) Pan(dx, dy float64) {
	right, up, _ := c.axes()
	k := 2 * c.Distance * math.Tan(c.FovY/2) / float64(c.Height)
	c.Target = c.Target.Add(right.Scale(-dx * k)).Add(up.Scale(dy * k))
}

// Zoom multiplies the distance by factor (below 1 moves closer), within sensible limits.
func (c *Camera) Zoom(factor float64) {
	c.Distance = c.zoomed(factor)
}

// zoomed is the distance after Zoom(factor).
func (c *Camera) zoomed(factor float64) float64 {
	r := math.Max(c.scene.Radius, 1e-6)
	return math.Max(r*0.01, math.Min(r*20, c.Distance*factor))
}

// ZoomAt zooms by factor (within Zoom's limits) towards p, a point in view: the eye and the
// target move along their lines to p by the same ratio as the distance, so the direction of
// view is kept and p stays on the same pixel.
func (c *Camera) ZoomAt(p Vec3, factor float64) {
	k := c.zoomed(factor) / c.Distance
	c.Target = p.Add(c.Target.Sub(p).Scale(k))
	c.Distance *= k
}

// PointAt is the point under pixel (x, y) at the target's depth: where the pixel's ray meets
// the plane through the target that faces the camera.
func (c *Camera) PointAt(x, y float64) Vec3 {
	o, d := c.Ray(x, y)
	_, _, fwd := c.axes()
	return o.Add(d.Scale(c.Distance / d.Dot(fwd)))
}

// FramePose is the pose that fits sphere s in view, keeping the current direction.
func (c *Camera) FramePose(s Sphere) Pose {
	half := c.FovY / 2
	if a := c.Aspect(); a < 1 {
		half = math.Atan(math.Tan(half) * a)
	}
	r := math.Max(s.Radius, 1e-4)
	return Pose{Target: s.Center, Distance: r / math.Sin(half) * 1.08, Yaw: c.Yaw, Pitch: c.Pitch}
}

// Ray is the ray from the eye through pixel (x, y), measured from the top-left corner.
func (c *Camera) Ray(x, y float64) (origin, dir Vec3) {
	right, up, fwd := c.axes()
	ty := math.Tan(c.FovY / 2)
	nx := (2*x/float64(c.Width) - 1) * ty * c.Aspect()
	ny := (1 - 2*y/float64(c.Height)) * ty
	return c.Eye(), fwd.Add(right.Scale(nx)).Add(up.Scale(ny)).Norm()
}

// Project returns the pixel where p appears and whether it is in front of the camera.
func (c *Camera) Project(p Vec3) (x, y float64, inFront bool) {
	right, up, fwd := c.axes()
	d := p.Sub(c.Eye())
	z := d.Dot(fwd)
	if z <= 0 {
		return 0, 0, false
	}
	ty := math.Tan(c.FovY / 2)
	nx := d.Dot(right) / z / (ty * c.Aspect())
	ny := d.Dot(up) / z / ty
	return (nx + 1) / 2 * float64(c.Width), (1 - ny) / 2 * float64(c.Height), true
}
