package render

import (
	"image"
	"testing"

	"github.com/osteon/osteon/content"
)

// pixelsApart counts pixels whose colour differs by more than 8 in any channel.
func pixelsApart(a, b *image.RGBA) int {
	n := 0
	for i := 0; i+3 < len(a.Pix); i += 4 {
		for c := range 3 {
			if d := int(a.Pix[i+c]) - int(b.Pix[i+c]); d > 8 || d < -8 {
				n++
				break
			}
		}
	}
	return n
}

// TestBatchLooksLikeStructureByStructure: an interaction frame drawn from the merged meshes
// matches the same frame drawn structure by structure, also after a tint changes a structure's
// look (which rebuilds the batch).
func TestBatchLooksLikeStructureByStructure(t *testing.T) {
	v := newLimbView(t, 320, 200)
	m := v.Model()
	<-m.LevelsReady()
	pair := func(what string) (batched FrameStats) {
		v.Orbit(0, 0)
		a, err := v.RenderNow()
		if err != nil {
			t.Fatal(err)
		}
		skipBatch = true
		defer func() { skipBatch = false }()
		v.Orbit(0, 0)
		b, err := v.RenderNow()
		if err != nil {
			t.Fatal(err)
		}
		drawn, _, _ := coverage(b.Image, v.background)
		apart := pixelsApart(a.Image, b.Image)
		t.Logf("%s: batched %+v, one by one %+v; %d of %d drawn pixels apart", what, a.Stats, b.Stats, apart, drawn)
		if !a.Stats.Coarse || a.Stats.Draws*4 > b.Stats.Draws || drawn < 2000 || apart*200 > drawn {
			p1, p2 := savePNG(t, "batch-"+what+".png", a.Image), savePNG(t, "batch-"+what+"-single.png", b.Image)
			t.Fatalf("%s: merged frame differs (%d of %d pixels, %d against %d draws); see %s and %s", what, apart, drawn, a.Stats.Draws, b.Stats.Draws, p1, p2)
		}
		return a.Stats
	}
	v.Orbit(30, -20)
	pair("plain")
	v.SetTint(findID(t, m, "Right humerus"), content.Color{R: 20, G: 200, B: 220, A: 255})
	if st := pair("tinted"); st.Uploads == 0 {
		t.Fatalf("a new tint did not rebuild the batch: %+v", st)
	}
}

// limb30Dragging is a small view of limb30 with its levels made, and a drag step that returns
// the interaction frame's stats.
func limb30Dragging(t *testing.T) (*View, *Model, func() FrameStats) {
	m := limb30Scene(t)
	v := NewView(sharedEngine(t))
	t.Cleanup(v.Close)
	v.Resize(320, 200)
	v.SetModel(m)
	<-m.LevelsReady()
	return v, m, func() FrameStats {
		v.Orbit(0.5, 0)
		f, err := v.RenderNow()
		if err != nil {
			t.Fatal(err)
		}
		v.Release(f.Image)
		if !f.Stats.Coarse {
			t.Fatalf("not an interaction frame: %+v", f.Stats)
		}
		return f.Stats
	}
}

// TestMergedFramesCullWhenZoomedIn: merged interaction frames of a big model are cut into
// neighbourhoods, so zoomed in on one corner of limb30 a drag frame draws only the merged meshes
// around it, not every structure's triangles; zoomed in closer, on a few structures, it draws
// just those, one by one.
func TestMergedFramesCullWhenZoomedIn(t *testing.T) {
	v, m, drag := limb30Dragging(t)
	whole := drag()
	zoom := func(f float64) FrameStats {
		p := v.home
		c0 := m.parts[0].box.Center()
		p.Target, p.Distance = Vec3{float64(c0[0]), float64(c0[1]), float64(c0[2])}, p.Distance/f
		v.SetPose(p, 0)
		return drag()
	}
	near := zoom(4)
	if whole.Draws >= m.Len()/10 || near.Draws*2 >= whole.Draws {
		t.Fatalf("merged frames: %d draws framed whole, %d zoomed on a corner (of %d structures); want few, and under half of them when zoomed", whole.Draws, near.Draws, m.Len())
	}
	closer := zoom(12)
	if closer.Draws > batchMinInView || closer.Draws <= near.Draws || v.engine.batchShown(t) {
		t.Fatalf("zoomed on a few structures: %d draws, batch shown %v; want them drawn one by one", closer.Draws, v.engine.batchShown(t))
	}
}

// TestTintRebuildsOnlyItsNeighbourhood: on limb30, the first drag frame merges every chunk;
// after one structure changes colour (as when the learner selects it), the next drag frame
// rebuilds only the merged meshes of that structure's chunk.
func TestTintRebuildsOnlyItsNeighbourhood(t *testing.T) {
	v, m, drag := limb30Dragging(t)
	drag()
	all := drag() // nothing changed: nothing rebuilt
	v.SetTint(m.Scene.Parts[100].ID, content.Color{R: 20, G: 200, B: 220, A: 255})
	tinted := drag()
	if all.Uploads != 0 || tinted.Uploads == 0 || tinted.Uploads > 3 || tinted.Draws != all.Draws+1 {
		t.Fatalf("unchanged frame %+v; after one tint %+v; want no rebuild, then only the tinted chunk's few meshes (one more look)", all, tinted)
	}
}
