package learning

import (
	"slices"
	"time"
)

// ChoiceKind says what a choice in a walkthrough does.
type ChoiceKind int8

// The kinds of choice.
const (
	ChoiceStep   ChoiceKind = iota // do a step
	ChoiceError                    // do a common error
	ChoiceFinish                   // say the procedure is complete (Test)
)

// StepChoice is one action the learner may choose in a procedure.
type StepChoice struct {
	Kind  ChoiceKind
	Index int // the step or error
	Text  string
}

// LocationAttempt is a click on the model for a location step, measured by the UI.
type LocationAttempt struct {
	Hit        string  // the structure clicked; "" for empty space
	DistanceMM float64 // from the target; meaningless when Hit is ""
}

// Action is one thing done in a Test, in order.
type Action struct {
	Kind     ChoiceKind
	Index    int
	At       time.Time
	Location *LocationAttempt // the click, for a location step
}

// FailureKind says why a Test failed.
type FailureKind int8

// The critical failures.
const (
	FailOmitted FailureKind = iota // a critical step was never done
	FailLate                       // a critical step was done after a step that needs it
	FailError                      // a critical common error was chosen
	FailAvoid                      // a click at a critical location step landed on a structure to avoid
)

// Failure is one critical error.
type Failure struct {
	Kind  FailureKind
	Step  int    // the step concerned
	Error int    // the error chosen (FailError), else -1
	Other int    // FailLate: the step done before it that needed it, else -1
	Hit   string // FailAvoid: the structure clicked
}

// OrderError is a step done while steps it needs were not yet done.
type OrderError struct {
	Step     int
	Missing  []int // the closest steps that should have come first
	Critical bool  // a critical step was among those not yet done
}

// LocationResult is how a location step's click went.
type LocationResult struct {
	DistanceMM  float64
	ToleranceMM float64
	Hit         string
	Within      bool // on target (within the tolerance)
	Avoided     bool // false when the click landed on a structure to avoid
}

// StepReport is the debrief of one step: what happened and what should have.
type StepReport struct {
	Step     int
	Position int // 1-based position among the steps done; 0 when omitted
	Wrong    int // the error done instead of it, else -1
	Order    *OrderError
	Location *LocationResult // nil when the step has no location or was not clicked
	Time     time.Duration   // from the previous action to this one
	Expected time.Duration
	Slow     bool // more than twice the expected time
	Critical bool // a critical failure concerns this step
	OK       bool // done, in order, rightly and in place
}

// ErrorReport is a common error chosen during a Test.
type ErrorReport struct {
	Error    int
	Position int // 1-based position among all actions
}

// Outcome is the scored result of a Test.
type Outcome struct {
	Passed   bool
	Score    float64 // share of steps OK, 0..1
	Failures []Failure
	Steps    []StepReport // in plan order
	Errors   []ErrorReport
	Omitted  []int
	Order    []OrderError
	Time     time.Duration
	Expected time.Duration
}

// slowFactor: a step taking more than this times its expected time is called slow.
const slowFactor = 2

// Score scores a Test run from its actions, done between start and end. A critical failure
// fails it whatever else happened; omissions, order errors, location errors and time are
// reported step by step.
func Score(pl *Plan, actions []Action, start, end time.Time) Outcome {
	sc := newScorer(pl)
	prev := start
	for _, a := range actions {
		sc.apply(a, prev)
		prev = a.At
	}
	return sc.outcome(start, end)
}

type scorer struct {
	pl      *Plan
	done    []bool
	reports []StepReport
	out     Outcome
	steps   int // steps done so far
	actions int
}

func newScorer(pl *Plan) *scorer {
	sc := &scorer{pl: pl, done: make([]bool, len(pl.Steps)), reports: make([]StepReport, len(pl.Steps))}
	for i, s := range pl.Steps {
		sc.reports[i] = StepReport{Step: i, Wrong: -1, Expected: s.Expected}
	}
	return sc
}

func (sc *scorer) apply(a Action, prev time.Time) {
	sc.actions++
	switch a.Kind {
	case ChoiceStep:
		if a.Index >= 0 && a.Index < len(sc.pl.Steps) && !sc.done[a.Index] {
			sc.complete(a.Index, a, prev, -1)
		}
	case ChoiceError:
		if a.Index < 0 || a.Index >= len(sc.pl.Errors) {
			return
		}
		e := sc.pl.Errors[a.Index]
		sc.out.Errors = append(sc.out.Errors, ErrorReport{Error: a.Index, Position: sc.actions})
		step := sc.pl.index[e.Step()]
		if e.Critical {
			sc.fail(Failure{Kind: FailError, Step: step, Error: a.Index, Other: -1})
		}
		if e.InsteadOf != "" && !sc.done[step] {
			sc.complete(step, a, prev, a.Index)
		}
	}
}

