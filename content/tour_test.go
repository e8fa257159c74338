package content

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const tourGood = `format = 1
title = "Shoulder"

[pack]
id = "bp3d-upper-limb"
version = "1.2.0"

[[stops]]
title = "The humerus"
narration = "The long bone of the arm."
hidden = ["skin"]
ghosted = ["deltoid"]
highlighted = ["humerus"]
selection = "humerus"
camera = { target = [10.0, 1200.5, 3.0], distance_mm = 400.0, yaw = 20.0, pitch = 5.0 }
section = { normal = [0.0, 0.0, 2.0], offset_mm = 8.0 }

[[stops.pins]]
id = "head"
structure = "humerus"
point = [1.0, 2.0, 3.0]
note = "Head of the humerus"
question = "What is at this pin?"

[[stops]]
title = "Second"
`

var tourIDs = map[string]bool{"skin": true, "deltoid": true, "humerus": true}

func TestParseTourGoodRoundTrip(t *testing.T) {
	tour, ps := ParseTour([]byte(tourGood), "shoulder.tour.toml", tourIDs)
	if len(ps) != 0 || tour == nil {
		t.Fatalf("problems: %v", ps)
	}
	s := tour.Stops[0]
	if tour.PackID != "bp3d-upper-limb" || len(tour.Stops) != 2 || s.Section == nil || s.Section.Normal != [3]float64{0, 0, 1} || s.Section.OffsetMM != 4 {
		t.Fatalf("read %+v", tour)
	}
	if len(s.Pins) != 1 || s.Pins[0].Answer != "humerus" || !s.HasCamera || s.Camera.DistanceMM != 400 {
		t.Fatalf("stop %+v", s)
	}
	again, ps := ParseTour(MarshalTour(tour), "shoulder.tour.toml", tourIDs)
	if len(ps) != 0 {
		t.Fatalf("written tour reads back with problems: %v\n%s", ps, MarshalTour(tour))
	}
	if d := cmp.Diff(tour, again); d != "" {
		t.Fatalf("round trip changed the tour (-want +got):\n%s", d)
	}
}

func TestParseTourBad(t *testing.T) {
	for _, tc := range []struct {
		name, edit, want string
		usable           bool
	}{
		{"newer format", "format = 9", "format: format 9 was written by a newer Osteon", false},
		{"no pack", "[pack]|[nopack]", "pack: missing", false},
		{"bad version", `version = "1.2.0"|version = "one"`, `pack.version: "one" is not a version`, false},
		{"unknown structure", `ghosted = ["deltoid"]|ghosted = ["deltoid", "gone"]`, `stops[0].ghosted[1]: "gone" is not a structure in this pack; left out`, true},
		{"pin on missing structure", `structure = "humerus"|structure = "gone"`, `stops[0].pins[0].structure: "gone" is not a structure`, true},
		{"zero normal", "normal = [0.0, 0.0, 2.0]|normal = [0, 0, 0]", "stops[0].section.normal: the normal is zero", true},
		{"no stops", "[[stops]]|[[nostops]]", "stops: missing", false},
		{"not toml", "format = 1|format = = 1", "shoulder.tour.toml", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := tourGood
			if from, to, ok := strings.Cut(tc.edit, "|"); ok {
				src = strings.ReplaceAll(src, from, to)
			} else {
				src = strings.Replace(src, "format = 1", tc.edit, 1)
			}
			tour, ps := ParseTour([]byte(src), "shoulder.tour.toml", tourIDs)
			if !strings.Contains(ps.Error(), tc.want) {
				t.Fatalf("problems %q, want one containing %q", ps.Error(), tc.want)
			}
			if (tour != nil) != tc.usable {
				t.Fatalf("usable = %v, want %v", tour != nil, tc.usable)
			}
			if tc.usable && len(tour.Stops) != 2 {
				t.Fatalf("the rest of the tour was not kept: %+v", tour)
			}
		})
	}
}

func TestTourPackNeeded(t *testing.T) {
	tour, _ := ParseTour([]byte(tourGood), "shoulder.tour.toml", nil)
	if err := tour.PackNeeded(""); err == nil || !strings.Contains(err.Error(), `needs pack "bp3d-upper-limb" version 1.2.0 or newer, which is not installed`) {
		t.Fatalf("not installed: %v", err)
	}
	if err := tour.PackNeeded("1.1.9"); err == nil || !strings.Contains(err.Error(), "version 1.1.9 is installed") {
		t.Fatalf("older: %v", err)
	}
	if err := tour.PackNeeded("1.3.0"); err != nil {
		t.Fatalf("newer: %v", err)
	}
}

func FuzzParseTour(f *testing.F) {
	f.Add([]byte(tourGood))
	f.Add([]byte("format = 2\n"))
	f.Add([]byte("format = 1\n[pack]\nid = \"x\"\nversion = \"1.0.0\"\n[[stops]]\nsection = { normal = [0, 0, 0] }\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tour, ps := ParseTour(data, "f.tour.toml", tourIDs)
		for _, p := range ps {
			if p.File == "" || p.Msg == "" {
				t.Fatalf("problem without a file or message: %+v", p)
			}
		}
		if tour == nil {
			return
		}
		again, ps2 := ParseTour(MarshalTour(tour), "f.tour.toml", tourIDs)
		if again == nil || len(ps2) != 0 {
			t.Fatalf("a tour that opened does not read back once written: %v\n%s", ps2, MarshalTour(tour))
		}
	})
}

// TestSaveTourLearnerPackOnly saves a tour into an installed learner pack, finds it among the
// pack's tours after reopening, and reads it back; a pack opened from elsewhere is refused.
func TestSaveTourLearnerPackOnly(t *testing.T) {
	l := testLibrary(t)
	ctx := context.Background()
	p, err := l.Install(ctx, writeFS(t, demoVersion(t, "1.0.0")), InstallOptions{})
	if err != nil {
		t.Fatal(err)
	}
	id := p.Structures[0].ID
	tour := &Tour{Format: TourFormat, Title: "Demo", Stops: []TourStop{{Title: "One", Highlighted: []string{id},
		Pins: []Pin{{ID: "p1", Structure: id, Point: [3]float64{1, 2, 3}, Note: "here", Question: "What is at this pin?", Answer: id}}}}}
	file, err := SaveTour(p, tour, "demo-tour")
	if err != nil {
		t.Fatal(err)
	}
	packs, err := l.List(ctx)
	if err != nil || len(packs) != 1 {
		t.Fatalf("%v %v", packs, err)
	}
	names := packs[0].Tours()
	if len(names) != 1 || names[0] != "tours/demo-tour.tour.toml" {
		t.Fatalf("tours in the reopened pack: %v (saved %s)", names, file)
	}
	got, ps := packs[0].LoadTour(names[0])
	if len(ps) != 0 || got.PackID != "demo" || got.PackVersion != "1.0.0" || got.Stops[0].Pins[0].Note != "here" {
		t.Fatalf("read back %+v, %v", got, ps)
	}
	other := *p
	other.Origin = OriginSystem
	if _, err := SaveTour(&other, tour, "x"); !errors.Is(err, ErrNotLearnerPack) {
		t.Fatalf("saving into a system pack: %v", err)
	}
}
