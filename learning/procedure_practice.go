package learning

import (
	"math/rand/v2"
	"slices"
)

// FeedbackKind says what a Practice choice or click earned.
type FeedbackKind int8

// The kinds of feedback.
const (
	FeedRight      FeedbackKind = iota // a right next step, now done
	FeedLocate                         // a right next step about a place: click it on the model
	FeedWrongError                     // a common error
	FeedWrongOrder                     // a step that is not due yet
	FeedOnTarget                       // the click is within the tolerance: the step is done
	FeedOffTarget                      // the click missed the site
	FeedAvoidHit                       // the click landed on a structure to avoid
	FeedIgnored                        // nothing to do (waiting for a click, or finished)
)

// Feedback is what the learner is told after a choice or a click.
type Feedback struct {
	Kind     FeedbackKind
	Critical bool  // the mistake would fail a test
	Step     int   // the step concerned
	Error    int   // FeedWrongError: the error chosen, else -1
	Missing  []int // FeedWrongOrder: the closest steps still to do first
	Hit      string
	Distance float64 // mm, for clicks
	// Reveal is true after repeated misses: the UI may show the site.
	Reveal bool
	// Completed is set when this finished a step.
	Completed *StepResult
}

// StepResult is the evidence from one step in Practice: right first time or not.
type StepResult struct {
	Step     int
	Correct  bool    // no wrong choice or click while it was due
	Mistakes int     // wrong choices and clicks while it was due
	Distance float64 // mm of the click that passed; -1 when not a location step or skipped
}

// revealAfter is how many missed clicks at one step show the learner the site.
const revealAfter = 3

// Distractors offered in Practice: up to three common errors of the steps due, and steps out
// of order to make at least four wrong choices (two at least).
const (
	maxErrorChoices = 3
	wrongChoices    = 4
	minOrderChoices = 2
)

// Practice asks for the next action among the right next steps and plausible wrong ones (the
// common errors of the steps due, and steps not due yet), with feedback after each choice, and
// for a click on the model at location steps.
type Practice struct {
	plan     *Plan
	rng      *rand.Rand
	done     []bool
	mistakes []int
	misses   []int
	awaiting int
	choices  []StepChoice
	results  []StepResult
}

// NewPractice starts a Practice run; seed fixes the distractors and their order.
func NewPractice(pl *Plan, seed uint64) *Practice {
	p := &Practice{plan: pl, rng: rand.New(rand.NewPCG(seed, seed^0x5851f42d4c957f2d)), done: make([]bool, len(pl.Steps)),
		mistakes: make([]int, len(pl.Steps)), misses: make([]int, len(pl.Steps)), awaiting: -1}
	p.deal()
	return p
}

// Plan is the procedure practised.
func (p *Practice) Plan() *Plan { return p.plan }

// Choices are the actions offered now (none while a click is awaited or when finished).
func (p *Practice) Choices() []StepChoice {
	if p.awaiting >= 0 {
		return nil
	}
	return append([]StepChoice(nil), p.choices...)
}

// Awaiting is the step waiting for a click on the model, if any.
func (p *Practice) Awaiting() (int, bool) { return p.awaiting, p.awaiting >= 0 }

// Done reports whether every step is done.
func (p *Practice) Done() bool { return !slices.Contains(p.done, false) }

// DoneSteps reports which steps are done.
func (p *Practice) DoneSteps() []bool { return append([]bool(nil), p.done...) }

// Results lists the steps finished so far, in the order finished.
func (p *Practice) Results() []StepResult { return append([]StepResult(nil), p.results...) }

// due lists the steps that may be done next.
func (p *Practice) due() []int {
	var out []int
	for _, i := range p.plan.order {
		if !p.done[i] && p.plan.ready(i, p.done) {
			out = append(out, i)
		}
	}
	return out
}

