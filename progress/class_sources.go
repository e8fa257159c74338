package progress

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/osteon/osteon/learning"
)

// ClassReportFrom builds the report from statements Osteon wrote (as
// Sender.ReadStatements returns them), keeping those timestamped in
// [from, to).
func ClassReportFrom(sts []Statement, from, to time.Time) (ClassReport, error) {
	sts = slices.Clone(sts)
	slices.SortStableFunc(sts, func(a, b Statement) int {
		return cmp.Or(strings.Compare(normTime(a.Timestamp), normTime(b.Timestamp)), cmp.Compare(extInt(a, ExtSeq), extInt(b, ExtSeq)))
	})
	var b reportBuilder
	for _, st := range sts {
		if !ours(st) || !inRange(st.Timestamp, from, to) || st.Result == nil {
			continue
		}
		who := st.Actor.Account.Name
		if st.Actor.Name != "" {
			who = st.Actor.Name
		}
		name := firstName(st.Object.Definition.Name)
		switch {
		case st.Result.Extensions[ExtItem] != nil:
			item, _ := st.Result.Extensions[ExtItem].(string)
			var skills []learning.SkillID
			raw, _ := json.Marshal(st.Result.Extensions[ExtSkills])
			json.Unmarshal(raw, &skills)
			score := 0.0
			if st.Result.Score != nil {
				score = st.Result.Score.Scaled
			}
			at, _ := time.Parse(time.RFC3339Nano, st.Timestamp)
			b.answer(who, learning.ItemID(item), name, skills, score, st.Result.Success != nil && *st.Result.Success, at)
		case st.Result.Extensions[ExtDrillScore] != nil:
			score, _ := st.Result.Extensions[ExtDrillScore].(float64)
			acc := 0.0
			if st.Result.Score != nil {
				acc = st.Result.Score.Scaled
			}
			drill, _ := st.Result.Extensions[ExtDrill].(string)
			b.drill(who, drill, name, score, acc)
		}
	}
	return b.report(from, to)
}

// normTime makes timestamps from any LRS compare as strings.
func normTime(ts string) string {
	t, err := time.Parse(time.RFC3339Nano, ts)
	if err != nil {
		return ts
	}
	return t.UTC().Format("2006-01-02T15:04:05.000000000Z")
}

func extInt(st Statement, key string) float64 {
	if st.Result == nil {
		return 0
	}
	v, _ := st.Result.Extensions[key].(float64)
	return v
}

func firstName(m map[string]string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if len(keys) == 0 {
		return ""
	}
	return m[keys[0]]
}

// ClassReport builds the report from this database's records in
// [from, to), as ClassReportFrom does from the statements it sends.
func (s *Store) ClassReport(ctx context.Context, from, to time.Time) (ClassReport, error) {
	lo, hi := int64(-1<<62), int64(1<<62)
	if !from.IsZero() {
		lo = ms(from)
	}
	if !to.IsZero() {
		hi = ms(to)
	}
	var b reportBuilder
	err := s.eachReportRow(ctx, `SELECT `+exportWho+`, a.item_id, coalesce(n.name, a.item_id), a.skills, a.score, a.correct, a.at
		FROM attempts a JOIN learners l ON l.id = a.learner_id
		LEFT JOIN activities n ON n.kind = 'items' AND n.id = a.item_id
		WHERE a.at >= ? AND a.at < ? ORDER BY a.at, a.id`, lo, hi, func(sc scanner) error {
		var who, item, name, skills string
		var score float64
		var correct bool
		var at int64
		if err := sc.Scan(&who, &item, &name, &skills, &score, &correct, &at); err != nil {
			return err
		}
		var sk []learning.SkillID
		json.Unmarshal([]byte(skills), &sk)
		b.answer(who, learning.ItemID(item), name, sk, score, correct, fromMS(at))
		return nil
	})
	if err == nil {
		err = s.eachReportRow(ctx, `SELECT `+exportWho+`, d.drill_id, coalesce(n.name, d.drill_id), d.score, d.accuracy
			FROM drill_runs d JOIN learners l ON l.id = d.learner_id
			LEFT JOIN activities n ON n.kind = 'drills' AND n.id = d.drill_id
			WHERE d.at >= ? AND d.at < ? ORDER BY d.at, d.id`, lo, hi, func(sc scanner) error {
			var who, drill, name string
			var score, acc float64
			if err := sc.Scan(&who, &drill, &name, &score, &acc); err != nil {
				return err
			}
			b.drill(who, drill, name, score, acc)
			return nil
		})
	}
	if err != nil {
		return ClassReport{}, fmt.Errorf("progress: class report: %w", err)
	}
	return b.report(from, to)
}

type scanner interface{ Scan(...any) error }

func (s *Store) eachReportRow(ctx context.Context, q string, lo, hi int64, fn func(scanner) error) error {
	rows, err := s.query(ctx, q, lo, hi)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
