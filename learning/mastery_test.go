package learning

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

var masteryT0 = time.Date(2026, 3, 2, 18, 0, 0, 0, time.UTC)

// answers makes n answers scored x, a minute apart, starting at from.
func answers(from time.Time, x float64, n int) []Scored {
	out := make([]Scored, n)
	for i := range out {
		out[i] = Scored{Score: x, At: from.Add(time.Duration(i) * time.Minute)}
	}
	return out
}

// then joins runs of answers.
func then(runs ...[]Scored) []Scored {
	var out []Scored
	for _, r := range runs {
		out = append(out, r...)
	}
	return out
}

type masteryOut struct {
	Estimate  float64
	Evidence  int
	Occasions int
	Mastered  bool
}

// With HalfLife 1 the weight halves per newer answer (λ = 0.5) and with
// Prior 2 the total weight stays 2 (0.5·2 + 1), so the estimate is half the
// recency-weighted sum, easy to check by hand:
//
//	[1]:       S = 1                         → 0.5
//	[1,1]:     S = 0.5 + 1 = 1.5             → 0.75
//	[1,1,1]:   S = 1.75                      → 0.875 (held at 0.84 until mastered)
//	[1,1,1,0]: S = 0.875                     → 0.4375
func TestEstimateMasteryHandComputed(t *testing.T) {
	p := MasteryParams{HalfLife: 1, Prior: 2, MinEvidence: 3, MinOccasions: 2, Spacing: 20 * time.Hour}
	day2 := masteryT0.Add(24 * time.Hour)
	tests := []struct {
		name    string
		answers []Scored
		want    masteryOut
	}{
		{name: "no evidence", want: masteryOut{0, 0, 0, false}},
		{name: "one right is half way, not 100%", answers: answers(masteryT0, 1, 1), want: masteryOut{0.5, 1, 1, false}},
		{name: "two right", answers: answers(masteryT0, 1, 2), want: masteryOut{0.75, 2, 1, false}},
		{name: "three right on one occasion held under the threshold", answers: answers(masteryT0, 1, 3),
			want: masteryOut{0.84, 3, 1, false}},
		{name: "three right over two days mastered", answers: then(answers(masteryT0, 1, 2), answers(day2, 1, 1)),
			want: masteryOut{0.875, 3, 2, true}},
		{name: "answers 19 hours apart are one occasion", answers: then(answers(masteryT0, 1, 2), answers(masteryT0.Add(19*time.Hour), 1, 1)),
			want: masteryOut{0.84, 3, 1, false}},
		{name: "early mistake forgiven", answers: then(answers(masteryT0, 0, 1), answers(day2, 1, 3)),
			want: masteryOut{0.875, 4, 2, true}},
		{name: "latest mistake counts most, mastery lost", answers: then(answers(masteryT0, 1, 2), answers(day2, 1, 1), answers(day2.Add(time.Hour), 0, 1)),
			want: masteryOut{0.4375, 4, 2, false}},
		{name: "scores clamped to [0,1]", answers: []Scored{{2, masteryT0}, {-1, masteryT0}, {1, masteryT0}},
			want: masteryOut{(1 + 0 + 0.25) / 2, 3, 1, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := EstimateMastery(p, tt.answers)
			got := masteryOut{m.Estimate(), m.Evidence, m.Occasions, m.Mastered}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestDefaultMasteryFewAndMany is the rule as learners meet it: a few right
// answers are far from mastery, many right answers on one day are not
// mastery, many right answers on two days are.
func TestDefaultMasteryFewAndMany(t *testing.T) {
	day2 := masteryT0.Add(24 * time.Hour)
	tests := []struct {
		name     string
		kind     SkillKind
		answers  []Scored
		estimate float64 // to 3 decimals
		mastered bool
	}{
		{"structure: one right", SkillStructure, answers(masteryT0, 1, 1), 0.277, false},
		{"structure: two right", SkillStructure, answers(masteryT0, 1, 2), 0.451, false},
		{"structure: three right", SkillStructure, answers(masteryT0, 1, 3), 0.570, false},
		{"structure: five right", SkillStructure, answers(masteryT0, 1, 5), 0.720, false},
		{"structure: eight right over two days is still short", SkillStructure, then(answers(masteryT0, 1, 4), answers(day2, 1, 4)), 0.840, false},
		{"structure: nine right over two days", SkillStructure, then(answers(masteryT0, 1, 4), answers(day2, 1, 5)), 0.865, true},
		{"structure: thirty right in one sitting", SkillStructure, answers(masteryT0, 1, 30), 0.840, false},
		{"structure: a slip after a long run keeps mastery", SkillStructure, then(answers(masteryT0, 1, 50), answers(day2, 1, 50), answers(day2.Add(2*time.Hour), 0, 1)), 0.871, true},
		{"structure: two slips lose it", SkillStructure, then(answers(masteryT0, 1, 50), answers(day2, 1, 50), answers(day2.Add(2*time.Hour), 0, 2)), 0.758, false},
		{"procedure: like a structure", SkillProcedure, answers(masteryT0, 1, 1), 0.277, false},
		{"region: one right", SkillRegion, answers(masteryT0, 1, 1), 0.093, false},
		{"region: twenty right", SkillRegion, then(answers(masteryT0, 1, 10), answers(day2, 1, 10)), 0.730, false},
		{"system: thirty-four right over two days", SkillSystem, then(answers(masteryT0, 1, 17), answers(day2, 1, 17)), 0.851, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := DefaultMasteryParams(tt.kind)
			if err := p.Validate(); err != nil {
				t.Fatal(err)
			}
			m := EstimateMastery(p, tt.answers)
			if got := m.Estimate(); got < tt.estimate-0.0005 || got > tt.estimate+0.0005 {
				t.Errorf("estimate %.4f, want %.3f", got, tt.estimate)
			}
			if m.Mastered != tt.mastered {
				t.Errorf("mastered %v, want %v", m.Mastered, tt.mastered)
			}
			if (m.Estimate() >= MasteryThreshold) != m.Mastered {
				t.Errorf("estimate %.3f and mastered %v disagree about the threshold", m.Estimate(), m.Mastered)
			}
		})
	}
}

func TestMasteryParamsValidate(t *testing.T) {
	good := DefaultMasteryParams(SkillStructure)
	tests := []struct {
		name string
		mod  func(*MasteryParams)
	}{
		{name: "zero half-life", mod: func(p *MasteryParams) { p.HalfLife = 0 }},
		{name: "negative prior", mod: func(p *MasteryParams) { p.Prior = -1 }},
		{name: "zero evidence", mod: func(p *MasteryParams) { p.MinEvidence = 0 }},
		{name: "zero occasions", mod: func(p *MasteryParams) { p.MinOccasions = 0 }},
		{name: "negative spacing", mod: func(p *MasteryParams) { p.Spacing = -time.Hour }},
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
