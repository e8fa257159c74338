package practice

import (
	"github.com/osteon/osteon/ui/kit"

	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/render"
)

// questionView is a question beside the 3D view, and then its feedback.
type questionView struct {
	p        *practice
	root     fyne.CanvasObject
	progress *kit.Hint
	prompt   *widget.RichText
	hint     *widget.Label
	legend   *kit.Legend // what the colours on the model mean
	choices  *fyne.Container
	buttons  []*kit.Choice
	entry    *answerEntry
	check    *widget.Button
	dontKnow *widget.Button
	feedback *widget.RichText
	next     *widget.Button
	saving   *kit.Hint
	leave    *widget.Button
	credit   *kit.Hint
}

func newQuestionView(p *practice) *questionView {
	v := &questionView{p: p, progress: kit.NewHint(""), prompt: widget.NewRichText(), hint: widget.NewLabel(""), legend: kit.NewLegend(),
		choices: container.NewVBox(), entry: newAnswerEntry(), feedback: widget.NewRichText(),
		saving: kit.NewHint(""), credit: kit.NewHint("")}
	v.progress.Wrapping = fyne.TextWrapWord
	v.prompt.Wrapping = fyne.TextWrapWord
	v.hint.Wrapping = fyne.TextWrapWord
	v.feedback.Wrapping = fyne.TextWrapWord
	v.credit.Truncation = fyne.TextTruncateEllipsis
	v.entry.SetPlaceHolder("Type the name, then press Enter")
	v.entry.OnSubmitted = func(s string) { p.answer(learning.Answer{Choice: -1, Typed: s}) }
	v.entry.onEscape = p.leave
	v.check = widget.NewButtonWithIcon("Check (Enter)", theme.ConfirmIcon(), p.confirm)
	v.check.Importance = widget.HighImportance
	v.dontKnow = widget.NewButton("I don't know (0)", func() { p.answer(learning.Answer{Choice: -1, GaveUp: true}) })
	v.next = widget.NewButtonWithIcon("Continue (Enter)", theme.NavigateNextIcon(), p.next)
	v.next.Importance = widget.HighImportance
	v.leave = widget.NewButtonWithIcon("End session (Esc)", theme.CancelIcon(), p.leave)
	top := container.NewVBox(v.progress, v.prompt, v.hint, v.legend, v.choices, v.entry, container.NewHBox(v.check, v.dontKnow))
	bottom := container.NewVBox(v.next, v.saving, v.leave)
	panel := container.NewPadded(container.NewBorder(top, bottom, nil, nil, container.NewVScroll(v.feedback)))
	split := container.NewHSplit(container.NewBorder(nil, v.credit, nil, nil, p.viewer), panel)
	split.Offset = 0.64
	v.root = split
	return v
}

// show lays out a new question.
func (v *questionView) show(r *practiceRun) {
	q := r.q
	v.progress.SetText(v.progressText(r))
	v.prompt.Segments = []widget.RichTextSegment{kit.Subheading(q.Prompt)}
	v.prompt.Refresh()
	v.buttons = v.buttons[:0]
	v.choices.RemoveAll()
	for i, c := range q.Choices {
		b := kit.NewChoice(fmt.Sprint(i+1), c.Text, func() { v.p.answer(learning.Answer{Choice: i}) })
		v.buttons = append(v.buttons, b)
		v.choices.Add(b)
	}
	v.choices.Hidden = len(q.Choices) == 0
	typed := q.Item.Kind() == learning.KindNameTyped
	v.entry.Hidden = !typed
	v.entry.SetText("")
	v.entry.Enable()
	v.check.Hidden = !typed && len(q.Choices) == 0
	v.check.Enable()
	v.dontKnow.Show()
	v.hint.SetText(hintFor(q))
	v.legend.Set(askKeys(q)...)
	v.feedback.Segments = nil
	v.feedback.Refresh()
	v.next.Hide()
	v.credit.SetText(creditLine(v.p.sh.Content()))
	v.status(r)
	v.choices.Refresh()
}

func (v *questionView) progressText(r *practiceRun) string {
	s := fmt.Sprintf("Question %d of %d", r.answered()+1, r.session.Length())
	if reg := r.q.Item.Region; reg != "" {
		s += " · " + regionLabel(reg)
	}
	if n := r.answered(); n > 0 {
		s += fmt.Sprintf(" · %d of %d right so far", r.correct(), n)
	}
	return s
}

// askKeys explain the colours while a question is asked: the structure to name, and landmarks.
func askKeys(q learning.Question) []kit.Key {
	var keys []kit.Key
	if len(q.Highlight) > 0 {
		keys = append(keys, kit.Key{Meaning: render.MeaningAnswer, Label: "Asked about"})
	}
	if len(q.Context) > 0 {
		keys = append(keys, kit.Key{Meaning: render.MeaningContext})
	}
	return keys
}

