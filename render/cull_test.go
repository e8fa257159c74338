package render

import (
	"testing"
)

// boxInView reports whether a box can show in the camera's view: it is out only when all eight
// corners lie outside one and the same clip plane.
func boxInView(c *Camera, lo, hi [3]float32) bool {
	view, proj := c.View(), c.Proj()
	var outside [6]int
	for k := range 8 {
		p := [4]float64{float64(lo[0]), float64(lo[1]), float64(lo[2]), 1}
		for a := range 3 {
			if k>>a&1 == 1 {
				p[a] = float64(hi[a])
			}
		}
		q := mulVec(proj, mulVec(view, p))
		for a := range 3 {
			if q[a] < -q[3] {
				outside[2*a]++
			}
			if q[a] > q[3] {
				outside[2*a+1]++
			}
		}
	}
	for _, n := range outside {
		if n == 8 {
			return false
		}
	}
	return true
}

// TestCullingDrawsOnlyWhatCanShow counts draw calls on limb30 (2,160 structures): framed whole,
// every structure is drawn once; zoomed in on one corner, only the structures whose boxes reach
// into the view are drawn; turned away, nothing; with all but three hidden, three.
func TestCullingDrawsOnlyWhatCanShow(t *testing.T) {
	m := limb30Scene(t)
	v := NewView(sharedEngine(t))
	defer v.Close()
	v.Resize(640, 400)
	v.SetModel(m)
	draws := func() int { // in a complete frame, once every structure has appeared
		v.EndInteraction()
		for {
			f, err := v.RenderNow()
			if err != nil {
				t.Fatal(err)
			}
			v.Release(f.Image)
			if f.Stats.Pending == 0 {
				return f.Stats.Draws
			}
		}
	}
	inView := func() int {
		c, n := v.Camera(), 0
		for i := range m.parts {
			if boxInView(&c, m.parts[i].box.Min, m.parts[i].box.Max) {
				n++
			}
		}
		return n
	}
	if got := draws(); got != m.Len() {
		t.Fatalf("whole scene framed: %d draws, want %d", got, m.Len())
	}
	p := v.Pose()
	c0 := m.parts[0].box.Center()
	p.Target, p.Distance = Vec3{float64(c0[0]), float64(c0[1]), float64(c0[2])}, p.Distance/12
	v.SetPose(p, 0)
	got, want := draws(), inView()
	if got > want || got == 0 || want > m.Len()/4 {
		t.Fatalf("zoomed on one corner: %d draws, %d structures reach into the view (of %d)", got, want, m.Len())
	}
	t.Logf("zoomed in: %d draws of %d structures (%d boxes reach into the view)", got, m.Len(), want)
	p.Yaw += 3.14159 // the target stays ahead, the scene now behind the camera's back
	p.Target = p.Target.Add(Vec3{0, 0, 30})
	v.SetPose(p, 0)
	if got, want := draws(), inView(); got != 0 || want != 0 {
		t.Fatalf("looking away: %d draws, %d structures in view; want none", got, want)
	}
	v.ResetView(0)
	keep := map[string]bool{m.Scene.Parts[0].ID: true, m.Scene.Parts[500].ID: true, m.Scene.Parts[2000].ID: true}
	v.SetStates(func(id string, _ State) State {
		if keep[id] {
			return Normal
		}
		return Hidden
	})
	if got := draws(); got != 3 {
		t.Fatalf("all but three hidden: %d draws", got)
	}
}

// mulVec multiplies a column-major matrix by a column vector.
func mulVec(m mat4, p [4]float64) [4]float64 {
	var q [4]float64
	for r := range 4 {
		for j := range 4 {
			q[r] += m[j*4+r] * p[j]
		}
	}
	return q
}