// complete marks step i done by action a (wrong: the error done instead, or -1).
func (sc *scorer) complete(i int, a Action, prev time.Time, wrong int) {
	sc.steps++
	r := &sc.reports[i]
	r.Position, r.Wrong, r.Time = sc.steps, wrong, a.At.Sub(prev)
	r.Slow = r.Expected > 0 && r.Time > slowFactor*r.Expected
	sc.done[i] = true
	if wrong < 0 {
		sc.locate(i, a.Location)
	}
}

// order finds the order errors once every step's position is known: a step done before steps
// it needs that were done later. (Steps never done are omissions, not order errors; a step
// "done" by choosing an error instead of it is reported as that error, and is not a step done
// early or late.) A critical step done after a step that needs it is a critical failure.
func (sc *scorer) order() {
	pl := sc.pl
	late := map[int]bool{}
	for _, i := range pl.order {
		r := &sc.reports[i]
		if !sc.doneRight(i) {
			continue
		}
		notYet := make([]bool, len(pl.Steps))
		for j := range pl.Steps {
			notYet[j] = !sc.doneRight(j) || sc.reports[j].Position > r.Position
		}
		closest, all := pl.missingBefore(i, invert(notYet))
		var after []int
		for _, j := range all {
			if sc.doneRight(j) && sc.reports[j].Position > r.Position {
				after = append(after, j)
			}
		}
		if len(after) == 0 {
			continue
		}
		oe := OrderError{Step: i}
		for _, j := range closest {
			if sc.doneRight(j) {
				oe.Missing = append(oe.Missing, j)
			}
		}
		if len(oe.Missing) == 0 {
			oe.Missing = after[len(after)-1:]
		}
		for _, j := range after {
			if pl.Steps[j].Critical {
				oe.Critical = true
				if !late[j] {
					late[j] = true
					sc.reports[j].Critical = true
					sc.fail(Failure{Kind: FailLate, Step: j, Error: -1, Other: i})
				}
			}
		}
		r.Order = &oe
		sc.out.Order = append(sc.out.Order, oe)
	}
}

// doneRight: step i was chosen itself, not an error instead of it.
func (sc *scorer) doneRight(i int) bool { return sc.reports[i].Position > 0 && sc.reports[i].Wrong < 0 }

func invert(b []bool) []bool {
	out := make([]bool, len(b))
	for i, x := range b {
		out[i] = !x
	}
	return out
}

func (sc *scorer) locate(i int, la *LocationAttempt) {
	s := sc.pl.Steps[i]
	if s.Location == nil || la == nil {
		return
	}
	lr := &LocationResult{DistanceMM: la.DistanceMM, ToleranceMM: s.Location.ToleranceMM, Hit: la.Hit, Avoided: true}
	lr.Within = la.Hit != "" && la.DistanceMM <= s.Location.ToleranceMM
	if la.Hit != "" && slices.Contains(s.Location.Avoid, la.Hit) {
		lr.Avoided, lr.Within = false, false
		if s.Critical {
			sc.fail(Failure{Kind: FailAvoid, Step: i, Error: -1, Other: -1, Hit: la.Hit})
			sc.reports[i].Critical = true
		}
	}
	sc.reports[i].Location = lr
}

func (sc *scorer) fail(f Failure) { sc.out.Failures = append(sc.out.Failures, f) }

func (sc *scorer) outcome(start, end time.Time) Outcome {
	sc.order()
	out := sc.out
	for i, s := range sc.pl.Steps {
		if !sc.done[i] {
			out.Omitted = append(out.Omitted, i)
			if s.Critical {
				out.Failures = append(out.Failures, Failure{Kind: FailOmitted, Step: i, Error: -1, Other: -1})
				sc.reports[i].Critical = true
			}
		}
	}
	for _, f := range out.Failures {
		if f.Kind == FailError {
			sc.reports[f.Step].Critical = true
		}
	}
	ok := 0
	for _, i := range sc.pl.order {
		r := &sc.reports[i]
		r.OK = r.Position > 0 && r.Wrong < 0 && r.Order == nil && !r.Critical &&
			(r.Location == nil || r.Location.Within)
		if r.OK {
			ok++
		}
		out.Steps = append(out.Steps, *r)
		out.Expected += r.Expected
	}
	out.Passed = len(out.Failures) == 0
	out.Score = float64(ok) / float64(len(sc.pl.Steps))
	out.Time = end.Sub(start)
	return out
}
