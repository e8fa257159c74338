package assets

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/osteon/osteon/content"
)

// TestBuiltinPackMatchesModel: the built-in pack validates, and what its manifest says of each
// structure (id, name, system, region) is what the generated model's node extras say, so the
// manifest cannot drift from the generator.
func TestBuiltinPackMatchesModel(t *testing.T) {
	p, err := content.OpenPack(BuiltinPack(), "built-in pack")
	if err != nil {
		t.Fatal(err)
	}
	if probs := content.ValidatePack(context.Background(), p, nil); len(probs) > 0 {
		t.Fatalf("built-in pack is invalid:\n%v", probs)
	}
	packScene, err := content.LoadPackScene(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	model, err := content.Load(FS, BuiltinModel)
	if err != nil {
		t.Fatal(err)
	}
	type row struct{ ID, Name, System, Region, Latin string }
	rows := func(s *content.Scene) map[string]row {
		m := map[string]row{}
		for _, p := range s.Parts {
			m[p.ID] = row{p.ID, p.Name, p.System, p.Region, p.NameLatin}
		}
		return m
	}
	if diff := cmp.Diff(rows(model), rows(packScene)); diff != "" {
		t.Errorf("built-in pack vs model extras (-model +pack):\n%s", diff)
	}
	if len(packScene.Parts) != 52 || !packScene.Schematic {
		t.Errorf("%d structures, schematic %v", len(packScene.Parts), packScene.Schematic)
	}
}

// TestBuiltinProcedures: the four built-in procedures load without problems, each with its
// references, critical steps and at least five common errors.
func TestBuiltinProcedures(t *testing.T) {
	p, err := content.OpenPack(BuiltinPack(), "built-in pack")
	if err != nil {
		t.Fatal(err)
	}
	procs, probs := p.LoadProcedures()
	if len(probs) > 0 {
		t.Fatalf("problems:\n%v", probs)
	}
	var ids []string
	for _, pr := range procs {
		ids = append(ids, pr.ID)
		critical, located := 0, 0
		for _, s := range pr.Steps {
			if s.Critical {
				critical++
			}
			if s.Location != nil {
				located++
			}
		}
		if len(pr.References) == 0 || critical < 4 || located != 1 || len(pr.Errors) < 5 {
			t.Errorf("%s: %d references, %d critical steps, %d location steps, %d errors", pr.ID, len(pr.References), critical, located, len(pr.Errors))
		}
	}
	want := []string{"venepuncture-antecubital", "peripheral-iv-cannulation", "radial-arterial-sampling", "deltoid-im-injection"}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("procedures (-want +got):\n%s", diff)
	}
}
