package consultations

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/ui/kit"
)

type mode int8

const (
	modeLearn mode = iota
	modePractice
	modeTest
)

var modeNames = [...]string{"Learn", "Practice", "Test"}

// run is one Learn, Practice or Test run: the transcript so far, the replies on offer, and at
// the end a summary or the Test's debrief.
type run struct {
	s        *Screen
	c        *content.Consultation
	mode     mode
	learn    *learning.ConsultLearn
	practice *learning.ConsultPractice
	test     *learning.ConsultTest
	choices  []learning.ConsultChoice
	outcome  *learning.ConsultOutcome
	saved    string // what became of the Test's record

	root       *fyne.Container
	header     *widget.RichText
	transcript *widget.RichText
	scroll     *container.Scroll
	replies    *replyList
	buttons    *fyne.Container
}

func newRun(s *Screen, c *content.Consultation, m mode) *run {
	r := &run{s: s, c: c, mode: m}
	switch m {
	case modeLearn:
		r.learn = learning.NewConsultLearn(c)
	case modePractice:
		r.practice = learning.NewConsultPractice(c, s.Seed())
	case modeTest:
		r.test = learning.NewConsultTest(c, s.Seed(), s.Now())
	}
	r.header = widget.NewRichText()
	r.header.Wrapping = fyne.TextWrapWord
	r.transcript = widget.NewRichText()
	r.transcript.Wrapping = fyne.TextWrapWord
	r.scroll = container.NewVScroll(r.transcript)
	r.replies = newReplyList(r.say)
	r.buttons = container.NewHBox()
	bottom := container.NewVBox(r.replies.box, r.buttons)
	r.root = container.NewBorder(r.header, container.NewPadded(bottom), nil, nil, r.scroll)
	r.show()
	return r
}

// show draws the run as it stands.
func (r *run) show() {
	switch {
	case r.learn != nil:
		r.showLearn()
	case r.practice != nil:
		r.showConversation(r.practice.Conversation(), r.practice.Choices(), r.practice.Feedback())
	case r.outcome != nil:
		r.showDebrief()
		return
	default:
		r.showConversation(r.test.Conversation(), r.test.Choices(), nil)
	}
	if r.outcome == nil {
		r.scroll.Refresh() // lay the new transcript out first, so the bottom is its bottom
		r.scroll.ScrollToBottom()
	}
}

func (r *run) setHeader(extra string) {
	segs := []widget.RichTextSegment{kit.Heading(r.c.Title),
		kit.Italic(fmt.Sprintf("%s · you are the %s, speaking with the %s", modeNames[r.mode], r.c.LearnerRole, r.c.OtherRole))}
	if extra != "" {
		segs = append(segs, kit.Para(extra))
	}
	r.header.Segments = segs
	r.header.Refresh()
}

// showLearn shows the model consultation up to the step reached, with the commentary.
func (r *run) showLearn() {
	pos, n := r.learn.Pos()
	r.setHeader(fmt.Sprintf("Step %d of %d. → or Enter: next, ←: back, Esc: leave.", pos, n))
	var segs []widget.RichTextSegment
	stage := ""
	for _, st := range r.learn.Steps()[:pos] {
		segs = append(segs, r.turnSegments(st.Turn, &stage)...)
		if st.Option >= 0 {
			o := r.c.Turns[st.Turn].Options[st.Option]
			segs = append(append(segs, said("You", o.Text)...), kit.Italic("Why: "+o.Feedback))
		}
	}
	r.transcript.Segments = segs
	r.transcript.Refresh()
	r.replies.set(nil)
	r.setButtons(button("← Back", func() { r.learnMove(false) }), button("Next →", func() { r.learnMove(true) }), r.leaveButton())
}

func (r *run) learnMove(next bool) {
	if next {
		r.learn.Next()
	} else {
		r.learn.Back()
	}
	r.show()
}

// showConversation shows the transcript of a Practice or Test run (with the feedback given, in
// Practice) and the replies on offer, or what comes at the end.
func (r *run) showConversation(cv *learning.Conversation, choices []learning.ConsultChoice, feedback []learning.ConsultFeedback) {
	var segs []widget.RichTextSegment
	stage := ""
	for i, m := range cv.Moves() {
		segs = append(segs, r.turnSegments(m.Turn, &stage)...)
		segs = append(segs, said("You", r.c.Turns[m.Turn].Options[m.Option].Text)...)
		if i < len(feedback) {
			segs = append(segs, feedbackSegments(r.c, feedback[i])...)
		}
	}
	segs = append(segs, r.turnSegments(cv.Turn(), &stage)...)
	r.transcript.Segments = segs
	r.transcript.Refresh()
	r.choices = choices
	texts := make([]string, len(choices))
	for i, ch := range choices {
		texts[i] = ch.Text
	}
	r.replies.set(texts)
	if !cv.Ended() {
		r.setHeader("Pick a reply with 1-" + fmt.Sprint(len(choices)) + " (or ↑ ↓) and press Enter, or click it. Esc leaves.")
		r.setButtons(r.leaveButton())
		return
	}
	if r.test != nil {
		r.finishTest()
		return
	}
	good := 0
	for _, fb := range feedback {
		if fb.Good {
			good++
		}
	}
	r.setHeader(fmt.Sprintf("The conversation has ended: %d of %d replies were good. P: practise again, T: take the Test, Esc: back.", good, len(feedback)))
	r.setButtons(r.againButtons()...)
}

