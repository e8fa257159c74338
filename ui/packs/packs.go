package packs

import (
	"github.com/osteon/osteon/ui/kit"

	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/content"
)

// packsScreen is the Packs screen: the installed packs with their origin, licence and credit,
// the selected pack's details, and installing and removing packs.
type packsScreen struct {
	sh  Shell
	run *kit.Runner // runs slow work off the UI goroutine (tests run it in place)

	selected     string // id of the selected pack; "" when none
	wantSelect   string // id to select after the next listing (a pack just installed)
	reopen       string // id removed while open in Explore: open what replaces it after the next listing
	showProblems bool   // the details pane shows the packs that could not be read

	list          *packList
	details       *widget.RichText
	detailsScroll *container.Scroll
	openButton    *widget.Button
	removeButton  *widget.Button
	removeNote    *widget.Label
	actions       *fyne.Container
	problemsLabel *widget.Label
	problemsBox   *fyne.Container
	install       *packInstaller
	left, right   *fyne.Container // re-laid out when what they hold shows or hides
	body          *fyne.Container
	root          fyne.CanvasObject
}

// Shell is what the Packs screen needs from the app.
type Shell interface {
	Window() fyne.Window
	Content() kit.Content
	// Packs is the installed packs as last listed (nil before the first listing), and what
	// made some unreadable.
	Packs() ([]*content.Pack, error)
	Library() *content.Library
	PacksChanged() *kit.Signal[[]*content.Pack]
	ContentChanged() *kit.Signal[kit.Content]
	RefreshPacks()
	OpenPack(p *content.Pack)
	Show(kit.ID)
}

// Screen is the Packs screen.
type Screen = packsScreen

// New builds the Packs screen; slow work goes through run.
func New(sh Shell, run *kit.Runner) *Screen {
	s := &packsScreen{sh: sh, run: run}
	s.list = newPackList(s)
	s.details = widget.NewRichText()
	s.details.Wrapping = fyne.TextWrapWord
	s.detailsScroll = container.NewVScroll(s.details)
	s.openButton = widget.NewButtonWithIcon("Open in Explore", theme.NavigateNextIcon(), func() { s.openSelected() })
	s.openButton.Importance = widget.HighImportance
	s.removeButton = widget.NewButtonWithIcon("Remove…", theme.DeleteIcon(), func() { s.removeSelected() })
	s.removeButton.Importance = widget.DangerImportance
	s.removeNote = widget.NewLabel("")
	s.removeNote.Wrapping = fyne.TextWrapWord
	s.removeNote.TextStyle.Italic = true
	s.actions = container.NewBorder(nil, nil, container.NewHBox(s.openButton, s.removeButton), nil, s.removeNote)
	s.problemsLabel = widget.NewLabel("")
	s.problemsLabel.Wrapping = fyne.TextWrapWord
	s.problemsLabel.Importance = widget.WarningImportance
	s.problemsBox = container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()),
		widget.NewButton("Show problems", s.showReadProblems), s.problemsLabel)
	s.install = newPackInstaller(s)
	s.root = s.layout()
	sh.PacksChanged().Subscribe(func([]*content.Pack) { s.update() })
	sh.ContentChanged().Subscribe(func(kit.Content) { s.list.Refresh(); s.showDetails() })
	s.update()
	s.install.probeSystem()
	return s
}

func (s *packsScreen) layout() fyne.CanvasObject {
	intro := widget.NewRichText(kit.Heading("Packs"),
		kit.Para("Model packs installed on this computer: where each came from, its licence and the credit its authors ask for."))
	intro.Wrapping = fyne.TextWrapWord
	s.left = container.NewBorder(nil, s.problemsBox, nil, nil, s.list)
	s.right = container.NewBorder(container.NewVBox(s.actions, widget.NewSeparator()), nil, nil, nil, s.detailsScroll)
	split := container.NewHSplit(s.left, s.right)
	split.Offset = 0.4
	top := container.NewVBox(intro, s.install.bar, s.install.progressBox, widget.NewSeparator())
	s.body = container.NewBorder(top, nil, nil, nil, split)
	return container.NewPadded(s.body)
}

// packs is what the list shows: the installed packs as last listed.
func (s *packsScreen) packs() []*content.Pack {
	ps, _ := s.sh.Packs()
	return ps
}

// packsErr is what made packs unreadable at the last listing.
func (s *packsScreen) packsErr() error {
	_, err := s.sh.Packs()
	return err
}

// pack returns the listed pack with id, or nil.
func (s *packsScreen) pack(id string) *content.Pack {
	for _, p := range s.packs() {
		if p.ID == id {
			return p
		}
	}
	return nil
}

