package render

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// TestScaleScreenshots writes the limb30 pair a person looks at: full detail at rest and the
// interaction frame while dragging (after a few drag frames, so the half-size choice has
// settled), and the first frame of the model appearing. It runs only when OSTEON_SHOTS names a
// folder.
func TestScaleScreenshots(t *testing.T) {
	dir := os.Getenv("OSTEON_SHOTS")
	if dir == "" {
		t.Skip("set OSTEON_SHOTS to a folder to write the limb30 screenshots")
	}
	m := limb30Scene(t)
	v := NewView(sharedEngine(t))
	defer v.Close()
	v.Resize(1280, 800)
	m = NewModel(m.Scene) // not yet drawn, so it appears as on opening
	v.SetModel(m)
	v.Orbit(-90, -40)
	v.EndInteraction()
	rest, err := v.RenderNow()
	if err != nil {
		t.Fatal(err)
	}
	save(t, filepath.Join(dir, "limb30-appearing.png"), rest)
	for rest.Stats.Pending > 0 {
		if rest, err = v.RenderNow(); err != nil {
			t.Fatal(err)
		}
	}
	<-m.LevelsReady()
	if rest, err = v.RenderNow(); err != nil {
		t.Fatal(err)
	}
	save(t, filepath.Join(dir, "limb30-rest.png"), rest)
	var drag Frame
	for range 6 {
		v.Orbit(1, 0)
		if drag, err = v.RenderNow(); err != nil {
			t.Fatal(err)
		}
	}
	save(t, filepath.Join(dir, "limb30-drag.png"), drag)
	v.Orbit(1, 0)
	v.mu.Lock()
	v.halfRes = true // what a slower machine shows
	v.mu.Unlock()
	half, err := v.RenderNow()
	if err != nil {
		t.Fatal(err)
	}
	save(t, filepath.Join(dir, "limb30-drag-half.png"), half)
	t.Logf("rest: %+v; drag: %+v; half: %+v", rest.Stats, drag.Stats, half.Stats)
}

func save(t *testing.T, path string, f Frame) {
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	if err := png.Encode(out, f.Image); err != nil {
		t.Fatal(err)
	}
}
