package procedures

import (
	"github.com/osteon/osteon/ui/kit"

	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/progress"
	"github.com/osteon/osteon/render"
)

// procedures is the Procedures screen: the list of the current pack's procedures with the
// learner's mastery, a description of the chosen one, and its Learn, Practice and Test runs,
// beside a 3D view of the anatomy each step needs.
type procedures struct {
	sh     Shell
	view   *render.View
	viewer *kit.Viewer

	pack     *content.Pack
	scene    *content.Scene
	entries  []procEntry
	problems content.Problems
	status   map[string]procStatus
	selected int

	list   *widget.List
	detail *widget.RichText
	modes  *fyne.Container
	notice *widget.Label
	legend *kit.Legend     // what the colours on the model mean
	left   *fyne.Container // the browse panel or a run's panel
	browse fyne.CanvasObject
	keys   *procKeyCatcher
	run    *procRun

	// jobs runs slow work (loading files, the progress store) off the UI goroutine; tests
	// run it in place.
	jobs *kit.Runner
	now  func() time.Time
	seed func() uint64
	move time.Duration
}

// procEntry is one procedure of the pack, compiled for walkthroughs.
type procEntry struct {
	proc content.Procedure
	plan *learning.Plan
}

// procStatus is the learner's standing on one procedure.
type procStatus struct {
	mastery progress.SkillMastery
	tried   bool
	prof    learning.Proficiency
}

// Shell is what the Procedures screen needs from the app.
type Shell interface {
	Window() fyne.Window
	Store() *progress.Store
	Learner() *progress.Learner
	Content() kit.Content
	EngineErr() error
	LearnerChanged() *kit.Signal[*progress.Learner]
	ContentChanged() *kit.Signal[kit.Content]
	NewView() (*render.View, *kit.Viewer)
	Logf(format string, args ...any)
}

// Screen is the Procedures screen.
type Screen = procedures

// New builds the screen and keeps it in step with the pack and the learner; slow work goes
// through jobs.
func New(sh Shell, jobs *kit.Runner) *Screen {
	s := &procedures{sh: sh, jobs: jobs, selected: -1, status: map[string]procStatus{},
		now: time.Now, move: procedureMove,
		seed: func() uint64 { return uint64(time.Now().UnixNano()) }}
	if n, err := strconv.ParseUint(os.Getenv("OSTEON_PROCEDURE_SEED"), 10, 64); err == nil {
		s.seed = func() uint64 { return n } // the same choices in the same order, for demonstrations
	}
	s.view, s.viewer = sh.NewView()
	s.viewer.OnPick = s.picked
	s.viewer.OnKey = s.viewerKey
	s.viewer.OnRune = s.rune
	s.build()
	sh.ContentChanged().Subscribe(s.setContent)
	sh.LearnerChanged().Subscribe(func(*progress.Learner) { s.refreshStatus() })
	s.setContent(sh.Content())
	return s
}

// ID is kit.Procedures.
func (s *procedures) ID() kit.ID { return kit.Procedures }

// Title is the screen's name in the navigation list.
func (s *procedures) Title() string { return "Procedures" }

// Content is the screen.
func (s *procedures) Content() fyne.CanvasObject { return s.keys }

// Shown does nothing: the signals keep the screen up to date.
func (s *procedures) Shown() {}

// Hidden does nothing.
func (s *procedures) Hidden() {}

// TypedKey leaves keys to the screen's key catcher, which takes them while focused.
func (s *procedures) TypedKey(*fyne.KeyEvent) bool { return false }

// TypedRune leaves runes to the key catcher.
func (s *procedures) TypedRune(rune) bool { return false }

