package progress

import (
	"context"
	"database/sql"
)

const whoCols = `l.pseudonym, l.name, l.use_name`

// textCols are an activity's readable text from a LEFT JOIN of activities
// as n.
const textCols = `coalesce(n.lang, ''), coalesce(n.name, ''), coalesce(n.description, ''), coalesce(n.standard_id, '')`

func scanText(t *ActivityText) []any {
	return []any{&t.Lang, &t.Name, &t.Description, &t.StandardID}
}

// eachAttemptStatement calls fn with the statement of each attempt, oldest
// first.
func (s *Store) eachAttemptStatement(ctx context.Context, learner LearnerID, fn func(Statement) error) error {
	rows, err := s.query(ctx, `SELECT `+whoCols+`, a.id, a.session_id, a.item_id, a.item_kind,
		a.pack_id, a.pack_version, a.grade, a.correct, a.score, a.response_ms, a.at, a.skills, `+textCols+`
		FROM attempts a JOIN learners l ON l.id = a.learner_id
		LEFT JOIN activities n ON n.kind = 'items' AND n.id = a.item_id
		WHERE ? = 0 OR a.learner_id = ? ORDER BY a.at, a.id`, learner, learner)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var f attemptFacts
		dst := []any{&f.who.pseudonym, &f.who.name, &f.who.useName, &f.id, &f.session, &f.item, &f.kind,
			&f.pack, &f.version, &f.grade, &f.correct, &f.score, &f.respMS, &f.at, &f.skills}
		if err := rows.Scan(append(dst, scanText(&f.text)...)...); err != nil {
			return err
		}
		if err := fn(attemptStatement(f)); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (s *Store) drillStatements(ctx context.Context, learner LearnerID) ([]Statement, error) {
	rows, err := s.query(ctx, `SELECT `+whoCols+`, d.id, d.session_id, d.drill_id, d.pack_id,
		d.pack_version, d.at, d.duration_ms, d.trials, d.score, d.accuracy, d.speed, d.throughput, `+textCols+`
		FROM drill_runs d JOIN learners l ON l.id = d.learner_id
		LEFT JOIN activities n ON n.kind = 'drills' AND n.id = d.drill_id
		WHERE ? = 0 OR d.learner_id = ?`, learner, learner)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Statement
	for rows.Next() {
		var f drillFacts
		dst := []any{&f.who.pseudonym, &f.who.name, &f.who.useName, &f.id, &f.session, &f.drill, &f.pack,
			&f.version, &f.at, &f.dur, &f.trials, &f.score, &f.acc, &f.speed, &f.thput}
		if err := rows.Scan(append(dst, scanText(&f.text)...)...); err != nil {
			return nil, err
		}
		out = append(out, drillStatement(f))
	}
	return out, rows.Err()
}

func (s *Store) masteryStatements(ctx context.Context, learner LearnerID) ([]Statement, error) {
	rows, err := s.query(ctx, `SELECT `+whoCols+`, m.skill_id, m.mastered_at, m.estimate, `+textCols+`
		FROM mastery m JOIN learners l ON l.id = m.learner_id
		LEFT JOIN activities n ON n.kind = 'skills' AND n.id = m.skill_id
		WHERE m.mastered_at IS NOT NULL AND (? = 0 OR m.learner_id = ?)`, learner, learner)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Statement
	for rows.Next() {
		var w who
		var skill string
		var at int64
		var est float64
		var t ActivityText
		if err := rows.Scan(append([]any{&w.pseudonym, &w.name, &w.useName, &skill, &at, &est}, scanText(&t)...)...); err != nil {
			return nil, err
		}
		out = append(out, masteryStatement(w, skill, at, est, t))
	}
	return out, rows.Err()
}

// nullSession is a session id as stored: NULL for none.
func nullSession(id SessionID) sql.NullInt64 {
	return sql.NullInt64{Int64: int64(id), Valid: id != 0}
}
