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
