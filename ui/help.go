package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
	"github.com/osteon/osteon/ui/kit"
)

var (
	shortcutOpen   = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSearch = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
)

// keyHelp lists every shortcut; the help overlay shows it. Explore's single letters work while the
// 3D view or the structure list has focus (or nothing does).
var keyHelp = [][2]string{
	{"Drag", "Turn the model"},
	{"Right-drag, middle-drag or Shift+drag", "Move (pan) the model"},
	{"Scroll, + / −, Page Up / Down", "Zoom in and out"},
	{"Click", "Select a structure (click empty space to clear)"},
	{"Arrow keys", "Turn the model (with the 3D view focused)"},
	{"F", "Frame the selected structure"},
	{"R or Home", "Reset the view"},
	{"H", "Hide the selected structure"},
	{"I", "Isolate the selected structure"},
	{"G", "Ghost the others (see through them)"},
	{"A", "Show all"},
	{"Ctrl+Z", "Undo hide, isolate, ghost or show all"},
	{"X", "Section plane: none, axial, coronal, sagittal, free (facing you); the list under the view says what it cuts"},
	{"[ / ]", "Move the section plane back and forth through the model"},
	{"Tab, then ← / →", "On the section list: the next or previous plane (Space opens the list); on the section slider: move the plane a little"},
	{"Esc", "Clear the selection"},
	{"Ctrl+F", "Search structures"},
	{"Ctrl+O", "Open a model file (.glb, .gltf, .obj) or a tour file (.tour.toml)"},
	{"Ctrl+1 … Ctrl+9, Ctrl+0", "Go to Explore, Practice, Procedures, Consultations, Drills, Progress, Packs, Settings, Class, Tours"},
	{"1 – 4, 0, Enter, Esc", "In Practice: choose an answer, say “I don't know”, check it and go on, end the session (your answers are kept)"},
	{"L, P, T, ← / →, 1 – 9, Esc", "In Procedures: Learn, Practise or Test the chosen procedure, move between steps, choose an action, leave"},
	{"L, P, T, 1 – 5, Enter, ← / →, Esc", "In Consultations: Learn, Practise or Test the chosen conversation, pick a reply and say it, move through Learn, leave"},
	{"↑ / ↓, Shift+↑ / ↓, Enter, Esc", "In a Sequence drill: choose, move the chosen item, submit, stop"},
	{"↑ / ↓, Enter, Delete", "In Packs: choose a pack, open it in Explore, remove it"},
	{"↑ / ↓, Enter, E, N, O", "In Tours: choose a scene or tour, play it, edit it, start a new one from the Explore view, open a tour file"},
	{"C, T, < / >, Delete, Ctrl+Z", "In the tour editor: add a stop from the Explore view, retake the stop from it, move the stop earlier / later, delete it, undo a delete"},
	{"P, S, Space, Esc", "In the tour editor: pin mode (click the model to place a pin with a note and an optional question), save in your pack, play, close"},
	{"← / →, Page Up / Down, Home, End, Esc", "Playing a tour: previous / next stop, first / last stop, close; click a pin to read its note"},
	{"F1 or ?", "This list"},
}

// helpDialog is the open shortcut list: the dialog and its scroller.
type helpDialog struct {
	d      dialog.Dialog
	scroll *container.Scroll
}

// ShowHelp lists every shortcut, in a dialog that Esc, Enter or F1 closes and the arrow and page
// keys scroll.
func (u *UI) ShowHelp() {
	if u.help.d != nil {
		return
	}
	grid := container.NewGridWithColumns(2)
	for _, k := range keyHelp {
		grid.Add(widget.NewLabelWithStyle(k[0], fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		grid.Add(widget.NewLabel(k[1]))
	}
	scroll := container.NewVScroll(grid)
	d := dialog.NewCustom("Keyboard shortcuts", "Close (Esc)", scroll, u.win)
	d.SetOnClosed(func() { u.help = helpDialog{} })
	size := u.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(720, size.Width-40), min(620, size.Height-40)))
	u.help = helpDialog{d: d, scroll: scroll}
	d.Show()
}

// modal reports whether a dialog or pop-up covers the window: keys then act on it, never on the
// screen behind.
func (u *UI) modal() bool { return u.win.Canvas().Overlays().Top() != nil }

