package practice

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// choiceMark is how a choice is shown.
type choiceMark int

const (
	choicePlain    choiceMark = iota
	choiceSelected            // chosen with a number key, not yet checked
	choiceRight               // the right answer, after answering
	choiceWrong               // the learner's wrong choice, after answering
)

// choiceButton is one answer to choose: its number key and its text, which wraps, so long quiz
// answers stay readable in a narrow panel. Tapping it chooses it.
type choiceButton struct {
	widget.BaseWidget
	number   int
	text     string
	mark     choiceMark
	OnTapped func()
	hovered  bool
	disabled bool
}

var (
	_ fyne.Widget        = (*choiceButton)(nil)
	_ fyne.Tappable      = (*choiceButton)(nil)
	_ desktop.Hoverable  = (*choiceButton)(nil)
	_ desktop.Cursorable = (*choiceButton)(nil)
)

func newChoiceButton(number int, text string, tapped func()) *choiceButton {
	b := &choiceButton{number: number, text: text, OnTapped: tapped}
	b.ExtendBaseWidget(b)
	return b
}

// setMark changes how the choice is shown.
func (b *choiceButton) setMark(m choiceMark) {
	b.mark = m
	b.Refresh()
}

// setDisabled stops taps (after answering).
func (b *choiceButton) setDisabled(d bool) {
	b.disabled = d
	b.Refresh()
}

// Tapped chooses.
func (b *choiceButton) Tapped(*fyne.PointEvent) {
	if !b.disabled && b.OnTapped != nil {
		b.OnTapped()
	}
}

// MouseIn shows the choice can be tapped.
func (b *choiceButton) MouseIn(*desktop.MouseEvent) { b.hovered = true; b.Refresh() }

// MouseMoved does nothing.
func (b *choiceButton) MouseMoved(*desktop.MouseEvent) {}

// MouseOut ends the hover look.
func (b *choiceButton) MouseOut() { b.hovered = false; b.Refresh() }

// Cursor is a pointer while the choice can be tapped.
func (b *choiceButton) Cursor() desktop.Cursor {
	if b.disabled {
		return desktop.DefaultCursor
	}
	return desktop.PointerCursor
}

// CreateRenderer builds the background, the number and the text once.
func (b *choiceButton) CreateRenderer() fyne.WidgetRenderer {
	r := &choiceRenderer{b: b, bg: canvas.NewRectangle(color.Transparent),
		number: widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true}),
		text:   widget.NewLabel("")}
	r.text.Wrapping = fyne.TextWrapWord
	r.bg.CornerRadius = theme.InputRadiusSize()
	r.bg.StrokeWidth = 1
	r.root = container.NewStack(r.bg, container.NewBorder(nil, nil, r.number, nil, r.text))
	r.Refresh()
	return r
}

type choiceRenderer struct {
	b      *choiceButton
	bg     *canvas.Rectangle
	number *widget.Label
	text   *widget.Label
	root   *fyne.Container
}

func (r *choiceRenderer) Layout(s fyne.Size)           { r.root.Resize(s) }
func (r *choiceRenderer) MinSize() fyne.Size           { return r.root.MinSize() }
func (r *choiceRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.root} }
func (r *choiceRenderer) Destroy()                     {}

// Refresh reads the colours from the theme for the mark: right is the success colour, wrong the
// error colour, each also said in words by the feedback, so colour is never the only sign.
func (r *choiceRenderer) Refresh() {
	th, v := r.b.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	r.number.SetText(fmt.Sprintf("%d", r.b.number))
	label := r.b.text
	fill, stroke := th.Color(theme.ColorNameInputBackground, v), th.Color(theme.ColorNameInputBorder, v)
	switch r.b.mark {
	case choiceSelected:
		fill, stroke = th.Color(theme.ColorNameSelection, v), th.Color(theme.ColorNamePrimary, v)
	case choiceRight:
		stroke, label = th.Color(theme.ColorNameSuccess, v), "✓ "+label
		fill = fade(stroke)
	case choiceWrong:
		stroke, label = th.Color(theme.ColorNameError, v), "✗ "+label
		fill = fade(stroke)
	}
	if r.b.hovered && !r.b.disabled && r.b.mark == choicePlain {
		fill = th.Color(theme.ColorNameHover, v)
	}
	r.bg.FillColor, r.bg.StrokeColor = fill, stroke
	r.text.SetText(label)
	r.bg.Refresh()
}

// fade is c at a quarter strength, for a tinted background.
func fade(c color.Color) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x40}
}

// answerEntry is the typed-answer field: Enter checks (OnSubmitted) and Escape asks to leave,
// which a plain Entry would swallow.
type answerEntry struct {
	widget.Entry
	onEscape func()
}

func newAnswerEntry() *answerEntry {
	e := &answerEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey passes Escape to onEscape.
func (e *answerEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(ev)
}
