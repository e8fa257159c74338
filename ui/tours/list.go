package tours

import (
	"github.com/osteon/osteon/ui/kit"

	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/content"
)

// savedTour is a scene or tour found in an installed pack.
type savedTour struct {
	pack *content.Pack
	file string // within the pack
	tour *content.Tour
	errs content.Problems
}

// title is how the list names it.
func (t savedTour) title() string {
	if t.tour == nil {
		return t.file
	}
	return kit.FirstNonEmpty(t.tour.Title, t.file)
}

// detail says what it is and where it lives.
func (t savedTour) detail() string {
	if t.tour == nil {
		return fmt.Sprintf("cannot be opened (%d problems) — %s", len(t.errs), t.pack.Title)
	}
	kind := fmt.Sprintf("tour of %d stops", len(t.tour.Stops))
	if len(t.tour.Stops) == 1 {
		kind = "scene"
	}
	return fmt.Sprintf("%s — %s (%s)", kind, t.pack.Title, kit.OriginName(t.pack.Origin))
}

// sceneList is the list of saved scenes and tours with what can be done to the chosen one.
type sceneList struct {
	s      *Screen
	tours  []savedTour
	chosen int
	list   *widget.List
	status *kit.Hint
	root   fyne.CanvasObject
}

func newSceneList(s *Screen) *sceneList {
	l := &sceneList{s: s, chosen: -1, status: wrappedHint()}
	l.list = widget.NewList(func() int { return len(l.tours) },
		func() fyne.CanvasObject {
			t := widget.NewLabel("Tour title")
			t.TextStyle.Bold = true
			return container.NewVBox(t, kit.NewHint("tour of 3 stops — pack"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(l.tours[i].title())
			box.Objects[1].(*kit.Hint).SetText(l.tours[i].detail())
		})
	l.list.OnSelected = func(i widget.ListItemID) { l.chosen = i }
	buttons := container.NewHBox(
		widget.NewButtonWithIcon("Play (Enter)", theme.MediaPlayIcon(), l.play),
		widget.NewButtonWithIcon("Edit (E)", theme.DocumentCreateIcon(), l.edit),
		widget.NewButtonWithIcon("New tour from Explore (N)", theme.ContentAddIcon(), l.newTour),
		widget.NewButtonWithIcon("Open tour file… (O)", theme.FolderOpenIcon(), s.sh.OpenModel),
	)
	head := container.NewVBox(widget.NewRichText(kit.Heading("Scenes and tours")),
		kit.Wrapped("Prepared views and guided tours saved in your packs. Set up a view in Explore "+
			"(camera, hidden and ghosted structures, selection, section), then make a tour of it here."),
		buttons)
	l.root = container.NewBorder(head, l.status, nil, nil, l.list)
	return l
}

// reload lists the tours of every installed pack again (files are read in the background).
func (l *sceneList) reload() {
	packs, _ := l.s.sh.Packs()
	l.s.jobs.Go(func() func() {
		var found []savedTour
		for _, p := range packs {
			for _, f := range p.Tours() {
				t, ps := p.LoadTour(f)
				found = append(found, savedTour{pack: p, file: f, tour: t, errs: ps})
			}
		}
		return func() { l.set(found) }
	})
}

func (l *sceneList) set(found []savedTour) {
	l.tours = found
	l.list.UnselectAll()
	l.chosen = -1
	if len(found) > 0 {
		l.list.Select(0)
	}
	l.list.Refresh()
	l.status.SetError(false)
	if len(found) == 0 {
		l.status.SetText("No scenes or tours yet: New tour (N) starts one from the Explore view; Open tour file (O) opens one you were sent.")
	} else {
		l.status.SetText(fmt.Sprintf("%s in your packs.", kit.Plural(len(found), "scene or tour", "scenes and tours")))
	}
}

// current is the chosen tour, or nil (and says why).
func (l *sceneList) current() *savedTour {
	if l.chosen < 0 || l.chosen >= len(l.tours) {
		l.status.SetText("Choose a tour in the list first.")
		return nil
	}
	t := &l.tours[l.chosen]
	if t.tour == nil {
		l.status.SetText(fmt.Sprintf("%s cannot be opened: %v", t.file, t.errs))
		l.status.SetError(true)
		return nil
	}
	return t
}

func (l *sceneList) play() {
	if t := l.current(); t != nil {
		tour := t.tour
		l.s.withPack(t.pack, func(kit.Content) { l.s.pl.start(tour, nil, modeList) })
	}
}

func (l *sceneList) edit() {
	if t := l.current(); t != nil {
		tour, file := t.tour, t.file
		l.s.withPack(t.pack, func(kit.Content) { l.s.ed.start(tour, tourName(file)) })
	}
}

// newTour starts a tour whose first stop is what Explore shows.
func (l *sceneList) newTour() {
	c := l.s.sh.Content()
	if c.Pack == nil || c.Model == nil {
		l.status.SetText("Open a pack in Explore first: a tour is made over a pack's model.")
		l.status.SetError(true)
		return
	}
	t := &content.Tour{Format: content.TourFormat, PackID: c.Pack.ID, PackVersion: c.Pack.Version}
	t.Stops = []content.TourStop{l.s.sh.CaptureExplore()}
	l.s.ed.start(t, "")
}

func (l *sceneList) key(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyUp:
		l.move(-1)
	case fyne.KeyDown:
		l.move(1)
	case fyne.KeyReturn, fyne.KeyEnter:
		l.play()
	default:
		return false
	}
	return true
}

func (l *sceneList) move(d int) {
	if n := len(l.tours); n > 0 {
		l.list.Select(min(max(l.chosen+d, 0), n-1))
	}
}

func (l *sceneList) rune(r rune) bool {
	switch r {
	case 'e', 'E':
		l.edit()
	case 'n', 'N':
		l.newTour()
	case 'o', 'O':
		l.s.sh.OpenModel()
	default:
		return false
	}
	return true
}