// typedKey gives a key typed with nothing focused to the open dialog, or else to the screen.
func (u *UI) typedKey(ev *fyne.KeyEvent) {
	if !u.modal() {
		if ev.Name == fyne.KeyF1 {
			u.ShowHelp()
			return
		}
		u.shell.typedKey(ev)
		return
	}
	h := u.help
	if h.d == nil {
		dialogKey(u.win.Canvas().Overlays().Top(), ev.Name)
		return
	}
	step := float32(40)
	switch ev.Name {
	case fyne.KeyEscape, fyne.KeyReturn, fyne.KeyEnter, fyne.KeyF1:
		h.d.Hide()
		u.help = helpDialog{}
	case fyne.KeyDown:
		h.scrollBy(step)
	case fyne.KeyUp:
		h.scrollBy(-step)
	case fyne.KeyPageDown, fyne.KeySpace:
		h.scrollBy(h.scroll.Size().Height - step)
	case fyne.KeyPageUp:
		h.scrollBy(step - h.scroll.Size().Height)
	case fyne.KeyHome:
		h.scrollBy(-h.scroll.Content.MinSize().Height)
	case fyne.KeyEnd:
		h.scrollBy(h.scroll.Content.MinSize().Height)
	}
}

func (h helpDialog) scrollBy(dy float32) {
	most := max(h.scroll.Content.MinSize().Height-h.scroll.Size().Height, 0)
	h.scroll.Offset.Y = min(max(h.scroll.Offset.Y+dy, 0), most)
	h.scroll.Refresh()
}

// typedRune gives a rune typed with nothing focused to the screen, unless a dialog is open.
func (u *UI) typedRune(r rune) {
	if !u.modal() {
		u.shell.typedRune(r)
	}
}

// unlessModal runs f for a window-wide shortcut only when no dialog covers the window.
func (u *UI) unlessModal(f func(fyne.Shortcut)) func(fyne.Shortcut) {
	return func(sc fyne.Shortcut) {
		if !u.modal() {
			f(sc)
		}
	}
}

func (u *UI) showAbout() {
	dialog.ShowInformation("About Osteon",
		"Osteon "+u.app.Metadata().Version+"\nPractise anatomy and clinical procedures on 3D models.\n"+
			"Everything you do stays on this computer.\nOpen source under the MIT licence.", u.win)
}

// shortcuts registers window-wide keys: they work whatever has focus, except single letters,
// which only act when no text field is being typed in.
func (u *UI) shortcuts() {
	c := u.win.Canvas()
	c.AddShortcut(shortcutOpen, u.unlessModal(func(fyne.Shortcut) { u.OpenModel() }))
	c.AddShortcut(&fyne.ShortcutUndo{}, u.unlessModal(func(fyne.Shortcut) { u.undo() })) // Fyne turns Ctrl+Z into this
	c.AddShortcut(shortcutSearch, u.unlessModal(func(fyne.Shortcut) {
		u.shell.show(kit.Explore)
		c.Focus(u.explore.Search())
	}))
	for i := range min(len(u.shell.entries), 10) { // Ctrl+1 … Ctrl+9, then Ctrl+0
		key := fyne.KeyName(string(rune('0' + (i+1)%10)))
		c.AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault},
			u.unlessModal(func(fyne.Shortcut) { u.shell.showIndex(i) }))
	}
	c.SetOnTypedRune(u.typedRune)
	c.SetOnTypedKey(u.typedKey)
}

// dialogKey answers another dialog from the keyboard: Enter presses its main (high-importance)
// button, or its only one (OK), Esc its other one (Cancel, Keep going, OK).
func dialogKey(top fyne.CanvasObject, key fyne.KeyName) {
	var main, other *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		if b, ok := o.(*widget.Button); ok && !b.Disabled() {
			if b.Importance == widget.HighImportance {
				main = b
			} else if other == nil {
				other = b
			}
			return
		}
		var kids []fyne.CanvasObject
		switch c := o.(type) {
		case *fyne.Container:
			kids = c.Objects
		case *widget.PopUp: // how a dialog shows: its content holds its buttons in containers
			kids = []fyne.CanvasObject{c.Content}
		}
		for _, k := range kids {
			walk(k)
		}
	}
	walk(top)
	switch {
	case (key == fyne.KeyReturn || key == fyne.KeyEnter) && main != nil:
		main.OnTapped()
	case (key == fyne.KeyReturn || key == fyne.KeyEnter) && other != nil:
		other.OnTapped()
	case key == fyne.KeyEscape && other != nil:
		other.OnTapped()
	}
}
