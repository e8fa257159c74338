package learning

import (
	"fmt"
	"time"

	fsrs "github.com/open-spaced-repetition/go-fsrs/v4"
)

// CardState is the FSRS learning stage of an item.
type CardState int8

// The FSRS card states; the values match go-fsrs's State.
const (
	StateNew        CardState = 0
	StateLearning   CardState = 1
	StateReview     CardState = 2
	StateRelearning CardState = 3
)

func (s CardState) String() string { return fsrs.State(s).String() }

// Card is the FSRS memory state of one item for one learner. Its fields
// mirror go-fsrs's Card so the store need not import go-fsrs.
type Card struct {
	Due            time.Time
	Stability      float64 // days for retrievability to fall to 90 %
	Difficulty     float64 // 1 (easy) to 10 (hard)
	ScheduledDays  uint64
	Reps           uint64
	Lapses         uint64
	State          CardState
	LastReview     time.Time // zero for a new card
	RemainingSteps int
}

// SchedulerParams configure the FSRS-6 scheduler.
type SchedulerParams struct {
	// RequestRetention is the recall probability a review is scheduled at.
	RequestRetention float64
	// MaximumInterval caps intervals, in days.
	MaximumInterval float64
	// Fuzz spreads intervals of 3 days and more over nearby days (seeded
	// by the card and time, so it is reproducible).
	Fuzz bool
}

// DefaultSchedulerParams: 90 % retention, 100-year cap, fuzz on.
func DefaultSchedulerParams() SchedulerParams {
	return SchedulerParams{RequestRetention: 0.9, MaximumInterval: 36500, Fuzz: true}
}

// Scheduler schedules reviews with FSRS-6 (go-fsrs's default weights,
// learning steps 1 and 10 minutes, relearning step 10 minutes).
type Scheduler struct {
	f *fsrs.FSRS
}

// NewScheduler makes a scheduler; invalid parameters fall back to go-fsrs's
// defaults.
func NewScheduler(p SchedulerParams) *Scheduler {
	fp := fsrs.DefaultParam()
	fp.RequestRetention = p.RequestRetention
	fp.MaximumInterval = p.MaximumInterval
	fp.EnableFuzz = p.Fuzz
	return &Scheduler{f: fsrs.NewFSRS(fp)}
}

// NewCard is the state of an item never seen, due now.
func NewCard(now time.Time) Card {
	return fromFSRS(fsrs.NewCard(now.UTC()))
}

// Review applies one graded answer at now and returns the new state. A now
// before the card's last review (the clock jumped back) is treated as the
// moment of the last review.
func (s *Scheduler) Review(c Card, now time.Time, g Grade) (Card, error) {
	if !g.Valid() {
		return Card{}, fmt.Errorf("learning: review: invalid grade %d", g)
	}
	if !c.LastReview.IsZero() && now.Before(c.LastReview) {
		now = c.LastReview
	}
	info, err := s.f.Next(toFSRS(c), now.UTC(), fsrs.Rating(g))
	if err != nil {
		return Card{}, fmt.Errorf("learning: review: %w", err)
	}
	return fromFSRS(info.Card), nil
}

// Retrievability is the probability of recalling the item at now: 0 for a
// new card, and for a state the scheduler cannot read.
func (s *Scheduler) Retrievability(c Card, now time.Time) float64 {
	r, err := s.f.Retrievability(toFSRS(c), now.UTC())
	if err != nil {
		return 0
	}
	return r
}

// IsDue reports whether the card is due at now.
func (c Card) IsDue(now time.Time) bool { return !c.Due.After(now) }

func toFSRS(c Card) fsrs.Card {
	return fsrs.Card{
		Due: c.Due, Stability: c.Stability, Difficulty: c.Difficulty,
		ScheduledDays: c.ScheduledDays, Reps: c.Reps, Lapses: c.Lapses,
		State: fsrs.State(c.State), LastReview: c.LastReview,
		RemainingSteps: c.RemainingSteps,
	}
}

func fromFSRS(c fsrs.Card) Card {
	return Card{
		Due: c.Due.UTC(), Stability: c.Stability, Difficulty: c.Difficulty,
		ScheduledDays: c.ScheduledDays, Reps: c.Reps, Lapses: c.Lapses,
		State: CardState(c.State), LastReview: c.LastReview.UTC(),
		RemainingSteps: c.RemainingSteps,
	}
}
