// Package consultations is the Consultations screen: the clinical conversations of the current
// pack with the learner's mastery and CUSUM standing, filtered by profession, and each
// scenario's Learn, Practice and Test runs as a transcript of the other person's words and cues
// with numbered replies, and the Test's debrief.
package consultations

import (
	"fmt"
	"os"
	"slices"
	"sort"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/progress"
	"github.com/osteon/osteon/ui/kit"
)

// Shell is what the screen needs from the app: the content shown and the learner signed in,
// with their signals, the progress store, and a log.
type Shell interface {
	Content() kit.Content
	Learner() *progress.Learner
	Store() *progress.Store
	ContentChanged() *kit.Signal[kit.Content]
	LearnerChanged() *kit.Signal[*progress.Learner]
	Logf(format string, args ...any)
}

// Screen is the Consultations screen.
type Screen struct {
	kit.Base
	sh   Shell
	jobs *kit.Runner // slow work: loading files, the progress store

	pack     *content.Pack
	all      []content.Consultation
	shown    []int // indices into all that pass the filter
	problems content.Problems
	status   map[string]standing
	selected int // index into shown, or -1
	filter   string

	list    *widget.List
	detail  *widget.RichText
	modes   *fyne.Container
	notice  *widget.Label
	filters *widget.Select
	right   *fyne.Container
	browse  fyne.CanvasObject
	root    *fyne.Container
	run     *run

	// Now and Seed are the clock and the seed of each run's order of replies; tests fix them.
	Now  func() time.Time
	Seed func() uint64
}

// standing is the learner's record on one scenario.
type standing struct {
	mastery progress.SkillMastery
	tried   bool
	prof    learning.Proficiency
}

const allProfessions = "All professions"

// New builds the screen and keeps it in step with the pack and the learner; slow work goes
// through jobs.
func New(sh Shell, jobs *kit.Runner) *Screen {
	s := &Screen{sh: sh, jobs: jobs, selected: -1, status: map[string]standing{}, filter: allProfessions, Now: time.Now,
		Seed: func() uint64 { return uint64(time.Now().UnixNano()) }}
	if n, err := strconv.ParseUint(os.Getenv("OSTEON_CONSULTATION_SEED"), 10, 64); err == nil {
		s.Seed = func() uint64 { return n } // the same order of replies, for demonstrations
	}
	s.build()
	sh.ContentChanged().Subscribe(s.setContent)
	sh.LearnerChanged().Subscribe(func(*progress.Learner) { s.refreshStatus() })
	s.setContent(sh.Content())
	return s
}

// ID is kit.Consultations.
func (s *Screen) ID() kit.ID { return kit.Consultations }

// Title is the screen's title.
func (s *Screen) Title() string { return "Consultations" }

// Content is the screen's widget tree.
func (s *Screen) Content() fyne.CanvasObject { return s.root }

