package ui

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// smallest is the smallest window every screen is laid out for.
var smallest = fyne.NewSize(1024, 600)

// fitWindow is the size to open a window that wants want on a screen of the given size (zero:
// unknown): no larger than the screen less room for panels and the title bar (64 by 72), and not
// smaller than the smallest layout unless the screen itself is.
func fitWindow(want, screen fyne.Size) fyne.Size {
	if screen.Width <= 0 || screen.Height <= 0 {
		return want
	}
	w := min(want.Width, max(screen.Width-64, smallest.Width))
	h := min(want.Height, max(screen.Height-72, smallest.Height))
	return fyne.NewSize(min(w, screen.Width), min(h, screen.Height))
}

// screenSize is the primary monitor's size in the window's units, or zero when it cannot be
// read. It must run on the main thread once the app runs.
func (u *UI) screenSize() (size fyne.Size) {
	defer func() {
		if recover() != nil { // GLFW not started: another driver, or a test
			size = fyne.Size{}
		}
	}()
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return fyne.Size{}
	}
	v := m.GetVideoMode()
	scale := u.win.Canvas().Scale()
	if v == nil || scale <= 0 {
		return fyne.Size{}
	}
	return fyne.NewSize(float32(v.Width)/scale, float32(v.Height)/scale)
}

// fitToScreen shrinks the window to the screen it opens on.
func (u *UI) fitToScreen() {
	size := fitWindow(u.win.Canvas().Size(), u.screenSize())
	if size != u.win.Canvas().Size() {
		u.win.Resize(size)
	}
}
