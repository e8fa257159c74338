package learning

// Answer is a learner's answer to a Question: a structure clicked (find), a name typed
// (name-typed), the index of a choice (name-choice, MCQ; -1 for none), or "I don't know".
type Answer struct {
	Picked string
	Typed  string
	Choice int
	GaveUp bool
}

// Judge decides whether a is the right answer to q, the one grading path for every kind of
// question: a find is right when the target was clicked, a typed name as JudgeTyped rules (its
// Verdict says how it matched), a choice when it is the answer. "I don't know" is never right.
func (b *Bank) Judge(q Question, a Answer) (bool, Verdict) {
	switch {
	case a.GaveUp:
		return false, Verdict{}
	case q.Item.Kind() == KindFind:
		return a.Picked != "" && a.Picked == q.Target, Verdict{}
	case q.Item.Kind() == KindNameTyped:
		v := b.JudgeTyped(q.Target, a.Typed, q.SideGiven)
		return v.Correct, v
	}
	return q.IsRight(a.Choice), Verdict{}
}
