package explore

import (
	"github.com/osteon/osteon/ui/kit"

	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/render"
)

// explore is the Explore screen: the structure list, the 3D viewer and the info panel, kept in
// step both ways.
type explore struct {
	viewer   *kit.Viewer
	view     *render.View
	cat      *catalog
	scene    *content.Scene
	search   *kit.ShortcutEntry
	count    *widget.Label
	packs    *widget.Select // which pack the model comes from
	tree     *structureTree
	info     *infoPanel
	status   *widget.Label
	selected string
	selPrev  render.State // the selected structure's state before it was highlighted
	syncing  bool
	undo     []map[string]render.State
	root     fyne.CanvasObject
	sh       Shell
	section  *sectionBar
}

// Shell is what the Explore screen needs from the app.
type Shell interface {
	Content() kit.Content
	// Packs is the installed packs as last listed.
	Packs() ([]*content.Pack, error)
	PacksChanged() *kit.Signal[[]*content.Pack]
	ContentChanged() *kit.Signal[kit.Content]
	OpenPack(p *content.Pack)
	NewView() (*render.View, *kit.Viewer)
	// OpenModel asks for a model file to open; ShowHelp lists the keys.
	OpenModel()
	ShowHelp()
}

// Screen is the Explore screen.
type Screen = explore

// New builds the Explore screen on a 3D view of its own; it shows each model the shell loads.
func New(sh Shell) *Screen {
	view, viewer := sh.NewView()
	e := &explore{sh: sh, viewer: viewer, view: view, cat: newCatalog(nil), info: newInfoPanel()}
	e.packs = widget.NewSelect(nil, nil)
	e.packs.PlaceHolder = "Choose a pack"
	e.search = kit.NewShortcutEntry()
	e.search.SetPlaceHolder("Search structures (Ctrl+F)")
	e.search.OnChanged = e.filter
	e.search.OnSubmitted = func(string) { e.selectOnlyMatch() }
	e.count = widget.NewLabel("")
	e.count.TextStyle.Italic = true
	e.tree = newStructureTree(e)
	e.tree.OnSelected = func(uid string) {
		if e.syncing || isBranch(uid) {
			return
		}
		e.selectStructure(strings.TrimPrefix(uid, uidPart), true)
	}
	e.status = widget.NewLabel("")
	e.status.Truncation = fyne.TextTruncateEllipsis
	viewer.OnPick = e.picked
	viewer.OnRune = func(r rune) { e.rune(r) }
	viewer.OnKey = e.key
	e.section = newSectionBar(e)
	e.root = e.layout()
	sh.ContentChanged().Subscribe(func(c kit.Content) {
		e.view.SetModel(c.Model)
		e.setScene(c.Scene)
		e.section.apply()
	})
	e.choosePacks()
	return e
}

// ID is kit.Explore.
func (e *explore) ID() kit.ID { return kit.Explore }

// Title is the screen's name in the navigation list.
func (e *explore) Title() string { return "Explore" }

// Content is the screen.
func (e *explore) Content() fyne.CanvasObject { return e.root }

// Shown does nothing.
func (e *explore) Shown() {}

// Hidden does nothing.
func (e *explore) Hidden() {}

// TypedKey handles Explore's keys typed with nothing focused.
func (e *explore) TypedKey(ev *fyne.KeyEvent) bool { return e.key(ev) }

// TypedRune handles Explore's single-letter shortcuts typed with nothing focused.
func (e *explore) TypedRune(r rune) bool {
	e.rune(r)
	return true
}

// Viewer is the screen's 3D view widget.
func (e *explore) Viewer() *kit.Viewer { return e.viewer }

// Selected is the id of the selected structure ("" for none).
func (e *explore) Selected() string { return e.selected }

// Search is the search field (Ctrl+F focuses it).
func (e *explore) Search() fyne.Focusable { return e.search }

// ResetView turns the camera back to where it started.
func (e *explore) ResetView() { e.view.ResetView(kit.CameraMove) }

