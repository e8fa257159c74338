package procedures

import (
	"github.com/osteon/osteon/ui/kit"

	"fmt"
	"math"

	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/progress"
)

// --- Practice

// showPractice shows the choices (or the request for a click) and the last feedback.
func (r *procRun) showPractice(fb []widget.RichTextSegment) {
	done := 0
	for _, d := range r.prac.DoneSteps() {
		if d {
			done++
		}
	}
	n := len(r.e.proc.Steps)
	r.header.SetText(fmt.Sprintf("%s — Practice · %d of %d steps done", r.e.proc.Title, done, n))
	r.feedback.Segments = fb
	r.feedback.Refresh()
	if r.prac.Done() {
		r.practiceDone()
		return
	}
	r.setButtons(r.leaveButton())
	if i, waiting := r.prac.Awaiting(); waiting {
		r.body.Segments = []widget.RichTextSegment{kit.Subheading("Click on the model where you would do this:"), kit.Para(r.step(i).Instruction),
			kit.Italic("Turn and zoom the model as you need; the skin is see-through.")}
		r.body.Refresh()
		r.setChoices(nil)
		if r.s.sh.EngineErr() != nil {
			skip := widget.NewButton("Skip the click (no 3D view)", func() {
				r.completed(r.prac.SkipLocation())
				r.showPractice([]widget.RichTextSegment{kit.Italic("Skipped: without a 3D view the site cannot be clicked.")})
			})
			r.setButtons(skip, r.leaveButton())
		}
		return
	}
	r.body.Segments = []widget.RichTextSegment{kit.Subheading("What do you do next?"),
		kit.Italic("Choose with the mouse, the number keys, or ↑ ↓ and Enter.")}
	r.body.Refresh()
	r.setChoices(r.prac.Choices())
}

func (r *procRun) practiceChoose(c learning.StepChoice) {
	fb := r.prac.Choose(c)
	var segs []widget.RichTextSegment
	switch fb.Kind {
	case learning.FeedRight:
		st := r.step(fb.Step)
		segs = feedRight("Right: "+st.Instruction, st.Rationale)
		r.showStep(st, focusFull)
	case learning.FeedLocate:
		st := r.step(fb.Step)
		segs = []widget.RichTextSegment{coloredText("✓ Right. Now show where on the model.", theme.ColorNameSuccess)}
		r.showStep(st, focusWarnings)
	case learning.FeedWrongError:
		e := r.e.proc.Errors[fb.Error]
		segs = feedWrong("Not that: “"+e.Text+"”", e.Feedback, fb.Critical)
	case learning.FeedWrongOrder:
		segs = feedWrong("Not yet: “"+stepShort(r.step(fb.Step).Instruction)+"” comes later, after "+r.stepList(fb.Missing)+".",
			"Think about what has to be done before it.", fb.Critical)
	}
	r.completed(fb.Completed)
	r.showPractice(segs)
}

func (r *procRun) practiceLocate(i int, la learning.LocationAttempt) {
	fb := r.prac.Locate(la)
	st := r.step(i)
	var segs []widget.RichTextSegment
	switch fb.Kind {
	case learning.FeedOnTarget:
		segs = feedRight(fmt.Sprintf("On target (%s from the site).", mmText(fb.Distance)), st.Rationale)
		r.showStep(st, focusFull)
	case learning.FeedAvoidHit:
		segs = feedWrong("That is the "+r.s.structureName(fb.Hit)+": keep clear of it.", "Try again.", fb.Critical)
	case learning.FeedOffTarget:
		what := "You clicked empty space."
		if fb.Hit != "" {
			what = fmt.Sprintf("That is the %s, %s from the site.", r.s.structureName(fb.Hit), mmText(fb.Distance))
		}
		segs = feedWrong(what, "Try again.", false)
	}
	if fb.Reveal && fb.Kind != learning.FeedOnTarget {
		segs = append(segs, kit.Italic("The site is now shown on the model."))
		r.showStep(st, focusFull)
	}
	r.completed(fb.Completed)
	r.showPractice(segs)
}

// completed records a finished Practice step as evidence for the procedure.
func (r *procRun) completed(res *learning.StepResult) {
	if res == nil {
		return
	}
	now := r.s.now()
	took := now.Sub(r.dueSince)
	r.dueSince = now
	if res.Distance < 0 && r.step(res.Step).Location != nil {
		return // skipped click: no evidence
	}
	pack := r.s.pack.ID
	item, err1 := learning.ProcedureStepItem(pack, r.e.proc.ID, r.step(res.Step).ID)
	skill, err2 := learning.ProcedureSkill(pack, r.e.proc.ID)
	if err1 != nil || err2 != nil {
		return
	}
	detail := map[string]any{"mode": "practice", "mistakes": res.Mistakes}
	if res.Distance >= 0 {
		detail["distance_mm"] = math.Round(res.Distance*10) / 10
	}
	r.s.record(procAttempt{item: item, skill: skill, ok: res.Correct, took: took, detail: detail})
}

