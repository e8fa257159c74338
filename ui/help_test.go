package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/osteon/osteon/ui/kit"
)

// TestHelpDialogKeys: F1 opens the shortcut list; the arrow and page keys scroll it; Esc closes
// it without reaching the screen behind; Ctrl+2 and typed letters do nothing behind it; Enter
// closes it too.
func TestHelpDialogKeys(t *testing.T) {
	u := newShellTest(t)
	c := u.win.Canvas()
	u.win.Resize(fyne.NewSize(1024, 600))
	key := func(k fyne.KeyName) { c.OnTypedKey()(&fyne.KeyEvent{Name: k}) }
	u.shell.show(kit.Explore)
	key(fyne.KeyF1)
	if !u.modal() || u.help.d == nil {
		t.Fatal("F1 did not open the shortcut list")
	}
	key(fyne.KeyDown)
	if u.help.scroll.Offset.Y <= 0 {
		t.Errorf("Down did not scroll the list (offset %v, content %v in %v)", u.help.scroll.Offset.Y,
			u.help.scroll.Content.MinSize().Height, u.help.scroll.Size().Height)
	}
	key(fyne.KeyPageDown)
	key(fyne.KeyUp)
	key(fyne.KeyHome)
	if u.help.scroll.Offset.Y != 0 {
		t.Errorf("Home left the list at %v", u.help.scroll.Offset.Y)
	}
	c.(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key2, Modifier: fyne.KeyModifierShortcutDefault})
	if u.shell.currentID() != kit.Explore {
		t.Errorf("Ctrl+2 behind the dialog switched to %q", u.shell.currentID())
	}
	c.OnTypedRune()('h')
	key(fyne.KeyEscape)
	if u.modal() || u.help.d != nil {
		t.Error("Esc did not close the shortcut list")
	}
	key(fyne.KeyF1)
	key(fyne.KeyReturn)
	if u.modal() {
		t.Error("Enter did not close the shortcut list")
	}
	c.(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key2, Modifier: fyne.KeyModifierShortcutDefault})
	if u.shell.currentID() == kit.Explore {
		t.Error("Ctrl+2 does nothing once the dialog is closed")
	}
}

// TestNewProfileReturnCreates: Return in the name field creates the profile when no PIN is
// wanted (it moved to the PIN field instead).
func TestNewProfileReturnCreates(t *testing.T) {
	u := newShellTest(t)
	c := u.win.Canvas()
	u.newProfile()
	f := c.Focused()
	if f == nil {
		t.Fatal("nothing focused in the new-profile dialog")
	}
	test.Type(f, "Zoe")
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if u.learner == nil || u.learner.Name != "Zoe" {
		t.Errorf("after Return the learner is %+v, want a new profile Zoe", u.learner)
	}
	if u.modal() {
		t.Error("the new-profile dialog is still open")
	}
}

// TestCtrlDigitWorksFromTheSearchField: Ctrl+2 changes screen while Explore's search field has
// the keyboard (Fyne gives every shortcut to the focused field, which ignored it).
func TestCtrlDigitWorksFromTheSearchField(t *testing.T) {
	u := newShellTest(t)
	c := u.win.Canvas()
	u.shell.show(kit.Explore)
	c.Focus(u.explore.Search())
	f, ok := c.Focused().(fyne.Shortcutable)
	if !ok {
		t.Fatal("the search field is not focused")
	}
	f.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key2, Modifier: fyne.KeyModifierShortcutDefault})
	if u.shell.currentID() != kit.Practice {
		t.Errorf("Ctrl+2 in the search field left the shell on %q", u.shell.currentID())
	}
}

// TestNavClickLeavesKeysToTheScreen: after choosing a screen in the navigation list, the keys
// go to the screen ("Start (Enter)" ignored Enter after the sidebar was clicked).
func TestNavClickLeavesKeysToTheScreen(t *testing.T) {
	u := newShellTest(t)
	c := u.win.Canvas()
	c.Focus(u.shell.nav)
	u.shell.nav.Select(1)
	if u.shell.currentID() != kit.Practice {
		t.Fatalf("the list chose %q", u.shell.currentID())
	}
	if f := c.Focused(); f != nil {
		t.Errorf("after choosing Practice in the list, %T keeps the keyboard", f)
	}
}

// TestDialogKeys: Enter presses a dialog's main button and Esc its other one, and neither
// reaches the screen behind.
func TestDialogKeys(t *testing.T) {
	u := newShellTest(t)
	c := u.win.Canvas()
	for _, tt := range []struct {
		key  fyne.KeyName
		want string
	}{{fyne.KeyReturn, "leave"}, {fyne.KeyEscape, "stay"}} {
		got := ""
		d := dialog.NewConfirm("Leave this session?", "Your answers are saved.", func(ok bool) {
			got = map[bool]string{true: "leave", false: "stay"}[ok]
		}, u.win)
		d.SetConfirmText("Leave")
		d.Show()
		c.OnTypedKey()(&fyne.KeyEvent{Name: tt.key})
		if got != tt.want || u.modal() {
			t.Errorf("%s in a confirm dialog: %q (still open: %v), want %q", tt.key, got, u.modal(), tt.want)
		}
	}
}
