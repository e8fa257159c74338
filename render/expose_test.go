package render

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/content/contenttest"
)

// hraPelvis imports the shared HRA female pelvis (spongy bone inside compact bone) and loads it.
func hraPelvis(tb testing.TB) *Model { return NewModel(importedHRAOrgan(tb, "VH_F_Pelvis.glb")) }

// importedHRAOrgan imports one shared HRA female organ file as a pack, as a learner would, and
// loads the pack's scene.
func importedHRAOrgan(tb testing.TB, file string) *content.Scene {
	tb.Helper()
	out := filepath.Join(tb.TempDir(), "organ")
	src := filepath.Join(contenttest.HRAFemale(tb), file)
	ctx := context.Background()
	if _, err := content.ImportGLTF(ctx, src, content.ImportOptions{Out: out, License: "CC-BY-4.0"}); err != nil {
		tb.Fatal(err)
	}
	p, err := content.OpenPackPath(out)
	if err != nil {
		tb.Fatal(err)
	}
	s, err := content.LoadPackScene(ctx, p)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// TestExposureOfEnclosedBone: on the HRA pelvis, each trabecular (spongy) bone is hidden from all 14
// directions (enclosed) and is exposed by ghosting compact bone; a compact bone is in plain sight
// from some side; and nothing in the pelvis is unfindable.
func TestExposureOfEnclosedBone(t *testing.T) {
	m := hraPelvis(t)
	spongy, compact := 0, 0
	for i := range m.Scene.Parts {
		p := &m.Scene.Parts[i]
		name := strings.ToLower(p.ID + " " + p.Name)
		ghost, found := m.Exposure(p.ID)
		if !found {
			t.Errorf("%s (%s) cannot be exposed", p.ID, p.Name)
			continue
		}
		switch {
		case strings.Contains(name, "trabecular"):
			spongy++
			if len(ghost) == 0 {
				t.Errorf("%s (%s) is in plain sight, but lies inside compact bone", p.ID, p.Name)
			}
			for _, g := range ghost {
				if gp := m.Scene.Part(g); !strings.Contains(strings.ToLower(gp.ID+gp.Name), "compact") {
					t.Logf("%s is exposed by ghosting %s (%s)", p.Name, g, gp.Name)
				}
			}
		case strings.Contains(name, "compact"):
			compact++
			if len(ghost) > 0 {
				t.Errorf("%s (%s) needs %v ghosted", p.ID, p.Name, ghost)
			}
		}
	}
	if spongy == 0 || compact == 0 {
		t.Fatalf("the pelvis has %d spongy and %d compact bones", spongy, compact)
	}
}

// TestExposureOfBoxes: a box with a cover on one side is in plain sight from the others; a box
// inside a shell is found by ghosting the shell (and one the scene ghosts does not hide it); an
// unknown id or a structure without triangles cannot be found.
func TestExposureOfBoxes(t *testing.T) {
	m := probeModel(
		boxPart("target", [3]float32{-0.1, -0.1, -0.1}, [3]float32{0.1, 0.1, 0.1}, false),
		boxPart("cover", [3]float32{-0.3, -0.3, 0.3}, [3]float32{0.3, 0.3, 0.4}, false),
		boxPart("core", [3]float32{2, 2, 2}, [3]float32{2.1, 2.1, 2.1}, false),
		boxPart("shell", [3]float32{1.8, 1.8, 1.8}, [3]float32{2.3, 2.3, 2.3}, false),
		boxPart("pip", [3]float32{-2.05, -2.05, -2.05}, [3]float32{-1.95, -1.95, -1.95}, false),
		boxPart("veil", [3]float32{-2.3, -2.3, -2.3}, [3]float32{-1.7, -1.7, -1.7}, true),
	)
	if g, ok := m.Exposure("target"); !ok || len(g) != 0 {
		t.Errorf("covered on one side: ghost %v, found %v; want in plain sight", g, ok)
	}
	if g, ok := m.Exposure("core"); !ok || !slices.Equal(g, []string{"shell"}) || !m.Enclosed("core") {
		t.Errorf("inside a shell: ghost %v, found %v; want the shell", g, ok)
	}
	if g, ok := m.Exposure("pip"); !ok || len(g) != 0 {
		t.Errorf("inside a ghosted veil: ghost %v, found %v; want in plain sight", g, ok)
	}
	if _, ok := m.Exposure("nothing"); ok {
		t.Error("an unknown id is found")
	}
}

// BenchmarkExposure measures Exposure over every structure of the HRA female pelvis (enclosed
// spongy bone among them), which Practice runs for each structure when it reads a pack.
func BenchmarkExposure(b *testing.B) {
	m := hraPelvis(b)
	n := 0
	for b.Loop() {
		for i := range m.Scene.Parts {
			m.exposure(m.Scene.Parts[i].ID) // the work, not Exposure's remembered answer
			n++
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(n), "ms/structure")
}
