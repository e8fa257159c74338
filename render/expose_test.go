package render

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/content/contenttest"
)

// hraPelvis imports the shared HRA female pelvis (spongy bone inside compact bone) and loads it.
func hraPelvis(t *testing.T) *Model {
	t.Helper()
	out := filepath.Join(t.TempDir(), "pelvis")
	src := filepath.Join(contenttest.HRAFemale(t), "VH_F_Pelvis.glb")
	ctx := context.Background()
	if _, err := content.ImportGLTF(ctx, src, content.ImportOptions{Out: out, License: "CC-BY-4.0"}); err != nil {
		t.Fatal(err)
	}
	p, err := content.OpenPackPath(out)
	if err != nil {
		t.Fatal(err)
	}
	s, err := content.LoadPackScene(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	return NewModel(s)
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
