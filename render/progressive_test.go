package render

import (
	"testing"
	"time"
)

// TestBigModelAppearsProgressively: limb30 (3.37 million triangles) appears over a few frames,
// each sending at most the budget of new triangles, the largest structure in the first; then
// every structure is drawn, and the complete frame is the frame drawn again afterwards.
func TestBigModelAppearsProgressively(t *testing.T) {
	m := NewModel(limb30Scene(t).Scene) // a model of its own: the engine remembers what it drew
	v := NewView(sharedEngine(t))
	defer v.Close()
	v.Resize(320, 200)
	v.SetModel(m)
	total := 0
	for i := range m.Scene.Parts {
		total += m.Scene.Parts[i].Mesh.TriangleCount()
	}
	largest := 0
	for i := range m.parts {
		if SphereOf(m.parts[i].box).Radius > SphereOf(m.parts[largest].box).Radius {
			largest = i
		}
	}
	var last Frame
	prevShown, frames := 0, 0
	for {
		f, err := v.RenderNow()
		if err != nil {
			t.Fatal(err)
		}
		frames++
		in := revealed(t, v.engine, m)
		shown, tris := 0, 0
		for i, ok := range in {
			if ok {
				shown++
				tris += m.Scene.Parts[i].Mesh.TriangleCount()
			}
		}
		if frames == 1 && (f.Stats.Pending == 0 || !in[largest]) {
			t.Fatalf("first frame: %+v, largest structure shown %v; want some left for later and the largest in", f.Stats, in[largest])
		}
		if tris-prevShown > progressiveBudget || f.Stats.Draws != shown || shown+f.Stats.Pending != m.Len() {
			t.Fatalf("frame %d: %d new triangles (budget %d), %d drawn, %d shown, %d pending of %d", frames, tris-prevShown, progressiveBudget, f.Stats.Draws, shown, f.Stats.Pending, m.Len())
		}
		prevShown = tris
		if f.Stats.Pending == 0 {
			last = f
			break
		}
		v.Release(f.Image)
		if frames > total/progressiveBudget+2 {
			t.Fatalf("still %d structures pending after %d frames", f.Stats.Pending, frames)
		}
	}
	again, err := v.RenderNow()
	if err != nil {
		t.Fatal(err)
	}
	if n := pixelsApart(last.Image, again.Image); n != 0 || again.Stats.Draws != m.Len() {
		t.Fatalf("the complete frame differs from the next in %d pixels (%d draws of %d)", n, again.Stats.Draws, m.Len())
	}
	t.Logf("%d triangles appeared over %d frames", total, frames)
}

// revealed says which structures of m have been admitted to a frame so far.
func revealed(t *testing.T, e *Engine, m *Model) []bool {
	t.Helper()
	var in []bool
	if err := e.run(func() { in = append(in, e.models[m].reveal.shown...) }); err != nil {
		t.Fatal(err)
	}
	return in
}

// TestViewDrawsTheRestByItself: with a frame callback, a big model keeps appearing with no
// further input until every structure is drawn.
func TestViewDrawsTheRestByItself(t *testing.T) {
	m := NewModel(limb30Scene(t).Scene)
	v := NewView(sharedEngine(t))
	defer v.Close()
	v.Resize(160, 100)
	frames := make(chan FrameStats, 64)
	v.OnFrame(func(f Frame) {
		frames <- f.Stats
		v.Release(f.Image)
	})
	v.SetModel(m)
	deadline := time.After(2 * time.Minute)
	for n := 1; ; n++ {
		select {
		case st := <-frames:
			if st.Pending == 0 {
				if n < 2 || st.Draws != m.Len() {
					t.Fatalf("complete after %d frames with %d draws of %d; want more than one frame and all", n, st.Draws, m.Len())
				}
				return
			}
		case <-deadline:
			t.Fatal("the view stopped drawing before the model had appeared")
		}
	}
}
