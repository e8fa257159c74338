package progress

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"time"
	"unicode/utf8"

	"github.com/osteon/osteon/learning"
)

// AttemptID identifies an attempt.
type AttemptID int64

// AttemptInput is one answer to record.
type AttemptInput struct {
	Learner     LearnerID
	Session     SessionID // 0 when outside a session
	Item        learning.ItemID
	PackID      string
	PackVersion string
	Correct     bool
	// Score in [0,1] is the evidence for mastery and the xAPI scaled
	// score. 0 means "from Correct": 1 if right, 0 if wrong. Use it for
	// partial credit.
	Score float64
	// Grade for FSRS, as learning.Bank.Judge or learning.GradeItem gave
	// it; 0 means learning.GradeItem(kind, Correct, Response), the same
	// rule.
	Grade    learning.Grade
	Response time.Duration
	// Skills the answer is evidence for (structure, region, system,
	// procedure); each gets a mastery update.
	Skills []learning.SkillID
	// Detail is any JSON object (nil for none), e.g. what was clicked.
	Detail json.RawMessage
	// Text names the item in the pack's language for the statements sent
	// to an LRS; empty leaves the name the item had, or its id.
	Text ActivityText
}

// Attempt is a recorded answer.
type Attempt struct {
	ID          AttemptID
	Learner     LearnerID
	Session     SessionID
	Item        learning.ItemID
	Kind        learning.ItemKind
	PackID      string
	PackVersion string
	Grade       learning.Grade
	Correct     bool
	Score       float64
	Response    time.Duration
	At          time.Time
	Points      int
	Skills      []learning.SkillID
	Detail      json.RawMessage
}

// AttemptResult is what recording an answer changed.
type AttemptResult struct {
	ID            AttemptID
	At            time.Time
	Grade         learning.Grade
	Card          learning.Card      // the item's new memory state
	Mastery       []SkillMastery     // the attempt's skills after the update
	NewlyMastered []learning.SkillID // skills mastered for the first time
	Points        int                // earned, milestone bonuses included
	Milestones    []Milestone        // reached by this attempt
	Streak        Streak
}

const qInsertAttempt = `INSERT INTO attempts (learner_id, session_id, item_id, item_kind,
	pack_id, pack_version, grade, correct, score, response_ms, at, points, skills, detail)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`

// maxDetail bounds the JSON detail of attempts and drill runs.
const maxDetail = 64 << 10

type attemptRow struct {
	in     AttemptInput
	kind   learning.ItemKind
	skills string
	detail string
}

// normalize validates in and fills its defaults.
func normalize(in AttemptInput) (attemptRow, error) {
	if _, err := learning.ParseItemID(string(in.Item)); err != nil {
		return attemptRow{}, invalid("%v", err)
	}
	if math.IsNaN(in.Score) || in.Score < 0 || in.Score > 1 {
		return attemptRow{}, invalid("score %v outside [0,1]", in.Score)
	}
	if in.Score == 0 && in.Correct {
		in.Score = 1
	}
	if in.Response < 0 {
		return attemptRow{}, invalid("negative response time %v", in.Response)
	}
	kind := in.Item.Kind()
	if in.Grade == 0 {
		in.Grade = learning.GradeItem(kind, in.Correct, in.Response)
	}
	if !in.Grade.Valid() {
		return attemptRow{}, invalid("grade %d", in.Grade)
	}
	if len(in.PackID) > 256 || len(in.PackVersion) > 64 {
		return attemptRow{}, invalid("pack id or version too long")
	}
	in.Text = in.Text.clip()
	seen := map[learning.SkillID]bool{}
	for _, sk := range in.Skills {
		if _, err := learning.ParseSkillID(string(sk)); err != nil {
			return attemptRow{}, invalid("%v", err)
		}
		if seen[sk] {
			return attemptRow{}, invalid("skill %q listed twice", sk)
		}
		seen[sk] = true
	}
	skills, _ := json.Marshal(in.Skills)
	if in.Skills == nil {
		skills = []byte("[]")
	}
	detail, err := cleanDetail(in.Detail)
	if err != nil {
		return attemptRow{}, err
	}
	return attemptRow{in: in, kind: kind, skills: string(skills), detail: detail}, nil
}