func hintFor(q learning.Question) string {
	switch q.Item.Kind() {
	case learning.KindFind:
		return "Click it on the model. Drag to turn the model, scroll to zoom, Shift+drag to move it."
	case learning.KindNameTyped:
		return "English or Latin names and synonyms count; small spelling slips are forgiven."
	case learning.KindNameChoice:
		return "Choose with the mouse, or press its number and then Enter. Turn the model to look around it."
	}
	if len(q.Choices) > 0 {
		return "Choose with the mouse, or press its number and then Enter."
	}
	return ""
}

func creditLine(c kit.Content) string {
	if c.Scene == nil || c.Scene.Attribution == "" {
		return ""
	}
	return "Model: " + c.Scene.Attribution
}

// focus puts the keyboard where the question needs it: the name field for typing, else the 3D
// view, which passes number keys, Enter and Esc on (and turns the model with the arrows).
func (v *questionView) focus(r *practiceRun) {
	c := v.p.sh.Window().Canvas()
	if !r.done && r.q.Item.Kind() == learning.KindNameTyped {
		c.Focus(v.entry)
		return
	}
	c.Focus(v.p.viewer)
}

// status says whether the answers are saved.
func (v *questionView) status(r *practiceRun) {
	switch {
	case r.saveErr != nil:
		v.saving.SetError(true)
		v.saving.SetText("Could not save an answer: " + r.saveErr.Error())
	case r.saving > 0:
		v.saving.SetError(false)
		v.saving.SetText("Saving…")
	case r.answered() > 0:
		v.saving.SetError(false)
		v.saving.SetText(kit.Plural(r.answered(), "answer", "answers") + " saved")
	default:
		v.saving.SetText("")
	}
}

// choose marks choice i (a number key); Enter then checks it.
func (p *practice) choose(i int) {
	r := p.run
	if r == nil || r.done || r.summary || i < 0 || i >= len(p.question.buttons) {
		return
	}
	r.selected = i
	for j, b := range p.question.buttons {
		if j == i {
			b.SetMark(kit.ChoiceSelected)
		} else {
			b.SetMark(kit.ChoicePlain)
		}
	}
}

// confirm is Enter or Check: answer with the marked choice or the typed name, or move on after
// the feedback.
func (p *practice) confirm() {
	r := p.run
	switch {
	case r == nil:
	case r.summary:
		p.again()
	case r.done:
		p.next()
	case r.q.Item.Kind() == learning.KindNameTyped:
		p.answer(learning.Answer{Choice: -1, Typed: p.question.entry.Text})
	case r.selected >= 0:
		p.answer(learning.Answer{Choice: r.selected})
	case len(r.q.Choices) > 0:
		p.question.hint.SetText("Press a number to choose (1 to " + fmt.Sprint(len(r.q.Choices)) + "), or click an answer.")
	}
}

// picked takes a click on the model: the answer to a "find" question; after answering, it names
// what was clicked so the learner can look around. While a naming question is open a click says
// nothing, as that would give the answer away.
func (p *practice) picked(hit render.Hit, ok bool) {
	r := p.run
	if r == nil || r.summary {
		return
	}
	switch {
	case !r.done && r.q.Item.Kind() == learning.KindFind && !ok:
		p.question.hint.SetText("That was empty space: click on a structure.")
	case !r.done && r.q.Item.Kind() == learning.KindFind:
		p.answer(learning.Answer{Choice: -1, Picked: hit.ID})
	case r.done && ok:
		if s, found := r.bank.Structure(hit.ID); found {
			p.question.hint.SetText("You clicked: " + s.Name)
		}
	}
}

// rune handles typed characters: number keys choose.
func (p *practice) rune(ch rune) {
	switch {
	case ch >= '1' && ch <= '9':
		p.choose(int(ch - '1'))
	case ch == '0':
		if r := p.run; r != nil && !r.done && !r.summary {
			p.answer(learning.Answer{Choice: -1, GaveUp: true}) // "I don't know", for every kind
		}
	}
}

// key handles Enter (check, continue, start) and Escape (leave, with a prompt).
func (p *practice) key(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if p.run == nil && p.sh.Learner() == nil && p.sh.Store() != nil {
			p.sh.ShowProfiles() // "Who is practising?": Enter chooses the profile
		} else if p.run == nil {
			p.setup.key(ev)
		} else {
			p.confirm()
		}
	case fyne.KeyEscape:
		p.leave()
	default:
		return false
	}
	return true
}
