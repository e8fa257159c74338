package drills

import (
	"context"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/osteon/osteon/assets"
	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/render"
	"github.com/osteon/osteon/ui/kit/kittest"
)

// setNamed finds a sequence set by title and gives its ranks as structure names.
func setNamed(t *testing.T, m *render.Model, sets []sequenceSet, title string) (sequenceSet, [][]string) {
	t.Helper()
	for _, s := range sets {
		if s.title == title {
			var names [][]string
			for _, g := range s.order {
				var ns []string
				for _, id := range g {
					ns = append(ns, m.Scene.Parts[m.Index(id)].Name)
				}
				names = append(names, ns)
			}
			return s, names
		}
	}
	var titles []string
	for _, s := range sets {
		titles = append(titles, s.title)
	}
	t.Fatalf("no set %q among %q", title, titles)
	return sequenceSet{}, nil
}

func TestSequenceSetsFromBodyParts3D(t *testing.T) {
	m := kittest.BP3D(t).Model
	sets := sequenceSets(m)
	tests := []struct {
		title, axis string
		want        [][]string
	}{
		// Lateral (thumb side) to medial from the bones' box centres; pairs within a quarter of
		// the smaller bone's width of each other share a rank.
		{"Bones of the right wrist", "lateral to medial", [][]string{{"Right trapezium"}, {"Right trapezoid"},
			{"Right scaphoid"}, {"Right capitate"}, {"Right hamate", "Right lunate"}, {"Right pisiform", "Right triquetral"}}},
		{"Right … metacarpal bone", "lateral to medial", [][]string{{"Right first metacarpal bone"},
			{"Right second metacarpal bone"}, {"Right third metacarpal bone"}, {"Right fourth metacarpal bone"},
			{"Right fifth metacarpal bone"}}},
		// The left limb mirrors: lateral is +X there.
		{"Left … metacarpal bone", "lateral to medial", [][]string{{"Left first metacarpal bone"},
			{"Left second metacarpal bone"}, {"Left third metacarpal bone"}, {"Left fourth metacarpal bone"},
			{"Left fifth metacarpal bone"}}},
		// A finger's phalanges spread up and down, so they are ordered proximal to distal.
		{"… phalanx of right index finger", "proximal to distal", [][]string{{"Proximal phalanx of right index finger"},
			{"Middle phalanx of right index finger"}, {"Distal phalanx of right index finger"}}},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			s, got := setNamed(t, m, sets, tt.title)
			if s.axis != tt.axis {
				t.Errorf("axis %q, want %q", s.axis, tt.axis)
			}
			// Names within a rank in alphabetical order, for a stable comparison.
			for _, g := range got {
				sort.Strings(g)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	for _, s := range sets {
		if len(s.ids) < minDrillSet || len(s.ids) > maxSequenceSet || strings.Contains(s.key, " ") {
			t.Errorf("set %q: %d structures, key %q", s.title, len(s.ids), s.key)
		}
	}
}

func TestDrillSetsOfBuiltinLimb(t *testing.T) {
	p, err := content.OpenPack(assets.BuiltinPack(), "built-in")
	if err != nil {
		t.Fatal(err)
	}
	s, err := content.LoadPackScene(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	m := render.NewModel(s)
	_, got := setNamed(t, m, sequenceSets(m), "Bones of the right wrist")
	if first := got[0]; len(first) != 1 || first[0] != "Trapezium" {
		t.Errorf("the schematic wrist's most lateral bone: %v (whole order %v)", first, got)
	}
	if last := got[len(got)-1]; !slices.Contains(last, "Pisiform") {
		t.Errorf("the schematic wrist's most medial rank: %v (whole order %v)", last, got)
	}
	var titles []string
	for _, sc := range locateScopes(m) {
		titles = append(titles, sc.title)
	}
	if len(titles) < 2 || titles[0] != "Whole model" || !slices.Contains(titles, "Right wrist") {
		t.Errorf("Locate scopes %q", titles)
	}
}
