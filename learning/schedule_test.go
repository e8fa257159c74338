package learning

import (
	"math"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	fsrs "github.com/open-spaced-repetition/go-fsrs/v4"
)

func noFuzz() *Scheduler {
	p := DefaultSchedulerParams()
	p.Fuzz = false
	return NewScheduler(p)
}

var start = time.Date(2022, 11, 29, 12, 30, 0, 0, time.UTC)

// The expected lists below are copied from go-fsrs v4.0.0's own
// TestBasicSchedulerExample (fsrs_test.go): reviewing each time the card
// comes due.
func TestSchedulerMatchesGoFSRSExample(t *testing.T) {
	s := noFuzz()
	grades := []Grade{Good, Good, Good, Good, Good, Good, Again, Again, Good, Good, Good, Good, Good}
	wantIntervals := []uint64{0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21}
	wantStates := []CardState{StateNew, StateLearning, StateReview, StateReview, StateReview, StateReview,
		StateReview, StateRelearning, StateRelearning, StateReview, StateReview, StateReview, StateReview}

	card, now := NewCard(start), start
	var intervals []uint64
	var states []CardState
	for _, g := range grades {
		states = append(states, card.State)
		next, err := s.Review(card, now, g)
		if err != nil {
			t.Fatal(err)
		}
		card, now = next, next.Due
		intervals = append(intervals, card.ScheduledDays)
	}
	if diff := cmp.Diff(wantIntervals, intervals); diff != "" {
		t.Errorf("intervals (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantStates, states); diff != "" {
		t.Errorf("states before each review (-want +got):\n%s", diff)
	}
}

// From go-fsrs v4.0.0's TestBasicSchedulerMemoState: Again, then Good six
// times at days 0, 0, 0, 1, 4, 12, 33 gives S = 54.0393, D = 6.3464.
func TestSchedulerMatchesGoFSRSMemoryState(t *testing.T) {
	s := noFuzz()
	grades := []Grade{Again, Good, Good, Good, Good, Good, Good}
	days := []int{0, 0, 0, 1, 4, 12, 33}
	card := NewCard(start)
	for i, g := range grades {
		next, err := s.Review(card, start.AddDate(0, 0, days[i]), g)
		if err != nil {
			t.Fatal(err)
		}
		card = next
	}
	round := func(x float64) float64 { return math.Round(x*1e4) / 1e4 }
	got := [2]float64{round(card.Stability), round(card.Difficulty)}
	if want := [2]float64{54.0393, 6.3464}; got != want {
		t.Errorf("stability, difficulty = %v, want %v", got, want)
	}
}

// A fixed history with irregular gaps, fuzz on: every field of every card,
// and retrievability, equal what go-fsrs computes directly.
func TestSchedulerEqualsGoFSRSOnHistory(t *testing.T) {
	s := NewScheduler(DefaultSchedulerParams())
	fp := fsrs.DefaultParam()
	fp.EnableFuzz = true
	f := fsrs.NewFSRS(fp)

	history := []struct {
		after time.Duration
		grade Grade
	}{
		{0, Good}, {10 * time.Minute, Good}, {3 * 24 * time.Hour, Hard}, {9 * 24 * time.Hour, Good},
		{40 * 24 * time.Hour, Again}, {10 * time.Minute, Good}, {2 * 24 * time.Hour, Easy},
		{30 * 24 * time.Hour, Good}, {200 * 24 * time.Hour, Good},
	}
	ours, theirs, now := NewCard(start), fsrs.NewCard(start), start
	for i, h := range history {
		now = now.Add(h.after)
		var err error
		if ours, err = s.Review(ours, now, h.grade); err != nil {
			t.Fatal(err)
		}
		info, err := f.Next(theirs, now, fsrs.Rating(h.grade))
		if err != nil {
			t.Fatal(err)
		}
		theirs = info.Card
		if diff := cmp.Diff(fromFSRS(theirs), ours); diff != "" {
			t.Fatalf("review %d (-go-fsrs +ours):\n%s", i, diff)
		}
		later := now.Add(5 * 24 * time.Hour)
		wantR, _ := f.Retrievability(theirs, later)
		if got := s.Retrievability(ours, later); got != wantR {
			t.Fatalf("review %d: retrievability %v, go-fsrs %v", i, got, wantR)
		}
	}
}

func TestSchedulerEdges(t *testing.T) {
	s := noFuzz()
	t.Run("new card has zero retrievability", func(t *testing.T) {
		if r := s.Retrievability(NewCard(start), start.Add(time.Hour)); r != 0 {
			t.Errorf("got %v", r)
		}
	})
	t.Run("invalid grade", func(t *testing.T) {
		if _, err := s.Review(NewCard(start), start, 0); err == nil {
			t.Error("grade 0 accepted")
		}
	})
	t.Run("clock jumped back", func(t *testing.T) {
		c, err := s.Review(NewCard(start), start, Good)
		if err != nil {
			t.Fatal(err)
		}
		back, err := s.Review(c, start.Add(-48*time.Hour), Good)
		if err != nil {
			t.Fatalf("review with earlier clock: %v", err)
		}
		if back.LastReview.Before(c.LastReview) {
			t.Errorf("last review went back from %v to %v", c.LastReview, back.LastReview)
		}
	})
	t.Run("due", func(t *testing.T) {
		c := NewCard(start)
		if !c.IsDue(start) || c.IsDue(start.Add(-time.Second)) {
			t.Error("IsDue wrong for new card")
		}
	})
}
