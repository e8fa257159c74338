package progress

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/osteon/osteon/learning"
)

const cardCols = `due, stability, difficulty, scheduled_days, reps, lapses, state, last_review, remaining_steps`

func scanCard(sc interface{ Scan(...any) error }, extra ...any) (learning.Card, error) {
	var c learning.Card
	var due int64
	var last sql.NullInt64
	dst := append([]any{&due, &c.Stability, &c.Difficulty, &c.ScheduledDays, &c.Reps, &c.Lapses,
		&c.State, &last, &c.RemainingSteps}, extra...)
	if err := sc.Scan(dst...); err != nil {
		return learning.Card{}, err
	}
	c.Due, c.LastReview = fromMS(due), fromNullMS(last)
	return c, nil
}

const (
	qLoadCard = `SELECT ` + cardCols + ` FROM memory WHERE learner_id = ? AND item_id = ?`
	qSaveCard = `INSERT INTO memory (learner_id, item_id, item_kind, ` + cardCols + `)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT (learner_id, item_id) DO UPDATE SET due = excluded.due,
	stability = excluded.stability, difficulty = excluded.difficulty,
	scheduled_days = excluded.scheduled_days, reps = excluded.reps, lapses = excluded.lapses,
	state = excluded.state, last_review = excluded.last_review,
	remaining_steps = excluded.remaining_steps`
)

// loadCard reads the learner's card for item, or a new card due now.
func loadCard(ctx context.Context, tx *wtx, learner LearnerID, item learning.ItemID, now time.Time) (learning.Card, error) {
	c, err := scanCard(tx.QueryRowContext(ctx, qLoadCard, learner, item))
	if errors.Is(err, sql.ErrNoRows) {
		return learning.NewCard(now), nil
	}
	return c, err
}

func saveCard(ctx context.Context, tx *wtx, learner LearnerID, item learning.ItemID, c learning.Card) error {
	_, err := tx.ExecContext(ctx, qSaveCard,
		learner, item, item.Kind(), ms(c.Due), c.Stability, c.Difficulty, c.ScheduledDays,
		c.Reps, c.Lapses, c.State, nullMS(c.LastReview), c.RemainingSteps)
	return err
}

// DueItem is an item whose review is due.
type DueItem struct {
	Item           learning.ItemID
	Card           learning.Card
	Retrievability float64 // probability of recall now
}

// DueItems returns up to limit of the learner's items due now, most
// overdue first. Items never seen are not included: the caller chooses new
// items (see Cards). The query walks the (learner_id, due) index, so its
// cost grows with limit, not with the learner's history.
func (s *Store) DueItems(ctx context.Context, learner LearnerID, limit int) ([]DueItem, error) {
	return s.DueBy(ctx, learner, s.now(), limit)
}

// DueBy returns up to limit of the learner's items due at or before t,
// soonest due first, with their retrievability now: for "what comes due
// next" give a time in the future.
func (s *Store) DueBy(ctx context.Context, learner LearnerID, t time.Time, limit int) ([]DueItem, error) {
	if limit <= 0 {
		return nil, nil
	}
	now := s.now()
	rows, err := s.query(ctx, `SELECT `+cardCols+`, item_id FROM memory
		WHERE learner_id = ? AND due <= ? ORDER BY due LIMIT ?`, learner, ms(t), limit)
	if err != nil {
		return nil, fmt.Errorf("progress: due items: %w", err)
	}
	defer rows.Close()
	var out []DueItem
	for rows.Next() {
		var d DueItem
		if d.Card, err = scanCard(rows, &d.Item); err != nil {
			return nil, fmt.Errorf("progress: due items: %w", err)
		}
		d.Retrievability = s.scheduler().Retrievability(d.Card, now)
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("progress: due items: %w", err)
	}
	return out, nil
}

// DueCount is how many of the learner's items are due now.
func (s *Store) DueCount(ctx context.Context, learner LearnerID) (int, error) {
	var n int
	err := s.queryRow(ctx, `SELECT count(*) FROM memory WHERE learner_id = ? AND due <= ?`,
		learner, ms(s.now())).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("progress: due count: %w", err)
	}
	return n, nil
}

// DayCount is a number of reviews falling due on a calendar day.
type DayCount struct {
	Day   time.Time // midnight starting the day, in Store.Location
	Count int
}

// DueForecast counts the reviews coming due on each of the next days
// calendar days, today first; today includes everything already overdue.
func (s *Store) DueForecast(ctx context.Context, learner LearnerID, days int) ([]DayCount, error) {
	if days <= 0 {
		return nil, nil
	}
	now := s.now().In(s.loc())
	out := make([]DayCount, days)
	for i := range out {
		out[i].Day = time.Date(now.Year(), now.Month(), now.Day()+i, 0, 0, 0, 0, s.loc())
	}
	end := time.Date(now.Year(), now.Month(), now.Day()+days, 0, 0, 0, 0, s.loc())
	rows, err := s.query(ctx, `SELECT due FROM memory WHERE learner_id = ? AND due < ?`,
		learner, ms(end))
	if err != nil {
		return nil, fmt.Errorf("progress: due forecast: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var due int64
		if err := rows.Scan(&due); err != nil {
			return nil, fmt.Errorf("progress: due forecast: %w", err)
		}
		i := 0
		for i+1 < days && ms(out[i+1].Day) <= due {
			i++
		}
		out[i].Count++
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("progress: due forecast: %w", err)
	}
	return out, nil
}

// Cards returns the learner's memory state for each of items that has
// been answered at least once; items missing from the map are new.
func (s *Store) Cards(ctx context.Context, learner LearnerID, items []learning.ItemID) (map[learning.ItemID]learning.Card, error) {
	out := make(map[learning.ItemID]learning.Card, len(items))
	const chunk = 500
	for len(items) > 0 {
		n := min(chunk, len(items))
		args := make([]any, 0, n+1)
		args = append(args, learner)
		for _, it := range items[:n] {
			args = append(args, it)
		}
		items = items[n:]
		q := `SELECT ` + cardCols + `, item_id FROM memory WHERE learner_id = ? AND item_id IN (?` +
			strings.Repeat(",?", n-1) + `)`
		if err := s.scanCards(ctx, q, args, out); err != nil {
			return nil, fmt.Errorf("progress: cards: %w", err)
		}
	}
	return out, nil
}

func (s *Store) scanCards(ctx context.Context, q string, args []any, out map[learning.ItemID]learning.Card) error {
	rows, err := s.query(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id learning.ItemID
		c, err := scanCard(rows, &id)
		if err != nil {
			return err
		}
		out[id] = c
	}
	return rows.Err()
}
