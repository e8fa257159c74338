package procedures

import (
	"github.com/osteon/osteon/ui/kit"

	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/render"
)

type runMode int

const (
	modeLearn runMode = iota
	modePractice
	modeTest
)

func (m runMode) String() string {
	return [...]string{"Learn", "Practice", "Test"}[m]
}

// procRun is one Learn, Practice or Test run: a panel with the step or the choices, feedback,
// and buttons, driving the 3D view.
type procRun struct {
	s     *procedures
	e     *procEntry
	mode  runMode
	learn *learning.Learn
	prac  *learning.Practice
	test  *learning.Test

	header   *widget.Label
	body     *widget.RichText
	choices  *kit.ChoiceList
	feedback *widget.RichText
	buttons  *fyne.Container
	scroll   *container.Scroll // around body, choices and feedback
	root     fyne.CanvasObject

	shown    []learning.StepChoice // the choices on screen
	ended    bool                  // the run is over: the choices are what to do next
	dueSince time.Time             // when the current Practice step became due
	outcome  *learning.Outcome     // the Test's result, once finished
	saved    string                // what became of the result
}

func newProcRun(s *procedures, e *procEntry, m runMode) *procRun {
	r := &procRun{s: s, e: e, mode: m, choices: kit.NewChoiceList()}
	r.header = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.header.Wrapping = fyne.TextWrapWord
	r.body = widget.NewRichText()
	r.body.Wrapping = fyne.TextWrapWord
	r.feedback = widget.NewRichText()
	r.feedback.Wrapping = fyne.TextWrapWord
	r.buttons = container.NewHBox()
	r.choices.OnChoose = r.chosen
	r.scroll = container.NewVScroll(container.NewVBox(r.body, r.choices.Box, r.feedback))
	r.root = container.NewBorder(r.header, r.buttons, nil, nil, r.scroll)
	switch m {
	case modeLearn:
		r.learn = learning.NewLearn(e.plan)
		r.showLearn()
	case modePractice:
		r.showStep(content.ProcedureStep{Focus: overviewFocus(e.proc)}, focusNone) // no hints from the preview
		r.prac = learning.NewPractice(e.plan, s.seed())
		r.dueSince = s.now()
		r.showPractice(nil)
	case modeTest:
		r.showStep(content.ProcedureStep{Focus: overviewFocus(e.proc)}, focusNone)
		r.test = learning.NewTest(e.plan, s.seed(), s.now())
		r.showTest()
	}
	return r
}

func (r *procRun) step(i int) content.ProcedureStep { return r.e.proc.Steps[i] }

func (r *procRun) setButtons(bs ...fyne.CanvasObject) {
	r.buttons.Objects = bs
	r.buttons.Refresh()
}

func (r *procRun) leaveButton() *widget.Button {
	return widget.NewButtonWithIcon("Back to procedures (Esc)", theme.NavigateBackIcon(), r.s.leave)
}

// key handles the run's keys: Esc leaves; the mode handles the rest.
func (r *procRun) key(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		r.s.leave()
		return
	}
	if r.ended {
		if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
			r.endAction(0)
		}
		return
	}
	if r.mode == modeLearn {
		switch ev.Name {
		case fyne.KeyLeft, fyne.KeyUp, fyne.KeyPageUp:
			r.back()
		case fyne.KeyRight, fyne.KeyDown, fyne.KeyPageDown, fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
			r.next()
		}
		return
	}
	r.choices.Key(ev.Name)
}

func (r *procRun) rune(c rune) {
	if r.ended {
		if c >= '1' && c <= '4' {
			r.endAction(int(c - '1'))
		}
		return
	}
	r.choices.Rune(c)
}

// setChoices shows choices as the numbered list.
func (r *procRun) setChoices(cs []learning.StepChoice) {
	r.shown = cs
	texts := make([]string, len(cs))
	for i, c := range cs {
		texts[i] = c.Text
	}
	r.choices.Set(texts)
}

// chosen acts on the i-th choice shown: a walkthrough choice, or an action at the end of a run.
func (r *procRun) chosen(i int) {
	if i < 0 || i >= len(r.shown) {
		return
	}
	c := r.shown[i]
	switch {
	case r.mode == modePractice:
		r.practiceChoose(c)
	case r.mode == modeTest:
		r.testChoose(c)
	}
}

// endActions are offered when a run is over, as buttons with number keys (Enter takes the
// first): the test, practice, learning again, or back to the list.
func (r *procRun) endActions(first string) {
	r.ended = true
	r.setChoices(nil)
	labels := []string{first, "Practise", "Learn", "Back"}
	var bs []fyne.CanvasObject
	for i, l := range labels {
		key := fmt.Sprintf(" (%d)", i+1)
		if i == 3 {
			key = " (Esc)"
		}
		b := widget.NewButton(l+key, func() { r.endAction(i) })
		if i == 0 {
			b.Importance = widget.HighImportance
		}
		bs = append(bs, b)
	}
	r.setButtons(bs...)
}

// endAction does the i-th end action: Test, Practise, Learn, or leave.
func (r *procRun) endAction(i int) {
	switch i {
	case 0:
		r.s.start(modeTest)
	case 1:
		r.s.start(modePractice)
	case 2:
		r.s.start(modeLearn)
	default:
		r.s.leave()
	}
}

// --- Learn

