package progress

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/osteon/osteon/learning"
)

// AttemptFilter narrows Attempts. Zero fields do not filter.
type AttemptFilter struct {
	Item    learning.ItemID
	Kind    learning.ItemKind
	Session SessionID
	Since   time.Time // at or after
	// Limit keeps only the latest Limit attempts (still returned oldest
	// first); 0 means no limit.
	Limit int
}

const attemptCols = `id, learner_id, coalesce(session_id, 0), item_id, item_kind, pack_id, pack_version,
	grade, correct, score, response_ms, at, points, skills, detail`

func scanAttempt(sc interface{ Scan(...any) error }) (Attempt, error) {
	var a Attempt
	var respMS, at int64
	var skills, detail string
	err := sc.Scan(&a.ID, &a.Learner, &a.Session, &a.Item, &a.Kind, &a.PackID, &a.PackVersion,
		&a.Grade, &a.Correct, &a.Score, &respMS, &at, &a.Points, &skills, &detail)
	if err != nil {
		return Attempt{}, err
	}
	a.Response, a.At, a.Detail = time.Duration(respMS)*time.Millisecond, fromMS(at), json.RawMessage(detail)
	if err := json.Unmarshal([]byte(skills), &a.Skills); err != nil {
		return Attempt{}, fmt.Errorf("attempt %d: skills: %w", a.ID, err)
	}
	return a, nil
}

// Attempts returns the learner's attempts matching f, oldest first: an
// item's history (e.g. procedure tests for a CUSUM), a session's answers.
func (s *Store) Attempts(ctx context.Context, learner LearnerID, f AttemptFilter) ([]Attempt, error) {
	where := []string{"learner_id = ?"}
	args := []any{learner}
	add := func(cond string, v any) {
		where = append(where, cond)
		args = append(args, v)
	}
	if f.Item != "" {
		add("item_id = ?", f.Item)
	}
	if f.Kind != "" {
		add("item_kind = ?", f.Kind)
	}
	if f.Session != 0 {
		add("session_id = ?", f.Session)
	}
	if !f.Since.IsZero() {
		add("at >= ?", ms(f.Since))
	}
	q := `SELECT ` + attemptCols + ` FROM attempts WHERE ` + strings.Join(where, " AND ") + ` ORDER BY at DESC, id DESC`
	if f.Limit > 0 {
		q += ` LIMIT ?`
		args = append(args, f.Limit)
	}
	rows, err := s.query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("progress: attempts: %w", err)
	}
	defer rows.Close()
	var out []Attempt
	for rows.Next() {
		a, err := scanAttempt(rows)
		if err != nil {
			return nil, fmt.Errorf("progress: attempts: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("progress: attempts: %w", err)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, nil
}

// Outcomes is the pass/fail sequence of the learner's attempts at item,
// oldest first, ready for learning.CUSUM.
func (s *Store) Outcomes(ctx context.Context, learner LearnerID, item learning.ItemID) ([]bool, error) {
	rows, err := s.query(ctx, `SELECT correct FROM attempts WHERE learner_id = ? AND item_id = ?
		ORDER BY at, id`, learner, item)
	if err != nil {
		return nil, fmt.Errorf("progress: outcomes: %w", err)
	}
	defer rows.Close()
	var out []bool
	for rows.Next() {
		var ok bool
		if err := rows.Scan(&ok); err != nil {
			return nil, fmt.Errorf("progress: outcomes: %w", err)
		}
		out = append(out, ok)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("progress: outcomes: %w", err)
	}
	return out, nil
}
