package render

import (
	"testing"

	"github.com/osteon/osteon/assets"
	"github.com/osteon/osteon/content"
)

// TestRenderBuiltinModel draws the embedded schematic limb: it must fill a sensible part of the
// frame, centred and shaded, with the skin ghosted so the bones show through, and match the
// reviewed golden image.
func TestRenderBuiltinModel(t *testing.T) {
	s, err := content.Load(assets.FS, assets.BuiltinModel)
	if err != nil {
		t.Fatal(err)
	}
	v := NewView(sharedEngine(t))
	defer v.Close()
	v.SetModel(NewModel(s))
	v.Resize(240, 320)
	skin := ""
	for _, p := range s.Parts {
		if p.Ghosted {
			skin = p.ID
		}
	}
	if skin == "" || v.State(skin) != Ghosted {
		t.Fatalf("skin %q should start ghosted", skin)
	}
	img := render(t, v)
	n, cx, cy := coverage(img, v.background)
	if frac := float64(n) / (240 * 320); frac < 0.04 || frac > 0.8 {
		savePNG(t, "builtin.png", img)
		t.Fatalf("model covers %.1f%% of the frame", 100*frac)
	}
	if cx < 84 || cx > 156 || cy < 112 || cy > 208 {
		savePNG(t, "builtin.png", img)
		t.Fatalf("centroid (%.0f, %.0f) is off centre", cx, cy)
	}
	if lo, hi := lumaSpread(img, v.background); hi-lo < 60 {
		t.Fatalf("brightness %.0f..%.0f: not shaded", lo, hi)
	}
	// The humerus shows through the ghosted skin: highlighting it changes pixels.
	v.SetState(findID(t, v.Model(), "Humerus"), Highlighted)
	lit := render(t, v)
	if changed, _ := changedBox(img, lit); changed < 50 {
		t.Fatalf("highlighting the humerus under the ghosted skin changed only %d pixels", changed)
	}
	v.SetState(findID(t, v.Model(), "Humerus"), Normal)
	compareGolden(t, "builtin_front.png", render(t, v))
}
