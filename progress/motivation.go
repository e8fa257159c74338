package progress

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Stats returns the learner's totals and current streak.
func (s *Store) Stats(ctx context.Context, learner LearnerID) (Stats, error) {
	var st Stats
	var last sql.NullString
	err := s.queryRow(ctx, `SELECT points, attempts, correct, drill_runs, mastered, streak,
		longest_streak, last_day FROM learner_stats WHERE learner_id = ?`, learner).Scan(
		&st.Points, &st.Attempts, &st.Correct, &st.DrillRuns, &st.Mastered,
		&st.Streak.Current, &st.Streak.Longest, &last)
	if err != nil {
		return Stats{}, fmt.Errorf("progress: stats of learner %d: %w", learner, notFound(err))
	}
	st.Streak = s.streakNow(st.Streak, last.String)
	return st, nil
}

// Streak returns the learner's streak as of now.
func (s *Store) Streak(ctx context.Context, learner LearnerID) (Streak, error) {
	st, err := s.Stats(ctx, learner)
	return st.Streak, err
}

// streakNow: a streak whose last day is before yesterday has ended.
func (s *Store) streakNow(st Streak, last string) Streak {
	st.LastDay = last
	if last == "" {
		st.Current = 0
		return st
	}
	local := s.now().In(s.loc())
	today := local.Format(time.DateOnly)
	yesterday := time.Date(local.Year(), local.Month(), local.Day()-1, 12, 0, 0, 0, s.loc()).Format(time.DateOnly)
	st.PractisedToday = last >= today
	if last < yesterday {
		st.Current = 0
	}
	return st
}

// Milestones lists the milestones the learner has reached, oldest first.
func (s *Store) Milestones(ctx context.Context, learner LearnerID) ([]Milestone, error) {
	rows, err := s.query(ctx, `SELECT key, points, achieved_at FROM milestones
		WHERE learner_id = ? ORDER BY achieved_at, key`, learner)
	if err != nil {
		return nil, fmt.Errorf("progress: milestones: %w", err)
	}
	defer rows.Close()
	titles := map[string]string{}
	for _, d := range MilestoneDefs {
		titles[d.Key] = d.Title
	}
	var out []Milestone
	for rows.Next() {
		var m Milestone
		var at int64
		if err := rows.Scan(&m.Key, &m.Points, &at); err != nil {
			return nil, fmt.Errorf("progress: milestones: %w", err)
		}
		m.Title, m.AchievedAt = titles[m.Key], fromMS(at)
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("progress: milestones: %w", err)
	}
	return out, nil
}

// LeaderboardEntry is one line of the local leaderboard.
type LeaderboardEntry struct {
	Rank     int // 1 for the most points; equal points share a rank
	Learner  LearnerID
	Name     string
	Points   int
	Mastered int
	Streak   int // current streak
}

// Leaderboard ranks, by points, the learners on this machine who opted in
// (SetLeaderboard). It is the only query that shows one learner anything
// about another, and it shows totals only, never attempts.
func (s *Store) Leaderboard(ctx context.Context, limit int) ([]LeaderboardEntry, error) {
	rows, err := s.query(ctx, `SELECT l.id, l.name, st.points, st.mastered, st.streak, st.last_day
		FROM learners l JOIN learner_stats st ON st.learner_id = l.id
		WHERE l.leaderboard = 1 ORDER BY st.points DESC, l.name LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("progress: leaderboard: %w", err)
	}
	defer rows.Close()
	var out []LeaderboardEntry
	for rows.Next() {
		var e LeaderboardEntry
		var last sql.NullString
		if err := rows.Scan(&e.Learner, &e.Name, &e.Points, &e.Mastered, &e.Streak, &last); err != nil {
			return nil, fmt.Errorf("progress: leaderboard: %w", err)
		}
		e.Streak = s.streakNow(Streak{Current: e.Streak}, last.String).Current
		e.Rank = len(out) + 1
		if n := len(out); n > 0 && out[n-1].Points == e.Points {
			e.Rank = out[n-1].Rank
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("progress: leaderboard: %w", err)
	}
	return out, nil
}
