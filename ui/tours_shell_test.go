package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/ui/kit/kittest"
	"github.com/osteon/osteon/ui/tours"
)

// TestToursKeysAndHelp: Ctrl+0 goes to Tours, N starts a tour from the Explore view in an editor
// that fits 1024x600, Delete and Ctrl+Z delete and bring back a stop, and the help list has an
// entry for each of the Tours screen's keys.
func TestToursKeysAndHelp(t *testing.T) {
	u := newShellTest(t)
	c := u.win.Canvas()
	ctrl0 := &desktop.CustomShortcut{KeyName: fyne.Key0, Modifier: fyne.KeyModifierShortcutDefault}
	c.(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(ctrl0)
	if u.shell.currentID() != tours.ID {
		t.Fatalf("Ctrl+0 went to %q", u.shell.currentID())
	}
	u.typedRune('n')
	screen := func() string { return kittest.Text(u.shell.screen().Content()) }
	if !strings.Contains(screen(), "Add stop (C)") {
		t.Fatalf("N did not open the editor:\n%s", screen())
	}
	u.win.Resize(fyne.NewSize(1024, 600))
	if m := u.win.Content().MinSize(); m.Width > 1024 || m.Height > 600 {
		t.Errorf("the tour editor needs %v, more than 1024x600", m)
	}
	u.typedRune('c')
	u.typedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if !strings.Contains(screen(), "Stop 2 deleted") {
		t.Fatalf("Delete did not delete the second stop:\n%s", screen())
	}
	c.(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(&fyne.ShortcutUndo{})
	if !strings.Contains(screen(), "Stop 2 is back") {
		t.Errorf("Ctrl+Z did not bring the stop back:\n%s", screen())
	}
	help := ""
	for _, k := range keyHelp {
		help += k[0] + " = " + k[1] + "\n"
	}
	for _, want := range []string{"Ctrl+0 = Go to", "Tours", "E, N, O = In Tours", "C, T, < / >, Delete, Ctrl+Z = In the tour editor",
		"P, S, Space, Esc = In the tour editor: pin mode", "← / →, Page Up / Down, Home, End, Esc = Playing a tour", "tour file (.tour.toml)"} {
		if !strings.Contains(help, want) {
			t.Errorf("the help list lacks %q", want)
		}
	}
}

// TestOpenTourFile: a tour file (found by its name or its content) opens in the Tours player.
func TestOpenTourFile(t *testing.T) {
	u := newShellTest(t)
	u.packs = []*content.Pack{u.current.Pack}
	text := "format = 1\ntitle = \"Elbow\"\n[pack]\nid = \"test-arm\"\nversion = \"1.0.0\"\n" +
		"[[stops]]\ntitle = \"Bones\"\nnarration = \"Where the arm bends.\"\n"
	dir := t.TempDir()
	for _, name := range []string{"elbow.tour.toml", "elbow.toml"} {
		file := filepath.Join(dir, name)
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if !content.IsTourFile(file) {
			t.Fatalf("%s is not recognised as a tour", name)
		}
		u.shell.show("explore")
		u.OpenTour(file)
		if got := kittest.Text(u.shell.screen().Content()); u.shell.currentID() != tours.ID || !strings.Contains(got, "Stop 1 of 1: Bones") ||
			!strings.Contains(got, "Where the arm bends.") {
			t.Errorf("opening %s shows %q:\n%s", name, u.shell.currentID(), got)
		}
	}
	u.win.Resize(fyne.NewSize(1024, 600))
	if m := u.win.Content().MinSize(); m.Width > 1024 || m.Height > 600 {
		t.Errorf("the tour player needs %v, more than 1024x600", m)
	}
	if content.IsTourFile(filepath.Join(dir, "missing.toml")) || content.IsTourFile("arm.glb") {
		t.Error("a missing .toml or a model counts as a tour")
	}
}

// TestTourAtStartChoosesItsPack: `osteon TOUR-FILE` opens the tour's own pack (when installed in
// a version that opens it) instead of the last one used; otherwise the usual pack opens.
func TestTourAtStartChoosesItsPack(t *testing.T) {
	arm := kittest.Pack(t, kittest.Arm, false).Pack
	dir := t.TempDir()
	write := func(name, text string) string {
		f := filepath.Join(dir, name)
		if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return f
	}
	tour := "format = 1\n[pack]\nid = \"test-arm\"\nversion = \"%s\"\n[[stops]]\ntitle = \"x\"\n"
	for _, c := range []struct {
		file string
		want bool
	}{
		{write("ok.tour.toml", strings.Replace(tour, "%s", "1.0.0", 1)), true},
		{write("newer.tour.toml", strings.Replace(tour, "%s", "1.2.0", 1)), false},
		{write("other.tour.toml", strings.Replace(strings.Replace(tour, "%s", "1.0.0", 1), "test-arm", "hand", 1)), false},
		{write("broken.tour.toml", "format = 1\n[[stops"), false},
		{filepath.Join(dir, "missing.tour.toml"), false},
	} {
		if got := tourPackInstalled(c.file, []*content.Pack{arm}); got != c.want {
			t.Errorf("%s: %v, want %v", filepath.Base(c.file), got, c.want)
		}
	}
}