// turnSegments shows what the other person says at turn i, with the cues, under the turn's
// stage when it differs from *stage (the stage shown last, updated).
func (r *run) turnSegments(i int, stage *string) []widget.RichTextSegment {
	t := &r.c.Turns[i]
	var segs []widget.RichTextSegment
	if t.Stage != "" && t.Stage != *stage {
		segs = append(segs, kit.Subheading(t.Stage))
		*stage = t.Stage
	}
	if who := learning.SpeakerOf(r.c, t); who == narrator {
		segs = append(segs, kit.Para(t.Text))
	} else {
		segs = append(segs, said(kit.Capitalise(who), t.Text)...)
	}
	if cues := cueText(t.Cues); cues != "" {
		segs = append(segs, kit.Italic(cues))
	}
	return segs
}

// narrator is the speaker of turns that tell what happened rather than what someone says.
const narrator = "outcome"

// cueText says the cues a learner would see and hear.
func cueText(c content.Cues) string {
	var parts []string
	for _, p := range []struct{ label, text string }{{"Tone", c.Tone}, {"Pause", c.Pause}, {"Present", c.Present}, {"You see", c.Body}} {
		if p.text != "" {
			parts = append(parts, p.label+": "+p.text)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "[" + strings.Join(parts, " · ") + "]"
}

// said is one line of the transcript: the speaker in bold, then the words.
func said(who, text string) []widget.RichTextSegment {
	return []widget.RichTextSegment{kit.Strong(who + ": "), kit.Para(text)}
}

// feedbackSegments is Practice's feedback on one reply.
func feedbackSegments(c *content.Consultation, fb learning.ConsultFeedback) []widget.RichTextSegment {
	verdict := "✓ A good reply. "
	switch {
	case fb.Critical:
		verdict = "✗ Critical: this reply would fail a Test. "
	case !fb.Good:
		verdict = "✗ A poor reply. "
	}
	segs := []widget.RichTextSegment{kit.Strong(verdict), kit.Para(fb.Text)}
	if fb.EmpathyDue && !fb.Empathic {
		segs = append(segs, kit.Para("The emotion in that turn called for an empathic response."))
	}
	if fb.Better >= 0 {
		b := c.Turns[fb.Move.Turn].Options[fb.Better]
		segs = append(segs, kit.Para("Better: “"+b.Text+"”"))
	}
	return segs
}

// say says reply i of those on offer.
func (r *run) say(i int) {
	if i < 0 || i >= len(r.choices) {
		return
	}
	k := r.choices[i].Option
	switch {
	case r.practice != nil:
		r.practice.Choose(k)
	case r.test != nil && r.outcome == nil:
		r.test.Choose(k)
	}
	r.show()
}

// key handles a key during the run.
func (r *run) key(ev *fyne.KeyEvent) bool {
	if ev.Name == fyne.KeyEscape {
		r.s.leave()
		return true
	}
	if r.learn != nil {
		switch ev.Name {
		case fyne.KeyRight, fyne.KeyReturn, fyne.KeyEnter:
			r.learnMove(true)
		case fyne.KeyLeft:
			r.learnMove(false)
		default:
			return false
		}
		return true
	}
	return r.replies.key(ev.Name)
}

// rune picks a reply by number, or at the end starts another run.
func (r *run) rune(ch rune) bool {
	if r.replies.rune(ch) {
		return true
	}
	if !r.ended() {
		return false
	}
	switch ch {
	case 'l', 'L':
		r.s.start(modeLearn)
	case 'p', 'P':
		r.s.start(modePractice)
	case 't', 'T':
		r.s.start(modeTest)
	default:
		return false
	}
	return true
}

func (r *run) ended() bool {
	switch {
	case r.learn != nil:
		return true
	case r.practice != nil:
		return r.practice.Conversation().Ended()
	}
	return r.outcome != nil
}

func (r *run) setButtons(bs ...fyne.CanvasObject) {
	r.buttons.Objects = bs
	r.buttons.Refresh()
}

func (r *run) leaveButton() fyne.CanvasObject {
	return button("Leave (Esc)", r.s.leave)
}

func (r *run) againButtons() []fyne.CanvasObject {
	return []fyne.CanvasObject{button("Practise again (P)", func() { r.s.start(modePractice) }),
		button("Take the Test (T)", func() { r.s.start(modeTest) }), button("Back to the list (Esc)", r.s.leave)}
}

func button(label string, tap func()) *widget.Button { return widget.NewButton(label, tap) }

// finishTest scores the Test, records it and shows the debrief.
func (r *run) finishTest() {
	out := r.test.Finish(r.s.Now())
	r.outcome = &out
	r.saved = "Saving…"
	if !r.s.record(r.c, out, r.savedAs) {
		r.saved = "Not saved: choose a profile to keep your results."
	}
	r.showDebrief()
}

func (r *run) savedAs(err error) {
	r.saved = "Saved to your progress."
	if err != nil {
		r.saved = "Could not be saved: " + err.Error()
	}
	if r.s.run == r && r.outcome != nil {
		r.showDebrief()
	}
}

// currentTurn is the turn being answered in Practice or Test (-1 in Learn).
func (r *run) currentTurn() int {
	switch {
	case r.practice != nil:
		return r.practice.Conversation().Turn()
	case r.test != nil:
		return r.test.Conversation().Turn()
	}
	return -1
}
