package progress

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"
)

// The outbox holds the statements waiting for the LRS. RecordAttempt and
// RecordDrillRun add theirs in their own transaction when sending is on,
// so a statement is queued if and only if its record is stored.
const (
	qOutboxOn    = `SELECT enabled FROM lrs_state WHERE id = 1`
	qWho         = `SELECT pseudonym, name, use_name FROM learners WHERE id = ?`
	qOutboxAdd   = `INSERT INTO outbox (statement_id, body, queued_at) VALUES (?, ?, ?)`
	qActivitySet = `INSERT INTO activities (kind, id, lang, name, description, standard_id) VALUES (?, ?, ?, ?, ?, ?)
	ON CONFLICT (kind, id) DO UPDATE SET lang = excluded.lang, name = excluded.name,
	description = excluded.description, standard_id = excluded.standard_id
	WHERE (lang, name, description, standard_id) IS NOT (excluded.lang, excluded.name, excluded.description, excluded.standard_id)`
)

// outboxOn reports whether sending is configured for this database.
func outboxOn(ctx context.Context, tx *wtx) (bool, error) {
	var on bool
	err := tx.QueryRowContext(ctx, qOutboxOn).Scan(&on)
	return on, err
}

func loadWho(ctx context.Context, tx *wtx, learner LearnerID) (who, error) {
	var w who
	err := tx.QueryRowContext(ctx, qWho, learner).Scan(&w.pseudonym, &w.name, &w.useName)
	return w, err
}

// enqueue adds statements to the outbox.
func enqueue(ctx context.Context, tx *wtx, now time.Time, sts ...Statement) error {
	for _, st := range sts {
		b, err := json.Marshal(st)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, qOutboxAdd, st.ID, string(b), ms(now)); err != nil {
			return fmt.Errorf("queue statement: %w", err)
		}
	}
	return nil
}

// nameActivity keeps the latest readable text of an activity.
func nameActivity(ctx context.Context, tx *wtx, kind, id string, t ActivityText) error {
	if t.Name == "" {
		return nil
	}
	_, err := tx.ExecContext(ctx, qActivitySet, kind, id, t.lang(), t.Name, t.Description, t.StandardID)
	return err
}

// queueAttempt queues the statements of a just-recorded attempt: the
// answer and each skill it mastered for the first time.
func queueAttempt(ctx context.Context, tx *wtx, row attemptRow, res *AttemptResult, now time.Time) error {
	if on, err := outboxOn(ctx, tx); err != nil || !on {
		return err
	}
	in := row.in
	w, err := loadWho(ctx, tx, in.Learner)
	if err != nil {
		return err
	}
	sts := []Statement{attemptStatement(attemptFacts{who: w, id: int64(res.ID), grade: int64(in.Grade),
		respMS: in.Response.Milliseconds(), at: ms(now), session: nullSession(in.Session), item: string(in.Item),
		kind: string(row.kind), pack: in.PackID, version: in.PackVersion, correct: in.Correct, score: in.Score,
		skills: row.skills, text: in.Text})}
	for _, sk := range res.NewlyMastered {
		est := 0.0
		for _, m := range res.Mastery {
			if m.Skill == sk {
				est = m.Estimate
			}
		}
		sts = append(sts, masteryStatement(w, string(sk), ms(now), est, ActivityText{}))
	}
	return enqueue(ctx, tx, now, sts...)
}

func queueDrillRun(ctx context.Context, tx *wtx, in DrillRunInput, id DrillRunID, now time.Time) error {
	if on, err := outboxOn(ctx, tx); err != nil || !on {
		return err
	}
	w, err := loadWho(ctx, tx, in.Learner)
	if err != nil {
		return err
	}
	return enqueue(ctx, tx, now, drillStatement(drillFacts{who: w, id: int64(id), at: ms(now),
		dur: in.Duration.Milliseconds(), trials: int64(in.Trials), session: nullSession(in.Session),
		drill: in.DrillID, pack: in.PackID, version: in.PackVersion, score: in.Score, acc: in.Accuracy,
		speed: in.Speed, thput: in.Throughput, text: in.Text}))
}

// EnableSending turns sending on for this database. The first time, it
// also queues every statement of the history already stored (as
// ExportXAPI writes them, for every learner), once, so the LRS holds the
// whole record. It reports how many statements it queued.
func (s *Store) EnableSending(ctx context.Context) (int, error) {
	n := 0
	err := s.tx(ctx, func(tx *wtx) error {
		n = 0
		var backfilled sql.NullInt64
		if err := tx.QueryRowContext(ctx, `SELECT backfilled_at FROM lrs_state WHERE id = 1`).Scan(&backfilled); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE lrs_state SET enabled = 1, stopped = 0,
			backfilled_at = coalesce(backfilled_at, ?) WHERE id = 1`, ms(s.now())); err != nil {
			return err
		}
		if backfilled.Valid {
			return nil
		}
		// The writer holds the write lock, so what the readers see now is
		// everything stored and nothing can be added meanwhile.
		return s.queueHistory(ctx, tx, &n)
	})
	if err != nil {
		return 0, fmt.Errorf("progress: enable sending: %w", err)
	}
	return n, nil
}

func (s *Store) queueHistory(ctx context.Context, tx *wtx, n *int) error {
	now := s.now()
	add := func(st Statement) error {
		*n++
		return enqueue(ctx, tx, now, st)
	}
	for _, q := range []func(context.Context, LearnerID) ([]Statement, error){s.drillStatements, s.masteryStatements} {
		sts, err := q(ctx, AllLearners)
		if err != nil {
			return err
		}
		for _, st := range sts {
			if err := add(st); err != nil {
				return err
			}
		}
	}
	return s.eachAttemptStatement(ctx, AllLearners, add)
}

// DisableSending turns sending off: nothing more is queued. What is queued
// stays, and is sent if sending is turned on again.
func (s *Store) DisableSending(ctx context.Context) error {
	return s.setLRSFlag(ctx, "enabled", false)
}

// PauseSending pauses or resumes the sender; statements are still queued.
func (s *Store) PauseSending(ctx context.Context, paused bool) error {
	return s.setLRSFlag(ctx, "paused", paused)
}

func (s *Store) setLRSFlag(ctx context.Context, col string, v bool) error {
	err := s.tx(ctx, func(tx *wtx) error {
		_, err := tx.ExecContext(ctx, `UPDATE lrs_state SET `+col+` = ? WHERE id = 1`, v)
		return err
	})
	if err != nil {
		return fmt.Errorf("progress: set sending %s: %w", col, err)
	}
	return nil
}
