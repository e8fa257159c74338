package consultations

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/progress"
	"github.com/osteon/osteon/ui/kit"
)

// statusLine is the short standing shown under a scenario in the list.
func (s *Screen) statusLine(id string) string {
	st, ok := s.status[id]
	switch {
	case s.sh.Learner() == nil:
		return "Choose a profile to track your progress"
	case !ok || (!st.tried && st.prof.Trials == 0):
		return "Not tested yet"
	}
	line := fmt.Sprintf("Mastery %.0f%%", 100*st.mastery.Estimate)
	if st.mastery.Mastered {
		line = "Mastered"
	}
	switch {
	case st.prof.Proficient:
		line += fmt.Sprintf(" · proficient (CUSUM, %d tests)", st.prof.Trials)
	case st.prof.Trials > 0:
		line += fmt.Sprintf(" · %d of %d tests passed", st.prof.Passes, st.prof.Trials)
	}
	return line
}

// standingText is the fuller standing shown in the detail panel.
func (s *Screen) standingText(id string) string {
	if s.sh.Learner() == nil {
		return "Choose a profile (bottom left) to keep your results and see your progress."
	}
	st := s.status[id]
	p := st.prof
	switch {
	case p.Trials == 0:
		return "Not tested yet. Take the Test to start your learning curve: a run of passes shows proficiency."
	case p.Proficient:
		return fmt.Sprintf("Mastery %.0f%%. Proficient: your %d tests (%d passed) show a failure rate within the acceptable level (CUSUM, from test %d).",
			100*st.mastery.Estimate, p.Trials, p.Passes, p.CUSUM.ProficientAt)
	}
	msg := fmt.Sprintf("Mastery %.0f%%. %d of %d tests passed; not yet proficient (CUSUM).", 100*st.mastery.Estimate, p.Passes, p.Trials)
	if n := p.PassesNeeded(); n > 0 {
		msg += fmt.Sprintf(" About %s in a row from now would show it.", kit.Plural(n, "pass", "passes"))
	}
	return msg
}

// describe fills the detail panel: what the chosen scenario practises, who the learner plays,
// the frameworks scored, the learner's standing and the sources.
func (s *Screen) describe() {
	c := s.current()
	if c == nil {
		kit.SetVisible(s.modes, false, s.right)
		msg := "Choose a consultation to watch a model conversation (Learn), practise with feedback after each reply, or test yourself."
		if len(s.shown) == 0 {
			msg = "No consultations to show."
		}
		s.detail.Segments = []widget.RichTextSegment{kit.Para(msg),
			kit.Italic("Keys: ↑ ↓ choose a consultation, L Learn, P Practise, T Test; in a run 1-5 pick a reply, Enter says it, Esc leaves.")}
		s.detail.Refresh()
		return
	}
	segs := []widget.RichTextSegment{kit.Heading(c.Title)}
	if c.Summary != "" {
		segs = append(segs, kit.Para(c.Summary))
	}
	segs = append(segs, kit.Field("You are", c.LearnerRole), kit.Field("Speaking with", c.OtherRole))
	if c.Setting != "" {
		segs = append(segs, kit.Field("Setting", c.Setting))
	}
	segs = append(segs, kit.Field("For", strings.Join(c.Professions, ", ")))
	if c.Procedure != "" {
		segs = append(segs, kit.Field("Leads into the procedure", c.Procedure))
	}
	segs = append(segs, kit.Subheading("Scored against"))
	for _, line := range frameworkLines(c) {
		segs = append(segs, kit.Bullet(line))
	}
	segs = append(segs, kit.Para(fmt.Sprintf("A Test passes at %.0f%% with no critical error.", 100*c.PassMark)),
		kit.Subheading("Your progress"), kit.Para(s.standingText(c.ID)))
	if len(c.References) > 0 {
		segs = append(segs, kit.Subheading("Follows"))
		for _, r := range c.References {
			segs = append(segs, kit.Bullet(r))
		}
	}
	segs = append(segs, kit.Italic("A teaching scenario: it does not replace supervised practice or your local policy."))
	s.detail.Segments = segs
	s.detail.Refresh()
	kit.SetVisible(s.modes, true, s.right)
}

// frameworkLines says which elements of which frameworks a scenario scores, critical ones marked.
func frameworkLines(c *content.Consultation) []string {
	var order []string
	by := map[string][]string{}
	for _, e := range c.Elements {
		if _, ok := by[e.Framework]; !ok {
			order = append(order, e.Framework)
		}
		name := e.Name
		if e.Critical {
			name += " (critical)"
		}
		by[e.Framework] = append(by[e.Framework], name)
	}
	out := make([]string, len(order))
	for i, f := range order {
		out[i] = f + ": " + strings.Join(by[f], "; ")
	}
	return out
}

// refreshStatus reads the learner's mastery and Test outcomes for every scenario.
func (s *Screen) refreshStatus() {
	st, l, p := s.sh.Store(), s.sh.Learner(), s.pack
	if st == nil || l == nil || p == nil || len(s.all) == 0 {
		s.status = map[string]standing{}
		s.list.Refresh()
		s.describe()
		return
	}
	ids := make([]string, len(s.all))
	for i, c := range s.all {
		ids[i] = c.ID
	}
	s.jobs.Go(func() func() {
		out := readStanding(st, l.ID, p.ID, ids)
		return func() {
			if s.pack != p || s.sh.Learner() == nil || s.sh.Learner().ID != l.ID {
				return
			}
			s.status = out
			s.list.Refresh()
			if s.run == nil {
				s.describe()
			}
		}
	})
}

// readStanding reads mastery and the CUSUM of Test outcomes for each scenario.
func readStanding(st *progress.Store, learner progress.LearnerID, pack string, ids []string) map[string]standing {
	ctx := context.Background()
	skills := make([]learning.SkillID, 0, len(ids))
	for _, id := range ids {
		if sk, err := learning.ConsultationSkill(pack, id); err == nil {
			skills = append(skills, sk)
		}
	}
	m, err := st.SkillMastery(ctx, learner, skills)
	if err != nil {
		m = nil
	}
	out := map[string]standing{}
	for _, id := range ids {
		var ps standing
		sk, _ := learning.ConsultationSkill(pack, id)
		ps.mastery, ps.tried = m[sk]
		if item, err := learning.ConsultationItem(pack, id); err == nil {
			if outcomes, err := st.Outcomes(ctx, learner, item); err == nil {
				ps.prof = learning.ProcedureProficiency(outcomes)
			}
		}
		out[id] = ps
	}
	return out
}

// record saves a Test's attempt off the UI goroutine, then reads the standing again; done is
// told whether it was saved. It returns false when nobody is signed in.
func (s *Screen) record(c *content.Consultation, out learning.ConsultOutcome, done func(error)) bool {
	st, l, p := s.sh.Store(), s.sh.Learner(), s.pack
	if st == nil || l == nil || p == nil {
		return false
	}
	a, err := learning.NewConsultationAttempt(p.ID, c, out)
	if err != nil {
		done(err)
		return true
	}
	in := progress.AttemptInput{Learner: l.ID, Item: a.Item, PackID: p.ID, PackVersion: p.Version, Correct: a.Passed,
		Score: a.Score, Response: a.Time, Skills: []learning.SkillID{a.Skill}, Detail: a.Detail}
	s.jobs.Go(func() func() {
		_, err := st.RecordAttempt(context.Background(), in)
		if err != nil {
			s.sh.Logf("consultations: record %s: %v", a.Item, err)
		}
		return func() {
			done(err)
			s.refreshStatus()
		}
	})
	return true
}
