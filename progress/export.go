package progress

import (
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// AllLearners, given as the learner of an export, exports every learner:
// an instructor's export from the command line. The app passes the
// signed-in learner, so one learner never exports another's attempts.
const AllLearners LearnerID = 0

// exportWho is how exports name learners: the pseudonym unless the learner
// chose to be named.
const exportWho = `CASE WHEN l.use_name = 1 THEN l.name ELSE l.pseudonym END`

// AttemptsCSVHeader is the first row of ExportAttemptsCSV.
var AttemptsCSVHeader = []string{"attempt_id", "learner", "session_id", "item_id", "item_kind", "pack_id",
	"pack_version", "grade", "correct", "score", "response_ms", "at", "points", "skills", "detail"}

// MasteryCSVHeader is the first row of ExportMasteryCSV.
var MasteryCSVHeader = []string{"learner", "skill_id", "skill_kind", "estimate", "evidence", "mastered",
	"mastered_at", "updated_at"}

// ExportAttemptsCSV writes the learner's attempts (or AllLearners'),
// oldest first, as RFC 4180 CSV with AttemptsCSVHeader. Times are RFC 3339
// UTC; skills are separated by ';'; detail is the JSON object.
func (s *Store) ExportAttemptsCSV(ctx context.Context, w io.Writer, learner LearnerID) error {
	rows, err := s.query(ctx, `SELECT a.id, `+exportWho+`, coalesce(a.session_id, ''), a.item_id,
		a.item_kind, a.pack_id, a.pack_version, a.grade, a.correct, a.score, a.response_ms, a.at, a.points,
		a.skills, a.detail FROM attempts a JOIN learners l ON l.id = a.learner_id
		WHERE ? = 0 OR a.learner_id = ? ORDER BY a.at, a.id`, learner, learner)
	if err != nil {
		return fmt.Errorf("progress: export attempts: %w", err)
	}
	defer rows.Close()
	cw := csv.NewWriter(w)
	cw.Write(AttemptsCSVHeader)
	for rows.Next() {
		var id, grade, respMS, at, points int64
		var who, sess, item, kind, pack, ver, skills, detail string
		var correct bool
		var score float64
		if err := rows.Scan(&id, &who, &sess, &item, &kind, &pack, &ver, &grade, &correct, &score,
			&respMS, &at, &points, &skills, &detail); err != nil {
			return fmt.Errorf("progress: export attempts: %w", err)
		}
		var sk []string
		json.Unmarshal([]byte(skills), &sk)
		cw.Write([]string{itoa(id), cell(who), sess, cell(item), cell(kind), cell(pack), cell(ver), itoa(grade),
			strconv.FormatBool(correct), ftoa(score), itoa(respMS), rfc3339(at), itoa(points),
			cell(strings.Join(sk, ";")), cell(detail)})
	}
	return finishCSV(cw, rows, "attempts")
}

// ExportMasteryCSV writes the learner's mastery (or AllLearners') as CSV
// with MasteryCSVHeader, by learner and skill.
func (s *Store) ExportMasteryCSV(ctx context.Context, w io.Writer, learner LearnerID) error {
	rows, err := s.query(ctx, `SELECT `+exportWho+`, m.skill_id, m.skill_kind, m.estimate,
		m.evidence, m.mastered, m.mastered_at, m.updated_at FROM mastery m JOIN learners l ON l.id = m.learner_id
		WHERE ? = 0 OR m.learner_id = ? ORDER BY l.id, m.skill_id`, learner, learner)
	if err != nil {
		return fmt.Errorf("progress: export mastery: %w", err)
	}
	defer rows.Close()
	cw := csv.NewWriter(w)
	cw.Write(MasteryCSVHeader)
	for rows.Next() {
		var who, skill, kind string
		var est float64
		var evidence, updated int64
		var mastered bool
		var masteredAt sql.NullInt64
		if err := rows.Scan(&who, &skill, &kind, &est, &evidence, &mastered, &masteredAt, &updated); err != nil {
			return fmt.Errorf("progress: export mastery: %w", err)
		}
		at := ""
		if masteredAt.Valid {
			at = rfc3339(masteredAt.Int64)
		}
		cw.Write([]string{cell(who), cell(skill), cell(kind), ftoa(est), itoa(evidence),
			strconv.FormatBool(mastered), at, rfc3339(updated)})
	}
	return finishCSV(cw, rows, "mastery")
}

func finishCSV(cw *csv.Writer, rows *sql.Rows, what string) error {
	if err := rows.Err(); err != nil {
		return fmt.Errorf("progress: export %s: %w", what, err)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("progress: export %s: %w", what, err)
	}
	return nil
}

// cell defuses spreadsheet formulas: a text cell starting with = + - @ or a
// tab or carriage return gets a leading apostrophe (OWASP's advice for CSV
// injection), since names and pack ids come from people.
func cell(v string) string {
	if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
		return "'" + v
	}
	return v
}

func itoa(v int64) string { return strconv.FormatInt(v, 10) }

func ftoa(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

func rfc3339(msec int64) string { return fromMS(msec).Format("2006-01-02T15:04:05.000Z07:00") }
