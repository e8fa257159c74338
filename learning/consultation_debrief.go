package learning

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/osteon/osteon/content"
)

// DebriefStage is a stage of the consultation and what happened in it.
type DebriefStage struct {
	Name    string
	Entries []DebriefEntry
}

// DebriefEntry is one reply in the debrief: what the other person said, what the learner
// replied and why it was good or poor, and a better reply with its reason where there was one.
type DebriefEntry struct {
	Move      int // index into the outcome's Moves
	Speaker   string
	Heard     string // the turn's words
	Said      string
	Why       string
	Better    string // the model reply when the learner's was not one, else ""
	BetterWhy string
	Errors    []string // the error kinds, described
	Covered   []string // "Framework: element"
	Missed    []string
	Critical  bool
	Good      bool
	// EmpathyDue: the turn called for an empathic reply; Empathic: the reply was.
	EmpathyDue, Empathic bool
}

// Debrief groups the moves of an outcome by stage (consecutive turns of one stage; a turn with
// no stage stays in the one before) and spells them out.
func Debrief(c *content.Consultation, out ConsultOutcome) []DebriefStage {
	var stages []DebriefStage
	for i, fb := range out.Moves {
		t := &c.Turns[fb.Move.Turn]
		name := t.Stage
		if len(stages) == 0 || (name != "" && name != stages[len(stages)-1].Name) {
			stages = append(stages, DebriefStage{Name: name})
		}
		st := &stages[len(stages)-1]
		st.Entries = append(st.Entries, debriefEntry(c, i, fb))
	}
	return stages
}

func debriefEntry(c *content.Consultation, i int, fb ConsultFeedback) DebriefEntry {
	t := &c.Turns[fb.Move.Turn]
	o := t.Options[fb.Move.Option]
	e := DebriefEntry{Move: i, Speaker: SpeakerOf(c, t), Heard: t.Text, Said: o.Text, Why: o.Feedback,
		Critical: fb.Critical, Good: fb.Good, EmpathyDue: fb.EmpathyDue, Empathic: fb.Empathic}
	if fb.Better >= 0 {
		e.Better, e.BetterWhy = t.Options[fb.Better].Text, t.Options[fb.Better].Feedback
	}
	for _, k := range fb.Errors {
		e.Errors = append(e.Errors, ErrorKindText(k))
	}
	for _, x := range fb.Covers {
		e.Covered = append(e.Covered, ElementName(c, x))
	}
	for _, x := range fb.Misses {
		e.Missed = append(e.Missed, ElementName(c, x))
	}
	return e
}

// SpeakerOf is who speaks turn t.
func SpeakerOf(c *content.Consultation, t *content.Turn) string {
	if t.Speaker != "" {
		return t.Speaker
	}
	return c.OtherRole
}

// ElementName names element i as "Framework: name".
func ElementName(c *content.Consultation, i int) string {
	e := c.Elements[i]
	return e.Framework + ": " + e.Name
}

// ErrorKindText describes an error kind.
func ErrorKindText(k string) string {
	if d, ok := content.ErrorKinds[k]; ok {
		return d
	}
	return k
}

// FailureText says a critical failure in words.
func FailureText(c *content.Consultation, out ConsultOutcome, f ConsultFailure) string {
	switch f.Kind {
	case ConsultCriticalReply:
		m := out.Moves[f.Move].Move
		return fmt.Sprintf("Critical reply: “%s”", c.Turns[m.Turn].Options[m.Option].Text)
	case ConsultCriticalElement:
		return "Never done: " + ElementName(c, f.Element)
	}
	return "The conversation did not reach its end"
}

// ConsultationSubject is the subject of a scenario's item and skill: "<pack>/<scenario>".
func ConsultationSubject(pack, id string) string { return pack + "/" + id }

// ConsultationItem is the item of a scenario in Test mode: "consultation:<pack>/<scenario>".
func ConsultationItem(pack, id string) (ItemID, error) {
	return NewItemID(KindConsultation, ConsultationSubject(pack, id))
}

// ConsultationSkill is the skill a scenario's Tests are evidence for: "consultation:<pack>/<scenario>".
func ConsultationSkill(pack, id string) (SkillID, error) {
	return NewSkillID(SkillConsultation, ConsultationSubject(pack, id))
}

// Detail is what an attempt keeps of a Test, as a JSON object: the result, the coverage and
// empathy counts, the failures, the missed elements, the error kinds and the path taken.
func (out ConsultOutcome) Detail(c *content.Consultation) map[string]any {
	var failures, missed, errs, path []string
	for _, f := range out.Failures {
		failures = append(failures, FailureText(c, out, f))
	}
	for _, m := range out.Missed {
		missed = append(missed, c.Elements[m.Element].ID)
	}
	for _, fb := range out.Moves {
		errs = append(errs, fb.Errors...)
		path = append(path, c.Turns[fb.Move.Turn].ID+">"+c.Turns[fb.Move.Turn].Options[fb.Move.Option].ID)
	}
	return map[string]any{"mode": "test", "passed": out.Passed, "score": out.Score, "pass_mark": out.PassMark,
		"elements": out.Elements, "covered": out.Covered, "empathy_due": out.EmpathyDue,
		"empathy_shown": out.EmpathyShown, "ended": out.Ended, "failures": failures, "missed": missed,
		"errors": errs, "path": path}
}

// ConsultationAttempt is what a consultation Test records in progress: the item and skill, the
// result, the time taken and the detail (a JSON object).
type ConsultationAttempt struct {
	Item   ItemID
	Skill  SkillID
	Passed bool
	Score  float64
	Time   time.Duration
	Detail []byte
}

// NewConsultationAttempt builds the record of a Test of scenario c from pack.
func NewConsultationAttempt(pack string, c *content.Consultation, out ConsultOutcome) (ConsultationAttempt, error) {
	item, err := ConsultationItem(pack, c.ID)
	if err != nil {
		return ConsultationAttempt{}, err
	}
	skill, err := ConsultationSkill(pack, c.ID)
	if err != nil {
		return ConsultationAttempt{}, err
	}
	detail, err := json.Marshal(out.Detail(c))
	if err != nil {
		return ConsultationAttempt{}, fmt.Errorf("learning: consultation detail: %w", err)
	}
	return ConsultationAttempt{Item: item, Skill: skill, Passed: out.Passed, Score: out.Score, Time: out.Time, Detail: detail}, nil
}
