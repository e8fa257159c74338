package learning

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// Hand computation for p0 = 0.1, p1 = 0.2, α = β = 0.1:
//
//	P = ln(0.2/0.1) = 0.693147      Q = ln(0.9/0.8) = 0.117783
//	s = Q/(P+Q) = 0.117783/0.810930 = 0.145244
//	h0 = h1 = ln(0.9/0.1)/(P+Q) = 2.197225/0.810930 = 2.709511
//
// A success subtracts 0.145244, a failure adds 0.854756. 18 successes reach
// −2.614398 (> −h0), 19 reach −2.759642 (≤ −h0): proficient at attempt 19.
// 3 failures reach 2.564267 (< h1), 4 reach 3.419023: unacceptable at 4.
func TestCUSUMHandComputed(t *testing.T) {
	p := CUSUMParams{P0: 0.1, P1: 0.2, Alpha: 0.1, Beta: 0.1}
	const s, f = 0.145244, 0.854756
	repeat := func(v bool, n int) []bool {
		out := make([]bool, n)
		for i := range out {
			out[i] = v
		}
		return out
	}
	type summary struct {
		Last         float64
		Decision     Decision
		ProficientAt int
		Crossings    []CUSUMCrossing
	}
	tests := []struct {
		name     string
		outcomes []bool
		want     summary
	}{
		{name: "18 successes undecided", outcomes: repeat(true, 18), want: summary{Last: -18 * s}},
		{name: "19 successes proficient", outcomes: repeat(true, 19),
			want: summary{Last: 0, Decision: Proficient, ProficientAt: 19, Crossings: []CUSUMCrossing{{19, Proficient}}}},
		{name: "3 failures undecided", outcomes: repeat(false, 3), want: summary{Last: 3 * f}},
		{name: "4 failures unacceptable", outcomes: repeat(false, 4),
			want: summary{Last: 0, Decision: Unacceptable, Crossings: []CUSUMCrossing{{4, Unacceptable}}}},
		{name: "restart after alarm then proficient", outcomes: append(repeat(false, 4), repeat(true, 19)...),
			want: summary{Last: 0, Decision: Proficient, ProficientAt: 23,
				Crossings: []CUSUMCrossing{{4, Unacceptable}, {23, Proficient}}}},
		// F then 19 S: 0.854756 − 19·0.145244 = −1.904880, still above −h0;
		// 6 more successes: −1.904880 − 6·0.145244 = −2.776344 → attempt 26.
		{name: "one early failure delays proficiency", outcomes: append([]bool{false}, repeat(true, 25)...),
			want: summary{Last: 0, Decision: Proficient, ProficientAt: 26, Crossings: []CUSUMCrossing{{26, Proficient}}}},
		{name: "no outcomes", outcomes: nil, want: summary{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := CUSUM(p, tt.outcomes)
			if err != nil {
				t.Fatal(err)
			}
			got := summary{Decision: r.Decision, ProficientAt: r.ProficientAt, Crossings: r.Crossings}
			if n := len(r.Trace); n > 0 && r.Decision == Undecided {
				got.Last = r.Trace[n-1]
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(0, 1e-5), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	t.Run("limits", func(t *testing.T) {
		lim, err := p.Limits()
		if err != nil {
			t.Fatal(err)
		}
		want := CUSUMLimits{S: 0.145244, H0: 2.709511, H1: 2.709511}
		if diff := cmp.Diff(want, lim, cmpopts.EquateApprox(0, 1e-6)); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
}

// Unequal errors: p0 = 0.05, p1 = 0.2, α = 0.05, β = 0.2:
//
//	P = ln 4 = 1.386294, Q = ln(0.95/0.8) = 0.171850, P+Q = 1.558145
//	s = 0.110292, h0 = ln(0.95/0.2)/1.558145 = 1.558145/1.558145 = 1.000000
//	h1 = ln(0.8/0.05)/1.558145 = 2.772589/1.558145 = 1.779417
func TestCUSUMLimitsUnequalErrors(t *testing.T) {
	lim, err := CUSUMParams{P0: 0.05, P1: 0.2, Alpha: 0.05, Beta: 0.2}.Limits()
	if err != nil {
		t.Fatal(err)
	}
	want := CUSUMLimits{S: 0.110292, H0: 1.0, H1: 1.779417}
	if diff := cmp.Diff(want, lim, cmpopts.EquateApprox(0, 1e-6)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestCUSUMBadParams(t *testing.T) {
	tests := []struct {
		name string
		p    CUSUMParams
	}{
		{name: "p1 below p0", p: CUSUMParams{P0: 0.3, P1: 0.1, Alpha: 0.1, Beta: 0.1}},
		{name: "p0 zero", p: CUSUMParams{P0: 0, P1: 0.1, Alpha: 0.1, Beta: 0.1}},
		{name: "alpha zero", p: CUSUMParams{P0: 0.1, P1: 0.2, Alpha: 0, Beta: 0.1}},
		{name: "beta one", p: CUSUMParams{P0: 0.1, P1: 0.2, Alpha: 0.1, Beta: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := CUSUM(tt.p, []bool{true}); err == nil {
				t.Errorf("%+v accepted", tt.p)
			}
		})
	}
}
