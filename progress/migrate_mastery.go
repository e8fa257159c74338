package progress

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/osteon/osteon/learning"
)

// recomputeMastery replaces every learner's mastery rows with the ones
// their attempts give under the current rule (learning.MasteryState.Update
// over each skill's answers, oldest first), and sets each learner's count of
// skills mastered to match. A skill first mastered under an older, laxer
// rule keeps the points it earned; its mastered_at becomes the time the
// current rule first counts it mastered, or none.
func recomputeMastery(ctx context.Context, tx *wtx) error {
	type key struct {
		learner LearnerID
		skill   learning.SkillID
	}
	rows, err := tx.Tx.QueryContext(ctx, `SELECT learner_id, skills, score, at FROM attempts
		WHERE skills <> '[]' ORDER BY learner_id, at, id`)
	if err != nil {
		return fmt.Errorf("recompute mastery: %w", err)
	}
	defer rows.Close()
	states := map[key]*SkillMastery{}
	evidence := map[key]*learning.MasteryState{}
	var order []key
	for rows.Next() {
		var l LearnerID
		var skillsJSON string
		var score float64
		var at int64
		if err := rows.Scan(&l, &skillsJSON, &score, &at); err != nil {
			return fmt.Errorf("recompute mastery: %w", err)
		}
		var skills []learning.SkillID
		if json.Unmarshal([]byte(skillsJSON), &skills) != nil {
			continue // not written by this program; nothing to count
		}
		when := fromMS(at)
		for _, sk := range skills {
			k := key{l, sk}
			st := evidence[k]
			if st == nil {
				st, states[k] = &learning.MasteryState{}, &SkillMastery{Skill: sk}
				evidence[k] = st
				order = append(order, k)
			}
			*st = st.Update(learning.DefaultMasteryParams(sk.Kind()), score, when)
			m := states[k]
			if st.Mastered && m.MasteredAt.IsZero() {
				m.MasteredAt = when
			}
			m.UpdatedAt = when
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("recompute mastery: %w", err)
	}
	rows.Close()
	if _, err := tx.Tx.ExecContext(ctx, `DELETE FROM mastery`); err != nil {
		return fmt.Errorf("recompute mastery: %w", err)
	}
	for _, k := range order {
		if err := saveMastery(ctx, tx, k.learner, *states[k], *evidence[k]); err != nil {
			return fmt.Errorf("recompute mastery of learner %d, %s: %w", k.learner, k.skill, err)
		}
	}
	_, err = tx.Tx.ExecContext(ctx, `UPDATE learner_stats SET mastered =
		(SELECT count(*) FROM mastery m WHERE m.learner_id = learner_stats.learner_id AND m.mastered = 1)`)
	if err != nil {
		return fmt.Errorf("recompute mastery: %w", err)
	}
	return nil
}
