package render

import (
	"image"
	"math"
	"math/rand/v2"
	"testing"
)

// bruteForce tests every triangle of the mesh.
func bruteForce(b *bvh, r *ray) (float32, bool) {
	best, found := inf32, false
	for t := 0; t < len(b.idx)/3; t++ {
		if d, ok := b.hitTri(r, uint32(t)); ok && d < best {
			best, found = d, true
		}
	}
	return best, found
}

// TestBVHMatchesBruteForce: rays from random points towards random points of the mesh's box
// meet the same nearest triangle through the hierarchy as by testing every triangle.
func TestBVHMatchesBruteForce(t *testing.T) {
	m := upperLimb(t)
	rng := rand.New(rand.NewPCG(1, 2))
	hits := 0
	for _, pi := range []int{0, 10, 20, 40, 71} {
		b := m.bvhOf(pi)
		box := m.parts[pi].box
		for range 300 {
			var to, from Vec3
			for k := 0; k < 3; k++ {
				to[k] = float64(box.Min[k] + rng.Float32()*(box.Max[k]-box.Min[k]))
				from[k] = to[k] + (rng.Float64()-0.5)*0.6
			}
			r := newRay(from, to.Sub(from).Norm())
			want, wok := bruteForce(b, &r)
			got, _, gok := b.intersect(&r, inf32)
			if wok != gok || (wok && math.Abs(float64(want-got)) > 1e-6) {
				t.Fatalf("%s: BVH %v %v, brute force %v %v", m.Scene.Parts[pi].ID, got, gok, want, wok)
			}
			if wok {
				hits++
			}
		}
	}
	if hits < 200 {
		t.Fatalf("only %d of 1500 rays hit: the test rays miss too often to prove anything", hits)
	}
}

// TestPickEveryStructure isolates each of the 72 real structures, frames it, finds a pixel where
// it is drawn and picks there: the pick must name that structure.
func TestPickEveryStructure(t *testing.T) {
	v := newLimbView(t, 240, 180)
	m := v.Model()
	if m.Len() != 72 {
		t.Fatalf("%d structures, want 72", m.Len())
	}
	for i := range m.Scene.Parts {
		id := m.Scene.Parts[i].ID
		v.SetStates(func(other string, _ State) State {
			if other == id {
				return Normal
			}
			return Hidden
		})
		v.Frame(0, id)
		img := render(t, v)
		x, y, ok := drawnPixelNearCentre(img, v.background)
		if !ok {
			savePNG(t, "pick_"+id+".png", img)
			t.Fatalf("%s: isolated and framed, but nothing drawn", id)
		}
		h, ok := v.Pick(float64(x)+0.5, float64(y)+0.5)
		if !ok || h.ID != id {
			t.Fatalf("%s: pick at drawn pixel (%d, %d) gave %q (hit %v)", id, x, y, h.ID, ok)
		}
		b := m.BoundsOf(id)
		for k := 0; k < 3; k++ {
			if h.Point[k] < float64(b.Min[k])-1e-4 || h.Point[k] > float64(b.Max[k])+1e-4 {
				t.Fatalf("%s: hit point %v outside its box %v", id, h.Point, b)
			}
		}
	}
}

// drawnPixelNearCentre finds the drawn pixel closest to the image centre.
func drawnPixelNearCentre(img *image.RGBA, bg [3]float32) (int, int, bool) {
	br, bgc, bb := uint8(bg[0]*255+0.5), uint8(bg[1]*255+0.5), uint8(bg[2]*255+0.5)
	w, h := img.Rect.Dx(), img.Rect.Dy()
	best, bx, by := math.Inf(1), 0, 0
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			p := img.Pix[img.PixOffset(x, y):]
			if absDiff(p[0], br)+absDiff(p[1], bgc)+absDiff(p[2], bb) <= 6 {
				continue
			}
			if d := math.Hypot(float64(x-w/2), float64(y-h/2)); d < best {
				best, bx, by = d, x, y
			}
		}
	}
	return bx, by, !math.IsInf(best, 1)
}

// TestPickAmongOthers frames each structure with every other one shown, finds pixels where its
// own surface is visible (they change when it is highlighted) and picks there: no occluder, no
// neighbour may be returned instead.
func TestPickAmongOthers(t *testing.T) {
	v := newLimbView(t, 240, 180)
	m := v.Model()
	checked := 0
	for i := range m.Scene.Parts {
		id := m.Scene.Parts[i].ID
		v.SetStates(func(string, State) State { return Normal })
		v.Frame(0, id)
		base := render(t, v)
		v.SetState(id, Highlighted)
		lit := render(t, v)
		x, y, ok := changedPixelNearCentre(base, lit)
		if !ok {
			continue // wholly hidden behind others from the front (e.g. a carpal under muscle)
		}
		checked++
		h, ok := v.Pick(float64(x)+0.5, float64(y)+0.5)
		if !ok || h.ID != id {
			savePNG(t, "pick_among_"+id+".png", lit)
			t.Fatalf("%s: pick at its visible pixel (%d, %d) gave %q", id, x, y, h.ID)
		}
	}
	if checked < 60 {
		t.Fatalf("only %d of 72 structures were visible from the front", checked)
	}
}

// changedPixelNearCentre is the changed pixel nearest the centre whose 3x3 neighbourhood changed
// too (so the pick does not land on an anti-aliased edge).
func changedPixelNearCentre(a, b *image.RGBA) (int, int, bool) {
	w, h := a.Rect.Dx(), a.Rect.Dy()
	changed := func(x, y int) bool {
		o := a.PixOffset(x, y)
		return absDiff(a.Pix[o], b.Pix[o])+absDiff(a.Pix[o+1], b.Pix[o+1])+absDiff(a.Pix[o+2], b.Pix[o+2]) > 12
	}
	best, bx, by := math.Inf(1), 0, 0
	for y := 1; y < h-1; y++ {
		for x := 1; x < w-1; x++ {
			all := true
			for dy := -1; dy <= 1 && all; dy++ {
				for dx := -1; dx <= 1 && all; dx++ {
					all = changed(x+dx, y+dy)
				}
			}
			if d := math.Hypot(float64(x-w/2), float64(y-h/2)); all && d < best {
				best, bx, by = d, x, y
			}
		}
	}
	return bx, by, !math.IsInf(best, 1)
}
