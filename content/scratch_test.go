package content

import (
	"context"
	"math"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// scribble overwrites the pooled file buffer, as reading the next file would; it fails the test
// when there is none, since then nothing was read into one.
func scribble(t *testing.T) {
	t.Helper()
	bp, _ := scratchPool.Get().(*[]byte)
	if bp == nil {
		t.Fatal("no pooled buffer: the file was not read into one")
	}
	full := (*bp)[:cap(*bp)]
	for i := range full {
		full[i] = 0xAA
	}
	scratchPool.Put(bp)
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
	got, err := Load(fstest.MapFS{"a.glb": {Data: data}}, "a.glb")
	if err != nil {
		t.Fatal(err)
	}
	scribble(t)
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
	s, err := LoadPackScene(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	scribble(t)
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