func (s *procedures) build() {
	s.list = widget.NewList(func() int { return len(s.entries) },
		func() fyne.CanvasObject {
			title := widget.NewLabelWithStyle("Procedure title", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			title.Truncation = fyne.TextTruncateEllipsis
			st := widget.NewLabel("status")
			st.TextStyle.Italic = true
			st.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(title, st)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(s.entries[i].proc.Title)
			box.Objects[1].(*widget.Label).SetText(s.statusLine(s.entries[i].proc.ID))
		})
	s.list.OnSelected = func(i widget.ListItemID) { s.choose(i) }
	s.detail = widget.NewRichText()
	s.detail.Wrapping = fyne.TextWrapWord
	s.notice = widget.NewLabel("")
	s.notice.Wrapping = fyne.TextWrapWord
	s.notice.Hide()
	s.modes = container.NewGridWithColumns(3,
		widget.NewButtonWithIcon("Learn (L)", theme.DocumentIcon(), func() { s.start(modeLearn) }),
		widget.NewButtonWithIcon("Practise (P)", theme.QuestionIcon(), func() { s.start(modePractice) }),
		widget.NewButtonWithIcon("Test (T)", theme.ConfirmIcon(), func() { s.start(modeTest) }))
	s.modes.Hide()
	heading := widget.NewRichText(kit.Heading("Procedures"))
	top := container.NewBorder(heading, s.notice, nil, nil, s.list)
	bottom := container.NewBorder(s.modes, nil, nil, nil, container.NewVScroll(s.detail))
	split := container.NewVSplit(top, bottom)
	split.Offset = 0.47
	s.browse = split
	s.left = container.NewStack(s.browse)
	s.legend = kit.NewLegend()
	root := container.NewHSplit(container.NewPadded(s.left), container.NewBorder(nil, s.legend, nil, nil, s.viewer))
	root.Offset = 0.42
	s.keys = newProcKeyCatcher(root)
	s.keys.onKey = s.key
	s.keys.onRune = s.rune
	s.describe()
}

// setContent loads the procedures of the pack now shown (UI goroutine; the files are read in
// the background).
func (s *procedures) setContent(c kit.Content) {
	s.leave()
	s.pack, s.scene = c.Pack, c.Scene
	if c.Model != nil {
		s.view.SetModel(c.Model)
	}
	s.entries, s.problems, s.selected = nil, nil, -1
	s.list.UnselectAll()
	s.list.Refresh()
	s.describe()
	p := c.Pack
	if p == nil {
		s.showNotice("This model was opened as a file, not from a pack, so it has no procedures. Choose a pack in Explore.")
		return
	}
	s.jobs.Go(func() func() {
		procs, probs := p.LoadProcedures()
		entries, probs := compileProcedures(procs, probs)
		return func() {
			if s.pack != p {
				return // another pack was opened meanwhile
			}
			s.entries, s.problems = entries, probs
			s.list.Refresh()
			s.describe()
			s.noticeProblems()
			s.refreshStatus()
		}
	})
}

func compileProcedures(procs []content.Procedure, probs content.Problems) ([]procEntry, content.Problems) {
	var out []procEntry
	for _, p := range procs {
		plan, err := learning.Compile(procedureForLearning(p))
		if err != nil {
			probs = append(probs, &content.Error{File: p.File, Line: p.Line, Field: "procedures", Msg: err.Error()})
			continue
		}
		out = append(out, procEntry{proc: p, plan: plan})
	}
	return out, probs
}

func (s *procedures) showNotice(msg string) {
	s.notice.SetText(msg)
	s.notice.Show()
}

func (s *procedures) noticeProblems() {
	switch {
	case len(s.problems) > 0:
		msg := fmt.Sprintf("Some procedures in this pack could not be loaded (%d problems). The others work. First: %s",
			len(s.problems), s.problems[0].Error())
		s.showNotice(msg)
	case len(s.entries) == 0:
		s.showNotice("This pack has no procedures.")
	default:
		s.notice.Hide()
	}
}

// choose shows procedure i in the detail panel and the model.
func (s *procedures) choose(i int) {
	if i < 0 || i >= len(s.entries) {
		return
	}
	s.selected = i
	s.describe()
	s.focus(overviewFocus(s.entries[i].proc), focusFull)
	s.keys.focus()
}

func (s *procedures) current() *procEntry {
	if s.selected < 0 || s.selected >= len(s.entries) {
		return nil
	}
	return &s.entries[s.selected]
}

// describe fills the detail panel: what the chosen procedure is, the learner's standing, its
// sources.
func (s *procedures) describe() {
	e := s.current()
	if e == nil {
		s.modes.Hide()
		msg := "Choose a procedure to learn it step by step, practise choosing each next action, or test yourself."
		if len(s.entries) == 0 {
			msg = "No procedures yet."
		}
		s.detail.Segments = []widget.RichTextSegment{kit.Para(msg),
			kit.Italic("Keys: ↑ ↓ choose a procedure, L Learn, P Practise, T Test, Esc leaves a run.")}
		s.detail.Refresh()
		return
	}
	p := e.proc
	segs := []widget.RichTextSegment{kit.Heading(p.Title)}
	if p.Summary != "" {
		segs = append(segs, kit.Para(p.Summary))
	}
	critical := 0
	for _, st := range p.Steps {
		if st.Critical {
			critical++
		}
	}
	segs = append(segs, kit.Para(fmt.Sprintf("%d steps, %d of them critical; %d common errors to recognise.", len(p.Steps), critical, len(p.Errors))),
		kit.Subheading("Your progress"), kit.Para(s.statusText(p.ID)))
	if len(p.References) > 0 {
		segs = append(segs, kit.Subheading("Follows"))
		for _, r := range p.References {
			segs = append(segs, kit.Para("• "+r))
		}
	}
	segs = append(segs, kit.Italic("A schematic teaching aid: it does not replace supervised practice or your local policy."))
	s.detail.Segments = segs
	s.detail.Refresh()
	s.modes.Show()
}

// key handles the screen's keys while it has focus.
func (s *procedures) key(ev *fyne.KeyEvent) {
	if s.run != nil {
		s.run.key(ev)
		return
	}
	switch ev.Name {
	case fyne.KeyUp:
		s.list.Select(max(s.selected-1, 0))
	case fyne.KeyDown:
		s.list.Select(min(s.selected+1, len(s.entries)-1))
	case fyne.KeyReturn, fyne.KeyEnter:
		s.start(modeLearn)
	}
}

func (s *procedures) rune(r rune) {
	if s.run != nil {
		s.run.rune(r)
		return
	}
	switch r {
	case 'l', 'L':
		s.start(modeLearn)
	case 'p', 'P':
		s.start(modePractice)
	case 't', 'T':
		s.start(modeTest)
	}
}

// viewerKey takes Escape and Enter from the 3D view; arrows still turn the model.
func (s *procedures) viewerKey(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyEscape, fyne.KeyReturn, fyne.KeyEnter:
		s.key(ev)
		return true
	}
	return false
}