func (s *packsScreen) index(id string) int {
	for i, p := range s.packs() {
		if p.ID == id {
			return i
		}
	}
	return -1
}

// update shows a new listing: the list, the problems with unreadable packs, and the selection
// (kept, or moved to a pack just installed, else the current pack or the first).
func (s *packsScreen) update() {
	s.list.Refresh()
	ps := content.AsProblems(s.packsErr(), "")
	if len(ps) == 0 {
		s.showProblems = false
	} else {
		s.problemsLabel.SetText(unreadableSummary(ps))
	}
	kit.SetVisible(s.problemsBox, len(ps) > 0, s.left)
	want := s.selected
	if s.wantSelect != "" && s.pack(s.wantSelect) != nil {
		want, s.wantSelect = s.wantSelect, ""
	}
	if want == "" || s.pack(want) == nil {
		want = ""
		if c := s.sh.Content().Pack; c != nil && s.pack(c.ID) != nil {
			want = c.ID
		} else if len(s.packs()) > 0 {
			want = s.packs()[0].ID
		}
	}
	s.selectPack(want)
	s.reopenRemoved()
}

// reopenRemoved opens, after a listing, what replaces a pack removed while Explore showed it:
// another copy of it, else the built-in pack.
func (s *packsScreen) reopenRemoved() {
	id := s.reopen
	if id == "" {
		return
	}
	s.reopen = ""
	next := s.pack(id)
	for _, p := range s.packs() {
		if next == nil && p.Origin == content.OriginBuiltin {
			next = p
		}
	}
	if next != nil {
		s.sh.OpenPack(next)
	}
}

// unreadableSummary says how many installed packs could not be read (one file of problems each).
func unreadableSummary(ps content.Problems) string {
	files := map[string]bool{}
	for _, p := range ps {
		files[p.File] = true
	}
	if len(files) == 1 {
		return "An installed pack could not be read (" + kit.Plural(len(ps), "problem", "problems") + ")."
	}
	return fmt.Sprintf("%d installed packs could not be read (%s).", len(files), kit.Plural(len(ps), "problem", "problems"))
}

// selectPack selects the pack with id in the list and shows its details ("" clears).
func (s *packsScreen) selectPack(id string) {
	s.selected = id
	if id != "" {
		s.showProblems = false
	}
	if i := s.index(id); i >= 0 {
		s.list.Select(i)
	} else {
		s.list.UnselectAll()
	}
	s.showDetails()
}

// showReadProblems lists the installed packs that could not be read in the details pane.
func (s *packsScreen) showReadProblems() {
	s.showProblems = true
	s.selected = ""
	s.list.UnselectAll()
	s.showDetails()
}

// showDetails fills the details pane and the action buttons for the selection.
func (s *packsScreen) showDetails() {
	if s.showProblems {
		kit.SetVisible(s.actions, false, s.right)
		s.details.Segments = readProblemsSegments(content.AsProblems(s.packsErr(), ""), s.sh.Library())
		s.details.Refresh()
		s.detailsScroll.ScrollToTop()
		return
	}
	p := s.pack(s.selected)
	if p == nil {
		kit.SetVisible(s.actions, false, s.right)
		s.details.Segments = []widget.RichTextSegment{kit.Heading("No pack selected"),
			kit.Para("Choose a pack on the left to see its details, or install one from a folder or a .zip file.")}
		if s.packs() == nil && s.packsErr() == nil {
			s.details.Segments = []widget.RichTextSegment{kit.Heading("Looking for installed packs…")}
		}
		s.details.Refresh()
		return
	}
	kit.SetVisible(s.actions, true, s.right)
	cur := s.isCurrent(p)
	if cur {
		s.openButton.SetText("Show in Explore")
	} else {
		s.openButton.SetText("Open in Explore")
	}
	can, why := removable(p)
	if can {
		s.removeButton.Enable()
	} else {
		s.removeButton.Disable()
	}
	s.removeNote.SetText(why)
	s.details.Segments = packSegments(p, cur)
	s.details.Refresh()
	s.detailsScroll.ScrollToTop()
}

// isCurrent reports whether p is the pack Explore shows now.
func (s *packsScreen) isCurrent(p *content.Pack) bool {
	c := s.sh.Content().Pack
	return c != nil && c.ID == p.ID
}

// openSelected opens the selected pack in Explore (or just goes there when it is open already).
func (s *packsScreen) openSelected() {
	p := s.pack(s.selected)
	if p == nil {
		return
	}
	s.open(p)
}

