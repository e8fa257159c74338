package learning

import (
	"math"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// square is the outline of a box projected as an axis-aligned rectangle.
func rect(x0, y0, x1, y1 float64) []Point {
	return []Point{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}
}

func TestScoreLocate(t *testing.T) {
	first := LocateTrial{Target: "a", Clicked: "a", Time: time.Second, Click: Point{0, 0},
		Centre: Point{5, 5}, Outline: rect(0, 0, 10, 10)} // no start: not in the throughput
	tests := []struct {
		name   string
		trials []LocateTrial
		want   LocateScore
	}{
		{name: "no trials", want: LocateScore{}},
		{
			// Two measurable trials: too few for the spread, so nominal values.
			// Trial 1: D = 100, W = 20 along x: ID = log2(100/20 + 1) = log2 6 = 2.584963 bits in 1 s.
			// Trial 2: D = 300, W = 40 along y: ID = log2(300/40 + 1) = log2 8.5 = 3.087463 bits in 2 s.
			// TP = (2.584963/1 + 3.087463/2)/2 = 2.064347 bits/s.
			// Score: hits after 1, 1 and 2 s earn 100·2/3, 100·2/3 and 50: mean 61.111111.
			name: "nominal widths",
			trials: []LocateTrial{first,
				{Target: "b", Clicked: "b", Time: time.Second, HasStart: true, Start: Point{0, 0},
					Click: Point{102, 3}, Centre: Point{100, 0}, Outline: rect(90, -10, 110, 10)},
				{Target: "c", Clicked: "c", Time: 2 * time.Second, HasStart: true, Start: Point{102, 3},
					Click: Point{100, 300}, Centre: Point{102, 303}, Outline: rect(92, 283, 112, 323)},
			},
			want: LocateScore{Trials: 3, Hits: 3, Accuracy: 1, Answering: 4 * time.Second,
				MeanHitTime: 4 * time.Second / 3, Speed: 45, Throughput: 2.064347, Effective: false,
				Fitts: []FittsTrial{
					{Index: 1, D: 100, W: 20, Ae: 100, We: 20, IDe: 2.584963, MT: 1},
					{Index: 2, D: 300, W: 40, Ae: 300, We: 40, IDe: 3.087463, MT: 2},
				},
				Score: 61.111111},
		},
		{
			// Three measurable trials: deviations along the axis of +0.1, −0.1 and 0 target
			// widths have SD 0.1, so We = 4.133·0.1·W.
			// A: a = 102, W = 20, We = 8.266:  IDe = log2(102/8.266 + 1)  = 3.737655 bits in 1 s.
			// B: a = 196, W = 40, We = 16.532: IDe = log2(196/16.532 + 1) = 3.684347 bits in 2 s.
			// C: a = 300, W = 10, We = 4.133:  IDe = log2(300/4.133 + 1)  = 6.201369 bits in 1.5 s.
			// TP = (3.737655 + 1.842173 + 4.134246)/3 = 3.238025 bits/s.
			// B is a miss (another structure clicked): it counts for the spread, not the score.
			// Score = (100·2/3 + 0 + 100·2/3.5)/3 = 41.269841.
			name: "effective widths with a miss",
			trials: []LocateTrial{
				{Target: "a", Clicked: "a", Time: time.Second, HasStart: true, Start: Point{0, 0},
					Click: Point{102, 0}, Centre: Point{100, 0}, Outline: rect(90, -5, 110, 5)},
				{Target: "b", Clicked: "x", Time: 2 * time.Second, HasStart: true, Start: Point{102, 0},
					Click: Point{102, 196}, Centre: Point{102, 200}, Outline: rect(97, 180, 107, 220)},
				{Target: "c", Clicked: "c", Time: 1500 * time.Millisecond, HasStart: true, Start: Point{102, 196},
					Click: Point{402, 200}, Centre: Point{402, 196}, Outline: rect(397, 190, 407, 202)},
			},
			want: LocateScore{Trials: 3, Hits: 2, Accuracy: 2.0 / 3, Answering: 4500 * time.Millisecond,
				MeanHitTime: 1250 * time.Millisecond, Speed: 40, Throughput: 3.238025, Effective: true,
				Fitts: []FittsTrial{
					{Index: 0, D: 100, W: 20, Ae: 102, We: 8.266, IDe: 3.737655, MT: 1},
					{Index: 1, D: 200, W: 40, Ae: 196, We: 16.532, IDe: 3.684347, MT: 2},
					{Index: 2, D: 300, W: 10, Ae: 300, We: 4.133, IDe: 6.201369, MT: 1.5},
				},
				Score: 41.269841},
		},
		{
			// A click on a structure far from the target (a recall error) is a spatial outlier:
			// out of the throughput, so the two trials left use nominal widths.
			// Trial 1 as in "nominal widths": 2.584963 bits in 1 s; trial 3: D = 100 along y,
			// W = 40: log2(100/40 + 1) = 1.807355 bits in 1 s. TP = 2.196159 bits/s.
			// Trial 2 ends 300 px from its target (W = 20): more than 2W.
			name: "outlier left out",
			trials: []LocateTrial{
				{Target: "a", Clicked: "a", Time: time.Second, HasStart: true, Start: Point{0, 0},
					Click: Point{100, 0}, Centre: Point{100, 0}, Outline: rect(90, -10, 110, 10)},
				{Target: "b", Clicked: "x", Time: time.Second, HasStart: true, Start: Point{100, 0},
					Click: Point{100, 300}, Centre: Point{400, 300}, Outline: rect(390, 290, 410, 310)},
				{Target: "c", Clicked: "c", Time: time.Second, HasStart: true, Start: Point{100, 300},
					Click: Point{100, 400}, Centre: Point{100, 400}, Outline: rect(90, 380, 110, 420)},
			},
			want: LocateScore{Trials: 3, Hits: 2, Accuracy: 2.0 / 3, Answering: 3 * time.Second,
				MeanHitTime: time.Second, Speed: 60, Throughput: 2.196159, Effective: false,
				Fitts: []FittsTrial{
					{Index: 0, D: 100, W: 20, Ae: 100, We: 20, IDe: 2.584963, MT: 1},
					{Index: 2, D: 100, W: 40, Ae: 100, We: 40, IDe: 1.807355, MT: 1},
				},
				Score: 2 * 100 * 2.0 / 3 / 3},
		},
		{
			// Unusable geometry leaves a trial out of the throughput but not out of the score:
			// a target under the start point, a flat outline, a NaN, no time.
			name: "unmeasurable trials",
			trials: []LocateTrial{
				{Target: "a", Clicked: "a", Time: time.Second, HasStart: true, Start: Point{5, 5},
					Click: Point{5, 5}, Centre: Point{5, 5}, Outline: rect(0, 0, 10, 10)},
				{Target: "b", Clicked: "b", Time: time.Second, HasStart: true, Start: Point{0, 0},
					Click: Point{100, 0}, Centre: Point{100, 0}, Outline: rect(100, 0, 100, 10)},
				{Target: "c", Clicked: "", Time: time.Second, HasStart: true, Start: Point{0, 0},
					Click: Point{math.NaN(), 0}, Centre: Point{100, 0}, Outline: rect(90, 0, 110, 10)},
				{Target: "d", Clicked: "d", Time: 0, HasStart: true, Start: Point{0, 0},
					Click: Point{100, 0}, Centre: Point{100, 0}, Outline: rect(90, 0, 110, 10)},
			},
			want: LocateScore{Trials: 4, Hits: 3, Accuracy: 0.75, Answering: 3 * time.Second,
				MeanHitTime: 2 * time.Second / 3, Speed: 80,
				Score: (100*2.0/3 + 100*2.0/3 + 100) / 4},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ScoreLocate(tt.trials)
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(0, 1e-6), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestLocateHit(t *testing.T) {
	for _, tt := range []struct {
		target, clicked string
		want            bool
	}{{"a", "a", true}, {"a", "b", false}, {"a", "", false}, {"", "", false}} {
		if got := (LocateTrial{Target: tt.target, Clicked: tt.clicked}).Hit(); got != tt.want {
			t.Errorf("target %q clicked %q: Hit %v, want %v", tt.target, tt.clicked, got, tt.want)
		}
	}
}

func TestEffectiveWidthNeverBelowAPixel(t *testing.T) {
	// Three clicks exactly at their targets' centres: SD 0, so We would be 0 and the index
	// infinite; it is held at one pixel.
	var trials []LocateTrial
	start := Point{0, 0}
	for i := range 3 {
		c := Point{float64(100 * (i + 1)), 0}
		trials = append(trials, LocateTrial{Target: "a", Clicked: "a", Time: time.Second, HasStart: true,
			Start: start, Click: c, Centre: c, Outline: rect(c.X-10, -10, c.X+10, 10)})
		start = c
	}
	s := ScoreLocate(trials)
	want := math.Log2(100/1.0 + 1) // a = 100 each time, We = 1
	if !s.Effective || math.Abs(s.Throughput-want) > 1e-9 {
		t.Errorf("throughput %v (effective %v), want %v", s.Throughput, s.Effective, want)
	}
}

func TestHitsAreNeverOutliers(t *testing.T) {
	// The middle click is on the structure but 60 px from its box centre (W = 20): a hit still
	// measures pointing, so all three trials count.
	trials := []LocateTrial{
		{Target: "a", Clicked: "a", Time: time.Second, HasStart: true, Start: Point{0, 0},
			Click: Point{100, 0}, Centre: Point{100, 0}, Outline: rect(90, -10, 110, 10)},
		{Target: "b", Clicked: "b", Time: time.Second, HasStart: true, Start: Point{100, 0},
			Click: Point{200, 60}, Centre: Point{200, 0}, Outline: rect(190, -10, 210, 10)},
		{Target: "c", Clicked: "c", Time: time.Second, HasStart: true, Start: Point{200, 60},
			Click: Point{300, 60}, Centre: Point{300, 60}, Outline: rect(290, 50, 310, 70)},
	}
	if s := ScoreLocate(trials); len(s.Fitts) != 3 || !s.Effective {
		t.Errorf("%d trials measured (effective %v), want 3", len(s.Fitts), s.Effective)
	}
}
