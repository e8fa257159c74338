package render

import (
	"testing"

	"github.com/osteon/osteon/content"
)

// coloured gives a probe box (boxPart) a colour and normals pointing out from its centre.
func coloured(p content.Part, c content.Color) content.Part {
	p.Color = c
	b := p.Mesh.Bounds()
	ctr := v3(b.Center())
	for i := 0; i+2 < len(p.Mesh.Positions); i += 3 {
		pos := p.Mesh.Positions
		n := Vec3{float64(pos[i]), float64(pos[i+1]), float64(pos[i+2])}.Sub(ctr).Norm()
		p.Mesh.Normals[i], p.Mesh.Normals[i+1], p.Mesh.Normals[i+2] = float32(n[0]), float32(n[1]), float32(n[2])
	}
	return p
}

// TestGhostInFrontOfCapIsBlended cuts a red box coronally and ghosts a blue box that lies
// inside it, between the plane and the red box's far wall: looking through the cut, the ghost
// is nearer than the cut's fill there, so it must tint the cap (translucent), while the cap
// elsewhere stays the plain red of the cut.
func TestGhostInFrontOfCapIsBlended(t *testing.T) {
	red := content.Color{R: 220, G: 30, B: 30, A: 255}
	blue := content.Color{R: 20, G: 40, B: 250, A: 255}
	s := &content.Scene{Title: "boxes", Parts: []content.Part{
		coloured(boxPart("solid", [3]float32{-1, -1, -1}, [3]float32{1, 1, 1}, false), red),
		coloured(boxPart("ghost", [3]float32{-0.25, -0.25, -0.8}, [3]float32{0.25, 0.25, -0.4}, false), blue),
	}}
	if open, vol := closedness(s.Parts[0].Mesh.Positions, s.Parts[0].Mesh.Indices); open != 0 || vol <= 0 {
		t.Fatalf("the test's box is not closed and outward: %d open edges, volume %g", open, vol)
	}
	v := NewView(sharedEngine(t))
	t.Cleanup(v.Close)
	v.SetModel(NewModel(s))
	v.Resize(160, 160)
	v.SetState("ghost", Ghosted)
	v.Frame(0, "solid")
	if err := v.SetSection(Coronal(Vec3{0, 0, 0.5})); err != nil {
		t.Fatal(err)
	}
	img := render(t, v)
	cx, cy, _ := v.Project(Vec3{0, 0, 0.5})
	edge, _, _ := v.Project(Vec3{0.7, 0, 0.5})
	at := func(x, y float64) []uint8 { return img.Pix[img.PixOffset(int(x), int(y)):][:3] }
	capPx, ghostPx := at(edge, cy), at(cx, cy)
	if int(capPx[0]) < int(capPx[2])+100 {
		p := savePNG(t, "section-ghost.png", img)
		t.Fatalf("the cut beside the ghost is not filled red: %v (see %s)", capPx, p)
	}
	if int(ghostPx[2]) < int(capPx[2])+15 || int(ghostPx[0]) < int(ghostPx[2]) {
		p := savePNG(t, "section-ghost.png", img)
		t.Fatalf("over the ghost the cut shows %v, beside it %v: want the red cap tinted blue by the translucent ghost (see %s)", ghostPx, capPx, p)
	}
}

// TestSectionFromKeptSide turns round to look at the red box from the side the plane keeps:
// its near wall hides the cut, so what shows is its lit outside, no different from the same
// view without a section (the caps are skipped there, and must not show through).
func TestSectionFromKeptSide(t *testing.T) {
	red := content.Color{R: 220, G: 30, B: 30, A: 255}
	s := &content.Scene{Title: "box", Parts: []content.Part{
		coloured(boxPart("solid", [3]float32{-1, -1, -1}, [3]float32{1, 1, 1}, false), red),
	}}
	v := NewView(sharedEngine(t))
	t.Cleanup(v.Close)
	v.SetModel(NewModel(s))
	v.Resize(120, 120)
	v.Frame(0, "solid")
	p := v.Pose()
	p.Yaw += 3.14159
	v.SetPose(p, 0)
	plain := render(t, v)
	if err := v.SetSection(Coronal(Vec3{0, 0, 0.5})); err != nil {
		t.Fatal(err)
	}
	if cam := v.Camera(); !v.Section().Kept(cam.Eye()) {
		t.Fatal("the camera should be on the kept side")
	}
	cut := render(t, v)
	diff := 0
	for i := range plain.Pix {
		if d := int(plain.Pix[i]) - int(cut.Pix[i]); d > 8 || d < -8 {
			diff++
		}
	}
	if diff > len(plain.Pix)/200 {
		t.Fatalf("from the kept side %d channel values differ from the view without a section", diff)
	}
}