// ShowAll shows every structure again (undoable).
func (e *explore) ShowAll() { e.showAll() }

// Undo undoes the last hide, isolate, ghost or show all.
func (e *explore) Undo() { e.undoLast() }

// Loading says a model is loading.
func (e *explore) Loading(name string) { e.status.SetText("Loading " + name + "…") }

// LoadFailed puts the status back after a model could not be loaded.
func (e *explore) LoadFailed() { e.status.SetText(sceneStatus(e.scene)) }

// choosePacks keeps the pack list in step with the installed packs and the current one.
func (e *explore) choosePacks() {
	sel, sh := e.packs, e.sh
	byTitle := map[string]*content.Pack{}
	update := func() {
		byTitle = map[string]*content.Pack{}
		var titles []string
		packs, _ := sh.Packs()
		for _, p := range packs {
			t := fmt.Sprintf("%s (%s)", p.Title, kit.OriginName(p.Origin))
			byTitle[t] = p
			titles = append(titles, t)
		}
		sel.SetOptions(titles)
		sel.OnChanged = nil
		sel.ClearSelected()
		if c := sh.Content().Pack; c != nil {
			sel.SetSelected(fmt.Sprintf("%s (%s)", c.Title, kit.OriginName(c.Origin)))
		}
		sel.OnChanged = func(t string) {
			if p := byTitle[t]; p != nil && (sh.Content().Pack == nil || sh.Content().Pack.ID != p.ID) {
				sh.OpenPack(p)
			}
		}
	}
	sh.PacksChanged().Subscribe(func([]*content.Pack) { update() })
	sh.ContentChanged().Subscribe(func(kit.Content) { update() })
}

func (e *explore) layout() fyne.CanvasObject {
	list := container.NewBorder(container.NewVBox(e.packs, e.search, e.count), nil, nil, nil, e.tree)
	// Every action has its words on it (Fyne has no tooltips, and the icons alone were read
	// wrongly: a palette for ghost, a full-screen sign for isolate).
	buttons := container.NewGridWithColumns(3, // three a row: five did not leave the info panel room at 1024 wide
		widget.NewButton("Hide (H)", e.hide),
		widget.NewButton("Isolate (I)", e.isolate),
		widget.NewButton("Ghost others (G)", e.ghostOthers),
		widget.NewButton("Show all (A)", e.showAll),
		widget.NewButton("Frame (F)", e.frameSelection),
		widget.NewButton("Undo (Ctrl+Z)", e.undoLast),
		widget.NewButton("Reset view (R)", func() { e.view.ResetView(kit.CameraMove) }),
		widget.NewButton("Open model…", e.sh.OpenModel),
		widget.NewButton("Keys (F1)", e.sh.ShowHelp),
	)
	centre := container.NewBorder(nil, container.NewVBox(buttons, e.section.root, e.status), nil, nil, e.viewer)
	right := container.NewHSplit(centre, kit.Sized(e.info.root, infoMinWidth))
	right.Offset = 0.74
	split := container.NewHSplit(list, right)
	split.Offset = 0.25
	return split
}

// infoMinWidth keeps the info panel readable however the splits are dragged or the window is
// narrowed (at 1024 wide it had shrunk to one letter a line).
const infoMinWidth = 200

// setScene shows a newly loaded scene in the list and the info panel.
func (e *explore) setScene(s *content.Scene) {
	e.scene = s
	e.cat = newCatalog(s)
	e.selected = ""
	e.undo = nil
	e.search.SetText("")
	e.filter("")
	e.tree.UnselectAll()
	e.tree.CloseAllBranches()
	for _, sys := range e.cat.systems {
		e.tree.OpenBranch(uidSystem + sys)
	}
	e.tree.Refresh()
	e.info.showScene(s)
	e.status.SetText(sceneStatus(s))
}

