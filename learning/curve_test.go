package learning

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestFitCurveHandComputed(t *testing.T) {
	type out struct {
		A, B, R2 float64
		Trials90 float64
	}
	tests := []struct {
		name string
		xs   []float64
		ys   []float64
		want out
	}{
		// y = 10 − 6/x exactly; within 10 % of 10 at x = 6/(0.1·10) = 6.
		{name: "exact rising score", xs: []float64{1, 2, 3, 4}, ys: []float64{4, 7, 8, 8.5},
			want: out{A: 10, B: 6, R2: 1, Trials90: 6}},
		// y = 4 + 6/x (a time that falls): B = −6; within 10 % of 4 at
		// x = 6/(0.1·4) = 15.
		{name: "exact falling time", xs: []float64{1, 2, 3}, ys: []float64{10, 7, 6},
			want: out{A: 4, B: -6, R2: 1, Trials90: 15}},
		// u = 1, 0.5, 0.25; ū = 0.583333, ȳ = 5;
		// Suu = 0.173611 + 0.006944 + 0.111111 = 0.291667;
		// Suy = 0.416667·(−3) + (−0.083333)·1 + (−0.333333)·2 = −2;
		// slope = −6.857143, so B = 6.857143, A = 5 + 6.857143·0.583333 = 9;
		// Syy = 14, R² = 4/(0.291667·14) = 0.979592;
		// trials = 6.857143/(0.1·9) = 7.62 → 8.
		{name: "noisy points", xs: []float64{1, 2, 4}, ys: []float64{2, 6, 7},
			want: out{A: 9, B: 6.857143, R2: 0.979592, Trials90: 8}},
		// Flat line: B = 0, reached from the first trial.
		{name: "flat", xs: []float64{1, 2, 3}, ys: []float64{5, 5, 5},
			want: out{A: 5, B: 0, R2: 1, Trials90: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := FitCurvePoints(tt.xs, tt.ys)
			if err != nil {
				t.Fatal(err)
			}
			got := out{A: c.A, B: c.B, R2: c.R2, Trials90: c.TrialsToReach(0.9)}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(0, 1e-6)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestFitCurveTrialNumbers(t *testing.T) {
	c, err := FitCurve([]float64{4, 7, 8, 8.5})
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(c.A-10) > 1e-9 || math.Abs(c.B-6) > 1e-9 || c.N != 4 {
		t.Errorf("FitCurve = %+v, want A=10 B=6 N=4", c)
	}
	if got := c.At(2); math.Abs(got-7) > 1e-9 {
		t.Errorf("At(2) = %v, want 7", got)
	}
}

func TestFitCurveErrors(t *testing.T) {
	tests := []struct {
		name   string
		xs, ys []float64
		tooFew bool
	}{
		{name: "two points", xs: []float64{1, 2}, ys: []float64{1, 2}, tooFew: true},
		{name: "same trial", xs: []float64{2, 2, 2}, ys: []float64{1, 2, 3}, tooFew: true},
		{name: "x below 1", xs: []float64{0, 1, 2}, ys: []float64{1, 2, 3}},
		{name: "NaN y", xs: []float64{1, 2, 3}, ys: []float64{1, math.NaN(), 3}},
		{name: "length mismatch", xs: []float64{1, 2, 3}, ys: []float64{1, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := FitCurvePoints(tt.xs, tt.ys)
			if err == nil {
				t.Fatal("no error")
			}
			if tt.tooFew != errors.Is(err, ErrTooFewPoints) {
				t.Errorf("error %v, want ErrTooFewPoints = %v", err, tt.tooFew)
			}
		})
	}
	if got := (Curve{A: 0, B: 1}).TrialsToReach(0.9); !math.IsInf(got, 1) {
		t.Errorf("zero plateau: %v, want +Inf", got)
	}
}
