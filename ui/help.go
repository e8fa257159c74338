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
	{"Esc", "Clear the selection"},
	{"Ctrl+F", "Search structures"},
	{"Ctrl+O", "Open a model file (.glb, .gltf, .obj)"},
	{"Ctrl+1 … Ctrl+7", "Go to Explore, Practice, Procedures, Drills, Progress, Packs, Settings"},
	{"1 – 4, Enter, Esc", "In Practice: choose an answer, check it and go on, end the session (your answers are kept)"},
	{"L, P, T, ← / →, 1 – 9, Esc", "In Procedures: Learn, Practise or Test the chosen procedure, move between steps, choose an action, leave"},
	{"↑ / ↓, Shift+↑ / ↓, Enter, Esc", "In a Sequence drill: choose, move the chosen item, submit, stop"},
	{"↑ / ↓, Enter, Delete", "In Packs: choose a pack, open it in Explore, remove it"},
	{"F1 or ?", "This list"},
}

// ShowHelp lists every shortcut.
func (u *UI) ShowHelp() {
	grid := container.NewGridWithColumns(2)
	for _, k := range keyHelp {
		grid.Add(widget.NewLabelWithStyle(k[0], fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		grid.Add(widget.NewLabel(k[1]))
	}
	d := dialog.NewCustom("Keyboard shortcuts", "Close", container.NewVScroll(grid), u.win)
	d.Resize(fyne.NewSize(720, 620))
	d.Show()
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
	c.AddShortcut(shortcutOpen, func(fyne.Shortcut) { u.OpenModel() })
	c.AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) { u.explore.Undo() }) // Fyne turns Ctrl+Z into this
	c.AddShortcut(shortcutSearch, func(fyne.Shortcut) {
		u.shell.show(kit.Explore)
		c.Focus(u.explore.Search())
	})
	for i := range u.shell.entries {
		key := fyne.KeyName(string(rune('1' + i)))
		c.AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault},
			func(fyne.Shortcut) { u.shell.showIndex(i) })
	}
	c.SetOnTypedRune(u.shell.typedRune)
	c.SetOnTypedKey(u.shell.typedKey)
}
