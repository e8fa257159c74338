// Package tours is the Tours screen: the list of saved scenes and tours (in installed packs and
// the learner's own), the tour editor (stops captured from Explore, narration, pins with notes and
// questions, saved into a learner pack or exported as one file) and the player (stop to stop
// with the camera moving smoothly, narration and pins shown). It also opens tour files.
package tours

import (
	"github.com/osteon/osteon/ui/kit"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/render"
)

// ID is the Tours screen's id in the shell.
const ID kit.ID = "tours"

// Shell is what the Tours screen needs from the app.
type Shell interface {
	Window() fyne.Window
	Content() kit.Content
	ContentChanged() *kit.Signal[kit.Content]
	Packs() ([]*content.Pack, error)
	PacksChanged() *kit.Signal[[]*content.Pack]
	RefreshPacks()
	OpenPack(p *content.Pack)
	NewView() (*render.View, *kit.Viewer)
	Show(id kit.ID)
	// CaptureExplore is what Explore shows now as a tour stop: camera, states, section and the
	// selected structure.
	CaptureExplore() content.TourStop
	// OpenModel asks for a model or tour file to open.
	OpenModel()
	ShowHelp()
	Logf(format string, args ...any)
}

// mode is what the screen shows.
type mode int

const (
	modeList mode = iota
	modeEdit
	modePlay
)

// Screen is the Tours screen.
type Screen struct {
	kit.Base
	sh     Shell
	jobs   *kit.Runner
	view   *render.View
	viewer *kit.Viewer
	root   *fyne.Container
	mode   mode
	list   *sceneList
	ed     *editor
	pl     *player
	// pending runs once the pack a tour needs is the current content (it is being opened).
	pending     func(kit.Content)
	pendingPack string
	lastError   error // the last problem explained in a dialog, for tests
}

// New builds the Tours screen on a 3D view of its own.
func New(sh Shell, jobs *kit.Runner) *Screen {
	s := &Screen{sh: sh, jobs: jobs, root: container.NewStack()}
	s.view, s.viewer = sh.NewView()
	s.list = newSceneList(s)
	s.ed = newEditor(s)
	s.pl = newPlayer(s)
	s.viewer.OnKey = s.viewerKey
	s.viewer.OnPick = s.picked
	s.viewer.Pins().OnTap = s.pinTapped
	sh.ContentChanged().Subscribe(s.contentChanged)
	sh.PacksChanged().Subscribe(func([]*content.Pack) { s.list.reload() })
	if m := sh.Content().Model; m != nil { // none yet while the first pack loads
		s.view.SetModel(m)
	}
	s.show(modeList)
	return s
}

// ID is the screen's id.
func (s *Screen) ID() kit.ID { return ID }

// Title is the screen's name in the navigation list.
func (s *Screen) Title() string { return "Tours" }

// Content is the screen.
func (s *Screen) Content() fyne.CanvasObject { return s.root }

// Shown lists the tours again when the list shows, and takes the keyboard from whatever had it
// on the screen before (Explore's 3D view would otherwise take N, C and P).
func (s *Screen) Shown() {
	if c := s.sh.Window().Canvas(); c.Focused() != nil {
		c.Unfocus()
	}
	if s.mode == modeList {
		s.list.reload()
	}
}

// Viewer is the screen's 3D view widget (the editor's and the player's).
func (s *Screen) Viewer() *kit.Viewer { return s.viewer }

func (s *Screen) contentChanged(c kit.Content) {
	if c.Model != nil {
		s.view.SetModel(c.Model)
	}
	if f := s.pending; f != nil && c.Pack != nil && c.Pack.ID == s.pendingPack {
		s.pending, s.pendingPack = nil, ""
		f(c)
		return
	}
	if s.mode == modeList {
		s.list.reload()
	}
}

// withPack runs f once p is the current content, opening it first when another pack shows.
func (s *Screen) withPack(p *content.Pack, f func(kit.Content)) {
	if c := s.sh.Content(); c.Pack != nil && c.Pack.ID == p.ID && c.Pack.Origin == p.Origin && c.Model != nil {
		f(c)
		return
	}
	s.pending, s.pendingPack = f, p.ID
	s.sh.OpenPack(p)
}

// show puts one of the screen's parts on show; the editor and the player share the 3D view.
func (s *Screen) show(m mode) {
	s.mode = m
	s.ed.centre.Objects, s.pl.centre.Objects = nil, nil
	s.viewer.Pins().Set(nil)
	switch m {
	case modeList:
		s.root.Objects = []fyne.CanvasObject{s.list.root}
	case modeEdit:
		s.ed.centre.Objects = []fyne.CanvasObject{s.viewer}
		s.root.Objects = []fyne.CanvasObject{s.ed.root}
	case modePlay:
		s.pl.centre.Objects = []fyne.CanvasObject{s.viewer}
		s.root.Objects = []fyne.CanvasObject{s.pl.root}
	}
	s.root.Refresh()
}

// TypedKey handles the screen's keys typed with nothing focused.
func (s *Screen) TypedKey(ev *fyne.KeyEvent) bool {
	switch s.mode {
	case modeEdit:
		return s.ed.key(ev)
	case modePlay:
		return s.pl.key(ev)
	}
	return s.list.key(ev)
}

// TypedRune handles the screen's letter keys typed with nothing focused.
func (s *Screen) TypedRune(r rune) bool {
	if r == '?' {
		s.sh.ShowHelp()
		return true
	}
	switch s.mode {
	case modeEdit:
		return s.ed.rune(r)
	case modeList:
		return s.list.rune(r)
	}
	return false
}

// Undo brings back the last deleted stop or pin in the editor (Ctrl+Z while Tours shows); it
// says whether there was something to undo here.
func (s *Screen) Undo() bool { return s.mode == modeEdit && s.ed.undo() }

// viewerKey takes the keys typed in the 3D view: the player's page keys; the rest orbit.
func (s *Screen) viewerKey(ev *fyne.KeyEvent) bool {
	if s.mode == modePlay {
		return s.pl.key(ev)
	}
	if s.mode == modeEdit && ev.Name == fyne.KeyEscape {
		return s.ed.key(ev)
	}
	return false
}

func (s *Screen) picked(h render.Hit, ok bool) {
	if s.mode == modeEdit {
		s.ed.picked(h, ok)
	}
}

func (s *Screen) pinTapped(i int) {
	if s.mode == modeEdit {
		s.ed.choosePin(i)
	}
}

// structName is a structure's name in the current model, else its id.
func (s *Screen) structName(id string) string {
	if sc := s.sh.Content().Scene; sc != nil {
		for i := range sc.Parts {
			if sc.Parts[i].ID == id && sc.Parts[i].Name != "" {
				return sc.Parts[i].Name
			}
		}
	}
	return id
}

// wrappedHint is a status line that wraps rather than widen the screen.
func wrappedHint() *kit.Hint {
	h := kit.NewHint("")
	h.Wrapping = fyne.TextWrapWord
	return h
}

// pinMarks turns a stop's pins into what the 3D view draws.
func pinMarks(pins []content.Pin) []kit.PinMark {
	out := make([]kit.PinMark, len(pins))
	for i, p := range pins {
		out[i] = kit.PinMark{Point: render.PinPoint(p), Note: p.Note}
	}
	return out
}
