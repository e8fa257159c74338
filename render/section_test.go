package render

import (
	"errors"
	"fmt"
	"image"
	"math"
	"testing"

	"github.com/osteon/osteon/content"
)

// insideMesh says whether p lies inside structure i's closed surface: the parity of the
// surfaces a ray from p crosses (counted through the picking hierarchy, not through OpenGL).
func insideMesh(m *Model, i int, p, dir Vec3) bool {
	n := 0
	o := p
	for n < 64 {
		r := newRay(o, dir)
		t, _, hit := m.bvhOf(i).intersect(&r, inf32)
		if !hit {
			break
		}
		n++
		o = o.Add(dir.Scale(float64(t) + 1e-6))
	}
	return n%2 == 1
}

// isolateHumerus shows only the right humerus, tinted a red no bone has, framed from the front.
func isolateHumerus(t *testing.T, w, h int) (*View, int) {
	v := newLimbView(t, w, h)
	id := findID(t, v.Model(), "Right humerus")
	v.SetStates(func(s string, _ State) State {
		if s == id {
			return Normal
		}
		return Hidden
	})
	v.SetTint(id, content.Color{R: 210, G: 40, B: 40, A: 255})
	v.Frame(0, id)
	return v, v.Model().Index(id)
}

// TestSectionCapFillsHumerus cuts the humerus with coronal planes at three depths and looks at
// every pixel whose ray meets the plane inside the bone (decided on the CPU from the mesh): each
// must show the bone's colour, not the background or a hole into the shaft.
func TestSectionCapFillsHumerus(t *testing.T) {
	v, hi := isolateHumerus(t, 200, 320)
	m := v.Model()
	box := m.parts[hi].box
	for _, f := range []float64{0.3, 0.5, 0.7} {
		z := float64(box.Min[2]) + f*float64(box.Max[2]-box.Min[2])
		if err := v.SetSection(Coronal(Vec3{0, 0, z})); err != nil {
			t.Fatal(err)
		}
		img := render(t, v)
		cam, sec := v.Camera(), v.Section()
		inside, filled := 0, 0
		for y := 0; y < cam.Height; y += 2 {
			for x := 0; x < cam.Width; x += 2 {
				o, d := cam.Ray(float64(x)+0.5, float64(y)+0.5)
				t0, _, ok := sec.keptInterval(o, d)
				if !ok || t0 == 0 || !insideMesh(m, hi, o.Add(d.Scale(t0)), Vec3{0, 0, -1}) {
					continue
				}
				inside++
				p := img.Pix[img.PixOffset(x, y):]
				if int(p[0]) > int(p[1])+60 && int(p[0]) > int(p[2])+60 {
					filled++
				}
			}
		}
		if inside < 40 {
			t.Fatalf("plane at %.0f%% of the humerus's depth: only %d sampled pixels see the plane inside the bone", f*100, inside)
		}
		if filled < inside*95/100 {
			p := savePNG(t, fmt.Sprintf("section-humerus-%.0f.png", f*100), img)
			t.Fatalf("plane at %.0f%%: %d of %d pixels where the plane is inside the bone show its colour (see %s)", f*100, filled, inside, p)
		}
		if cut := v.Cut(); len(cut) != 1 || cut[0] != m.Scene.Parts[hi].ID {
			t.Fatalf("Cut() = %v, want only the humerus", cut)
		}
	}
}

// TestSectionWithoutCapsShowsHole proves the cap test can fail: the same cut with the cap
// drawing skipped leaves the background showing where the bone is cut.
func TestSectionWithoutCapsShowsHole(t *testing.T) {
	v, hi := isolateHumerus(t, 200, 320)
	box := v.Model().parts[hi].box
	if err := v.SetSection(Coronal(v3(box.Center()))); err != nil {
		t.Fatal(err)
	}
	withCaps := render(t, v)
	skipCaps = true
	defer func() { skipCaps = false }()
	without := render(t, v)
	bg := v.background
	nw, _, _ := coverage(withCaps, bg)
	nwo, _, _ := coverage(without, bg)
	if nwo >= nw*9/10 {
		t.Fatalf("without caps %d drawn pixels, with caps %d: the caps should cover the see-through cut", nwo, nw)
	}
}