func (s *packsScreen) open(p *content.Pack) {
	s.sh.Show(kit.Explore)
	if !s.isCurrent(p) || s.sh.Content().Pack.Version != p.Version || s.sh.Content().Pack.Origin != p.Origin {
		s.sh.OpenPack(p)
	}
}

// ID is kit.Packs.
func (s *packsScreen) ID() kit.ID { return kit.Packs }

// Title is the screen's name in the navigation list.
func (s *packsScreen) Title() string { return "Packs" }

// Content is the screen.
func (s *packsScreen) Content() fyne.CanvasObject { return s.root }

// Shown does nothing: the signals keep the list up to date.
func (s *packsScreen) Shown() {}

// Hidden does nothing.
func (s *packsScreen) Hidden() {}

// TypedKey handles the list keys while nothing has keyboard focus.
func (s *packsScreen) TypedKey(ev *fyne.KeyEvent) bool { return s.key(ev) }

// TypedRune uses no rune.
func (s *packsScreen) TypedRune(rune) bool { return false }

// key handles the Packs screen keys: arrows move through the list, Enter opens the pack in
// Explore, Delete removes it (after asking). It reports whether it used the key.
func (s *packsScreen) key(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyUp, fyne.KeyDown:
		i := s.index(s.selected)
		if ev.Name == fyne.KeyUp {
			i--
		} else {
			i++
		}
		if i < 0 && s.selected == "" {
			i = 0
		}
		if i >= 0 && i < len(s.packs()) {
			s.selectPack(s.packs()[i].ID)
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		s.openSelected()
	case fyne.KeyDelete, fyne.KeyBackspace:
		s.removeSelected()
	default:
		return false
	}
	return true
}

// packList is the list of installed packs; it takes the Packs screen keys while focused.
type packList struct {
	widget.List
	s *packsScreen
}

var _ fyne.Focusable = (*packList)(nil)

func newPackList(s *packsScreen) *packList {
	l := &packList{s: s}
	l.Length = func() int { return len(s.packs()) }
	l.CreateItem = newPackRow
	l.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) {
		if ps := s.packs(); i < len(ps) {
			setPackRow(o, ps[i], s.isCurrent(ps[i]))
		}
	}
	l.OnSelected = func(i widget.ListItemID) {
		if ps := s.packs(); i < len(ps) && ps[i].ID != s.selected {
			s.selectPack(ps[i].ID)
		}
	}
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey moves the selection with the arrow keys, opens with Enter and removes with Delete.
func (l *packList) TypedKey(ev *fyne.KeyEvent) {
	if !l.s.key(ev) {
		l.List.TypedKey(ev)
	}
}

// newPackRow is a list row: the title with an "open now" mark, then id, version and origin,
// then licence and credit.
func newPackRow() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("Pack title", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	mark := widget.NewLabelWithStyle("Open now", fyne.TextAlignTrailing, fyne.TextStyle{Italic: true})
	mark.Importance = widget.SuccessImportance
	ident := widget.NewLabel("id · version · origin")
	ident.Truncation = fyne.TextTruncateEllipsis
	ident.SizeName = theme.SizeNameCaptionText
	credit := widget.NewLabel("licence · credit")
	credit.Truncation = fyne.TextTruncateEllipsis
	credit.SizeName = theme.SizeNameCaptionText
	credit.TextStyle.Italic = true
	return container.New(tightRows{}, container.NewBorder(nil, nil, nil, mark, title), ident, credit)
}

func setPackRow(o fyne.CanvasObject, p *content.Pack, current bool) {
	box := o.(*fyne.Container)
	head := box.Objects[0].(*fyne.Container)
	head.Objects[0].(*widget.Label).SetText(p.Title)
	mark := head.Objects[1].(*widget.Label)
	kit.SetVisible(mark, current, head)
	box.Objects[1].(*widget.Label).SetText(fmt.Sprintf("%s · version %s · %s", p.ID, p.Version, kit.OriginName(p.Origin)))
	credit := "Licence " + kit.FirstNonEmpty(p.License, "not given")
	if p.Attribution != "" {
		credit += " · " + p.Attribution
	}
	box.Objects[2].(*widget.Label).SetText(credit)
}

// tightRows stacks objects as a VBox does, but lets each overlap the padding of the one above,
// so a title and its caption lines read as one block.
type tightRows struct{}

func (tightRows) overlap() float32 { return theme.InnerPadding() * 1.25 }

func (t tightRows) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for i, o := range objs {
		h := o.MinSize().Height
		if i > 0 {
			y -= t.overlap()
		}
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h
	}
}

func (t tightRows) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for i, o := range objs {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
		if i > 0 {
			s.Height -= t.overlap()
		}
	}
	return s
}
