package progress

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"time"
)

// DrillRunID identifies a drill run.
type DrillRunID int64

// DrillRunInput is one finished drill run.
type DrillRunInput struct {
	Learner     LearnerID
	Session     SessionID // 0 when outside a session
	DrillID     string    // the drill's id in its pack, e.g. "core/locate-wrist"
	PackID      string
	PackVersion string
	Duration    time.Duration
	Trials      int
	Score       float64 // higher is better; compared for personal bests
	Accuracy    float64 // 0..1
	Speed       float64 // trials per minute
	Throughput  float64 // Fitts' throughput in bits/s; 0 when not measured
	Detail      json.RawMessage
	Text        ActivityText // the drill's name in the pack's language, for an LRS
}

// DrillRun is a recorded drill run.
type DrillRun struct {
	ID DrillRunID
	DrillRunInput
	At     time.Time
	Points int
}

// DrillRunResult is what recording a drill run changed.
type DrillRunResult struct {
	ID           DrillRunID
	PersonalBest bool    // Score beat every earlier run of this drill
	PreviousBest float64 // best earlier score; 0 if this is the first run
	Points       int
	Milestones   []Milestone
	Streak       Streak
}

// DrillBest is a learner's record on one drill: each Best is the maximum
// over all runs, BestAt the time of the first run with BestScore.
type DrillBest struct {
	DrillID        string
	Runs           int
	BestScore      float64
	BestAt         time.Time
	BestAccuracy   float64
	BestThroughput float64
}

const (
	qDrillBest   = `SELECT max(score) FROM drill_runs WHERE learner_id = ? AND drill_id = ?`
	qInsertDrill = `INSERT INTO drill_runs (learner_id, session_id, drill_id, pack_id,
	pack_version, at, duration_ms, trials, score, accuracy, speed, throughput, points, detail)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`
)

func (in DrillRunInput) check() error {
	finite := func(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
	switch {
	case in.DrillID == "" || len(in.DrillID) > 256:
		return invalid("drill id must be 1 to 256 bytes")
	case in.Duration < 0 || in.Trials < 0:
		return invalid("negative duration or trials")
	case !finite(in.Score):
		return invalid("score %v", in.Score)
	case !(in.Accuracy >= 0 && in.Accuracy <= 1):
		return invalid("accuracy %v outside [0,1]", in.Accuracy)
	case !(in.Speed >= 0) || !finite(in.Speed) || !(in.Throughput >= 0) || !finite(in.Throughput):
		return invalid("speed %v or throughput %v", in.Speed, in.Throughput)
	}
	return nil
}

// RecordDrillRun records a drill run with its points, streak and
// milestones in one durable transaction.
func (s *Store) RecordDrillRun(ctx context.Context, in DrillRunInput) (DrillRunResult, error) {
	if err := in.check(); err != nil {
		return DrillRunResult{}, fmt.Errorf("progress: record drill run: %w", err)
	}
	detail, err := cleanDetail(in.Detail)
	if err != nil {
		return DrillRunResult{}, fmt.Errorf("progress: record drill run: %w", err)
	}
	in.Text = in.Text.clip()
	now := s.now()
	var res DrillRunResult
	err = s.tx(ctx, func(tx *wtx) error {
		res = DrillRunResult{}
		return s.recordDrillRun(ctx, tx, in, detail, now, &res)
	})
	if err != nil {
		return DrillRunResult{}, fmt.Errorf("progress: record drill run: %w", err)
	}
	return res, nil
}

func (s *Store) recordDrillRun(ctx context.Context, tx *wtx, in DrillRunInput, detail string, now time.Time, res *DrillRunResult) error {
	if err := checkOwner(ctx, tx, in.Learner, in.Session); err != nil {
		return err
	}
	var best sql.NullFloat64
	err := tx.QueryRowContext(ctx, qDrillBest, in.Learner, in.DrillID).Scan(&best)
	if err != nil {
		return err
	}
	res.PreviousBest = best.Float64
	res.PersonalBest = !best.Valid || in.Score > best.Float64
	points := 5 + int(math.Round(10*in.Accuracy))
	if res.PersonalBest && best.Valid {
		points += 20
	}
	err = tx.QueryRowContext(ctx, qInsertDrill,
		in.Learner, sql.NullInt64{Int64: int64(in.Session), Valid: in.Session != 0}, in.DrillID,
		in.PackID, in.PackVersion, ms(now), in.Duration.Milliseconds(), in.Trials, in.Score,
		in.Accuracy, in.Speed, in.Throughput, points, detail).Scan(&res.ID)
	if err != nil {
		return err
	}
	rw, err := s.reward(ctx, tx, in.Learner, now, gain{points: points, drillRuns: 1})
	if err != nil {
		return err
	}
	res.Points, res.Milestones, res.Streak = points+rw.bonus, rw.milestones, rw.streak
	if err := nameActivity(ctx, tx, "drills", in.DrillID, in.Text); err != nil {
		return err
	}
	return queueDrillRun(ctx, tx, in, res.ID, now)
}

// DrillHistory returns the learner's latest limit runs of one drill (all
// if limit ≤ 0), oldest first, for a learning curve.
func (s *Store) DrillHistory(ctx context.Context, learner LearnerID, drillID string, limit int) ([]DrillRun, error) {
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.query(ctx, `SELECT * FROM (SELECT id, learner_id, coalesce(session_id, 0),
		drill_id, pack_id, pack_version, at, duration_ms, trials, score, accuracy, speed, throughput,
		points, detail FROM drill_runs WHERE learner_id = ? AND drill_id = ? ORDER BY at DESC, id DESC LIMIT ?)
		ORDER BY 7, 1`, learner, drillID, limit)
	if err != nil {
		return nil, fmt.Errorf("progress: drill history: %w", err)
	}
	defer rows.Close()
	var out []DrillRun
	for rows.Next() {
		var r DrillRun
		var at, dur int64
		var detail string
		if err := rows.Scan(&r.ID, &r.Learner, &r.Session, &r.DrillID, &r.PackID, &r.PackVersion, &at,
			&dur, &r.Trials, &r.Score, &r.Accuracy, &r.Speed, &r.Throughput, &r.Points, &detail); err != nil {
			return nil, fmt.Errorf("progress: drill history: %w", err)
		}
		r.At, r.Duration, r.Detail = fromMS(at), time.Duration(dur)*time.Millisecond, json.RawMessage(detail)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("progress: drill history: %w", err)
	}
	return out, nil
}

// PersonalBests lists the learner's best run of every drill tried, by
// drill id.
func (s *Store) PersonalBests(ctx context.Context, learner LearnerID) ([]DrillBest, error) {
	rows, err := s.query(ctx, `SELECT drill_id, count(*), max(score),
		(SELECT at FROM drill_runs b WHERE b.learner_id = d.learner_id AND b.drill_id = d.drill_id
		 ORDER BY score DESC, at, id LIMIT 1), max(accuracy), max(throughput)
		FROM drill_runs d WHERE learner_id = ? GROUP BY drill_id ORDER BY drill_id`, learner)
	if err != nil {
		return nil, fmt.Errorf("progress: personal bests: %w", err)
	}
	defer rows.Close()
	var out []DrillBest
	for rows.Next() {
		var b DrillBest
		var at int64
		if err := rows.Scan(&b.DrillID, &b.Runs, &b.BestScore, &at, &b.BestAccuracy, &b.BestThroughput); err != nil {
			return nil, fmt.Errorf("progress: personal bests: %w", err)
		}
		b.BestAt = fromMS(at)
		out = append(out, b)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("progress: personal bests: %w", err)
	}
	return out, nil
}
