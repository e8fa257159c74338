package learning

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Procedure is a clinical procedure as the walkthrough needs it: steps in a correct order with
// their order rules, and the common errors offered as wrong choices. The UI fills it from a
// pack's procedures file.
type Procedure struct {
	ID     string
	Title  string
	Steps  []ProcedureStep
	Errors []ProcedureError
}

// ProcedureStep is one step.
type ProcedureStep struct {
	ID          string
	Instruction string
	Rationale   string
	// Group names a run of consecutive steps whose order among themselves is free. Every step
	// needs all the steps of the block before it (a block is such a run, or one step without a
	// group), and the steps After names.
	Group    string
	After    []string
	Critical bool          // omitted, done wrongly or done late, it fails a test
	Expected time.Duration // 0: not timed
	Location *StepLocation // nil: not about a place
}

// StepLocation says how a click for a step is judged; the UI measures the distance.
type StepLocation struct {
	ToleranceMM float64
	Avoid       []string // structures a click must not land on
}

// ProcedureError is a common error: a wrong action offered while its step is due. InsteadOf
// means doing it replaces the step (in a test the step counts as done wrongly); At means it
// is only a temptation at that step.
type ProcedureError struct {
	ID       string
	Text     string
	Feedback string
	Critical bool
	At       string
	// InsteadOf is the step this error replaces.
	InsteadOf string
}

// Step returns the step an error is offered at.
func (e ProcedureError) Step() string {
	if e.InsteadOf != "" {
		return e.InsteadOf
	}
	return e.At
}

// ErrBadProcedure is wrapped by Compile's errors.
var ErrBadProcedure = errors.New("learning: procedure cannot be walked through")

// Plan is a compiled procedure: its steps' prerequisites and an order to teach them in. It is
// not changed after Compile, so walkthroughs may share it.
type Plan struct {
	Procedure
	index map[string]int
	pre   [][]int  // direct prerequisites of each step
	need  [][]bool // need[i][j]: step j must come before step i (transitively)
	order []int    // a correct order: the file's where it is correct
}

// Compile checks a procedure (unique step ids, known steps in After and in the errors, no cycle
// in the order rules) and works out its order.
func Compile(p Procedure) (*Plan, error) {
	if len(p.Steps) == 0 {
		return nil, fmt.Errorf("%w: %q has no steps", ErrBadProcedure, p.ID)
	}
	pl := &Plan{Procedure: p, index: map[string]int{}}
	for i, s := range p.Steps {
		if _, dup := pl.index[s.ID]; dup || s.ID == "" {
			return nil, fmt.Errorf("%w: step %d has an empty or duplicate id %q", ErrBadProcedure, i+1, s.ID)
		}
		pl.index[s.ID] = i
	}
	for _, e := range p.Errors {
		if _, ok := pl.index[e.Step()]; !ok {
			return nil, fmt.Errorf("%w: error %q is offered at unknown step %q", ErrBadProcedure, e.ID, e.Step())
		}
	}
	if err := pl.prerequisites(); err != nil {
		return nil, err
	}
	if err := pl.sort(); err != nil {
		return nil, err
	}
	pl.closure()
	return pl, nil
}

func (pl *Plan) prerequisites() error {
	pl.pre = make([][]int, len(pl.Steps))
	var prev, cur []int
	for i, s := range pl.Steps {
		if i > 0 && (s.Group == "" || s.Group != pl.Steps[i-1].Group) {
			prev, cur = cur, nil
		}
		cur = append(cur, i)
		pl.pre[i] = append(pl.pre[i], prev...)
		for _, a := range s.After {
			j, ok := pl.index[a]
			if !ok || j == i {
				return fmt.Errorf("%w: step %q comes after unknown step %q", ErrBadProcedure, s.ID, a)
			}
			pl.pre[i] = append(pl.pre[i], j)
		}
	}
	return nil
}

// sort finds a correct order, taking the earliest step in the file that is ready each time.
func (pl *Plan) sort() error {
	n := len(pl.Steps)
	waiting := make([]int, n)
	for i := range pl.pre {
		waiting[i] = len(pl.pre[i])
	}
	placed := make([]bool, n)
	for len(pl.order) < n {
		next := -1
		for i := 0; i < n && next < 0; i++ {
			if !placed[i] && waiting[i] == 0 {
				next = i
			}
		}
		if next < 0 {
			return fmt.Errorf("%w: the order rules of %q form a cycle", ErrBadProcedure, pl.ID)
		}
		placed[next] = true
		pl.order = append(pl.order, next)
		for i := range pl.pre {
			for _, j := range pl.pre[i] {
				if j == next {
					waiting[i]--
				}
			}
		}
	}
	return nil
}

// closure fills need from pre, following the order so prerequisites are complete first.
func (pl *Plan) closure() {
	pl.need = make([][]bool, len(pl.Steps))
	for _, i := range pl.order {
		pl.need[i] = make([]bool, len(pl.Steps))
		for _, j := range pl.pre[i] {
			pl.need[i][j] = true
			for k, b := range pl.need[j] {
				pl.need[i][k] = pl.need[i][k] || b
			}
		}
	}
}

