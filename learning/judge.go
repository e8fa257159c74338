package learning

import "time"

// Answer is a learner's answer to a [Question].
type Answer struct {
	Choice int    // index of the choice taken, -1 for none
	Typed  string // a typed name
	Picked string // the structure clicked, for a find question
	GaveUp bool   // "I don't know"
}

// Judgement is what an answer earns: whether it is right, the verdict on a
// typed name, and its FSRS grade.
type Judgement struct {
	Correct bool
	Verdict Verdict // for typed names; zero otherwise
	Grade   Grade
}

// Judge decides whether a is the right answer to q, given response after
// the question was shown: giving up is wrong; a find question wants the
// target clicked; a typed name is judged by [Bank.JudgeTyped]; a choice must
// be the right one. The grade comes from [GradeItem].
func (b *Bank) Judge(q Question, a Answer, response time.Duration) Judgement {
	var j Judgement
	switch kind := q.Item.Kind(); {
	case a.GaveUp:
	case kind == KindFind:
		j.Correct = a.Picked != "" && a.Picked == q.Target
	case kind == KindNameTyped:
		j.Verdict = b.JudgeTyped(q.Target, a.Typed, q.SideGiven)
		j.Correct = j.Verdict.Correct
	default:
		j.Correct = q.IsRight(a.Choice)
	}
	j.Grade = GradeItem(q.Item.Kind(), j.Correct, response)
	return j
}
