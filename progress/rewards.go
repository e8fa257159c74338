package progress

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Points: a right answer earns 10 (partial credit in proportion), each
// skill mastered for the first time 20 more, a drill run 5 plus 10 ×
// accuracy plus 20 for a personal best, and each milestone its bonus.
// Nothing is ever taken away: a break ends the current streak but keeps
// the longest streak, the points and the milestones.

// Streak is a run of consecutive calendar days with practice.
type Streak struct {
	// Current is the run ending today or yesterday; 0 after a longer
	// break (the next practice starts a new run).
	Current int
	Longest int
	// LastDay is the last day practised, "2006-01-02" in Store.Location;
	// empty if never.
	LastDay        string
	PractisedToday bool
}

// MilestoneDef is a milestone a learner can reach.
type MilestoneDef struct {
	Key       string
	Title     string
	Stat      string // "attempts", "streak", "mastered" or "drill_runs"
	Threshold int
	Points    int // bonus on reaching it
}

// MilestoneDefs lists every milestone, for a Progress screen to show what
// is next.
var MilestoneDefs = []MilestoneDef{
	{"answers-1", "First answer", "attempts", 1, 10},
	{"answers-100", "100 answers", "attempts", 100, 50},
	{"answers-1000", "1,000 answers", "attempts", 1000, 200},
	{"answers-10000", "10,000 answers", "attempts", 10000, 500},
	{"streak-3", "3 days in a row", "streak", 3, 30},
	{"streak-7", "A week in a row", "streak", 7, 70},
	{"streak-30", "30 days in a row", "streak", 30, 300},
	{"streak-100", "100 days in a row", "streak", 100, 1000},
	{"mastered-1", "First skill mastered", "mastered", 1, 25},
	{"mastered-10", "10 skills mastered", "mastered", 10, 100},
	{"mastered-50", "50 skills mastered", "mastered", 50, 250},
	{"mastered-200", "200 skills mastered", "mastered", 200, 500},
	{"drills-1", "First drill", "drill_runs", 1, 10},
	{"drills-50", "50 drills", "drill_runs", 50, 100},
}

// Milestone is a milestone reached.
type Milestone struct {
	Key        string
	Title      string
	Points     int
	AchievedAt time.Time
}

// Stats are a learner's running totals. Mastered is the number of skills
// mastered now (a skill that stops being mastered is no longer counted; its
// milestones and points stay).
type Stats struct {
	Points, Attempts, Correct, DrillRuns, Mastered int
	Streak                                         Streak
}

const (
	qStatsGet = `SELECT points, attempts, correct, drill_runs, mastered, streak,
	longest_streak, last_day FROM learner_stats WHERE learner_id = ?`
	qStatsSet = `UPDATE learner_stats SET points = ?, attempts = ?, correct = ?,
	drill_runs = ?, mastered = ?, streak = ?, longest_streak = ?, last_day = ? WHERE learner_id = ?`
	qTouchLearner  = `UPDATE learners SET last_seen_at = ? WHERE id = ?`
	qMilestoneAdd  = `INSERT INTO milestones (learner_id, key, achieved_at, points) VALUES (?, ?, ?, ?)`
	qMilestoneKeys = `SELECT key FROM milestones WHERE learner_id = ?`
)

// gain is what one recorded event adds to a learner's totals (mastered:
// the change in skills mastered now, which can be negative).
type gain struct {
	points, attempts, correct, drillRuns, mastered int
}

type rewardResult struct {
	bonus      int
	milestones []Milestone
	streak     Streak
}

func (s *Store) day(t time.Time) string { return t.In(s.loc()).Format(time.DateOnly) }

// reward adds g to the learner's totals, advances the streak and awards
// milestones newly reached, inside the caller's transaction.
func (s *Store) reward(ctx context.Context, tx *wtx, learner LearnerID, now time.Time, g gain) (rewardResult, error) {
	var st Stats
	var last sql.NullString
	err := tx.QueryRowContext(ctx, qStatsGet, learner).Scan(
		&st.Points, &st.Attempts, &st.Correct, &st.DrillRuns, &st.Mastered,
		&st.Streak.Current, &st.Streak.Longest, &last)
	if err != nil {
		return rewardResult{}, fmt.Errorf("stats of learner %d: %w", learner, notFound(err))
	}
	st.Streak = s.advanceStreak(st.Streak, last.String, now)
	st.Points += g.points
	st.Attempts += g.attempts
	st.Correct += g.correct
	st.DrillRuns += g.drillRuns
	st.Mastered += g.mastered
	reached, bonus, err := s.awardMilestones(ctx, tx, learner, st, now)
	if err != nil {
		return rewardResult{}, err
	}
	st.Points += bonus
	_, err = tx.ExecContext(ctx, qStatsSet,
		st.Points, st.Attempts, st.Correct, st.DrillRuns, st.Mastered, st.Streak.Current,
		st.Streak.Longest, st.Streak.LastDay, learner)
	if err != nil {
		return rewardResult{}, err
	}
	_, err = tx.ExecContext(ctx, qTouchLearner, ms(now), learner)
	return rewardResult{bonus: bonus, milestones: reached, streak: st.Streak}, err
}

// advanceStreak counts today after a streak whose last day was last. A
// clock that went back to before last changes nothing.
func (s *Store) advanceStreak(st Streak, last string, now time.Time) Streak {
	today := s.day(now)
	local := now.In(s.loc())
	yesterday := time.Date(local.Year(), local.Month(), local.Day()-1, 12, 0, 0, 0, s.loc()).Format(time.DateOnly)
	switch {
	case last >= today: // same day, or the clock went back
		if st.Current == 0 {
			st.Current = 1
		}
		today = max(last, today)
	case last == yesterday:
		st.Current++
	default:
		st.Current = 1
	}
	st.Longest = max(st.Longest, st.Current)
	st.LastDay, st.PractisedToday = today, true
	return st
}

func (s *Store) awardMilestones(ctx context.Context, tx *wtx, learner LearnerID, st Stats, now time.Time) ([]Milestone, int, error) {
	values := map[string]int{"attempts": st.Attempts, "streak": st.Streak.Current,
		"mastered": st.Mastered, "drill_runs": st.DrillRuns}
	have, err := milestoneKeys(ctx, tx, learner)
	if err != nil {
		return nil, 0, err
	}
	var out []Milestone
	bonus := 0
	for _, d := range MilestoneDefs {
		if values[d.Stat] < d.Threshold || have[d.Key] {
			continue
		}
		_, err := tx.ExecContext(ctx, qMilestoneAdd, learner, d.Key, ms(now), d.Points)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, Milestone{Key: d.Key, Title: d.Title, Points: d.Points, AchievedAt: now})
		bonus += d.Points
	}
	return out, bonus, nil
}

func milestoneKeys(ctx context.Context, tx *wtx, learner LearnerID) (map[string]bool, error) {
	rows, err := tx.QueryContext(ctx, qMilestoneKeys, learner)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	have := map[string]bool{}
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		have[k] = true
	}
	return have, rows.Err()
}