// Order is a correct order of the steps (indices), the file's where the file's is correct.
func (pl *Plan) Order() []int { return append([]int(nil), pl.order...) }

// Index returns the index of the step with the given id, or -1.
func (pl *Plan) Index(id string) int {
	if i, ok := pl.index[id]; ok {
		return i
	}
	return -1
}

// Requires lists the steps that must come directly before step i.
func (pl *Plan) Requires(i int) []int { return append([]int(nil), pl.pre[i]...) }

// Needs reports whether step j must come before step i, directly or through other steps.
func (pl *Plan) Needs(i, j int) bool { return pl.need[i][j] }

// ready reports whether every prerequisite of step i is done.
func (pl *Plan) ready(i int, done []bool) bool {
	for _, j := range pl.pre[i] {
		if !done[j] {
			return false
		}
	}
	return true
}

// missingBefore lists the steps step i needs that are not done, keeping only the closest ones
// (those no other missing step needs), in plan order.
func (pl *Plan) missingBefore(i int, done []bool) (closest []int, all []int) {
	for _, j := range pl.order {
		if pl.need[i][j] && !done[j] {
			all = append(all, j)
		}
	}
	for _, j := range all {
		nearest := true
		for _, k := range all {
			if k != j && pl.need[k][j] {
				nearest = false
				break
			}
		}
		if nearest {
			closest = append(closest, j)
		}
	}
	return closest, all
}

// errorsAt lists the errors offered while step i is due.
func (pl *Plan) errorsAt(i int) []int {
	var out []int
	for k, e := range pl.Errors {
		if e.Step() == pl.Steps[i].ID {
			out = append(out, k)
		}
	}
	return out
}

// Learn walks through the steps in order at the learner's pace.
type Learn struct {
	plan *Plan
	stepper
}

// NewLearn starts at the first step.
func NewLearn(pl *Plan) *Learn { return &Learn{plan: pl, stepper: stepper{n: len(pl.order)}} }

// Step is the index of the step shown.
func (l *Learn) Step() int { return l.plan.order[l.pos] }

// stepper is a position among n steps, moved one at a time (Learn in procedures and
// consultations).
type stepper struct{ pos, n int }

// Pos is the position shown, from 1, and the number of steps.
func (s *stepper) Pos() (int, int) { return s.pos + 1, s.n }

// Next moves on one step; false at the last.
func (s *stepper) Next() bool { return s.Go(s.pos + 1) }

// Back moves back one step; false at the first.
func (s *stepper) Back() bool { return s.Go(s.pos - 1) }

// Go shows the step at position pos (from 0); false if there is none.
func (s *stepper) Go(pos int) bool {
	if pos < 0 || pos >= s.n {
		return false
	}
	s.pos = pos
	return true
}

// ProcedureSubject is the subject of a procedure's items and skill: "<pack>/<procedure>".
func ProcedureSubject(pack, procedure string) string { return pack + "/" + procedure }

// ProcedureTestItem is the item of a whole procedure in Test mode:
// "procedure-test:<pack>/<procedure>".
func ProcedureTestItem(pack, procedure string) (ItemID, error) {
	return NewItemID(KindProcedureTest, ProcedureSubject(pack, procedure))
}

// ProcedureStepItem is the item of choosing one step in Practice:
// "procedure-step:<pack>/<procedure>#<step>".
func ProcedureStepItem(pack, procedure, step string) (ItemID, error) {
	return NewItemID(KindProcedureStep, ProcedureSubject(pack, procedure)+"#"+step)
}

// ProcedureSkill is the skill a procedure's attempts are evidence for:
// "procedure:<pack>/<procedure>".
func ProcedureSkill(pack, procedure string) (SkillID, error) {
	return NewSkillID(SkillProcedure, ProcedureSubject(pack, procedure))
}

// Proficiency is what a CUSUM over a learner's Test outcomes says.
type Proficiency struct {
	Trials, Passes int
	CUSUM          CUSUMResult
	// Proficient is true when the latest decision is Proficient.
	Proficient bool
}

// ProcedureProficiency charts Test outcomes (true = passed, oldest first) with
// DefaultCUSUMParams: 10 % failures acceptable, 30 % unacceptable, α = β = 0.1, so about nine
// passes in a row with no failure show proficiency.
func ProcedureProficiency(outcomes []bool) Proficiency {
	r, err := CUSUM(DefaultCUSUMParams(), outcomes)
	if err != nil {
		panic(err) // the default parameters are valid
	}
	p := Proficiency{Trials: len(outcomes), CUSUM: r, Proficient: r.Decision == Proficient}
	for _, o := range outcomes {
		if o {
			p.Passes++
		}
	}
	return p
}

// stepIDs names steps for messages.
func (pl *Plan) stepIDs(idx []int) []string {
	out := make([]string, len(idx))
	for k, i := range idx {
		out[k] = pl.Steps[i].ID
	}
	return out
}

func (pl *Plan) String() string {
	return fmt.Sprintf("procedure %q (%s)", pl.ID, strings.Join(pl.stepIDs(pl.order), " → "))
}
