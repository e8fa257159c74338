package progress

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// SessionID identifies a practice session.
type SessionID int64

// Session is one sitting: a practice quiz, a drill set, a procedure run.
type Session struct {
	ID        SessionID
	Learner   LearnerID
	Kind      string // e.g. "practice", "drill", "procedure"
	Scope     string // what was chosen, e.g. "region:upper-limb" or "due"
	StartedAt time.Time
	EndedAt   time.Time // zero while open
}

// SessionSummary totals a session's attempts and drill runs.
type SessionSummary struct {
	Session
	Attempts  int
	Correct   int
	Items     int           // distinct items answered
	Points    int           // from attempts and drill runs
	Answering time.Duration // sum of response times
	DrillRuns int
}

// StartSession opens a session for the learner.
func (s *Store) StartSession(ctx context.Context, learner LearnerID, kind, scope string) (SessionID, error) {
	if kind == "" || len(kind) > 64 || len(scope) > 1024 {
		return 0, fmt.Errorf("progress: start session: %w", invalid("kind must be 1 to 64 bytes, scope at most 1024"))
	}
	var id SessionID
	err := s.tx(ctx, func(tx *wtx) error {
		if err := learnerExists(ctx, tx, learner); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, `INSERT INTO sessions (learner_id, kind, scope, started_at)
			VALUES (?, ?, ?, ?) RETURNING id`, learner, kind, scope, ms(s.now())).Scan(&id)
	})
	if err != nil {
		return 0, fmt.Errorf("progress: start session: %w", err)
	}
	return id, nil
}

// EndSession closes the learner's session; ending it again is harmless.
func (s *Store) EndSession(ctx context.Context, learner LearnerID, id SessionID) error {
	err := s.tx(ctx, func(tx *wtx) error {
		res, err := tx.ExecContext(ctx, `UPDATE sessions SET ended_at = coalesce(ended_at, ?)
			WHERE id = ? AND learner_id = ?`, ms(s.now()), id, learner)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("session %d: %w", id, ErrNotFound)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("progress: end session: %w", err)
	}
	return nil
}

// SessionSummary totals one of the learner's sessions.
func (s *Store) SessionSummary(ctx context.Context, learner LearnerID, id SessionID) (SessionSummary, error) {
	var sum SessionSummary
	var started int64
	var ended sql.NullInt64
	err := s.queryRow(ctx, `SELECT id, learner_id, kind, scope, started_at, ended_at,
		(SELECT count(*) FROM attempts WHERE session_id = s.id),
		(SELECT coalesce(sum(correct), 0) FROM attempts WHERE session_id = s.id),
		(SELECT count(DISTINCT item_id) FROM attempts WHERE session_id = s.id),
		(SELECT coalesce(sum(points), 0) FROM attempts WHERE session_id = s.id)
		  + (SELECT coalesce(sum(points), 0) FROM drill_runs WHERE session_id = s.id),
		(SELECT coalesce(sum(response_ms), 0) FROM attempts WHERE session_id = s.id),
		(SELECT count(*) FROM drill_runs WHERE session_id = s.id)
		FROM sessions s WHERE id = ? AND learner_id = ?`, id, learner).Scan(
		&sum.ID, &sum.Learner, &sum.Kind, &sum.Scope, &started, &ended,
		&sum.Attempts, &sum.Correct, &sum.Items, &sum.Points, &sum.Answering, &sum.DrillRuns)
	if err != nil {
		return SessionSummary{}, fmt.Errorf("progress: session %d: %w", id, notFound(err))
	}
	sum.StartedAt, sum.EndedAt = fromMS(started), fromNullMS(ended)
	sum.Answering *= time.Millisecond
	return sum, nil
}

const (
	qLearnerExists = `SELECT 1 FROM learners WHERE id = ?`
	qSessionOwner  = `SELECT learner_id FROM sessions WHERE id = ?`
)

func learnerExists(ctx context.Context, tx *wtx, id LearnerID) error {
	var one int
	err := tx.QueryRowContext(ctx, qLearnerExists, id).Scan(&one)
	if err != nil {
		return fmt.Errorf("learner %d: %w", id, notFound(err))
	}
	return nil
}

// checkOwner checks that the learner exists and, if session is not 0, that
// the session is the learner's.
func checkOwner(ctx context.Context, tx *wtx, learner LearnerID, session SessionID) error {
	if session == 0 {
		return learnerExists(ctx, tx, learner)
	}
	var owner LearnerID
	err := tx.QueryRowContext(ctx, qSessionOwner, session).Scan(&owner)
	if err != nil || owner != learner {
		if err == nil {
			err = sql.ErrNoRows
		}
		return fmt.Errorf("session %d of learner %d: %w", session, learner, notFound(err))
	}
	return nil
}
