package render

import (
	"image"
	"math"
	"strings"
	"testing"
)

// coverage counts the pixels that differ from the background and their centroid.
func coverage(img *image.RGBA, bg [3]float32) (n int, cx, cy float64) {
	br, bgc, bb := uint8(bg[0]*255+0.5), uint8(bg[1]*255+0.5), uint8(bg[2]*255+0.5)
	for y := 0; y < img.Rect.Dy(); y++ {
		for x := 0; x < img.Rect.Dx(); x++ {
			p := img.Pix[img.PixOffset(x, y):]
			if absDiff(p[0], br)+absDiff(p[1], bgc)+absDiff(p[2], bb) > 6 {
				n++
				cx += float64(x)
				cy += float64(y)
			}
		}
	}
	if n > 0 {
		cx, cy = cx/float64(n), cy/float64(n)
	}
	return n, cx, cy
}

func absDiff(a, b uint8) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}

// luma returns the spread of brightness over drawn pixels: shading makes it wide.
func lumaSpread(img *image.RGBA, bg [3]float32) (lo, hi float64) {
	var ls []float64
	br := uint8(bg[0]*255 + 0.5)
	for i := 0; i < len(img.Pix); i += 4 {
		p := img.Pix[i:]
		if absDiff(p[0], br) > 6 {
			ls = append(ls, 0.3*float64(p[0])+0.59*float64(p[1])+0.11*float64(p[2]))
		}
	}
	if len(ls) == 0 {
		return 0, 0
	}
	lo, hi = 255, 0
	for _, l := range ls {
		lo, hi = math.Min(lo, l), math.Max(hi, l)
	}
	return lo, hi
}

func newLimbView(t *testing.T, w, h int) *View {
	t.Helper()
	v := NewView(sharedEngine(t))
	t.Cleanup(v.Close)
	v.SetModel(upperLimb(t))
	v.Resize(w, h)
	return v
}

func render(t *testing.T, v *View) *image.RGBA {
	t.Helper()
	f, err := v.RenderNow()
	if err != nil {
		t.Fatal(err)
	}
	return f.Image
}

func TestRenderUpperLimbShadedAndCentred(t *testing.T) {
	v := newLimbView(t, 320, 200)
	img := render(t, v)
	bg := v.background
	n, cx, cy := coverage(img, bg)
	frac := float64(n) / float64(320*200)
	if frac < 0.02 || frac > 0.8 {
		savePNG(t, "upper_limb_coverage.png", img)
		t.Fatalf("model covers %.1f%% of the frame, want 2–80%%", 100*frac)
	}
	if math.Abs(cx-160) > 32 || math.Abs(cy-100) > 20 {
		savePNG(t, "upper_limb_centre.png", img)
		t.Fatalf("model centroid at (%.0f, %.0f), want near the centre (160, 100)", cx, cy)
	}
	if lo, hi := lumaSpread(img, bg); hi-lo < 60 {
		savePNG(t, "upper_limb_flat.png", img)
		t.Fatalf("brightness spans %.0f..%.0f: not shaded", lo, hi)
	}
	compareGolden(t, "upper_limb_front.png", img)
}

// changedBox returns how many pixels differ between a and b and the box around them.
func changedBox(a, b *image.RGBA) (int, image.Rectangle) {
	n := 0
	box := image.Rectangle{}
	for y := 0; y < a.Rect.Dy(); y++ {
		for x := 0; x < a.Rect.Dx(); x++ {
			o := a.PixOffset(x, y)
			if absDiff(a.Pix[o], b.Pix[o])+absDiff(a.Pix[o+1], b.Pix[o+1])+absDiff(a.Pix[o+2], b.Pix[o+2]) > 12 {
				n++
				box = box.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return n, box
}

// projectedBox is where a structure's box lands on screen.
func projectedBox(v *View, id string) image.Rectangle {
	b := v.Model().BoundsOf(id)
	r := image.Rectangle{}
	for i := 0; i < 8; i++ {
		p := Vec3{float64(b.Min[0]), float64(b.Min[1]), float64(b.Min[2])}
		for k := 0; k < 3; k++ {
			if i&(1<<k) != 0 {
				p[k] = float64(b.Max[k])
			}
		}
		x, y, _ := v.Project(p)
		r = r.Union(image.Rect(int(x)-1, int(y)-1, int(x)+2, int(y)+2))
	}
	return r
}

func findID(t *testing.T, m *Model, name string) string {
	t.Helper()
	for _, p := range m.Scene.Parts {
		if strings.EqualFold(p.Name, name) {
			return p.ID
		}
	}
	t.Fatalf("no structure named %q", name)
	return ""
}

func TestHighlightAndHide(t *testing.T) {
	v := newLimbView(t, 320, 200)
	id := findID(t, v.Model(), "Right humerus")
	base := render(t, v)
	box := projectedBox(v, id)

	v.SetState(id, Highlighted)
	lit := render(t, v)
	n, changed := changedBox(base, lit)
	if n < 100 || !changed.In(box) {
		savePNG(t, "highlight.png", lit)
		t.Fatalf("highlight changed %d pixels in %v; want many, all inside the humerus's screen box %v", n, changed, box)
	}
	green := 0
	for y := changed.Min.Y; y < changed.Max.Y; y++ {
		for x := changed.Min.X; x < changed.Max.X; x++ {
			p := lit.Pix[lit.PixOffset(x, y):]
			if p[1] > 150 && p[1] > p[0]+40 && p[1] > p[2]+40 {
				green++
			}
		}
	}
	if green < n/2 {
		savePNG(t, "highlight.png", lit)
		t.Fatalf("only %d of %d changed pixels are the highlight green", green, n)
	}

	v.SetState(id, Hidden)
	hidden := render(t, v)
	n2, changed2 := changedBox(base, hidden)
	nb, _, _ := coverage(base, v.background)
	nh, _, _ := coverage(hidden, v.background)
	if n2 < 100 || !changed2.In(box) || nh >= nb {
		savePNG(t, "hidden.png", hidden)
		t.Fatalf("hiding changed %d pixels in %v (box %v); drawn pixels %d -> %d", n2, changed2, box, nb, nh)
	}
}

// TestTwoViewsTwoModels: screens each have a view; drawing them in turn keeps each model's
// frame right (the engine keeps both uploaded instead of mixing their meshes).
func TestTwoViewsTwoModels(t *testing.T) {
	a := newLimbView(t, 160, 120)
	s := upperLimb(t).Scene
	half := *s
	half.Parts = s.Parts[:10]
	b := NewView(sharedEngine(t))
	t.Cleanup(b.Close)
	b.SetModel(NewModel(&half))
	b.Resize(160, 120)
	wantA, wantB := render(t, a), render(t, b)
	for i := 0; i < 3; i++ {
		if n, _ := changedBox(wantA, render(t, a)); n > 0 {
			t.Fatalf("round %d: view A changed in %d pixels after drawing view B", i, n)
		}
		if n, _ := changedBox(wantB, render(t, b)); n > 0 {
			t.Fatalf("round %d: view B changed in %d pixels after drawing view A", i, n)
		}
	}
	if n, _ := changedBox(wantA, wantB); n == 0 {
		t.Fatal("the two models drew the same frame: the test proves nothing")
	}
}
