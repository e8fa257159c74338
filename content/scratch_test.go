package content

import (
	"context"
	"math"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// loadAndScribble loads a scene and then overwrites the pooled file buffer, as reading the next
// file would. The race detector's sync.Pool drops some buffers at random, so it tries again until
// a buffer was there to overwrite.
func loadAndScribble(t *testing.T, load func() (*Scene, error)) *Scene {
	t.Helper()
	for range 40 {
		s, err := load()
		if err != nil {
			t.Fatal(err)
		}
		if bp, _ := scratchPool.Get().(*[]byte); bp != nil {
			full := (*bp)[:cap(*bp)]
			for i := range full {
				full[i] = 0xAA
			}
			scratchPool.Put(bp)
			return s
		}
	}
	t.Fatal("no pooled buffer after 40 loads: files are not read into one")
	return nil
}

var bitsEqual = cmp.Comparer(func(a, b float32) bool { return math.Float32bits(a) == math.Float32bits(b) })

// TestScratchBufferNotKept: scenes read through the reused file buffer (Load, pack meshes) keep
// nothing of it: overwriting the buffer afterwards changes none of their meshes.
func TestScratchBufferNotKept(t *testing.T) {
	d, m := quadDoc()
	d.node(m, map[string]any{"scale": []float64{-1, 2, 2}})
	d.node(m, nil)
	data := d.glb(t)
	want, err := ParseGLTF(data, "a.glb", nil)
	if err != nil {
		t.Fatal(err)
	}
	got := loadAndScribble(t, func() (*Scene, error) { return Load(fstest.MapFS{"a.glb": {Data: data}}, "a.glb") })
	if diff := cmp.Diff(want.Parts, got.Parts, bitsEqual); diff != "" {
		t.Fatalf("Load's scene changed with the reused buffer (-want +got):\n%s", diff)
	}

	fsys := demoFS(t)
	glb, err := ParseGLTF(fsys["meshes/scene.glb"].Data, "scene.glb", nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := OpenPack(fsys, "demo")
	if err != nil {
		t.Fatal(err)
	}
	s := loadAndScribble(t, func() (*Scene, error) { return LoadPackScene(context.Background(), p) })
	found := 0
	for _, part := range s.Parts {
		for _, g := range glb.Parts {
			if cmp.Equal(part.Mesh, g.Mesh, bitsEqual) {
				found++
				break
			}
		}
	}
	if found < 2 {
		t.Fatalf("%d of the pack's structures still have the GLB's meshes, want 2", found)
	}
}
