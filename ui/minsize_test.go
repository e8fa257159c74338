package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// TestEveryScreenFits1024x600: no screen asks for a window larger than 1024x600, the smallest
// screen Osteon supports.
func TestEveryScreenFits1024x600(t *testing.T) {
	u := newShellTest(t)
	u.win.Resize(fyne.NewSize(1024, 600))
	for _, e := range u.shell.entries {
		u.shell.show(e.ID)
		if m := u.win.Content().MinSize(); m.Width > 1024 || m.Height > 600 {
			t.Errorf("%s needs %v, more than 1024x600", e.ID, m)
		}
	}
}

func TestFitWindow(t *testing.T) {
	for _, tt := range []struct{ screen, want fyne.Size }{
		{fyne.NewSize(1920, 1080), fyne.NewSize(1280, 800)},
		{fyne.NewSize(1280, 800), fyne.NewSize(1216, 728)},
		{fyne.NewSize(1024, 640), fyne.NewSize(1024, 600)},
		{fyne.NewSize(1024, 600), fyne.NewSize(1024, 600)},
		{fyne.NewSize(800, 480), fyne.NewSize(800, 480)},
		{fyne.Size{}, fyne.NewSize(1280, 800)}, // unknown screen
	} {
		if got := fitWindow(fyne.NewSize(1280, 800), tt.screen); got != tt.want {
			t.Errorf("on a %v screen the window opens at %v, want %v", tt.screen, got, tt.want)
		}
	}
}
