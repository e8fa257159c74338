package procedures

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/progress"
)

// statusLine is the short standing shown under a procedure in the list.
func (s *procedures) statusLine(id string) string {
	st, ok := s.status[id]
	switch {
	case s.sh.Learner() == nil:
		return "Choose a profile to track your progress"
	case !ok || (!st.tried && st.prof.Trials == 0):
		return "Not tried yet"
	}
	line := fmt.Sprintf("Mastery %.0f%%", 100*st.mastery.Estimate)
	if st.mastery.Mastered {
		line = "Mastered"
	}
	switch {
	case st.prof.Proficient:
		line += fmt.Sprintf(" · proficient (%d tests)", st.prof.Trials)
	case st.prof.Trials > 0:
		line += fmt.Sprintf(" · %d of %d tests passed", st.prof.Passes, st.prof.Trials)
	}
	return line
}

// statusText is the fuller standing shown in the detail panel.
func (s *procedures) statusText(id string) string {
	if s.sh.Learner() == nil {
		return "Choose a profile (bottom left) to keep your results and see your progress."
	}
	st := s.status[id]
	msg := "Not tried yet. "
	if st.tried {
		msg = fmt.Sprintf("Mastery %.0f%% over %d answers", 100*st.mastery.Estimate, st.mastery.Evidence)
		if st.mastery.Mastered {
			msg += " (mastered)"
		}
		msg += ". "
	}
	return msg + proficiencyText(st.prof)
}

// proficiencyText says what the CUSUM over the learner's tests shows.
func proficiencyText(p learning.Proficiency) string {
	switch {
	case p.Trials == 0:
		return "Take the test to start your learning curve: a run of passes shows proficiency."
	case p.Proficient:
		return fmt.Sprintf("Proficient: your %d tests (%d passed) show a failure rate within the acceptable level (CUSUM, from test %d).",
			p.Trials, p.Passes, p.CUSUM.ProficientAt)
	}
	need := 0
	if n := len(p.CUSUM.Trace); n > 0 && p.CUSUM.Limits.S > 0 {
		need = int((p.CUSUM.Trace[n-1]+p.CUSUM.Limits.H0)/p.CUSUM.Limits.S) + 1
	}
	msg := fmt.Sprintf("%d of %d tests passed; not yet proficient (CUSUM).", p.Passes, p.Trials)
	if need > 0 {
		msg += fmt.Sprintf(" About %d passes in a row from now would show it.", need)
	}
	return msg
}

// refreshStatus reads the learner's mastery and test outcomes for every procedure in the
// background.
func (s *procedures) refreshStatus() {
	st, l, p := s.sh.Store(), s.sh.Learner(), s.pack
	if st == nil || l == nil || p == nil || len(s.entries) == 0 {
		s.status = map[string]procStatus{}
		s.list.Refresh()
		s.describe()
		return
	}
	ids := s.ids()
	s.jobs.Go(func() func() {
		out := readProcStatus(st, l.ID, p.ID, ids)
		return func() { s.setStatus(p, l.ID, out) }
	})
}

func (s *procedures) ids() []string {
	ids := make([]string, len(s.entries))
	for i, e := range s.entries {
		ids[i] = e.proc.ID
	}
	return ids
}

// setStatus shows the standing read for pack p and learner l, unless they procChanged meanwhile.
func (s *procedures) setStatus(p *content.Pack, l progress.LearnerID, out map[string]procStatus) {
	if s.pack != p || s.sh.Learner() == nil || s.sh.Learner().ID != l {
		return
	}
	s.status = out
	s.list.Refresh()
	s.describe()
}

func readProcStatus(st *progress.Store, learner progress.LearnerID, pack string, ids []string) map[string]procStatus {
	ctx := context.Background()
	out := map[string]procStatus{}
	skills := make([]learning.SkillID, 0, len(ids))
	for _, id := range ids {
		if sk, err := learning.ProcedureSkill(pack, id); err == nil {
			skills = append(skills, sk)
		}
	}
	m, err := st.SkillMastery(ctx, learner, skills)
	if err != nil {
		m = nil
	}
	for _, id := range ids {
		var ps procStatus
		sk, _ := learning.ProcedureSkill(pack, id)
		ps.mastery, ps.tried = m[sk]
		if item, err := learning.ProcedureTestItem(pack, id); err == nil {
			if outcomes, err := st.Outcomes(ctx, learner, item); err == nil {
				ps.prof = learning.ProcedureProficiency(outcomes)
			}
		}
		out[id] = ps
	}
	return out
}

// procAttempt is one answer to record, with what to do once it is saved.
type procAttempt struct {
	item   learning.ItemID
	skill  learning.SkillID
	ok     bool
	score  float64
	took   time.Duration
	detail map[string]any
	saved  func(res progress.AttemptResult, err error)
}

// record saves an procAttempt off the UI goroutine and reports back on it. It returns false when
// nobody is signed in (nothing is saved).
func (s *procedures) record(a procAttempt) bool {
	st, l, p := s.sh.Store(), s.sh.Learner(), s.pack
	if st == nil || l == nil || p == nil {
		return false
	}
	detail, err := json.Marshal(a.detail)
	if err != nil {
		detail = nil
	}
	in := progress.AttemptInput{Learner: l.ID, Item: a.item, PackID: p.ID, PackVersion: p.Version, Correct: a.ok,
		Score: a.score, Response: a.took, Skills: []learning.SkillID{a.skill}, Detail: detail}
	ids := s.ids()
	s.jobs.Go(func() func() {
		res, err := st.RecordAttempt(context.Background(), in)
		if err != nil {
			s.sh.Logf("procedures: record %s: %v", a.item, err)
		}
		status := readProcStatus(st, l.ID, p.ID, ids)
		return func() {
			s.setStatus(p, l.ID, status)
			if a.saved != nil {
				a.saved(res, err)
			}
		}
	})
	return true
}