func (r *procRun) practiceDone() {
	res := r.prac.Results()
	first := 0
	for _, x := range res {
		if x.Correct {
			first++
		}
	}
	r.header.SetText(r.e.proc.Title + " — Practice · done")
	msg := fmt.Sprintf("%d of %d steps right first time.", first, len(res))
	if r.s.sh.Learner() == nil {
		msg += " Choose a profile to keep your results."
	}
	r.body.Segments = []widget.RichTextSegment{kit.Heading("Practice complete"), kit.Para(msg)}
	r.body.Refresh()
	r.endActions("Test")
}

// --- Test

func (r *procRun) showTest() {
	if r.test.Done() {
		r.finishTest()
		return
	}
	r.header.SetText(fmt.Sprintf("%s — Test · %d actions so far", r.e.proc.Title, len(r.test.Actions())))
	r.setButtons(r.leaveButton())
	if i, waiting := r.test.Awaiting(); waiting {
		r.body.Segments = []widget.RichTextSegment{kit.Subheading("Click on the model where you would do this:"), kit.Para(r.step(i).Instruction)}
		r.body.Refresh()
		r.setChoices(nil)
		r.showStep(r.step(i), focusNone)
		if r.s.sh.EngineErr() != nil {
			r.setButtons(widget.NewButton("Skip the click (no 3D view)", func() { r.test.SkipLocation(r.s.now()); r.showTest() }), r.leaveButton())
		}
		return
	}
	r.body.Segments = []widget.RichTextSegment{kit.Subheading("What do you do next?"),
		kit.Italic("No hints: choose each action in turn, and “The procedure is complete” when you have finished. Leaving (Esc) discards the test.")}
	r.body.Refresh()
	r.setChoices(r.test.Choices())
}

func (r *procRun) testChoose(c learning.StepChoice) {
	r.test.Choose(c, r.s.now())
	r.showTest()
}

// finishTest scores the test, shows the debrief and records the outcome.
func (r *procRun) finishTest() {
	o := r.test.Finish(r.s.now())
	r.outcome = &o
	r.saved = "Saving your result…"
	item, err1 := learning.ProcedureTestItem(r.s.pack.ID, r.e.proc.ID)
	skill, err2 := learning.ProcedureSkill(r.s.pack.ID, r.e.proc.ID)
	score := 0.0
	if o.Passed {
		score = math.Max(o.Score, 0.01)
	}
	a := procAttempt{item: item, skill: skill, ok: o.Passed, score: score, took: o.Time, detail: r.testDetail(o),
		saved: func(_ progress.AttemptResult, err error) {
			if err != nil {
				r.saved = "Your result could not be saved: " + err.Error()
			} else {
				r.saved = "Saved."
			}
			r.showDebrief()
		}}
	if err1 != nil || err2 != nil || !r.s.record(a) {
		r.saved = "Not saved: choose a profile (bottom left) to keep your results and follow your learning curve."
	}
	r.header.SetText(r.e.proc.Title + " — Test · debrief")
	r.showStep(content.ProcedureStep{Focus: overviewFocus(r.e.proc)}, focusFull)
	r.endActions("Test again")
	r.showDebrief()
}

// testDetail is what is kept with a test procAttempt: enough to list what went wrong.
func (r *procRun) testDetail(o learning.Outcome) map[string]any {
	ids := func(idx []int) []string {
		out := make([]string, len(idx))
		for k, i := range idx {
			out[k] = r.step(i).ID
		}
		return out
	}
	var failures, order, errs []string
	for _, f := range o.Failures {
		failures = append(failures, failureKey(f)+":"+r.step(f.Step).ID)
	}
	for _, oe := range o.Order {
		order = append(order, r.step(oe.Step).ID)
	}
	for _, e := range o.Errors {
		errs = append(errs, r.e.proc.Errors[e.Error].ID)
	}
	return map[string]any{"mode": "test", "passed": o.Passed, "score": math.Round(o.Score*1000) / 1000,
		"failures": failures, "omitted": ids(o.Omitted), "order_errors": order, "errors": errs,
		"seconds": math.Round(o.Time.Seconds())}
}

func failureKey(f learning.Failure) string {
	return [...]string{"omitted", "late", "error", "avoid"}[f.Kind]
}

// --- feedback helpers

func feedRight(title, why string) []widget.RichTextSegment {
	segs := []widget.RichTextSegment{coloredText("✓ "+title, theme.ColorNameSuccess)}
	if why != "" {
		segs = append(segs, kit.Para(why))
	}
	return segs
}

func feedWrong(title, why string, critical bool) []widget.RichTextSegment {
	segs := []widget.RichTextSegment{coloredText("✗ "+title, theme.ColorNameError), kit.Para(why)}
	if critical {
		segs = append(segs, coloredText("In a test this would be a critical error and fail the attempt.", theme.ColorNameError))
	}
	return segs
}

func mmText(d float64) string {
	if d < 1 {
		return "less than 1 mm"
	}
	return fmt.Sprintf("%.0f mm", d)
}

// stepList names steps by their first clause.
func (r *procRun) stepList(idx []int) string {
	out := ""
	for k, i := range idx {
		if k > 0 {
			out += " and "
		}
		out += "“" + stepShort(r.step(i).Instruction) + "”"
	}
	return out
}
