package ui

import (
	"io"
	"os"

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

// tourPackInstalled says whether the tour file at start names a pack that is installed in a
// version that opens it: the tour then opens that pack, else the usual one opens (and the Tours
// screen explains what the tour needs). It reads the file (background goroutine).
func tourPackInstalled(file string, packs []*content.Pack) bool {
	f, err := os.Open(file)
	if err != nil {
		return false
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, 4<<20))
	if err != nil {
		return false
	}
	t, _ := content.ParseTour(data, file, nil)
	if t == nil {
		return false
	}
	for _, p := range packs {
		if p.ID == t.PackID {
			return t.PackNeeded(p.Version) == nil
		}
	}
	return false
}

// undo is Ctrl+Z: the tour editor's undo while it shows, else Explore's.
func (u *UI) undo() {
	if t, ok := u.shell.screen().(*tours.Screen); ok && t.Undo() {
		return
	}
	u.explore.Undo()
}