func sceneStatus(s *content.Scene) string {
	if s == nil {
		return ""
	}
	msg := fmt.Sprintf("%s — %d structures", kit.FirstNonEmpty(s.Title, s.Source), len(s.Parts))
	if s.Schematic {
		msg += " — schematic model, not patient anatomy"
	}
	return msg
}

func (e *explore) filter(q string) {
	n := e.cat.filter(q)
	if strings.TrimSpace(q) == "" {
		e.count.SetText(fmt.Sprintf("%d structures", len(e.cat.structures)))
	} else {
		e.count.SetText(fmt.Sprintf("%d of %d match", n, len(e.cat.structures)))
		e.tree.OpenAllBranches()
	}
	e.tree.Refresh()
}

// selectOnlyMatch selects and frames the structure a search matches when it matches just one
// (Enter in the search field).
func (e *explore) selectOnlyMatch() {
	if id, ok := e.cat.onlyMatch(); ok {
		e.selectStructure(id, true)
	}
}

// selectStructure selects id ("" clears): highlight on the model, the list, the info panel.
func (e *explore) selectStructure(id string, frame bool) {
	if prev := e.selected; prev != "" && e.view.State(prev) == render.Highlighted {
		e.view.SetState(prev, e.selPrev) // ghosted skin goes back to ghosted
	}
	e.selected, e.selPrev = id, render.Normal
	if s := e.view.State(id); s != render.Hidden && s != render.Highlighted {
		e.selPrev = s
	}
	st := e.cat.byID[id]
	if st == nil {
		e.selected = ""
		e.syncing = true
		e.tree.UnselectAll()
		e.syncing = false
		e.info.showScene(e.scene)
		return
	}
	if e.view.State(id) != render.Hidden {
		e.view.SetState(id, render.Highlighted)
	}
	if frame {
		e.view.Frame(kit.CameraMove, id)
	}
	e.info.showStructure(st, e.scene)
	e.syncTree(id)
}

func (e *explore) syncTree(id string) {
	e.syncing = true
	defer func() { e.syncing = false }()
	sys, reg := e.cat.branchesOf(id)
	e.tree.OpenBranch(sys)
	e.tree.OpenBranch(reg)
	e.tree.Select(uidPart + id)
	e.tree.ScrollTo(uidPart + id)
}

func (e *explore) picked(hit render.Hit, ok bool) {
	if !ok {
		e.selectStructure("", false)
		return
	}
	e.selectStructure(hit.ID, false)
}

func (e *explore) frameSelection() {
	if e.selected != "" {
		e.view.Frame(kit.CameraMove, e.selected)
	} else {
		e.view.ResetView(kit.CameraMove)
	}
}

// remember keeps the current states so the next change can be undone.
func (e *explore) remember() {
	m := e.view.Model()
	if m == nil {
		return
	}
	snap := map[string]render.State{}
	for _, p := range m.Scene.Parts {
		snap[p.ID] = e.view.State(p.ID)
	}
	e.undo = append(e.undo, snap)
	if len(e.undo) > 50 {
		e.undo = e.undo[1:]
	}
}

func (e *explore) undoLast() {
	if len(e.undo) == 0 {
		e.status.SetText("Nothing to undo")
		return
	}
	snap := e.undo[len(e.undo)-1]
	e.undo = e.undo[:len(e.undo)-1]
	e.view.SetStates(func(id string, cur render.State) render.State {
		if s, ok := snap[id]; ok {
			return s
		}
		return cur
	})
	e.status.SetText("Undone")
}

func (e *explore) needSelection(action string) bool {
	if e.selected == "" {
		e.status.SetText("Select a structure first (click it on the model or in the list) to " + action + " it")
		return false
	}
	return true
}

func (e *explore) hide() {
	if !e.needSelection("hide") {
		return
	}
	e.remember()
	name := e.cat.byID[e.selected].Name
	e.view.SetState(e.selected, render.Hidden)
	e.status.SetText("Hidden: " + name + " — Show all (A) or Undo (Ctrl+Z) brings it back")
}

