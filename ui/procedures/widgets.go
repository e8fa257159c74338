package procedures

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

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
