package progress

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/osteon/osteon/learning"
)

func TestStreakOverDays(t *testing.T) {
	s, c := newStore(t)
	ctx := context.Background()
	l := mustLearner(t, s, "Ada")
	practise := func() Streak {
		t.Helper()
		r, err := s.RecordAttempt(ctx, AttemptInput{Learner: l.ID, Item: "find:x", Correct: true})
		if err != nil {
			t.Fatal(err)
		}
		return r.Streak
	}
	day := 24 * time.Hour
	steps := []struct {
		name    string
		advance time.Duration
		want    Streak // after practising
		later   Streak // read back one day later, without practice
	}{
		{"first day", 0, Streak{1, 1, "2025-03-10", true}, Streak{1, 1, "2025-03-10", false}},
		{"same day again", 2 * time.Hour, Streak{1, 1, "2025-03-10", true}, Streak{1, 1, "2025-03-10", false}},
		{"next day", day, Streak{2, 2, "2025-03-11", true}, Streak{2, 2, "2025-03-11", false}},
		{"day after", day, Streak{3, 3, "2025-03-12", true}, Streak{3, 3, "2025-03-12", false}},
		{"after a two-day break", 3 * day, Streak{1, 3, "2025-03-15", true}, Streak{1, 3, "2025-03-15", false}},
		// The last day stays the 15th, which is "today" again a day later.
		{"clock jumped back a day", -day, Streak{1, 3, "2025-03-15", true}, Streak{1, 3, "2025-03-15", true}},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			c.Add(st.advance)
			if diff := cmp.Diff(st.want, practise()); diff != "" {
				t.Errorf("streak (-want +got):\n%s", diff)
			}
			c.Add(day)
			got, err := s.Streak(ctx, l.ID)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(st.later, got); diff != "" {
				t.Errorf("next day (-want +got):\n%s", diff)
			}
			c.Add(-day)
		})
	}
	c.Add(5 * day)
	got, _ := s.Streak(ctx, l.ID)
	if got.Current != 0 || got.Longest != 3 {
		t.Errorf("after a long break: %+v; current 0, longest kept", got)
	}
	ms, _ := s.Milestones(ctx, l.ID)
	var keys []string
	for _, m := range ms {
		keys = append(keys, m.Key)
	}
	if diff := cmp.Diff([]string{"answers-1", "streak-3"}, keys); diff != "" {
		t.Errorf("milestones (-want +got):\n%s", diff)
	}
}

func TestStreakUsesLocalDays(t *testing.T) {
	s, c := newStore(t)
	ctx := context.Background()
	s.Location = time.FixedZone("UTC+10", 10*3600)
	l := mustLearner(t, s, "Ada")
	// 09:00 UTC on the 10th is 19:00 local; 15:00 UTC is 01:00 on the 11th.
	if _, err := s.RecordAttempt(ctx, AttemptInput{Learner: l.ID, Item: "find:x", Correct: true}); err != nil {
		t.Fatal(err)
	}
	c.Add(6 * time.Hour)
	r, err := s.RecordAttempt(ctx, AttemptInput{Learner: l.ID, Item: "find:x", Correct: true})
	if err != nil {
		t.Fatal(err)
	}
	if r.Streak.Current != 2 || r.Streak.LastDay != "2025-03-11" {
		t.Errorf("streak %+v; two local days", r.Streak)
	}
}

func TestDrillRuns(t *testing.T) {
	s, c := newStore(t)
	ctx := context.Background()
	l := mustLearner(t, s, "Ada")
	scores := []float64{40, 55, 50, 70}
	var pbs []bool
	for i, sc := range scores {
		c.Add(time.Minute)
		r, err := s.RecordDrillRun(ctx, DrillRunInput{Learner: l.ID, DrillID: "core/locate-wrist", Duration: 30 * time.Second,
			Trials: 10, Score: sc, Accuracy: 0.1 * float64(6+i), Speed: 20, Throughput: 3 + float64(i)})
		if err != nil {
			t.Fatal(err)
		}
		pbs = append(pbs, r.PersonalBest)
	}
	if diff := cmp.Diff([]bool{true, true, false, true}, pbs); diff != "" {
		t.Errorf("personal bests (-want +got):\n%s", diff)
	}
	if _, err := s.RecordDrillRun(ctx, DrillRunInput{Learner: l.ID, DrillID: "core/sequence", Score: 5, Accuracy: 1}); err != nil {
		t.Fatal(err)
	}
	h, err := s.DrillHistory(ctx, l.ID, "core/locate-wrist", 3)
	if err != nil {
		t.Fatal(err)
	}
	var got []float64
	for _, r := range h {
		got = append(got, r.Score)
	}
	if diff := cmp.Diff([]float64{55, 50, 70}, got); diff != "" {
		t.Errorf("last 3 runs oldest first (-want +got):\n%s", diff)
	}
	bests, _ := s.PersonalBests(ctx, l.ID)
	want := []DrillBest{
		{DrillID: "core/locate-wrist", Runs: 4, BestScore: 70, BestAt: t0.Add(4 * time.Minute), BestAccuracy: 0.9, BestThroughput: 6},
		{DrillID: "core/sequence", Runs: 1, BestScore: 5, BestAt: t0.Add(4 * time.Minute), BestAccuracy: 1},
	}
	if diff := cmp.Diff(want, bests); diff != "" {
		t.Errorf("PersonalBests (-want +got):\n%s", diff)
	}
	curve, err := learning.FitCurve(got)
	if err != nil || curve.N != 3 {
		t.Errorf("curve from history: %+v, %v", curve, err)
	}
	if _, err := s.RecordDrillRun(ctx, DrillRunInput{Learner: l.ID, DrillID: "x", Accuracy: 2}); !errors.Is(err, ErrInvalid) {
		t.Errorf("accuracy 2: %v", err)
	}
}

func TestLeaderboardIsOptIn(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	points := map[string]int{"Ada": 3, "Ben": 5, "Cy": 3, "Dee": 9}
	for _, name := range []string{"Ada", "Ben", "Cy", "Dee"} {
		l := mustLearner(t, s, name)
		for range points[name] {
			if _, err := s.RecordAttempt(ctx, AttemptInput{Learner: l.ID, Item: "find:x", Correct: true}); err != nil {
				t.Fatal(err)
			}
		}
		if name != "Dee" {
			if err := s.SetLeaderboard(ctx, l.ID, true); err != nil {
				t.Fatal(err)
			}
		}
	}
	got, err := s.Leaderboard(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		Rank   int
		Name   string
		Points int
	}
	var rows []row
	for _, e := range got {
		rows = append(rows, row{e.Rank, e.Name, e.Points})
	}
	// 10 per right answer plus 10 for the first-answer milestone.
	want := []row{{1, "Ben", 60}, {2, "Ada", 40}, {2, "Cy", 40}}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("leaderboard (-want +got):\n%s", diff)
	}
}
