package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// screen is one destination of the navigation shell, built the first time it is shown.
type screen struct {
	title string
	icon  fyne.Resource
	build func() fyne.CanvasObject
	obj   fyne.CanvasObject
}

// shell is the navigation list on the left and the current screen beside it.
type shell struct {
	screens []*screen
	nav     *widget.List
	content *fyne.Container
	current int
	root    fyne.CanvasObject
	// onShow is called after a screen is shown (e.g. to refresh what it displays).
	onShow func(i int)
}

func newShell(screens []*screen, profile fyne.CanvasObject) *shell {
	s := &shell{screens: screens, content: container.NewStack(), current: -1}
	s.nav = widget.NewList(
		func() int { return len(s.screens) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel("Procedures"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(s.screens[i].icon)
			row.Objects[1].(*widget.Label).SetText(s.screens[i].title)
		},
	)
	s.nav.OnSelected = func(i widget.ListItemID) { s.show(i) }
	title := widget.NewLabelWithStyle("Osteon", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	bg := canvas.NewRectangle(theme.Color(colorNameNavBackground))
	nav := container.NewStack(bg, container.NewBorder(title, profile, nil, nil, s.nav))
	s.root = container.NewBorder(nil, nil, nav, nil, s.content)
	s.nav.Select(0)
	return s
}

// show switches to screen i.
func (s *shell) show(i int) {
	if i < 0 || i >= len(s.screens) {
		return
	}
	if s.current != i {
		s.nav.Select(i) // calls back into show; current is set below
	}
	if s.current == i {
		return
	}
	s.current = i
	sc := s.screens[i]
	if sc.obj == nil {
		sc.obj = sc.build()
	}
	s.content.Objects = []fyne.CanvasObject{sc.obj}
	s.content.Refresh()
	if s.onShow != nil {
		s.onShow(i)
	}
}
