package consultations

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/ui/kit"
)

// showDebrief shows a finished Test: the result and why, then each stage of the conversation:
// what was said, what the learner replied, a better reply and why.
func (r *run) showDebrief() {
	out := *r.outcome
	verdict := "Test passed"
	if !out.Passed {
		verdict = "Test failed"
	}
	r.setHeader(fmt.Sprintf("%s: %.0f%% (pass mark %.0f%%). %s T: test again, P: practise, L: learn, Esc: back.",
		verdict, 100*out.Score, 100*out.PassMark, r.saved))
	segs := []widget.RichTextSegment{kit.Heading(verdict),
		kit.Para(fmt.Sprintf("Framework elements covered: %d of %d. Empathic replies to cues: %d of %d.",
			out.Covered, out.Elements, out.EmpathyShown, out.EmpathyDue))}
	if len(out.Failures) > 0 {
		segs = append(segs, kit.Subheading("Critical errors (each fails the Test)"))
		for _, f := range out.Failures {
			segs = append(segs, kit.Bullet(learning.FailureText(r.c, out, f)))
		}
	}
	if len(out.Missed) > 0 {
		segs = append(segs, kit.Subheading("Missed framework elements"))
		for _, m := range out.Missed {
			segs = append(segs, kit.Bullet(r.missText(out, m)))
		}
	}
	if end := &r.c.Turns[r.test.Conversation().Turn()]; out.Ended {
		segs = append(segs, kit.Subheading("How it ended"), kit.Para(end.Text))
	}
	for _, st := range learning.Debrief(r.c, out) {
		segs = append(segs, kit.Subheading(kit.FirstNonEmpty(st.Name, "The conversation")))
		for _, e := range st.Entries {
			segs = append(segs, entrySegments(e)...)
		}
	}
	r.transcript.Segments = segs
	r.transcript.Refresh()
	r.replies.set(nil)
	r.setButtons(button("Test again (T)", func() { r.s.start(modeTest) }), button("Practise (P)", func() { r.s.start(modePractice) }),
		button("Learn (L)", func() { r.s.start(modeLearn) }), button("Back to the list (Esc)", r.s.leave))
	r.scroll.ScrollToTop()
}

// missText says an element never covered, and where a reply missed it.
func (r *run) missText(out learning.ConsultOutcome, m learning.ElementMiss) string {
	name := learning.ElementName(r.c, m.Element)
	if m.Move < 0 {
		return name + " (no reply covered it)"
	}
	mv := out.Moves[m.Move].Move
	return fmt.Sprintf("%s: missed when you said “%s”", name, r.c.Turns[mv.Turn].Options[mv.Option].Text)
}

// entrySegments is one reply of the debrief.
func entrySegments(e learning.DebriefEntry) []widget.RichTextSegment {
	mark := "✓"
	switch {
	case e.Critical:
		mark = "✗ critical"
	case !e.Good:
		mark = "✗"
	}
	segs := append(said(kit.Capitalise(e.Speaker), e.Heard), said("You ("+mark+")", e.Said)...)
	segs = append(segs, kit.Italic(e.Why))
	var notes []string
	if len(e.Errors) > 0 {
		notes = append(notes, "Errors: "+strings.Join(e.Errors, "; "))
	}
	if e.EmpathyDue && !e.Empathic {
		notes = append(notes, "The emotion went unanswered")
	}
	if len(e.Missed) > 0 {
		notes = append(notes, "Missed: "+strings.Join(e.Missed, "; "))
	}
	if len(e.Covered) > 0 {
		notes = append(notes, "Covered: "+strings.Join(e.Covered, "; "))
	}
	for _, n := range notes {
		segs = append(segs, kit.Bullet(n))
	}
	if e.Better != "" {
		segs = append(append(segs, said("Better", e.Better)...), kit.Italic(e.BetterWhy))
	}
	return segs
}
