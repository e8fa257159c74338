package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/ui/kit"
)

// shell is the navigation list on the left and the current screen beside it. Screens are built
// the first time they are shown; the shell tells a screen when it is shown and hidden and gives
// the current one the keys typed while nothing has keyboard focus.
type shell struct {
	entries []kit.Entry
	built   []kit.Screen // by entry; nil until first shown
	nav     *widget.List
	content *fyne.Container
	current int
	root    fyne.CanvasObject
}

func newShell(entries []kit.Entry, profile fyne.CanvasObject) *shell {
	s := &shell{entries: entries, built: make([]kit.Screen, len(entries)), content: container.NewStack(), current: -1}
	s.nav = widget.NewList(
		func() int { return len(s.entries) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel("Procedures"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(s.entries[i].Icon)
			row.Objects[1].(*widget.Label).SetText(s.entries[i].Title)
		},
	)
	s.nav.OnSelected = func(i widget.ListItemID) { s.showIndex(i) }
	title := widget.NewLabelWithStyle("Osteon", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	bg := canvas.NewRectangle(theme.Color(kit.ColorNameNavBackground))
	nav := container.NewStack(bg, container.NewBorder(title, profile, nil, nil, s.nav))
	s.root = container.NewBorder(nil, nil, nav, nil, s.content)
	s.nav.Select(0)
	return s
}

// indexOf is the place of screen id in the navigation list, or -1.
func (s *shell) indexOf(id kit.ID) int {
	for i, e := range s.entries {
		if e.ID == id {
			return i
		}
	}
	return -1
}

// show switches to screen id and returns it (built if need be); nil for an unknown id.
func (s *shell) show(id kit.ID) kit.Screen {
	i := s.indexOf(id)
	s.showIndex(i)
	if i < 0 {
		return nil
	}
	return s.built[i]
}

// showIndex switches to the screen at place i of the list.
func (s *shell) showIndex(i int) {
	if i < 0 || i >= len(s.entries) {
		return
	}
	if s.current != i {
		s.nav.Select(i) // calls back into showIndex; current is set below
	}
	if s.current == i {
		return
	}
	prev := s.screen()
	s.current = i
	if s.built[i] == nil {
		s.built[i] = s.entries[i].Build()
	}
	sc := s.built[i]
	s.content.Objects = []fyne.CanvasObject{sc.Content()}
	s.content.Refresh()
	if prev != nil {
		prev.Hidden()
	}
	sc.Shown()
}

// screen is the screen on show, or nil.
func (s *shell) screen() kit.Screen {
	if s.current < 0 {
		return nil
	}
	return s.built[s.current]
}

// currentID is the id of the screen on show ("" before any).
func (s *shell) currentID() kit.ID {
	if s.current < 0 {
		return ""
	}
	return s.entries[s.current].ID
}

// typedKey gives a key typed with nothing focused to the screen on show.
func (s *shell) typedKey(ev *fyne.KeyEvent) {
	if sc := s.screen(); sc != nil {
		sc.TypedKey(ev)
	}
}

// typedRune gives a rune typed with nothing focused to the screen on show.
func (s *shell) typedRune(r rune) {
	if sc := s.screen(); sc != nil {
		sc.TypedRune(r)
	}
}
