package practice

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

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
