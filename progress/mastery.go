package progress

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/osteon/osteon/learning"
)

// SkillMastery is a learner's mastery of one skill.
type SkillMastery struct {
	Skill      learning.SkillID
	Estimate   float64 // learning.MasteryState.Estimate: ≥ learning.MasteryThreshold exactly when Mastered
	Evidence   int     // answers counted
	Occasions  int     // separate occasions with answers (learning.MasteryParams.Spacing apart)
	Mastered   bool
	MasteredAt time.Time // first time mastered; zero if never
	UpdatedAt  time.Time
}

const masteryCols = `skill_id, weighted_sum, weight, evidence, occasions, occasion_at, mastered, mastered_at, updated_at`

func scanMastery(sc interface{ Scan(...any) error }) (SkillMastery, learning.MasteryState, error) {
	var m SkillMastery
	var st learning.MasteryState
	var mastered, occasion sql.NullInt64
	var updated int64
	err := sc.Scan(&m.Skill, &st.WeightedSum, &st.Weight, &st.Evidence, &st.Occasions, &occasion,
		&st.Mastered, &mastered, &updated)
	st.OccasionAt = fromNullMS(occasion)
	m.Estimate, m.Evidence, m.Occasions, m.Mastered = st.Estimate(), st.Evidence, st.Occasions, st.Mastered
	m.MasteredAt, m.UpdatedAt = fromNullMS(mastered), fromMS(updated)
	return m, st, err
}

const (
	qLoadMastery = `SELECT ` + masteryCols + ` FROM mastery WHERE learner_id = ? AND skill_id = ?`
	qSaveMastery = `INSERT INTO mastery (learner_id, skill_id, skill_kind, weighted_sum,
	weight, evidence, occasions, occasion_at, estimate, mastered, mastered_at, updated_at)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT (learner_id, skill_id) DO UPDATE SET weighted_sum = excluded.weighted_sum,
	weight = excluded.weight, evidence = excluded.evidence, occasions = excluded.occasions,
	occasion_at = excluded.occasion_at, estimate = excluded.estimate,
	mastered = excluded.mastered, mastered_at = excluded.mastered_at, updated_at = excluded.updated_at`
)

// masteryChange is what one answer did to a skill's mastery.
type masteryChange struct {
	now   SkillMastery
	first bool // mastered for the first time
	delta int  // +1 became mastered, -1 stopped being mastered, 0 neither
}

// updateMastery adds one answer scored x at now to the learner's evidence
// for skill.
func updateMastery(ctx context.Context, tx *wtx, learner LearnerID, skill learning.SkillID, x float64, now time.Time) (masteryChange, error) {
	m, st, err := scanMastery(tx.QueryRowContext(ctx, qLoadMastery, learner, skill))
	if errors.Is(err, sql.ErrNoRows) {
		m, st, err = SkillMastery{Skill: skill}, learning.MasteryState{}, nil
	}
	if err != nil {
		return masteryChange{}, err
	}
	was := st.Mastered
	st = st.Update(learning.DefaultMasteryParams(skill.Kind()), x, now)
	c := masteryChange{first: st.Mastered && m.MasteredAt.IsZero(), delta: b2i(st.Mastered) - b2i(was)}
	if c.first {
		m.MasteredAt = now
	}
	m.Estimate, m.Evidence, m.Occasions, m.Mastered, m.UpdatedAt = st.Estimate(), st.Evidence, st.Occasions, st.Mastered, now
	c.now = m
	return c, saveMastery(ctx, tx, learner, m, st)
}

func saveMastery(ctx context.Context, tx *wtx, learner LearnerID, m SkillMastery, st learning.MasteryState) error {
	_, err := tx.ExecContext(ctx, qSaveMastery,
		learner, m.Skill, m.Skill.Kind(), st.WeightedSum, st.Weight, st.Evidence, st.Occasions,
		nullMS(st.OccasionAt), st.Estimate(), st.Mastered, nullMS(m.MasteredAt), ms(m.UpdatedAt))
	return err
}

// Mastery lists the learner's mastery of every skill of one kind that has
// evidence, ordered by skill id: mastery by system with
// learning.SkillSystem, by region with learning.SkillRegion. Skills with
// no row have had no answers.
func (s *Store) Mastery(ctx context.Context, learner LearnerID, kind learning.SkillKind) ([]SkillMastery, error) {
	// Skill ids start with "<kind>:", so one kind is the primary-key range
	// ["<kind>:", "<kind>;") (';' follows ':').
	return s.queryMastery(ctx, "mastery", `SELECT `+masteryCols+` FROM mastery
		WHERE learner_id = ? AND skill_id >= ? AND skill_id < ? ORDER BY skill_id`,
		learner, string(kind)+":", string(kind)+";")
}

// WeakestSkills lists up to limit of the learner's skills of one kind,
// lowest estimate first (ties: less evidence first). Skills never
// practised are not listed; a caller that knows the pack's skills should
// treat them as weakest of all.
func (s *Store) WeakestSkills(ctx context.Context, learner LearnerID, kind learning.SkillKind, limit int) ([]SkillMastery, error) {
	return s.queryMastery(ctx, "weakest skills", `SELECT `+masteryCols+` FROM mastery
		WHERE learner_id = ? AND skill_kind = ? ORDER BY estimate, evidence, skill_id LIMIT ?`,
		learner, kind, limit)
}

// SkillMastery returns the learner's mastery of the given skills; skills
// with no evidence are missing from the map.
func (s *Store) SkillMastery(ctx context.Context, learner LearnerID, skills []learning.SkillID) (map[learning.SkillID]SkillMastery, error) {
	out := make(map[learning.SkillID]SkillMastery, len(skills))
	for len(skills) > 0 {
		n := min(500, len(skills))
		args := []any{learner}
		for _, sk := range skills[:n] {
			args = append(args, sk)
		}
		skills = skills[n:]
		ms, err := s.queryMastery(ctx, "skill mastery", `SELECT `+masteryCols+` FROM mastery
			WHERE learner_id = ? AND skill_id IN (?`+strings.Repeat(",?", n-1)+`)`, args...)
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			out[m.Skill] = m
		}
	}
	return out, nil
}

func (s *Store) queryMastery(ctx context.Context, what, q string, args ...any) ([]SkillMastery, error) {
	rows, err := s.query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("progress: %s: %w", what, err)
	}
	defer rows.Close()
	var out []SkillMastery
	for rows.Next() {
		m, _, err := scanMastery(rows)
		if err != nil {
			return nil, fmt.Errorf("progress: %s: %w", what, err)
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("progress: %s: %w", what, err)
	}
	return out, nil
}
