package render

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/osteon/osteon/content"
)

// TestTourStopRoundTrip authors three stops on the upper limb (camera, states, a section, a pin
// placed by a pick), writes the tour, reads it back against the model's structures, plays each
// stop on a fresh view and compares what it shows, pins included (still on the kept side and
// hidden or not as from the author's view).
func TestTourStopRoundTrip(t *testing.T) {
	author := newLimbView(t, 200, 320)
	m := author.Model()
	hum := findID(t, m, "Right humerus")
	tour := &content.Tour{File: "arm.tour.toml", Format: content.TourFormat, Title: "Arm", PackID: "bp3d", PackVersion: "1.0.0"}
	for k := 0; k < 3; k++ {
		author.SetStates(func(string, State) State { return Normal })
		author.SetState(hum, Highlighted)
		author.SetState(m.Scene.Parts[k].ID, Hidden)
		if k == 1 {
			author.SetState(m.Scene.Parts[5].ID, Ghosted)
		}
		sec := Section{}
		if k > 0 {
			sec = Coronal(v3(m.BoundsOf(hum).Center()))
		}
		if err := author.SetSection(sec); err != nil {
			t.Fatal(err)
		}
		author.Frame(0, hum)
		p := author.Pose()
		p.Yaw += float64(k) * 0.4
		author.SetPose(p, 0)
		stop := author.CaptureStop()
		stop.Title, stop.Narration = "Stop", "Narration"
		cam := author.Camera()
		h, ok := author.Pick(float64(cam.Width)/2, float64(cam.Height)/2)
		if !ok {
			t.Fatalf("stop %d: nothing at the centre to pin", k)
		}
		stop.Pins = []content.Pin{PinFromHit(h, "pin-"+string(rune('a'+k)), "a note")}
		tour.Stops = append(tour.Stops, stop)
	}
	ids := map[string]bool{}
	for _, p := range m.Scene.Parts {
		ids[p.ID] = true
	}
	back, ps := content.ParseTour(content.MarshalTour(tour), "arm.tour.toml", ids)
	if len(ps) != 0 {
		t.Fatal(ps)
	}
	if d := cmp.Diff(tour, back, cmp.Comparer(func(a, b float64) bool { return math.Abs(a-b) < 1e-9 })); d != "" {
		t.Fatalf("tour changed on the way through the file (-want +got):\n%s", d)
	}
	player := newLimbView(t, 200, 320)
	for k := range back.Stops {
		if err := player.ShowStop(&back.Stops[k], 0); err != nil {
			t.Fatal(err)
		}
		got := player.CaptureStop()
		got.Title, got.Narration, got.Pins = "Stop", "Narration", back.Stops[k].Pins
		if d := cmp.Diff(back.Stops[k], got, cmp.Comparer(func(a, b float64) bool { return math.Abs(a-b) < 1e-6 })); d != "" {
			t.Fatalf("stop %d played differs from the one authored (-want +got):\n%s", k, d)
		}
		spot := player.PinSpots([]Vec3{PinPoint(back.Stops[k].Pins[0])})[0]
		if spot.Occluded || spot.Cut || math.Abs(spot.X-100) > 1 || math.Abs(spot.Y-160) > 1 {
			t.Fatalf("stop %d: pin shows at %+v, want unhidden at the centre", k, spot)
		}
	}
}