func (e *explore) isolate() {
	if !e.needSelection("isolate") {
		return
	}
	e.remember()
	sel := e.selected
	e.view.SetStates(func(id string, _ render.State) render.State {
		if id == sel {
			return render.Highlighted
		}
		return render.Hidden
	})
	e.view.Frame(kit.CameraMove, sel)
	e.status.SetText("Isolated: " + e.cat.byID[sel].Name)
}

func (e *explore) ghostOthers() {
	if !e.needSelection("see through to") {
		return
	}
	e.remember()
	sel, shown := e.selected, 0
	e.view.SetStates(func(id string, cur render.State) render.State {
		if id == sel {
			return render.Highlighted
		}
		if cur == render.Hidden {
			shown++ // hidden by Hide or Isolate: ghosted too, so "others ghosted" is what shows
		}
		return render.Ghosted
	})
	e.status.SetText(ghostedStatus(e.cat.byID[sel].Name, shown))
}

// ghostedStatus says what Ghost others did, hidden structures brought back as ghosts included.
func ghostedStatus(name string, shown int) string {
	if shown == 0 {
		return "Others ghosted around " + name
	}
	return fmt.Sprintf("Others ghosted around %s, including %d that were hidden — Undo (Ctrl+Z) hides them again", name, shown)
}

// showAll returns every structure to how the model shows it by default (skin stays ghosted).
func (e *explore) showAll() {
	e.remember()
	sel := e.selected
	e.view.SetStates(func(id string, _ render.State) render.State {
		if id == sel {
			return render.Highlighted
		}
		if st := e.cat.byID[id]; st != nil && st.Ghosted {
			return render.Ghosted
		}
		return render.Normal
	})
	e.status.SetText(sceneStatus(e.scene))
}

// rune handles single-key shortcuts typed in the viewer or with nothing focused.
func (e *explore) rune(r rune) {
	if e.section.rune(r) {
		return
	}
	switch r {
	case 'h', 'H':
		e.hide()
	case 'i', 'I':
		e.isolate()
	case 'g', 'G':
		e.ghostOthers()
	case 'a', 'A':
		e.showAll()
	case 'r', 'R':
		e.view.ResetView(kit.CameraMove)
	case 'f', 'F':
		e.frameSelection()
	case '?':
		e.sh.ShowHelp()
	}
}

func (e *explore) key(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyEscape:
		e.selectStructure("", false)
	case fyne.KeyHome:
		e.view.ResetView(kit.CameraMove)
	case fyne.KeyF1:
		e.sh.ShowHelp()
	default:
		return false
	}
	return true
}

// structureTree is the structure list: a tree that also passes the Explore shortcuts (H, I, G,
// A, R, F, ?, Esc, F1) on while it has keyboard focus.
type structureTree struct {
	widget.Tree
	e *explore
}

func newStructureTree(e *explore) *structureTree {
	t := &structureTree{e: e}
	t.ChildUIDs = func(uid string) []string { return e.cat.children(uid) }
	t.IsBranch = isBranch
	t.CreateNode = func(bool) fyne.CanvasObject {
		return kit.NewMiddleLabel("Structure name placeholder") // near-identical names differ at the end
	}
	t.UpdateNode = func(uid string, _ bool, o fyne.CanvasObject) {
		o.(*kit.MiddleLabel).SetFull(e.cat.label(uid), e.cat.keep[strings.TrimPrefix(uid, uidPart)])
	}
	t.ExtendBaseWidget(t)
	return t
}

// TypedRune sends shortcut letters to the Explore screen.
func (t *structureTree) TypedRune(r rune) { t.e.rune(r) }

// TypedKey lets the Explore screen take Escape, Home and F1; the rest moves through the list.
func (t *structureTree) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape || ev.Name == fyne.KeyF1 || ev.Name == fyne.KeyHome {
		t.e.key(ev)
		return
	}
	t.Tree.TypedKey(ev)
}