func (r *procRun) showLearn() {
	i := r.learn.Step()
	st := r.step(i)
	pos, n := r.learn.Pos()
	r.header.SetText(fmt.Sprintf("%s — Learn · step %d of %d", r.e.proc.Title, pos, n))
	segs := []widget.RichTextSegment{kit.Subheading(st.Instruction)}
	if st.Critical {
		segs = append(segs, coloredText("Critical step: leaving it out, getting it wrong or doing it late fails a test.", theme.ColorNameError))
	}
	if st.Rationale != "" {
		segs = append(segs, kit.Subheading("Why"), kit.Para(st.Rationale))
	}
	segs = append(segs, r.orderNote(i)...)
	segs = append(segs, r.anatomyNote(st)...)
	if errs := r.errorsAt(st.ID); len(errs) > 0 {
		segs = append(segs, kit.Subheading("Common errors here"))
		for _, e := range errs {
			segs = append(segs, kit.Para("• “"+e.Text+"” — "+e.Feedback))
		}
	}
	r.body.Segments = segs
	r.body.Refresh()
	r.setChoices(nil)
	r.feedback.Segments = nil
	r.feedback.Refresh()
	back := widget.NewButtonWithIcon("Back (←)", theme.NavigateBackIcon(), r.back)
	next := widget.NewButtonWithIcon("Next (→)", theme.NavigateNextIcon(), r.next)
	next.Importance = widget.HighImportance
	if pos == 1 {
		back.Disable()
	}
	if pos == n {
		next.SetText("Finish (→)")
	}
	r.setButtons(back, next, r.leaveButton())
	r.showStep(st, focusFull)
}

func (r *procRun) next() {
	if r.learn == nil || r.ended {
		return
	}
	if !r.learn.Next() {
		r.learnDone()
		return
	}
	r.showLearn()
}

func (r *procRun) back() {
	if r.learn != nil && !r.ended && r.learn.Back() {
		r.showLearn()
	}
}

func (r *procRun) learnDone() {
	r.header.SetText(r.e.proc.Title + " — Learn · done")
	r.body.Segments = []widget.RichTextSegment{kit.Heading("You have been through every step"),
		kit.Para("Practise choosing each next action with feedback, or take the test when you are ready.")}
	r.body.Refresh()
	r.endActions("Test")
}

// orderNote says which steps may be done in any order with this one.
func (r *procRun) orderNote(i int) []widget.RichTextSegment {
	st := r.step(i)
	if st.Group == "" {
		return nil
	}
	var others []string
	for _, o := range r.e.proc.Steps {
		if o.Group == st.Group && o.ID != st.ID {
			others = append(others, "“"+stepShort(o.Instruction)+"”")
		}
	}
	return []widget.RichTextSegment{kit.Italic("In any order with " + strings.Join(others, " and ") + ".")}
}

// anatomyNote names what the model shows for a step.
func (r *procRun) anatomyNote(st content.ProcedureStep) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	if len(st.Focus.Highlight) > 0 {
		segs = append(segs, kit.Field("On the model, lit in green", r.s.names(st.Focus.Highlight)))
	}
	if len(st.Focus.Avoid) > 0 {
		segs = append(segs, coloredText("Keep clear of (magenta): "+r.s.names(st.Focus.Avoid), theme.ColorNameError))
	}
	return segs
}

func (r *procRun) errorsAt(step string) []content.ProcedureError {
	var out []content.ProcedureError
	for _, e := range r.e.proc.Errors {
		if e.At == step || e.InsteadOf == step {
			out = append(out, e)
		}
	}
	return out
}

// showStep turns the 3D view to a step's anatomy.
func (r *procRun) showStep(st content.ProcedureStep, mode focusMode) {
	r.s.focus(st.Focus, mode)
}

// picked takes a click on the model for a step about a place.
func (r *procRun) picked(hit render.Hit, ok bool) {
	switch {
	case r.prac != nil:
		if i, waiting := r.prac.Awaiting(); waiting {
			r.practiceLocate(i, measureClick(r.s.view.Model(), r.step(i).Location, hit, ok))
		}
	case r.test != nil && !r.ended:
		if i, waiting := r.test.Awaiting(); waiting {
			r.test.Locate(measureClick(r.s.view.Model(), r.step(i).Location, hit, ok), r.s.now())
			r.showTest()
		}
	}
}

// coloredText is a paragraph in a theme colour.
func coloredText(s string, c fyne.ThemeColorName) widget.RichTextSegment {
	st := widget.RichTextStyleParagraph
	st.ColorName = c
	return &widget.TextSegment{Text: s, Style: st}
}

// short is the first clause of an instruction, for naming a step in a sentence: up to the
// first colon, semicolon, bracket or ", and", cut at a word if still long.
func stepShort(s string) string {
	cut := len(s)
	for _, sep := range []string{": ", "; ", " (", ", and ", ", then ", ", tight", ". "} {
		if i := strings.Index(s, sep); i > 15 && i < cut {
			cut = i
		}
	}
	s = strings.TrimSuffix(s[:cut], ".")
	if rs := []rune(s); len(rs) > 80 {
		s = string(rs[:80])
		if i := strings.LastIndex(s, " "); i > 40 {
			s = s[:i]
		}
		s = strings.TrimRight(s, ",") + "…"
	}
	return s
}
