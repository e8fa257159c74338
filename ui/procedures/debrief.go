package procedures

import (
	"github.com/osteon/osteon/ui/kit"

	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/learning"
)

// showDebrief shows a finished test: passed or not and why, then every step with what happened
// and, where it went wrong, what should have happened.
func (r *procRun) showDebrief() {
	o := r.outcome
	if o == nil {
		return
	}
	ok := 0
	for _, st := range o.Steps {
		if st.OK {
			ok++
		}
	}
	segs := []widget.RichTextSegment{}
	if o.Passed {
		segs = append(segs, coloredText("Passed", theme.ColorNameSuccess))
	} else {
		segs = append(segs, coloredText("Not passed", theme.ColorNameError))
	}
	segs[0].(*widget.TextSegment).Style.SizeName = theme.SizeNameHeadingText
	segs = append(segs, kit.Para(fmt.Sprintf("%d of %d steps done right, in order and in place. Time %s (a skilled run takes about %s).",
		ok, len(o.Steps), durationText(o.Time), durationText(o.Expected))))
	if len(o.Failures) > 0 {
		segs = append(segs, kit.Subheading("Why it did not pass"))
		for _, f := range o.Failures {
			segs = append(segs, coloredText("• "+r.failureText(f), theme.ColorNameError))
		}
	}
	segs = append(segs, kit.Subheading("Step by step"))
	for n, st := range o.Steps {
		segs = append(segs, r.stepDebrief(n+1, st)...)
	}
	if len(o.Errors) > 0 {
		segs = append(segs, kit.Subheading("Common errors you chose"))
		for _, e := range o.Errors {
			pe := r.e.proc.Errors[e.Error]
			segs = append(segs, kit.Para("• “"+pe.Text+"” — "+pe.Feedback))
		}
	}
	segs = append(segs, kit.Subheading("Your learning curve"), kit.Italic(r.saved))
	if st, ok := r.s.status[r.e.proc.ID]; ok && r.saved == "Saved." {
		segs = append(segs, kit.Para(proficiencyText(st.prof)))
	}
	r.body.Segments = segs
	r.body.Refresh()
	r.feedback.Segments = nil
	r.feedback.Refresh()
}

func (r *procRun) failureText(f learning.Failure) string {
	st := "“" + stepShort(r.step(f.Step).Instruction) + "”"
	switch f.Kind {
	case learning.FailOmitted:
		return "Critical step left out: " + st + "."
	case learning.FailLate:
		return fmt.Sprintf("Critical step done too late: %s came after “%s”, which needs it first.", st, stepShort(r.step(f.Other).Instruction))
	case learning.FailError:
		return "Critical error: “" + r.e.proc.Errors[f.Error].Text + "”"
	case learning.FailAvoid:
		return fmt.Sprintf("At %s you clicked the %s, a structure to keep clear of.", st, r.s.structureName(f.Hit))
	}
	return ""
}

// stepDebrief is one step: a line with a tick when it went right; otherwise the instruction,
// what happened, and what should have happened.
func (r *procRun) stepDebrief(n int, rep learning.StepReport) []widget.RichTextSegment {
	st := r.step(rep.Step)
	if rep.OK {
		line := fmt.Sprintf("✓ %d. %s — action %d, %s", n, stepShort(st.Instruction), rep.Position, durationText(rep.Time))
		if l := rep.Location; l != nil {
			line += fmt.Sprintf("; site found, %s from the target", mmText(l.DistanceMM))
		}
		if rep.Slow {
			line += fmt.Sprintf(" (slow: about %s is usual)", durationText(rep.Expected))
		}
		return []widget.RichTextSegment{kit.Para(line)}
	}
	title := fmt.Sprintf("✗ %d. %s", n, st.Instruction)
	if st.Critical {
		title += " (critical)"
	}
	happened, should := r.happened(rep)
	segs := []widget.RichTextSegment{coloredText(title, theme.ColorNameError), kit.Para(strings.Join(happened, " "))}
	if should != "" {
		segs = append(segs, kit.Italic("What should have happened: "+should))
	}
	return segs
}

// happened says what was done at a step that went wrong, and what should have been.
func (r *procRun) happened(rep learning.StepReport) (happened []string, should string) {
	st := r.step(rep.Step)
	switch {
	case rep.Position == 0:
		happened = append(happened, "Left out.")
		should = "Do it. " + st.Rationale
	case rep.Wrong >= 0:
		e := r.e.proc.Errors[rep.Wrong]
		happened = append(happened, fmt.Sprintf("Instead, as action %d, you chose “%s”.", rep.Position, strings.TrimSuffix(e.Text, ".")))
		should = e.Feedback
	default:
		happened = append(happened, fmt.Sprintf("Done as action %d (%s).", rep.Position, durationText(rep.Time)))
	}
	if rep.Order != nil {
		happened = append(happened, "Done before "+r.stepList(rep.Order.Missing)+".")
		should = "Do it after " + r.stepList(rep.Order.Missing) + ". " + st.Rationale
	}
	if l := rep.Location; l != nil {
		switch {
		case !l.Avoided:
			happened = append(happened, "You clicked the "+r.s.structureName(l.Hit)+", a structure to keep clear of.")
			should = "Choose the site away from it. " + st.Rationale
		case l.Hit == "":
			happened = append(happened, "Your click missed the model.")
			should = st.Rationale
		case !l.Within:
			happened = append(happened, fmt.Sprintf("Your click was %s from the site (within %s passes).", mmText(l.DistanceMM), mmText(l.ToleranceMM)))
			should = st.Rationale
		}
	}
	if rep.Slow {
		happened = append(happened, fmt.Sprintf("Slow: %s where about %s is usual.", durationText(rep.Time), durationText(rep.Expected)))
	}
	if should == "" && rep.Critical {
		should = st.Rationale
	}
	return happened, should
}

// duration says a time in minutes and seconds.
func durationText(d time.Duration) string {
	s := int(d.Round(time.Second).Seconds())
	switch {
	case s < 60:
		return fmt.Sprintf("%d s", s)
	case s%60 == 0:
		return fmt.Sprintf("%d min", s/60)
	}
	return fmt.Sprintf("%d min %d s", s/60, s%60)
}
