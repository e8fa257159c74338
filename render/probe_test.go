package render

import (
	"math"
	"slices"
	"testing"

	"github.com/osteon/osteon/content"
)

// boxPart is a closed box mesh from lo to hi (metres).
func boxPart(id string, lo, hi [3]float32, ghosted bool) content.Part {
	var pos []float32
	for i := range 8 {
		p := lo
		for k := range 3 {
			if i&(1<<k) != 0 {
				p[k] = hi[k]
			}
		}
		pos = append(pos, p[0], p[1], p[2])
	}
	idx := []uint32{0, 2, 3, 0, 3, 1, 4, 5, 7, 4, 7, 6, 0, 1, 5, 0, 5, 4, 2, 6, 7, 2, 7, 3, 0, 4, 6, 0, 6, 2, 1, 3, 7, 1, 7, 5}
	return content.Part{Structure: content.Structure{ID: id, Name: id, Ghosted: ghosted},
		Mesh: content.Mesh{Positions: pos, Normals: make([]float32, len(pos)), Indices: idx}}
}

func probeModel(parts ...content.Part) *Model {
	return NewModel(&content.Scene{Title: "probe", Parts: parts})
}

func TestSurfaceDistance(t *testing.T) {
	m := probeModel(boxPart("cube", [3]float32{0, 0, 0}, [3]float32{1, 1, 1}, false))
	for _, c := range []struct {
		p    Vec3
		want float64
	}{
		{Vec3{0.5, 0.5, 1.5}, 0.5},               // over a face: to the face, not to a corner (0.87)
		{Vec3{0.5, 0.5, 1}, 0},                   // on the face
		{Vec3{2, 2, 2}, math.Sqrt(3)},            // beyond a corner
		{Vec3{0.5, -1, 1.5}, math.Hypot(1, 0.5)}, // beyond an edge
		{Vec3{0.5, 0.5, 0.6}, 0.4},               // inside: to the nearest face
	} {
		got, ok := m.SurfaceDistance("cube", c.p)
		if !ok || math.Abs(got-c.want) > 1e-6 {
			t.Errorf("distance from %v = %v, %v; want %v", c.p, got, ok, c.want)
		}
	}
	if _, ok := m.SurfaceDistance("nothing", Vec3{}); ok {
		t.Error("an unknown structure has a distance")
	}
}

func TestOccluders(t *testing.T) {
	m := probeModel(
		boxPart("target", [3]float32{-0.1, -0.1, -0.1}, [3]float32{0.1, 0.1, 0.1}, false),
		boxPart("cover", [3]float32{-0.3, -0.3, 0.3}, [3]float32{0.3, 0.3, 0.4}, false),
		boxPart("aside", [3]float32{1, 1, 1}, [3]float32{1.2, 1.2, 1.2}, false),
		boxPart("veil", [3]float32{-0.3, -0.3, 0.6}, [3]float32{0.3, 0.3, 0.7}, true),
	)
	if got := m.Occluders(Vec3{0, 0, 5}, []string{"target"}); !slices.Equal(got, []string{"cover"}) {
		t.Errorf("from the front: %v, want the cover only (the ghosted veil is seen through)", got)
	}
	if got := m.Occluders(Vec3{0, 0, -5}, []string{"target"}); len(got) != 0 {
		t.Errorf("from behind: %v, want none", got)
	}
	if got := m.Occluders(Vec3{0, 0, 5}, []string{"nothing"}); len(got) != 0 {
		t.Errorf("an unknown target: %v", got)
	}
}

func TestVisibleTargetsAndPickNear(t *testing.T) {
	m := probeModel(
		boxPart("big", [3]float32{-0.2, -0.2, -0.2}, [3]float32{0.2, 0.2, 0.2}, false),
		boxPart("speck", [3]float32{0.5, 0.5, 0}, [3]float32{0.501, 0.501, 0.001}, false),
		boxPart("inside", [3]float32{-0.05, -0.05, -0.05}, [3]float32{0.05, 0.05, 0.05}, false),
	)
	v := NewView(nil)
	v.SetModel(m)
	v.Resize(400, 300)
	v.ResetView(0)
	if got := v.VisibleTargets([]string{"big", "speck", "inside"}, 4); !slices.Equal(got, []string{"big"}) {
		t.Errorf("visible: %v, want big only (the speck is too small, the inside one hidden)", got)
	}
	_, corners := v.ProjectBox(m.BoundsOf("big"))
	if len(corners) != 8 {
		t.Fatalf("%d corners in front of the camera", len(corners))
	}
	right, y := math.Inf(-1), 0.0
	for _, c := range corners {
		if c[0] > right {
			right, y = c[0], c[1]
		}
	}
	// Just right of the box, at a corner's height (inside the box's extent vertically).
	centre, _ := v.ProjectBox(m.BoundsOf("big"))
	x, y := right+3, (y+centre[1])/2
	if _, ok := v.Pick(x, y); ok {
		t.Fatalf("(%v, %v) is not empty space", x, y)
	}
	if hit, ok := v.PickNear(x, y, 6, 1.5); !ok || hit.ID != "big" {
		t.Errorf("a tap 3 px off the box picks %v, %v", hit.ID, ok)
	}
	if _, ok := v.PickNear(x+20, y, 6, 1.5); ok {
		t.Error("a tap 23 px off the box picks it")
	}
}
