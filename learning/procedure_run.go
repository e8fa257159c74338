package learning

import (
	"math/rand/v2"
	"time"
)

// Test runs a procedure with no hints: the learner picks each next action from every step not
// yet done and the common errors of those steps (in an order shuffled once per run), clicks the
// site for location steps, and finishes when they think the procedure is complete. Nothing is
// judged until Finish.
type Test struct {
	plan     *Plan
	start    time.Time
	pool     []StepChoice // every step and error, in this run's order
	done     []bool
	used     []bool // errors chosen
	actions  []Action
	awaiting int // step waiting for its click, or -1
	chosenAt time.Time
	finished bool
}

// NewTest starts a Test at start; seed fixes the order the choices are listed in.
func NewTest(pl *Plan, seed uint64, start time.Time) *Test {
	t := &Test{plan: pl, start: start, done: make([]bool, len(pl.Steps)), used: make([]bool, len(pl.Errors)), awaiting: -1}
	for i, s := range pl.Steps {
		t.pool = append(t.pool, StepChoice{Kind: ChoiceStep, Index: i, Text: s.Instruction})
	}
	for k, e := range pl.Errors {
		t.pool = append(t.pool, StepChoice{Kind: ChoiceError, Index: k, Text: e.Text})
	}
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	r.Shuffle(len(t.pool), func(i, j int) { t.pool[i], t.pool[j] = t.pool[j], t.pool[i] })
	return t
}

// Plan is the procedure being tested.
func (t *Test) Plan() *Plan { return t.plan }

// Choices lists what may be done next: the steps not done, the errors of those steps not yet
// chosen, and, last, Finish.
func (t *Test) Choices() []StepChoice {
	if t.finished || t.awaiting >= 0 {
		return nil
	}
	var out []StepChoice
	for _, c := range t.pool {
		switch c.Kind {
		case ChoiceStep:
			if !t.done[c.Index] {
				out = append(out, c)
			}
		case ChoiceError:
			if !t.used[c.Index] && !t.done[t.plan.index[t.plan.Errors[c.Index].Step()]] {
				out = append(out, c)
			}
		}
	}
	return append(out, StepChoice{Kind: ChoiceFinish, Index: -1, Text: "The procedure is complete"})
}

// Choose does choice c at time at. For a location step it returns true: the step is done once
// Locate gives the click. Choosing Finish ends the test (see Finish).
func (t *Test) Choose(c StepChoice, at time.Time) (needLocation bool) {
	if t.finished || t.awaiting >= 0 {
		return false
	}
	switch c.Kind {
	case ChoiceFinish:
		t.finished = true
		return false
	case ChoiceStep:
		if c.Index < 0 || c.Index >= len(t.done) || t.done[c.Index] {
			return false
		}
		if t.plan.Steps[c.Index].Location != nil {
			t.awaiting, t.chosenAt = c.Index, at
			return true
		}
		t.done[c.Index] = true
	case ChoiceError:
		if c.Index < 0 || c.Index >= len(t.used) || t.used[c.Index] {
			return false
		}
		t.used[c.Index] = true
		if e := t.plan.Errors[c.Index]; e.InsteadOf != "" {
			t.done[t.plan.index[e.InsteadOf]] = true
		}
	}
	t.actions = append(t.actions, Action{Kind: c.Kind, Index: c.Index, At: at})
	return false
}

// Awaiting is the step waiting for a click on the model, if any.
func (t *Test) Awaiting() (int, bool) { return t.awaiting, t.awaiting >= 0 }

// Locate gives the click for the step waiting for one, done at time at.
func (t *Test) Locate(la LocationAttempt, at time.Time) {
	if t.awaiting < 0 {
		return
	}
	i := t.awaiting
	t.awaiting = -1
	t.done[i] = true
	t.actions = append(t.actions, Action{Kind: ChoiceStep, Index: i, At: at, Location: &la})
}

// SkipLocation does the waiting step without a click (when there is no model to click).
func (t *Test) SkipLocation(at time.Time) {
	if t.awaiting < 0 {
		return
	}
	i := t.awaiting
	t.awaiting = -1
	t.done[i] = true
	t.actions = append(t.actions, Action{Kind: ChoiceStep, Index: i, At: at})
}

// Done reports whether every step has been done (or the learner chose Finish).
func (t *Test) Done() bool {
	if t.finished {
		return true
	}
	for _, d := range t.done {
		if !d {
			return false
		}
	}
	return t.awaiting < 0
}

// Actions is what was done so far, in order.
func (t *Test) Actions() []Action { return append([]Action(nil), t.actions...) }

// Finish ends the test at end and scores it.
func (t *Test) Finish(end time.Time) Outcome {
	t.finished = true
	return Score(t.plan, t.actions, t.start, end)
}
