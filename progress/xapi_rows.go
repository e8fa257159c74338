package progress

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/osteon/osteon/learning"
)

const whoCols = `l.pseudonym, l.name, l.use_name`

// eachAttemptStatement calls fn with the statement of each attempt, oldest
// first.
func (s *Store) eachAttemptStatement(ctx context.Context, learner LearnerID, fn func(Statement) error) error {
	rows, err := s.query(ctx, `SELECT `+whoCols+`, a.id, a.session_id, a.item_id, a.item_kind,
		a.pack_id, a.pack_version, a.grade, a.correct, a.score, a.response_ms, a.at
		FROM attempts a JOIN learners l ON l.id = a.learner_id WHERE ? = 0 OR a.learner_id = ?
		ORDER BY a.at, a.id`, learner, learner)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var w who
		var id, grade, respMS, at int64
		var sess sql.NullInt64
		var item, kind, pack, ver string
		var correct bool
		var score float64
		if err := rows.Scan(&w.pseudonym, &w.name, &w.useName, &id, &sess, &item, &kind, &pack, &ver,
			&grade, &correct, &score, &respMS, &at); err != nil {
			return err
		}
		st := Statement{ID: uuidFor(fmt.Sprintf("%s/attempt/%d", w.pseudonym, id)), Actor: w.agent(),
			Verb: verb(VerbAnswered), Timestamp: timestamp(at),
			Object: Activity{ObjectType: "Activity", ID: activityIRI("items", item), Definition: ActivityDefinition{
				Name: map[string]string{"en": item}, Type: "http://adlnet.gov/expapi/activities/cmi.interaction",
				InteractionType: interactionTypes[learning.ItemKind(kind)]}},
			Result: &Result{Score: &Score{Scaled: score, Raw: score, Min: 0, Max: 1}, Success: ptr(correct),
				Completion: ptr(true), Duration: isoDuration(time.Duration(respMS) * time.Millisecond),
				Extensions: map[string]any{XAPIHome + "/xapi/ext/fsrs-grade": learning.Grade(grade).String()}},
			Context: packContext(w, sess, pack, ver)}
		if k := learning.ItemKind(kind); k == learning.KindProcedureTest || k == learning.KindConsultation {
			st.Verb = verb(VerbCompleted)
			st.Object.Definition.Type = "http://adlnet.gov/expapi/activities/assessment"
			st.Object.Definition.InteractionType = ""
		}
		if err := fn(st); err != nil {
			return err
		}
	}
	return rows.Err()
}

func packContext(w who, sess sql.NullInt64, pack, ver string) *XAPIContext {
	c := &XAPIContext{Registration: registration(w, sess), Platform: "Osteon"}
	if pack != "" {
		c.ContextActivities = map[string][]Activity{"grouping": {{ObjectType: "Activity",
			ID: activityIRI("packs", pack), Definition: ActivityDefinition{Name: map[string]string{"en": pack},
				Type: "http://adlnet.gov/expapi/activities/module"}}}}
		c.Extensions = map[string]any{XAPIHome + "/xapi/ext/pack-version": ver}
	}
	return c
}

func (s *Store) drillStatements(ctx context.Context, learner LearnerID) ([]Statement, error) {
	rows, err := s.query(ctx, `SELECT `+whoCols+`, d.id, d.session_id, d.drill_id, d.pack_id,
		d.pack_version, d.at, d.duration_ms, d.trials, d.score, d.accuracy, d.speed, d.throughput
		FROM drill_runs d JOIN learners l ON l.id = d.learner_id WHERE ? = 0 OR d.learner_id = ?`, learner, learner)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Statement
	for rows.Next() {
		var w who
		var id, at, dur, trials int64
		var sess sql.NullInt64
		var drill, pack, ver string
		var score, acc, speed, tp float64
		if err := rows.Scan(&w.pseudonym, &w.name, &w.useName, &id, &sess, &drill, &pack, &ver, &at, &dur,
			&trials, &score, &acc, &speed, &tp); err != nil {
			return nil, err
		}
		ext := XAPIHome + "/xapi/ext/"
		out = append(out, Statement{ID: uuidFor(fmt.Sprintf("%s/drill/%d", w.pseudonym, id)), Actor: w.agent(),
			Verb: verb(VerbCompleted), Timestamp: timestamp(at),
			Object: Activity{ObjectType: "Activity", ID: activityIRI("drills", drill), Definition: ActivityDefinition{
				Name: map[string]string{"en": drill}, Type: "http://adlnet.gov/expapi/activities/performance"}},
			Result: &Result{Score: &Score{Scaled: acc, Raw: acc, Min: 0, Max: 1}, Completion: ptr(true),
				Duration: isoDuration(time.Duration(dur) * time.Millisecond),
				Extensions: map[string]any{ext + "drill-score": score, ext + "trials": trials,
					ext + "trials-per-minute": speed, ext + "throughput-bits-per-second": tp}},
			Context: packContext(w, sess, pack, ver)})
	}
	return out, rows.Err()
}

func (s *Store) masteryStatements(ctx context.Context, learner LearnerID) ([]Statement, error) {
	rows, err := s.query(ctx, `SELECT `+whoCols+`, m.skill_id, m.mastered_at, m.estimate
		FROM mastery m JOIN learners l ON l.id = m.learner_id
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
		if err := rows.Scan(&w.pseudonym, &w.name, &w.useName, &skill, &at, &est); err != nil {
			return nil, err
		}
		out = append(out, Statement{ID: uuidFor(fmt.Sprintf("%s/mastered/%s", w.pseudonym, skill)),
			Actor: w.agent(), Verb: verb(VerbMastered), Timestamp: timestamp(at),
			Object: Activity{ObjectType: "Activity", ID: activityIRI("skills", skill), Definition: ActivityDefinition{
				Name: map[string]string{"en": skill}, Type: "http://adlnet.gov/expapi/activities/objective"}},
			Result:  &Result{Success: ptr(true)},
			Context: &XAPIContext{Platform: "Osteon"}})
	}
	return out, rows.Err()
}
