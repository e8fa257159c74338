package learning

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// With HalfLife 1 the weight halves per newer answer (λ = 0.5), so the
// expected values below are easy to check by hand:
//
//	[0,1,1]:   Σλ^k x = 1 + 0.5 + 0 = 1.5,   Σλ^k = 1.75 → 0.857143
//	[1,1,0]:   0 + 0.5 + 0.25 = 0.75                      → 0.428571
//	[1,1,1,.6]: .6 + .5 + .25 + .125 = 1.475, W = 1.875    → 0.786667
func TestEstimateMasteryHandComputed(t *testing.T) {
	p := MasteryParams{HalfLife: 1, MinEvidence: 3, Threshold: 0.85, Keep: 0.70}
	type out struct {
		Estimate float64
		Evidence int
		Mastered bool
	}
	tests := []struct {
		name   string
		scores []float64
		want   out
	}{
		{name: "no evidence", scores: nil, want: out{0, 0, false}},
		{name: "three right", scores: []float64{1, 1, 1}, want: out{1, 3, true}},
		{name: "two right is too little evidence", scores: []float64{1, 1}, want: out{1, 2, false}},
		{name: "early mistake forgiven", scores: []float64{0, 1, 1}, want: out{1.5 / 1.75, 3, true}},
		{name: "latest mistake counts most", scores: []float64{1, 1, 0}, want: out{0.75 / 1.75, 3, false}},
		{name: "partial score keeps mastery above keep", scores: []float64{1, 1, 1, 0.6}, want: out{1.475 / 1.875, 4, true}},
		{name: "same estimate without prior mastery is not mastered", scores: []float64{1, 1, 0.6}, want: out{1.35 / 1.75, 3, false}},
		{name: "mastery lost below keep", scores: []float64{1, 1, 1, 0}, want: out{0.875 / 1.875, 4, false}},
		{name: "scores clamped to [0,1]", scores: []float64{2, -1, 1}, want: out{(1 + 0 + 0.25) / 1.75, 3, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := EstimateMastery(p, tt.scores)
			got := out{m.Estimate(), m.Evidence, m.Mastered}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestDefaultMasteryParams(t *testing.T) {
	ones := func(n int) []float64 {
		s := make([]float64, n)
		for i := range s {
			s[i] = 1
		}
		return s
	}
	tests := []struct {
		name    string
		kind    SkillKind
		answers int
		want    bool
	}{
		{name: "structure needs 5", kind: SkillStructure, answers: 4, want: false},
		{name: "structure mastered at 5", kind: SkillStructure, answers: 5, want: true},
		{name: "procedure mastered at 5", kind: SkillProcedure, answers: 5, want: true},
		{name: "region needs 25", kind: SkillRegion, answers: 24, want: false},
		{name: "system mastered at 25", kind: SkillSystem, answers: 25, want: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := DefaultMasteryParams(tt.kind)
			if err := p.Validate(); err != nil {
				t.Fatal(err)
			}
			if got := EstimateMastery(p, ones(tt.answers)).Mastered; got != tt.want {
				t.Errorf("mastered after %d right = %v, want %v", tt.answers, got, tt.want)
			}
		})
	}
	// One slip after a long run of right answers at half-life 5:
	// estimate → 1 − (1 − 2^(−1/5)) ≈ 0.8706, still mastered.
	p := DefaultMasteryParams(SkillStructure)
	m := EstimateMastery(p, append(ones(100), 0))
	if !m.Mastered || m.Estimate() < 0.87 || m.Estimate() > 0.871 {
		t.Errorf("after 100 right and 1 wrong: estimate %v mastered %v", m.Estimate(), m.Mastered)
	}
}

func TestMasteryParamsValidate(t *testing.T) {
	good := DefaultMasteryParams(SkillStructure)
	tests := []struct {
		name string
		mod  func(*MasteryParams)
	}{
		{name: "zero half-life", mod: func(p *MasteryParams) { p.HalfLife = 0 }},
		{name: "zero evidence", mod: func(p *MasteryParams) { p.MinEvidence = 0 }},
		{name: "threshold above 1", mod: func(p *MasteryParams) { p.Threshold = 1.2 }},
		{name: "keep above threshold", mod: func(p *MasteryParams) { p.Keep = 0.9 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := good
			tt.mod(&p)
			if p.Validate() == nil {
				t.Errorf("%+v accepted", p)
			}
		})
	}
}