func TestSectionPickKeptSide(t *testing.T) {
	v, hi := isolateHumerus(t, 200, 320)
	id := v.Model().Scene.Parts[hi].ID
	cam := v.Camera()
	x, y := float64(cam.Width)/2, float64(cam.Height)/2
	before, ok := v.Pick(x, y)
	if !ok || before.ID != id {
		t.Fatalf("no humerus at the centre before cutting: %+v %v", before, ok)
	}
	if err := v.SetSection(Coronal(before.Point.Add(Vec3{0, 0, -0.004}))); err != nil {
		t.Fatal(err)
	}
	after, ok := v.Pick(x, y)
	if !ok || after.ID != id || after.Point[2] > before.Point[2]-0.004+1e-9 {
		t.Fatalf("pick through the cap: %+v %v; want the humerus behind the plane (z <= %.4f)", after, ok, before.Point[2]-0.004)
	}
	if err := v.SetSection(Section{On: true}); !errors.Is(err, ErrZeroNormal) {
		t.Fatalf("zero normal: %v", err)
	}
	if v.Section().Normal != (Vec3{0, 0, 1}) {
		t.Fatalf("a refused plane replaced the one in use: %+v", v.Section())
	}
}

// TestPinBehindModelIsOccluded puts one pin on the front of the humerus and one on its back:
// from the front the back one is hidden (to be dimmed) and the front one shows on the bone;
// turned round, they swap.
func TestPinBehindModelIsOccluded(t *testing.T) {
	v, hi := isolateHumerus(t, 200, 320)
	m := v.Model()
	cam := v.Camera()
	cx, cy := float64(cam.Width)/2, float64(cam.Height)/2
	o, d := cam.Ray(cx, cy)
	r := newRay(o, d)
	tf, _, hit := m.bvhOf(hi).intersect(&r, inf32)
	if !hit {
		t.Fatal("the centre ray misses the humerus")
	}
	front := o.Add(d.Scale(float64(tf)))
	back := front
	for insideMesh(m, hi, back.Add(d.Scale(1e-5)), d) { // walk to the far surface
		r := newRay(back.Add(d.Scale(1e-5)), d)
		tb, _, _ := m.bvhOf(hi).intersect(&r, inf32)
		back = back.Add(d.Scale(float64(tb) + 1e-5))
	}
	spots := v.PinSpots([]Vec3{front, back})
	if spots[0].Occluded || !spots[1].Occluded || !spots[0].OnScreen {
		t.Fatalf("from the front: %+v", spots)
	}
	img := render(t, v)
	if px := img.Pix[img.PixOffset(int(spots[0].X), int(spots[0].Y)):]; px[0] < px[1]+60 {
		t.Fatalf("the front pin at (%.0f, %.0f) is not over the bone: pixel %v", spots[0].X, spots[0].Y, px[:3])
	}
	p := v.Pose()
	p.Yaw += math.Pi
	v.SetPose(p, 0)
	spots = v.PinSpots([]Vec3{front, back})
	if !spots[0].Occluded || spots[1].Occluded {
		t.Fatalf("from behind: %+v", spots)
	}
}

// TestSectionMovesWithSimplifiedLevels: while the learner drags a section plane, structures
// drawn at simplified levels are cut where the plane is now, not where it was in the last
// full-detail frame.
func TestSectionMovesWithSimplifiedLevels(t *testing.T) {
	v := newLimbView(t, 320, 200)
	m := v.Model()
	<-m.LevelsReady()
	b := SphereOf(m.Bounds)
	at := func(f float64) Section { return Axial(b.Center.Add(Vec3{0, f * b.Radius, 0})) }
	frame := func(s Section, interacting bool) *image.RGBA {
		if err := v.SetSection(s); err != nil {
			t.Fatal(err)
		}
		if interacting {
			v.Orbit(0.001, 0)
		} else {
			v.EndInteraction()
		}
		f, err := v.RenderNow()
		if err != nil {
			t.Fatal(err)
		}
		if f.Stats.Coarse != interacting {
			t.Fatalf("frame coarse %v, want %v", f.Stats.Coarse, interacting)
		}
		return f.Image
	}
	frame(at(0.5), false) // full detail with the plane high up
	moving := frame(at(-0.3), true)
	still := frame(at(-0.3), false)
	if a, b := topRow(moving), topRow(still); a < 0 || a-b > 2 || b-a > 2 {
		p1, p2 := savePNG(t, "section-moving.png", moving), savePNG(t, "section-still.png", still)
		t.Fatalf("the plane moved down: the interaction frame's cut is at row %d, the full-detail frame's at %d; see %s and %s", a, b, p1, p2)
	}
}

// topRow is the first row with a pixel unlike the top-left one (the background), or -1.
func topRow(img *image.RGBA) int {
	bg := img.Pix[:3]
	for y := range img.Rect.Dy() {
		row := img.Pix[y*img.Stride : y*img.Stride+4*img.Rect.Dx()]
		for x := 0; x < len(row); x += 4 {
			for c := range 3 {
				if d := int(row[x+c]) - int(bg[c]); d > 8 || d < -8 {
					return y
				}
			}
		}
	}
	return -1
}
