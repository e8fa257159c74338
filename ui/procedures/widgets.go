package procedures

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

// procChoiceRow is one action to choose: its number key and its text, wrapped. Tapping chooses it;
// the selected row (moved with the arrow keys) is shaded.
type procChoiceRow struct {
	widget.BaseWidget
	key      string
	text     string
	selected bool
	hovered  bool
	onTap    func()
}

var (
	_ fyne.Tappable     = (*procChoiceRow)(nil)
	_ desktop.Hoverable = (*procChoiceRow)(nil)
)

func newProcChoiceRow(key, text string, onTap func()) *procChoiceRow {
	r := &procChoiceRow{key: key, text: text, onTap: onTap}
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer builds the background, the key and the wrapped text once.
func (r *procChoiceRow) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(color.Transparent)
	bg.CornerRadius = theme.InputRadiusSize()
	key := widget.NewLabelWithStyle(r.key, fyne.TextAlignCenter, fyne.TextStyle{Bold: true, Monospace: true})
	text := widget.NewLabel(r.text)
	text.Wrapping = fyne.TextWrapWord
	c := &procChoiceRowRenderer{row: r, bg: bg, key: key, text: text,
		WidgetRenderer: widget.NewSimpleRenderer(container.NewStack(bg, container.NewBorder(nil, nil, key, nil, text)))}
	c.Refresh()
	return c
}

// procChoiceRowRenderer lays out like a simple renderer and recolours on Refresh.
type procChoiceRowRenderer struct {
	fyne.WidgetRenderer
	row  *procChoiceRow
	bg   *canvas.Rectangle
	key  *widget.Label
	text *widget.Label
}

func (c *procChoiceRowRenderer) Refresh() {
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
func (r *procChoiceRow) Tapped(*fyne.PointEvent) {
	if r.onTap != nil {
		r.onTap()
	}
}

// MouseIn shades the row under the pointer.
func (r *procChoiceRow) MouseIn(*desktop.MouseEvent) { r.hovered = true; r.Refresh() }

// MouseMoved does nothing more.
func (r *procChoiceRow) MouseMoved(*desktop.MouseEvent) {}

// MouseOut removes the shade.
func (r *procChoiceRow) MouseOut() { r.hovered = false; r.Refresh() }

// procChoiceList shows numbered choices; number keys, arrows and Enter choose among them.
type procChoiceList struct {
	box      *fyne.Container
	rows     []*procChoiceRow
	selected int
	onChoose func(i int)
}

func newProcChoiceList() *procChoiceList {
	return &procChoiceList{box: container.NewVBox()}
}

// set shows texts as the choices, the first selected.
func (l *procChoiceList) set(texts []string) {
	l.rows = nil
	objs := make([]fyne.CanvasObject, len(texts))
	for i, t := range texts {
		key := ""
		if i < 9 {
			key = fmt.Sprint(i + 1)
		}
		row := newProcChoiceRow(key, t, func() { l.choose(i) })
		l.rows = append(l.rows, row)
		objs[i] = row
	}
	l.box.Objects = objs
	l.box.Refresh()
	l.selected = 0
	l.mark()
}

func (l *procChoiceList) mark() {
	for i, r := range l.rows {
		if sel := i == l.selected; r.selected != sel {
			r.selected = sel
			r.Refresh()
		}
	}
}

func (l *procChoiceList) move(d int) {
	if len(l.rows) == 0 {
		return
	}
	l.selected = (l.selected + d + len(l.rows)) % len(l.rows)
	l.mark()
}

func (l *procChoiceList) choose(i int) {
	if i >= 0 && i < len(l.rows) && l.onChoose != nil {
		l.onChoose(i)
	}
}

// key handles a key for the list; false if it is not the list's.
func (l *procChoiceList) key(name fyne.KeyName) bool {
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
func (l *procChoiceList) rune(r rune) bool {
	if r >= '1' && r <= '9' {
		l.choose(int(r - '1'))
		return true
	}
	return false
}

// procKeyCatcher holds the Procedures screen and takes its keys while nothing else has focus: a
// tap on an empty part of the screen gives it focus.
type procKeyCatcher struct {
	widget.BaseWidget
	content fyne.CanvasObject
	onKey   func(*fyne.KeyEvent)
	onRune  func(rune)
}

var (
	_ fyne.Focusable = (*procKeyCatcher)(nil)
	_ fyne.Tappable  = (*procKeyCatcher)(nil)
)

func newProcKeyCatcher(content fyne.CanvasObject) *procKeyCatcher {
	k := &procKeyCatcher{content: content}
	k.ExtendBaseWidget(k)
	return k
}

// CreateRenderer shows the content.
func (k *procKeyCatcher) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(k.content)
}

// Tapped takes the focus.
func (k *procKeyCatcher) Tapped(*fyne.PointEvent) { k.focus() }

func (k *procKeyCatcher) focus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(k); c != nil {
		c.Focus(k)
	}
}

// FocusGained and FocusLost need no drawing.
func (k *procKeyCatcher) FocusGained() {}
func (k *procKeyCatcher) FocusLost()   {}

// TypedKey passes keys on.
func (k *procKeyCatcher) TypedKey(ev *fyne.KeyEvent) {
	if k.onKey != nil {
		k.onKey(ev)
	}
}

// TypedRune passes runes on.
func (k *procKeyCatcher) TypedRune(r rune) {
	if k.onRune != nil {
		k.onRune(r)
	}
}
