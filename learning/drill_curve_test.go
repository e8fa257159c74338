package learning

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestFitDrillCurve(t *testing.T) {
	type out struct {
		Plateau    float64
		TrialsTo90 int
		Runs       int
	}
	tests := []struct {
		name   string
		scores []float64
		want   out
	}{
		// y = 80 − 40/x exactly: plateau 80, within 10 % of it at x = 40/(0.1·80) = 5.
		{name: "rising to 80", scores: []float64{40, 60, 200.0 / 3, 70}, want: out{80, 5, 4}},
		// y = 120 − 80/x heads above the best possible 100: reported as heading for 100,
		// reaching 90 when 120 − 80/x = 90, x = 80/30 = 2.67, so run 3.
		{name: "capped at the best score", scores: []float64{40, 80, 280.0 / 3}, want: out{100, 3, 3}},
		// y = 50 + 30/x, a score that falls: within 10 % of 50 at x = 30/(0.1·50) = 6.
		{name: "falling", scores: []float64{80, 65, 60}, want: out{50, 6, 3}},
		// Nothing to head for.
		{name: "all zero", scores: []float64{0, 0, 0}, want: out{0, 0, 3}},
		// y = 10 − 9.99/x: within 10 % of 10 only at x = 9.99 → 10; 10 − 1000/x needs 1000 runs,
		// the furthest reported; 10 − 1001/x is too far to tell.
		{name: "far but reported", scores: []float64{10 - 1000, 10 - 500, 10 - 1000.0/3}, want: out{10, 1000, 3}},
		{name: "too far", scores: []float64{10 - 1001, 10 - 500.5, 10 - 1001.0/3}, want: out{10, 0, 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := FitDrillCurve(tt.scores, 100)
			if err != nil {
				t.Fatal(err)
			}
			got := out{c.Plateau, c.TrialsTo90, c.Runs}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(0, 1e-6)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestFitDrillCurveTooFew(t *testing.T) {
	for _, scores := range [][]float64{nil, {50}, {50, 60}} {
		if _, err := FitDrillCurve(scores, 100); !errors.Is(err, ErrTooFewPoints) {
			t.Errorf("%v: error %v, want ErrTooFewPoints", scores, err)
		}
	}
}
