package ui

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

// choiceRow is one action to choose: its number key and its text, wrapped. Tapping chooses it;
// the selected row (moved with the arrow keys) is shaded.
type choiceRow struct {
	widget.BaseWidget
	key      string
	text     string
	selected bool
	hovered  bool
	onTap    func()
}

var (
	_ fyne.Tappable     = (*choiceRow)(nil)
	_ desktop.Hoverable = (*choiceRow)(nil)
)

func newChoiceRow(key, text string, onTap func()) *choiceRow {
	r := &choiceRow{key: key, text: text, onTap: onTap}
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer builds the background, the key and the wrapped text once.
func (r *choiceRow) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(color.Transparent)
	bg.CornerRadius = theme.InputRadiusSize()
	key := widget.NewLabelWithStyle(r.key, fyne.TextAlignCenter, fyne.TextStyle{Bold: true, Monospace: true})
	text := widget.NewLabel(r.text)
	text.Wrapping = fyne.TextWrapWord
	c := &choiceRowRenderer{row: r, bg: bg, key: key, text: text,
		WidgetRenderer: widget.NewSimpleRenderer(container.NewStack(bg, container.NewBorder(nil, nil, key, nil, text)))}
	c.Refresh()
	return c
}

// choiceRowRenderer lays out like a simple renderer and recolours on Refresh.
type choiceRowRenderer struct {
	fyne.WidgetRenderer
	row  *choiceRow
	bg   *canvas.Rectangle
	key  *widget.Label
	text *widget.Label
}

func (c *choiceRowRenderer) Refresh() {
	th := c.row.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	switch {
	case c.row.selected:
		c.bg.FillColor = th.Color(theme.ColorNameSelection, v)
		c.bg.StrokeColor = th.Color(theme.ColorNamePrimary, v)
		c.bg.StrokeWidth = 2
	case c.row.hovered:
		c.bg.FillColor = th.Color(theme.ColorNameHover, v)
		c.bg.StrokeWidth = 0
	default:
		c.bg.FillColor = th.Color(theme.ColorNameInputBackground, v)
		c.bg.StrokeWidth = 0
	}
	c.key.SetText(c.row.key)
	c.text.SetText(c.row.text)
	c.bg.Refresh()
}

// Tapped chooses the row.
func (r *choiceRow) Tapped(*fyne.PointEvent) {
	if r.onTap != nil {
		r.onTap()
	}
}

// MouseIn shades the row under the pointer.
func (r *choiceRow) MouseIn(*desktop.MouseEvent) { r.hovered = true; r.Refresh() }

// MouseMoved does nothing more.
func (r *choiceRow) MouseMoved(*desktop.MouseEvent) {}

// MouseOut removes the shade.
func (r *choiceRow) MouseOut() { r.hovered = false; r.Refresh() }

// choiceList shows numbered choices; number keys, arrows and Enter choose among them.
type choiceList struct {
	box      *fyne.Container
	rows     []*choiceRow
	selected int
	onChoose func(i int)
}

func newChoiceList() *choiceList {
	return &choiceList{box: container.NewVBox()}
}

// set shows texts as the choices, the first selected.
func (l *choiceList) set(texts []string) {
	l.rows = nil
	objs := make([]fyne.CanvasObject, len(texts))
	for i, t := range texts {
		key := ""
		if i < 9 {
			key = fmt.Sprint(i + 1)
		}
		row := newChoiceRow(key, t, func() { l.choose(i) })
		l.rows = append(l.rows, row)
		objs[i] = row
	}
	l.box.Objects = objs
	l.box.Refresh()
	l.selected = 0
	l.mark()
}

func (l *choiceList) mark() {
	for i, r := range l.rows {
		if sel := i == l.selected; r.selected != sel {
			r.selected = sel
			r.Refresh()
		}
	}
}

func (l *choiceList) move(d int) {
	if len(l.rows) == 0 {
		return
	}
	l.selected = (l.selected + d + len(l.rows)) % len(l.rows)
	l.mark()
}

func (l *choiceList) choose(i int) {
	if i >= 0 && i < len(l.rows) && l.onChoose != nil {
		l.onChoose(i)
	}
}

// key handles a key for the list; false if it is not the list's.
func (l *choiceList) key(name fyne.KeyName) bool {
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

// rune chooses by number key; false if it is not one.
func (l *choiceList) rune(r rune) bool {
	if r >= '1' && r <= '9' {
		l.choose(int(r - '1'))
		return true
	}
	return false
}

// keyCatcher holds the Procedures screen and takes its keys while nothing else has focus: a
// tap on an empty part of the screen gives it focus.
type keyCatcher struct {
	widget.BaseWidget
	content fyne.CanvasObject
	onKey   func(*fyne.KeyEvent)
	onRune  func(rune)
}

var (
	_ fyne.Focusable = (*keyCatcher)(nil)
	_ fyne.Tappable  = (*keyCatcher)(nil)
)

func newKeyCatcher(content fyne.CanvasObject) *keyCatcher {
	k := &keyCatcher{content: content}
	k.ExtendBaseWidget(k)
	return k
}

// CreateRenderer shows the content.
func (k *keyCatcher) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(k.content) }

// Tapped takes the focus.
func (k *keyCatcher) Tapped(*fyne.PointEvent) { k.focus() }

func (k *keyCatcher) focus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(k); c != nil {
		c.Focus(k)
	}
}

// FocusGained and FocusLost need no drawing.
func (k *keyCatcher) FocusGained() {}
func (k *keyCatcher) FocusLost()   {}

// TypedKey passes keys on.
func (k *keyCatcher) TypedKey(ev *fyne.KeyEvent) {
	if k.onKey != nil {
		k.onKey(ev)
	}
}

// TypedRune passes runes on.
func (k *keyCatcher) TypedRune(r rune) {
	if k.onRune != nil {
		k.onRune(r)
	}
}
