package practice

import (
	"github.com/osteon/osteon/ui/kit"

	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/progress"
	"github.com/osteon/osteon/render"
)

// practice is the Practice screen: choose a scope and a length, answer questions on the 3D model
// (find it, name it by choosing or typing, the pack's own multiple-choice questions) with
// feedback after each, and see a summary. Every answer is recorded as it is given, off the UI
// goroutine, so leaving or quitting loses nothing answered.
type practice struct {
	sh     Shell
	view   *render.View
	viewer *kit.Viewer
	screen *practiceScreen
	move   time.Duration // how long camera moves take (0 in tests)
	now    func() time.Time
	rng    *rand.Rand
	// jobs runs store work in order, off the UI goroutine, so answers are saved in the order
	// given. Tests run it in place.
	jobs  *kit.Runner
	shown bool // the screen is on show

	data     practiceData
	loadKey  string // learner and pack the data is being loaded for
	setup    *practiceSetup
	question *questionView
	run      *practiceRun
	notice   string // said on the setup view, e.g. why a session ended
	// wantWeakest: start a session on the weakest skills once the data is read.
	wantWeakest bool
}

// practiceData is what practice knows of the current learner and pack.
type practiceData struct {
	key   string
	bank  *learning.Bank
	state learning.LearnerState
	// enclosed are the structures that can be seen only with others ghosted (render.Model.Exposure).
	enclosed map[string]bool
	err      error // why it could not be read (the bank may still be usable)
}

// practiceScreen is the screen's root: it holds the practice so the Progress screen's "Practise my
// weakest" can reach it.
type practiceScreen struct {
	widget.BaseWidget
	p       *practice
	content *fyne.Container
}

func (s *practiceScreen) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(s.content)
}

func (s *practiceScreen) show(o fyne.CanvasObject) {
	s.content.Objects = []fyne.CanvasObject{o}
	s.content.Refresh()
}

// Shell is what the Practice screen needs from the app.
type Shell interface {
	Window() fyne.Window
	Store() *progress.Store
	StoreErr() error
	Learner() *progress.Learner
	Content() kit.Content
	LearnerChanged() *kit.Signal[*progress.Learner]
	ContentChanged() *kit.Signal[kit.Content]
	NewView() (*render.View, *kit.Viewer)
	ShowProfiles()
	Logf(format string, args ...any)
}

// Screen is the Practice screen.
type Screen = practice

// New builds the Practice screen; store work goes through jobs, in order.
func New(sh Shell, jobs *kit.Runner) *Screen {
	p := newPractice(sh, jobs)
	p.attach()
	return p
}

// ID is kit.Practice.
func (p *practice) ID() kit.ID { return kit.Practice }

// Title is the screen's name in the navigation list.
func (p *practice) Title() string { return "Practice" }

// Content is the screen.
func (p *practice) Content() fyne.CanvasObject { return p.screen }

// Shown notes that the screen is on show.
func (p *practice) Shown() { p.shown = true }

// Hidden notes that it is not.
func (p *practice) Hidden() { p.shown = false }

// TypedKey handles the keys typed with nothing focused.
func (p *practice) TypedKey(ev *fyne.KeyEvent) bool { return p.key(ev) }

// TypedRune handles the runes typed with nothing focused.
func (p *practice) TypedRune(r rune) bool {
	p.rune(r)
	return true
}

// attach makes the practice hear of learner and pack changes, and shows it.
func (p *practice) attach() {
	p.sh.LearnerChanged().Subscribe(func(*progress.Learner) { p.changed("You switched profile") })
	p.sh.ContentChanged().Subscribe(func(kit.Content) { p.changed("The pack changed") })
	p.refresh()
}

func newPractice(sh Shell, jobs *kit.Runner) *practice {
	p := &practice{sh: sh, jobs: jobs, move: kit.CameraMove, now: time.Now, rng: rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))}
	p.view, p.viewer = sh.NewView()
	p.screen = &practiceScreen{p: p, content: container.NewStack()}
	p.screen.ExtendBaseWidget(p.screen)
	p.setup = newPracticeSetup(p)
	p.question = newQuestionView(p)
	p.viewer.OnPick = p.picked
	p.viewer.OnRune = p.rune
	p.viewer.OnKey = p.key
	return p
}

// showing reports whether the Practice screen is the one on show.
func (p *practice) showing() bool { return p.shown }

// changed ends a running session (its answers are saved) when the learner or pack changes, and
// reads the new learner's or pack's data.
func (p *practice) changed(why string) {
	if p.run != nil {
		n := p.run.answered()
		p.endRun()
		p.notice = fmt.Sprintf("%s, so the session ended. Your %s saved.", why, kit.Plural(n, "answer was", "answers were"))
	}
	p.refresh()
}

// dataKey names the learner and pack practice data belongs to ("" when practice cannot run).
func (p *practice) dataKey() string {
	c := p.sh.Content()
	if p.sh.Store() == nil || p.sh.Learner() == nil || c.Scene == nil {
		return ""
	}
	pack := c.Scene.Source
	if c.Pack != nil {
		pack = c.Pack.ID + "@" + c.Pack.Version
	}
	return fmt.Sprintf("%d|%s|%p", p.sh.Learner().ID, pack, c.Model)
}

// refresh shows what fits now: why practice cannot start, or the setup.
func (p *practice) refresh() {
	if p.run != nil {
		return
	}
	switch {
	case p.sh.Store() == nil:
		p.screen.show(practiceMessage("Practice needs your progress file",
			p.sh.StoreErr().Error()+"\n\nExplore still works.", nil))
		return
	case p.sh.Learner() == nil:
		p.screen.show(practiceMessage("Who is practising?",
			"Choose your profile first, so your answers and what comes due are kept for you.",
			widget.NewButtonWithIcon("Choose profile", theme.AccountIcon(), p.sh.ShowProfiles)))
		return
	case p.sh.Content().Scene == nil:
		p.screen.show(practiceMessage("No model open yet", "Open a pack in Explore (or wait for it to load) to practise on it.", nil))
		return
	}
	if key := p.dataKey(); p.data.key != key && p.loadKey != key {
		p.load(key)
	}
	p.setup.update()
	p.screen.show(p.setup.root)
}

// load reads the bank and the learner's state in the background.
func (p *practice) load(key string) {
	p.loadKey = key
	c, st, who := p.sh.Content(), p.sh.Store(), p.sh.Learner().ID
	p.jobs.Go(func() func() {
		d := practiceData{key: key}
		d.bank, d.enclosed, d.err = practiceBank(c)
		state, err := st.LearnerState(context.Background(), who, d.bank.Items())
		if err != nil {
			d.err = fmt.Errorf("could not read your progress: %w", err)
		}
		d.state = state
		return func() {
			if p.loadKey != key {
				return // the learner or pack changed meanwhile
			}
			p.loadKey = ""
			p.data = d
			if d.err != nil {
				p.sh.Logf("practice: %v", d.err)
			}
			p.refresh()
			if p.wantWeakest && p.run == nil {
				p.wantWeakest = false
				p.start(learning.Scope{Kind: learning.ScopeWeakest}, weakestLength)
			}
		}
	})
}

// practiceMessage is a plain full-screen message with an optional action.
func practiceMessage(title, text string, action fyne.CanvasObject) fyne.CanvasObject {
	rt := widget.NewRichText(kit.Heading(title))
	if text != "" {
		rt.Segments = append(rt.Segments, kit.Para(text))
	}
	rt.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(rt)
	if action != nil {
		box.Add(container.NewHBox(action))
	}
	return container.NewPadded(container.NewBorder(box, nil, nil, nil, layout.NewSpacer()))
}
