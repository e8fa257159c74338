package learning

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestSummarize(t *testing.T) {
	item := func(kind ItemKind, structure string) Item {
		return Item{ID: ItemID(string(kind) + ":" + structure), Structure: structure}
	}
	lunate, scaphoid, radius := item(KindFind, "lunate"), item(KindNameChoice, "scaphoid"), item(KindFind, "radius")
	est := func(e float64, n int) SkillEstimate { return SkillEstimate{Estimate: e, Evidence: n} }
	sk := StructureSkill
	before := map[SkillID]SkillEstimate{sk("scaphoid"): est(0.3, 2), sk("radius"): est(0.5, 4)}
	after := map[SkillID]SkillEstimate{
		sk("lunate"):   est(0.277, 1), // first answer
		sk("scaphoid"): est(0.6, 4),   // missed, then right: rose, but missed
		sk("radius"):   est(0.7, 5),
		// Never asked, yet reported (an MCQ's other structure, a region):
		sk("antecubital-fossa"): est(0.53, 3), "region:upper-limb": est(0.2, 6),
	}
	answers := []SessionAnswer{{lunate, true}, {scaphoid, false}, {radius, true}, {scaphoid, true}, {scaphoid, false}}
	got := Summarize(answers, before, after)
	want := SessionSummary{
		Improved: []Improvement{
			{Skill: sk("lunate"), Before: SkillEstimate{}, After: est(0.277, 1), Answers: 1},
			{Skill: sk("radius"), Before: est(0.5, 4), After: est(0.7, 5), Answers: 1},
		},
		Missed: []ItemID{scaphoid.ID},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Summarize (-want +got):\n%s", diff)
	}
	if !got.Improved[0].First() || got.Improved[1].First() {
		t.Errorf("First: lunate %v, radius %v; want true, false", got.Improved[0].First(), got.Improved[1].First())
	}
	// Nothing answered: nothing improved, nothing missed.
	if s := Summarize(nil, before, after); len(s.Improved)+len(s.Missed) != 0 {
		t.Errorf("empty session summarized as %+v", s)
	}
}

// TestCountScopeAddsUp: the setup's "N questions: due, new, ..." parts
// must add up to N, learned items not yet due included.
func TestCountScopeAddsUp(t *testing.T) {
	b := handBank()
	items := b.Items()
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	st := LearnerState{Cards: map[ItemID]Card{}}
	for i, it := range items[:7] {
		c := NewCard(now.Add(-48 * time.Hour))
		c.Reps, c.State = 1, StateReview
		c.Due = now.Add(time.Duration(i-3) * 24 * time.Hour) // 4 due (i ≤ 3), 3 ahead
		st.Cards[it.ID] = c
	}
	c := CountScope(items, st, Scope{Kind: ScopePack}, now)
	if c.Due+c.New+c.Ahead != c.Items || c.Due != 4 || c.Ahead != 3 || c.New != len(items)-7 {
		t.Errorf("count %+v: due + new + ahead must be the %d items (4 due, 3 ahead)", c, len(items))
	}
}