// cleanDetail checks that d is empty or one JSON object, and compacts it.
func cleanDetail(d json.RawMessage) (string, error) {
	if len(bytes.TrimSpace(d)) == 0 {
		return "{}", nil
	}
	if len(d) > maxDetail {
		return "", invalid("detail longer than %d bytes", maxDetail)
	}
	if !utf8.Valid(d) {
		return "", invalid("detail is not UTF-8")
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(d, &obj); err != nil || obj == nil {
		return "", invalid("detail must be a JSON object")
	}
	var buf bytes.Buffer
	if err := json.Compact(&buf, d); err != nil {
		return "", invalid("detail: %v", err)
	}
	return buf.String(), nil
}

// basePoints: 10 for a right answer, in proportion for partial credit.
func basePoints(score float64) int { return int(math.Round(10 * score)) }

// masteryBonus is awarded each time a skill is mastered for the first time.
const masteryBonus = 20

// RecordAttempt records one answer and everything it changes, in one
// transaction: the attempt, the item's new FSRS memory state, the mastery
// of each skill, points, streak and milestones. When it returns nil, the
// transaction has been committed with synchronous=FULL, so the answer
// survives a crash or power cut.
func (s *Store) RecordAttempt(ctx context.Context, in AttemptInput) (AttemptResult, error) {
	row, err := normalize(in)
	if err != nil {
		return AttemptResult{}, fmt.Errorf("progress: record attempt: %w", err)
	}
	now := s.now()
	var res AttemptResult
	err = s.tx(ctx, func(tx *wtx) error {
		res = AttemptResult{At: now, Grade: row.in.Grade}
		return s.recordAttempt(ctx, tx, row, now, &res)
	})
	if err != nil {
		return AttemptResult{}, fmt.Errorf("progress: record attempt: %w", err)
	}
	return res, nil
}

func (s *Store) recordAttempt(ctx context.Context, tx *wtx, row attemptRow, now time.Time, res *AttemptResult) error {
	in := row.in
	if err := checkOwner(ctx, tx, in.Learner, in.Session); err != nil {
		return err
	}
	card, err := loadCard(ctx, tx, in.Learner, in.Item, now)
	if err != nil {
		return err
	}
	if res.Card, err = s.scheduler().Review(card, now, in.Grade); err != nil {
		return err
	}
	if err := saveCard(ctx, tx, in.Learner, in.Item, res.Card); err != nil {
		return err
	}
	mastered := 0 // change in the number of skills mastered now
	for _, sk := range in.Skills {
		c, err := updateMastery(ctx, tx, in.Learner, sk, in.Score, now)
		if err != nil {
			return err
		}
		res.Mastery = append(res.Mastery, c.now)
		if c.first {
			res.NewlyMastered = append(res.NewlyMastered, sk)
		}
		mastered += c.delta
	}
	points := basePoints(in.Score) + masteryBonus*len(res.NewlyMastered)
	err = tx.QueryRowContext(ctx, qInsertAttempt,
		in.Learner, sql.NullInt64{Int64: int64(in.Session), Valid: in.Session != 0}, in.Item, row.kind,
		in.PackID, in.PackVersion, in.Grade, in.Correct, in.Score, in.Response.Milliseconds(),
		ms(now), points, row.skills, row.detail).Scan(&res.ID)
	if err != nil {
		return err
	}
	rw, err := s.reward(ctx, tx, in.Learner, now, gain{
		points: points, attempts: 1, correct: b2i(in.Correct), mastered: mastered})
	if err != nil {
		return err
	}
	res.Points, res.Milestones, res.Streak = points+rw.bonus, rw.milestones, rw.streak
	if err := nameActivity(ctx, tx, "items", string(in.Item), itemText(string(in.Item), in.Text)); err != nil {
		return err
	}
	return queueAttempt(ctx, tx, row, res, now)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