func (s *Screen) build() {
	s.list = widget.NewList(func() int { return len(s.shown) },
		func() fyne.CanvasObject {
			title := widget.NewLabelWithStyle("Consultation title", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			title.Truncation = fyne.TextTruncateEllipsis
			st := widget.NewLabel("status")
			st.TextStyle.Italic = true
			st.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(title, st)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := s.all[s.shown[i]]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(c.Title)
			box.Objects[1].(*widget.Label).SetText(s.statusLine(c.ID))
		})
	s.list.OnSelected = func(i widget.ListItemID) { s.choose(i) }
	s.filters = widget.NewSelect([]string{allProfessions}, s.setFilter)
	s.filters.Selected = allProfessions
	s.detail = widget.NewRichText()
	s.detail.Wrapping = fyne.TextWrapWord
	s.notice = kit.Wrapped("")
	s.notice.Hide()
	s.modes = container.NewGridWithColumns(3,
		widget.NewButtonWithIcon("Learn (L)", theme.DocumentIcon(), func() { s.start(modeLearn) }),
		widget.NewButtonWithIcon("Practise (P)", theme.QuestionIcon(), func() { s.start(modePractice) }),
		widget.NewButtonWithIcon("Test (T)", theme.ConfirmIcon(), func() { s.start(modeTest) }))
	s.modes.Hide()
	head := container.NewBorder(nil, nil, widget.NewRichText(kit.Heading("Consultations")), nil)
	top := container.NewBorder(container.NewVBox(head, s.filters), s.notice, nil, nil, s.list)
	s.right = container.NewBorder(s.modes, nil, nil, nil, container.NewVScroll(s.detail))
	split := container.NewHSplit(top, container.NewPadded(s.right))
	split.Offset = 0.38
	s.browse = split
	s.root = container.NewStack(s.browse)
	s.describe()
}

// setContent loads the scenarios of the pack now shown.
func (s *Screen) setContent(c kit.Content) {
	s.leave()
	s.pack, s.all, s.problems, s.selected = c.Pack, nil, nil, -1
	s.refilter()
	p := c.Pack
	if p == nil {
		s.showNotice("This model was opened as a file, not from a pack, so it has no consultations. Choose a pack in Explore.")
		return
	}
	s.jobs.Go(func() func() {
		cs, probs := p.LoadConsultations()
		return func() {
			if s.pack != p {
				return // another pack was opened meanwhile
			}
			s.all, s.problems = cs, probs
			s.refilter()
			s.noticeProblems()
			s.refreshStatus()
		}
	})
}

func (s *Screen) showNotice(msg string) {
	s.notice.SetText(msg)
	s.notice.Show()
}

func (s *Screen) noticeProblems() {
	switch {
	case len(s.problems) > 0:
		s.showNotice(fmt.Sprintf("Some consultations in this pack could not be loaded (%d problems). The others work. First: %s",
			len(s.problems), s.problems[0].Error()))
	case len(s.all) == 0:
		s.showNotice("This pack has no consultations.")
	default:
		s.notice.Hide()
	}
}

// professions lists the professions of the loaded scenarios, sorted, after "All professions".
func (s *Screen) professions() []string {
	var out []string
	for _, c := range s.all {
		for _, p := range c.Professions {
			if !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	sort.Strings(out)
	return append([]string{allProfessions}, out...)
}

func (s *Screen) setFilter(p string) {
	if p == "" {
		p = allProfessions
	}
	s.filter = p
	s.refilter()
	s.unfocus()
}

// refilter lists the scenarios for the chosen profession, keeping the selection if it stays.
func (s *Screen) refilter() {
	var keep string
	if c := s.current(); c != nil {
		keep = c.ID
	}
	s.filters.Options = s.professions()
	if !slices.Contains(s.filters.Options, s.filter) {
		s.filter = allProfessions
	}
	s.filters.Selected = s.filter
	s.filters.Refresh()
	s.shown, s.selected = nil, -1
	for i, c := range s.all {
		if s.filter == allProfessions || slices.Contains(c.Professions, s.filter) {
			if c.ID == keep {
				s.selected = len(s.shown)
			}
			s.shown = append(s.shown, i)
		}
	}
	s.list.UnselectAll()
	if s.selected >= 0 {
		s.list.Select(s.selected)
	}
	s.list.Refresh()
	s.describe()
}

// choose shows scenario i of the list.
func (s *Screen) choose(i int) {
	if i < 0 || i >= len(s.shown) {
		return
	}
	s.selected = i
	s.describe()
	s.unfocus()
}

// unfocus gives the keys back to the screen (the shell passes it the keys typed while nothing
// has focus), after a tap on the list or the filter took them.
func (s *Screen) unfocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(s.root); c != nil {
		c.Unfocus()
	}
}

func (s *Screen) current() *content.Consultation {
	if s.selected < 0 || s.selected >= len(s.shown) {
		return nil
	}
	return &s.all[s.shown[s.selected]]
}

// Select shows the scenario with the given id, clearing the filter if it hides it; false if the
// pack has none.
func (s *Screen) Select(id string) bool {
	for k, i := range s.shown {
		if s.all[i].ID == id {
			s.list.Select(k)
			return true
		}
	}
	if s.filter != allProfessions {
		s.setFilter(allProfessions)
		return s.Select(id)
	}
	return false
}

// TypedKey handles the screen's keys.
func (s *Screen) TypedKey(ev *fyne.KeyEvent) bool {
	if s.run != nil {
		return s.run.key(ev)
	}
	switch ev.Name {
	case fyne.KeyUp:
		s.list.Select(max(s.selected-1, 0))
	case fyne.KeyDown:
		s.list.Select(min(s.selected+1, len(s.shown)-1))
	case fyne.KeyReturn, fyne.KeyEnter:
		s.start(modeLearn)
	default:
		return false
	}
	return true
}

// TypedRune handles letters and numbers.
func (s *Screen) TypedRune(r rune) bool {
	if s.run != nil {
		return s.run.rune(r)
	}
	switch r {
	case 'l', 'L':
		s.start(modeLearn)
	case 'p', 'P':
		s.start(modePractice)
	case 't', 'T':
		s.start(modeTest)
	default:
		return false
	}
	return true
}

// start begins a run of the chosen scenario.
func (s *Screen) start(m mode) {
	c := s.current()
	if c == nil {
		return
	}
	s.run = newRun(s, c, m)
	s.root.Objects = []fyne.CanvasObject{s.run.root}
	s.root.Refresh()
}

// leave ends a run (an unfinished Test is not recorded) and goes back to the list.
func (s *Screen) leave() {
	if s.run == nil {
		return
	}
	s.run = nil
	s.root.Objects = []fyne.CanvasObject{s.browse}
	s.root.Refresh()
	s.list.Refresh()
	s.describe()
}
