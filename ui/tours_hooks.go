package ui

import (
	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/ui/tours"
)

// CaptureExplore is what Explore shows now as a tour stop: camera, states, section and the
// selected structure (the Tours screen's editor adds it as a stop).
func (u *UI) CaptureExplore() content.TourStop {
	st := u.explore.Viewer().View().CaptureStop()
	st.Selection = u.explore.Selected()
	return st
}

// OpenTour shows the Tours screen and plays the tour file there (its pack opens first).
func (u *UI) OpenTour(file string) {
	if t, ok := u.shell.show(tours.ID).(*tours.Screen); ok {
		t.OpenFile(file)
	}
}

// undo is Ctrl+Z: the tour editor's undo while it shows, else Explore's.
func (u *UI) undo() {
	if t, ok := u.shell.screen().(*tours.Screen); ok && t.Undo() {
		return
	}
	u.explore.Undo()
}