// deal builds the choices: every step due, up to maxErrorChoices of their common errors, and
// steps not due yet (the nearest, then others further on) to make wrongChoices wrong ones.
func (p *Practice) deal() {
	p.choices = nil
	due := p.due()
	if len(due) == 0 {
		return
	}
	var errs []int
	for _, i := range due {
		p.choices = append(p.choices, StepChoice{Kind: ChoiceStep, Index: i, Text: p.plan.Steps[i].Instruction})
		errs = append(errs, p.plan.errorsAt(i)...)
	}
	p.rng.Shuffle(len(errs), func(a, b int) { errs[a], errs[b] = errs[b], errs[a] })
	for _, k := range errs[:min(len(errs), maxErrorChoices)] {
		p.choices = append(p.choices, StepChoice{Kind: ChoiceError, Index: k, Text: p.plan.Errors[k].Text})
	}
	var later []int
	for _, i := range p.plan.order {
		if !p.done[i] && !slices.Contains(due, i) {
			later = append(later, i)
		}
	}
	n := max(minOrderChoices, wrongChoices-min(len(errs), maxErrorChoices))
	if len(later) > n {
		far := later[1:]
		p.rng.Shuffle(len(far), func(a, b int) { far[a], far[b] = far[b], far[a] })
		later = append([]int{later[0]}, far[:n-1]...)
	}
	for _, i := range later {
		p.choices = append(p.choices, StepChoice{Kind: ChoiceStep, Index: i, Text: p.plan.Steps[i].Instruction})
	}
	p.rng.Shuffle(len(p.choices), func(a, b int) { p.choices[a], p.choices[b] = p.choices[b], p.choices[a] })
}

// Choose judges choice c. A wrong choice is taken off the list; a right one moves on (or asks
// for a click at a location step).
func (p *Practice) Choose(c StepChoice) Feedback {
	if p.awaiting >= 0 || p.Done() {
		return Feedback{Kind: FeedIgnored, Step: p.awaiting, Error: -1}
	}
	p.remove(c)
	switch c.Kind {
	case ChoiceError:
		e := p.plan.Errors[c.Index]
		step := p.plan.index[e.Step()]
		p.mistakes[step]++
		return Feedback{Kind: FeedWrongError, Critical: e.Critical, Step: step, Error: c.Index}
	case ChoiceStep:
		i := c.Index
		if p.done[i] {
			return Feedback{Kind: FeedIgnored, Step: i, Error: -1}
		}
		if !p.plan.ready(i, p.done) {
			closest, all := p.plan.missingBefore(i, p.done)
			critical := false
			for _, j := range all {
				if p.plan.ready(j, p.done) {
					p.mistakes[j]++
				}
				critical = critical || p.plan.Steps[j].Critical
			}
			return Feedback{Kind: FeedWrongOrder, Critical: critical, Step: i, Error: -1, Missing: closest}
		}
		if p.plan.Steps[i].Location != nil {
			p.awaiting = i
			return Feedback{Kind: FeedLocate, Step: i, Error: -1}
		}
		return Feedback{Kind: FeedRight, Step: i, Error: -1, Completed: p.complete(i, -1)}
	}
	return Feedback{Kind: FeedIgnored, Step: -1, Error: -1}
}

func (p *Practice) remove(c StepChoice) {
	p.choices = slices.DeleteFunc(p.choices, func(x StepChoice) bool { return x.Kind == c.Kind && x.Index == c.Index })
}

func (p *Practice) complete(i int, dist float64) *StepResult {
	p.done[i] = true
	r := StepResult{Step: i, Correct: p.mistakes[i] == 0, Mistakes: p.mistakes[i], Distance: dist}
	p.results = append(p.results, r)
	p.deal()
	return &r
}

// Locate judges a click for the step waiting for one.
func (p *Practice) Locate(la LocationAttempt) Feedback {
	i := p.awaiting
	if i < 0 {
		return Feedback{Kind: FeedIgnored, Step: -1, Error: -1}
	}
	s := p.plan.Steps[i]
	fb := Feedback{Step: i, Error: -1, Hit: la.Hit, Distance: la.DistanceMM}
	switch {
	case la.Hit != "" && slices.Contains(s.Location.Avoid, la.Hit):
		fb.Kind, fb.Critical = FeedAvoidHit, s.Critical
	case la.Hit != "" && la.DistanceMM <= s.Location.ToleranceMM:
		p.awaiting = -1
		fb.Kind = FeedOnTarget
		fb.Completed = p.complete(i, la.DistanceMM)
		return fb
	default:
		fb.Kind = FeedOffTarget
	}
	p.mistakes[i]++
	p.misses[i]++
	fb.Reveal = p.misses[i] >= revealAfter
	return fb
}

// SkipLocation does the waiting step without a click (no model to click); it is not counted
// as evidence either way.
func (p *Practice) SkipLocation() *StepResult {
	i := p.awaiting
	if i < 0 {
		return nil
	}
	p.awaiting = -1
	r := p.complete(i, -1)
	return r
}