// picked takes a click on the model during a run; the keys then go back to the choices.
func (s *procedures) picked(hit render.Hit, ok bool) {
	if s.run != nil {
		s.run.picked(hit, ok)
		s.keys.focus()
	}
}

// start begins a run of the chosen procedure.
func (s *procedures) start(m runMode) {
	e := s.current()
	if e == nil {
		return
	}
	s.run = newProcRun(s, e, m)
	s.left.Objects = []fyne.CanvasObject{s.run.root}
	s.left.Refresh()
	s.keys.focus()
}

// leave ends a run (an unfinished test is not recorded) and goes back to the list.
func (s *procedures) leave() {
	if s.run == nil {
		return
	}
	s.run = nil
	s.left.Objects = []fyne.CanvasObject{s.browse}
	s.left.Refresh()
	if e := s.current(); e != nil {
		s.focus(overviewFocus(e.proc), focusFull)
	}
	s.list.Refresh()
	s.describe()
	s.keys.focus()
}

// structureName is a structure's name in the current scene, or its id.
func (s *procedures) structureName(id string) string {
	if s.scene != nil {
		if p := s.scene.Part(id); p != nil && p.Name != "" {
			return p.Name
		}
	}
	return id
}

func (s *procedures) names(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = s.structureName(id)
	}
	return strings.Join(out, ", ")
}
