package kit

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

// ChoiceMark is how a choice is shown.
type ChoiceMark int

// The marks of a choice.
const (
	ChoicePlain    ChoiceMark = iota
	ChoiceSelected            // chosen with a number or arrow key, not yet confirmed
	ChoiceRight               // the right answer, after answering
	ChoiceWrong               // the learner's wrong choice, after answering
)

// Choice is one numbered thing to choose (a quiz answer, a procedure's next action): its key and
// its text, which wraps, so long answers stay readable in a narrow panel. Tapping it chooses it.
// Practice's answers and the Procedures screen's actions are both made of it.
type Choice struct {
	widget.BaseWidget
	key      string
	text     string
	mark     ChoiceMark
	OnTapped func()
	hovered  bool
	disabled bool
}

var (
	_ fyne.Widget        = (*Choice)(nil)
	_ fyne.Tappable      = (*Choice)(nil)
	_ desktop.Hoverable  = (*Choice)(nil)
	_ desktop.Cursorable = (*Choice)(nil)
)

// NewChoice is a choice shown with key (e.g. "1"; "" for none) and text.
func NewChoice(key, text string, tapped func()) *Choice {
	c := &Choice{key: key, text: text, OnTapped: tapped}
	c.ExtendBaseWidget(c)
	return c
}

// Mark is how the choice is shown now.
func (c *Choice) Mark() ChoiceMark { return c.mark }

// SetMark changes how the choice is shown.
func (c *Choice) SetMark(m ChoiceMark) {
	c.mark = m
	c.Refresh()
}

// SetDisabled stops taps (after answering).
func (c *Choice) SetDisabled(d bool) {
	c.disabled = d
	c.Refresh()
}

// Tapped chooses.
func (c *Choice) Tapped(*fyne.PointEvent) {
	if !c.disabled && c.OnTapped != nil {
		c.OnTapped()
	}
}

// MouseIn shows the choice can be tapped.
func (c *Choice) MouseIn(*desktop.MouseEvent) { c.hovered = true; c.Refresh() }

// MouseMoved does nothing.
func (c *Choice) MouseMoved(*desktop.MouseEvent) {}

// MouseOut ends the hover look.
func (c *Choice) MouseOut() { c.hovered = false; c.Refresh() }

// Cursor is a pointer while the choice can be tapped.
func (c *Choice) Cursor() desktop.Cursor {
	if c.disabled {
		return desktop.DefaultCursor
	}
	return desktop.PointerCursor
}

// CreateRenderer builds the background, the key and the text once.
func (c *Choice) CreateRenderer() fyne.WidgetRenderer {
	r := &choiceRenderer{c: c, bg: canvas.NewRectangle(color.Transparent),
		key:  widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true}),
		text: widget.NewLabel("")}
	r.text.Wrapping = fyne.TextWrapWord
	r.bg.CornerRadius = theme.InputRadiusSize()
	r.root = container.NewStack(r.bg, container.NewBorder(nil, nil, r.key, nil, r.text))
	r.Refresh()
	return r
}

type choiceRenderer struct {
	c    *Choice
	bg   *canvas.Rectangle
	key  *widget.Label
	text *widget.Label
	root *fyne.Container
}

func (r *choiceRenderer) Layout(s fyne.Size)           { r.root.Resize(s) }
func (r *choiceRenderer) MinSize() fyne.Size           { return r.root.MinSize() }
func (r *choiceRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.root} }
func (r *choiceRenderer) Destroy()                     {}

// Refresh reads the colours from the theme for the mark: a selected choice has the selection
// fill and a thick primary border; right is the success colour, wrong the error colour, each
// also marked ✓ or ✗, so colour is never the only sign.
func (r *choiceRenderer) Refresh() {
	th, v := r.c.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	r.key.SetText(r.c.key)
	r.key.Hidden = r.c.key == ""
	label := r.c.text
	fill, stroke, width := th.Color(theme.ColorNameInputBackground, v), th.Color(theme.ColorNameInputBorder, v), float32(1)
	switch r.c.mark {
	case ChoiceSelected:
		fill, stroke, width = th.Color(theme.ColorNameSelection, v), th.Color(theme.ColorNamePrimary, v), 2
	case ChoiceRight:
		stroke, label = th.Color(theme.ColorNameSuccess, v), "✓ "+label
		fill = fade(stroke)
	case ChoiceWrong:
		stroke, label = th.Color(theme.ColorNameError, v), "✗ "+label
		fill = fade(stroke)
	}
	if r.c.hovered && !r.c.disabled && r.c.mark == ChoicePlain {
		fill = th.Color(theme.ColorNameHover, v)
	}
	r.bg.FillColor, r.bg.StrokeColor, r.bg.StrokeWidth = fill, stroke, width
	r.text.SetText(label)
	r.bg.Refresh()
}

// fade is c at a quarter strength, for a tinted background.
func fade(c color.Color) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x40}
}

// ChoiceList shows numbered choices where the keys choose at once: 1 to 9 choose that one, the
// arrows move the selection and Enter or Space choose it.
type ChoiceList struct {
	Box      *fyne.Container
	rows     []*Choice
	selected int
	OnChoose func(i int)
}

// NewChoiceList is an empty list.
func NewChoiceList() *ChoiceList { return &ChoiceList{Box: container.NewVBox()} }

// Set shows texts as the choices, the first selected.
func (l *ChoiceList) Set(texts []string) {
	l.rows = nil
	objs := make([]fyne.CanvasObject, len(texts))
	for i, t := range texts {
		key := ""
		if i < 9 {
			key = fmt.Sprint(i + 1)
		}
		row := NewChoice(key, t, func() { l.choose(i) })
		l.rows = append(l.rows, row)
		objs[i] = row
	}
	l.Box.Objects = objs
	l.Box.Refresh()
	l.selected = 0
	l.mark()
}

// Selected is the index of the selected choice.
func (l *ChoiceList) Selected() int { return l.selected }

func (l *ChoiceList) mark() {
	for i, r := range l.rows {
		m := ChoicePlain
		if i == l.selected {
			m = ChoiceSelected
		}
		if r.mark != m {
			r.SetMark(m)
		}
	}
}

func (l *ChoiceList) move(d int) {
	if len(l.rows) == 0 {
		return
	}
	l.selected = (l.selected + d + len(l.rows)) % len(l.rows)
	l.mark()
}

func (l *ChoiceList) choose(i int) {
	if i >= 0 && i < len(l.rows) && l.OnChoose != nil {
		l.OnChoose(i)
	}
}

// Key handles a key for the list; false if it is not the list's.
func (l *ChoiceList) Key(name fyne.KeyName) bool {
	switch name {
	case fyne.KeyUp:
		l.move(-1)
	case fyne.KeyDown:
		l.move(1)
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		l.choose(l.selected)
	default:
		return false
	}
	return true
}

// Rune chooses by number key; false if it is not one.
func (l *ChoiceList) Rune(r rune) bool {
	if r >= '1' && r <= '9' {
		l.choose(int(r - '1'))
		return true
	}
	return false
}
