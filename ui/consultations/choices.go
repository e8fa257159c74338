package consultations

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// replyRow is one numbered reply, its text wrapped; a tap says it. The picked row is outlined.
type replyRow struct {
	widget.BaseWidget
	key, text string
	picked    bool
	onTap     func()
	bg        *canvas.Rectangle
}

var _ fyne.Tappable = (*replyRow)(nil)

func newReplyRow(key, text string, onTap func()) *replyRow {
	r := &replyRow{key: key, text: text, onTap: onTap, bg: canvas.NewRectangle(color.Transparent)}
	r.bg.CornerRadius = theme.InputRadiusSize()
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer lays out the key beside the wrapped text over a background.
func (r *replyRow) CreateRenderer() fyne.WidgetRenderer {
	key := widget.NewLabelWithStyle(r.key, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	text := widget.NewLabel(r.text)
	text.Wrapping = fyne.TextWrapWord
	r.paint()
	return widget.NewSimpleRenderer(container.NewStack(r.bg, container.NewBorder(nil, nil, key, nil, text)))
}

// paint colours the background for the picked state.
func (r *replyRow) paint() {
	th := r.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.bg.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.bg.StrokeWidth = 0
	if r.picked {
		r.bg.FillColor = th.Color(theme.ColorNameSelection, v)
		r.bg.StrokeColor = th.Color(theme.ColorNamePrimary, v)
		r.bg.StrokeWidth = 2
	}
	r.bg.Refresh()
}

// Tapped says the reply.
func (r *replyRow) Tapped(*fyne.PointEvent) {
	if r.onTap != nil {
		r.onTap()
	}
}

// replyList shows numbered replies: 1-5 (or the arrows) pick one, Enter says it, a tap says it.
type replyList struct {
	box    *fyne.Container
	rows   []*replyRow
	picked int
	onSay  func(i int)
}

func newReplyList(onSay func(i int)) *replyList {
	return &replyList{box: container.NewVBox(), onSay: onSay}
}

// set shows texts as the replies, none picked.
func (l *replyList) set(texts []string) {
	l.rows, l.picked = nil, -1
	objs := make([]fyne.CanvasObject, len(texts))
	for i, t := range texts {
		row := newReplyRow(fmt.Sprint(i+1), t, func() { l.say(i) })
		l.rows = append(l.rows, row)
		objs[i] = row
	}
	l.box.Objects = objs
	l.box.Refresh()
}

func (l *replyList) pick(i int) {
	if i < 0 || i >= len(l.rows) {
		return
	}
	l.picked = i
	for k, r := range l.rows {
		r.picked = k == i
		r.paint()
	}
}

func (l *replyList) say(i int) {
	if i >= 0 && i < len(l.rows) && l.onSay != nil {
		l.onSay(i)
	}
}

// key handles arrows and Enter; false when the key is not the list's.
func (l *replyList) key(name fyne.KeyName) bool {
	switch name {
	case fyne.KeyUp:
		l.pick(max(l.picked-1, 0))
	case fyne.KeyDown:
		l.pick(min(l.picked+1, len(l.rows)-1))
	case fyne.KeyReturn, fyne.KeyEnter:
		if l.picked < 0 {
			return len(l.rows) > 0 // Enter with nothing picked does nothing
		}
		l.say(l.picked)
	default:
		return false
	}
	return true
}

// rune picks by number; false when it is not one of the replies.
func (l *replyList) rune(r rune) bool {
	i := int(r - '1')
	if r < '1' || r > '9' || i >= len(l.rows) {
		return false
	}
	l.pick(i)
	return true
}
