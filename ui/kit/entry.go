package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// ShortcutEntry is a text field that passes the window's own shortcuts (Ctrl+1…9 to change screen,
// Ctrl+O, Ctrl+F) on to the window: Fyne gives every shortcut to the focused field, which kept
// them from working while a search field had the keyboard.
type ShortcutEntry struct {
	widget.Entry
}

// NewShortcutEntry makes a single-line ShortcutEntry.
func NewShortcutEntry() *ShortcutEntry {
	e := &ShortcutEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut gives the window its shortcuts and the field the rest.
func (e *ShortcutEntry) TypedShortcut(s fyne.Shortcut) {
	if windowShortcut(s) {
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
			if sc, ok := c.(fyne.Shortcutable); ok {
				sc.TypedShortcut(s)
				return
			}
		}
	}
	e.Entry.TypedShortcut(s)
}

// windowShortcut: Ctrl (or Cmd) with a digit, O or F.
func windowShortcut(s fyne.Shortcut) bool {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok || cs.Modifier != fyne.KeyModifierShortcutDefault {
		return false
	}
	switch k := cs.KeyName; {
	case len(k) == 1 && k[0] >= '1' && k[0] <= '9', k == fyne.KeyO, k == fyne.KeyF:
		return true
	}
	return false
}
