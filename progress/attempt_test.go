package progress

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/osteon/osteon/learning"
)

func TestRecordAttemptWritesEverything(t *testing.T) {
	s, c := newStore(t)
	ctx := context.Background()
	l := mustLearner(t, s, "Ada")
	sess, err := s.StartSession(ctx, l.ID, "practice", "region:upper-limb")
	if err != nil {
		t.Fatal(err)
	}
	in := AttemptInput{Learner: l.ID, Session: sess, Item: "find:FMA:23462", PackID: "core", PackVersion: "1.0.0",
		Correct: true, Response: 2 * time.Second, Detail: json.RawMessage(` { "clicked" : "FMA:23462" } `),
		Skills: []learning.SkillID{"structure:FMA:23462", "region:upper-limb", "system:skeletal"}}
	res, err := s.RecordAttempt(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	// 2 s of an expected 6 s is under half: Easy. A new card graded Easy
	// goes straight to Review.
	// One right answer against the prior's wrong ones: 1/(3λ+1) = 0.277
	// for a structure (λ = 2^-1/5), 1/(10λ+1) = 0.093 for a region or
	// system (λ = 2^-1/25); nowhere near 100 %.
	want := AttemptResult{At: t0, Grade: learning.Easy,
		Mastery: []SkillMastery{
			{Skill: "structure:FMA:23462", Estimate: 1 / (3*math.Exp2(-0.2) + 1), Evidence: 1, Occasions: 1, UpdatedAt: t0},
			{Skill: "region:upper-limb", Estimate: 1 / (10*math.Exp2(-0.04) + 1), Evidence: 1, Occasions: 1, UpdatedAt: t0},
			{Skill: "system:skeletal", Estimate: 1 / (10*math.Exp2(-0.04) + 1), Evidence: 1, Occasions: 1, UpdatedAt: t0}},
		Points:     10 + 10, // the answer, and the "First answer" milestone
		Milestones: []Milestone{{Key: "answers-1", Title: "First answer", Points: 10, AchievedAt: t0}},
		Streak:     Streak{Current: 1, Longest: 1, LastDay: "2025-03-10", PractisedToday: true},
	}
	if diff := cmp.Diff(want, res, cmpopts.IgnoreFields(AttemptResult{}, "ID", "Card"), cmpopts.EquateApprox(0, 1e-12)); diff != "" {
		t.Errorf("result (-want +got):\n%s", diff)
	}
	if res.Card.State != learning.StateReview || res.Card.Reps != 1 || !res.Card.Due.After(t0) {
		t.Errorf("card %+v", res.Card)
	}
	got, err := s.Attempts(ctx, l.ID, AttemptFilter{})
	if err != nil {
		t.Fatal(err)
	}
	wantA := []Attempt{{Learner: l.ID, Session: sess, Item: in.Item, Kind: learning.KindFind, PackID: "core",
		PackVersion: "1.0.0", Grade: learning.Easy, Correct: true, Score: 1, Response: 2 * time.Second,
		At: t0, Points: 10, Skills: in.Skills, Detail: json.RawMessage(`{"clicked":"FMA:23462"}`)}}
	if diff := cmp.Diff(wantA, got, cmpopts.IgnoreFields(Attempt{}, "ID")); diff != "" {
		t.Errorf("stored attempt (-want +got):\n%s", diff)
	}
	cards, err := s.Cards(ctx, l.ID, []learning.ItemID{in.Item, "find:never"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[learning.ItemID]learning.Card{in.Item: res.Card}, cards); diff != "" {
		t.Errorf("cards (-want +got):\n%s", diff)
	}
	c.Add(time.Minute)
	if err := s.EndSession(ctx, l.ID, sess); err != nil {
		t.Fatal(err)
	}
	sum, err := s.SessionSummary(ctx, l.ID, sess)
	if err != nil {
		t.Fatal(err)
	}
	wantSum := SessionSummary{Session: Session{ID: sess, Learner: l.ID, Kind: "practice", Scope: "region:upper-limb",
		StartedAt: t0, EndedAt: t0.Add(time.Minute)}, Attempts: 1, Correct: 1, Items: 1, Points: 10, Answering: 2 * time.Second}
	if diff := cmp.Diff(wantSum, sum); diff != "" {
		t.Errorf("summary (-want +got):\n%s", diff)
	}
}

func TestRecordAttemptRejects(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	l := mustLearner(t, s, "Ada")
	other := mustLearner(t, s, "Ben")
	otherSess, _ := s.StartSession(ctx, other.ID, "practice", "")
	ok := AttemptInput{Learner: l.ID, Item: "find:x", Correct: true}
	tests := []struct {
		name string
		mod  func(*AttemptInput)
		want error
	}{
		{name: "bad item id", mod: func(a *AttemptInput) { a.Item = "no separator" }, want: ErrInvalid},
		{name: "score above 1", mod: func(a *AttemptInput) { a.Score = 1.5 }, want: ErrInvalid},
		{name: "negative response", mod: func(a *AttemptInput) { a.Response = -time.Second }, want: ErrInvalid},
		{name: "grade 7", mod: func(a *AttemptInput) { a.Grade = 7 }, want: ErrInvalid},
		{name: "unknown skill kind", mod: func(a *AttemptInput) { a.Skills = []learning.SkillID{"organ:heart"} }, want: ErrInvalid},
		{name: "skill twice", mod: func(a *AttemptInput) { a.Skills = []learning.SkillID{"system:x", "system:x"} }, want: ErrInvalid},
		{name: "detail not an object", mod: func(a *AttemptInput) { a.Detail = json.RawMessage(`[1,2]`) }, want: ErrInvalid},
		{name: "detail not JSON", mod: func(a *AttemptInput) { a.Detail = json.RawMessage(`{"a":`) }, want: ErrInvalid},
		{name: "missing learner", mod: func(a *AttemptInput) { a.Learner = 999 }, want: ErrNotFound},
		{name: "another learner's session", mod: func(a *AttemptInput) { a.Session = otherSess }, want: ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := ok
			tt.mod(&in)
			if _, err := s.RecordAttempt(ctx, in); !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
	if n, _ := s.Attempts(ctx, l.ID, AttemptFilter{}); len(n) != 0 {
		t.Errorf("%d attempts recorded by rejected calls", len(n))
	}
}

func TestDueItemsAndForecast(t *testing.T) {
	s, c := newStore(t)
	ctx := context.Background()
	l := mustLearner(t, s, "Ada")
	record := func(it learning.ItemID, correct bool) AttemptResult {
		t.Helper()
		r, err := s.RecordAttempt(ctx, AttemptInput{Learner: l.ID, Item: it, Correct: correct, Response: 4 * time.Second})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	a := record("find:a", false) // Again: due in 1 minute
	b := record("find:b", true)  // Good on a new card: learning step, 10 minutes
	if due, _ := s.DueItems(ctx, l.ID, 10); len(due) != 0 {
		t.Errorf("due right after answering: %+v", due)
	}
	next, err := s.DueBy(ctx, l.ID, c.Now().Add(time.Hour), 10)
	if err != nil || len(next) != 2 || next[0].Item != "find:a" || next[1].Item != "find:b" {
		t.Errorf("coming due in the next hour: %+v, %v", next, err)
	}
	c.Add(5 * time.Minute)
	due, err := s.DueItems(ctx, l.ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(due) != 1 || due[0].Item != "find:a" || !due[0].Card.Due.Equal(a.Card.Due) {
		t.Errorf("after 5 minutes due = %+v", due)
	}
	c.Add(10 * time.Minute)
	due, _ = s.DueItems(ctx, l.ID, 10)
	var ids []learning.ItemID
	for _, d := range due {
		ids = append(ids, d.Item)
	}
	if diff := cmp.Diff([]learning.ItemID{"find:a", "find:b"}, ids); diff != "" || !b.Card.Due.Before(c.Now()) {
		t.Errorf("most overdue first (-want +got):\n%s", diff)
	}
	if n, _ := s.DueCount(ctx, l.ID); n != 2 {
		t.Errorf("DueCount = %d", n)
	}
	if due, _ := s.DueItems(ctx, l.ID, 1); len(due) != 1 {
		t.Errorf("limit 1 gave %d", len(due))
	}
	// Answer b well: it moves to days ahead.
	r := record("find:b", true)
	days := int(r.Card.Due.Sub(c.Now()).Hours() / 24)
	fc, err := s.DueForecast(ctx, l.ID, days+2)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, d := range fc {
		total += d.Count
	}
	if fc[0].Count != 1 || total != 2 || !fc[0].Day.Equal(time.Date(2025, 3, 10, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("forecast %+v (b due %v)", fc, r.Card.Due)
	}
}

func TestMasteryQueries(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	l := mustLearner(t, s, "Ada")
	answer := func(structure string, correct bool, n int) {
		for range n {
			_, err := s.RecordAttempt(ctx, AttemptInput{Learner: l.ID, Item: learning.ItemID("find:" + structure),
				Correct: correct, Skills: []learning.SkillID{learning.SkillID("structure:" + structure), "system:skeletal"}})
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	answer("scaphoid", true, 5)
	answer("lunate", false, 2)
	answer("lunate", true, 1)
	answer("radius", true, 2)
	got, err := s.Mastery(ctx, l.ID, learning.SkillStructure)
	if err != nil {
		t.Fatal(err)
	}
	p := learning.DefaultMasteryParams(learning.SkillStructure)
	at := func(xs ...float64) []learning.Scored {
		out := make([]learning.Scored, len(xs))
		for i, x := range xs {
			out[i] = learning.Scored{Score: x, At: t0}
		}
		return out
	}
	est := func(xs ...float64) float64 { return learning.EstimateMastery(p, at(xs...)).Estimate() }
	// All on one occasion: nothing is mastered, scaphoid's five right
	// answers show as 72 %, not 100 %.
	want := []SkillMastery{
		{Skill: "structure:lunate", Estimate: est(0, 0, 1), Evidence: 3, Occasions: 1, UpdatedAt: t0},
		{Skill: "structure:radius", Estimate: est(1, 1), Evidence: 2, Occasions: 1, UpdatedAt: t0},
		{Skill: "structure:scaphoid", Estimate: est(1, 1, 1, 1, 1), Evidence: 5, Occasions: 1, UpdatedAt: t0},
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
		t.Errorf("Mastery (-want +got):\n%s", diff)
	}
	weak, _ := s.WeakestSkills(ctx, l.ID, learning.SkillStructure, 2)
	if len(weak) != 2 || weak[0].Skill != "structure:lunate" || weak[1].Skill != "structure:radius" {
		t.Errorf("weakest = %+v", weak)
	}
	sys, _ := s.Mastery(ctx, l.ID, learning.SkillSystem)
	if len(sys) != 1 || sys[0].Evidence != 10 || sys[0].Mastered {
		t.Errorf("by system = %+v (25 answers needed)", sys)
	}
	m, _ := s.SkillMastery(ctx, l.ID, []learning.SkillID{"structure:scaphoid", "structure:ulna"})
	if len(m) != 1 || m["structure:scaphoid"].Evidence != 5 || m["structure:scaphoid"].Mastered {
		t.Errorf("SkillMastery = %+v", m)
	}
	st, _ := s.Stats(ctx, l.ID)
	if st.Mastered != 0 || st.Attempts != 10 || st.Correct != 8 {
		t.Errorf("stats %+v", st)
	}
}
