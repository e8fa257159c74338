package ui

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
	u      *UI
	view   *render.View
	viewer *kit.Viewer
	screen *practiceScreen
	move   time.Duration // how long camera moves take (0 in tests)
	now    func() time.Time
	rng    *rand.Rand
	// work runs store work in order, off the UI goroutine; the function it is given comes back
	// with fyne.Do. Tests run it in place.
	work func(job func())

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
	err   error // why it could not be read (the bank may still be usable)
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

// practiceScreen builds the Practice screen (the shell calls it the first time it is shown).
func (u *UI) practiceScreen() fyne.CanvasObject {
	p := newPractice(u)
	p.work = newWorker()
	p.attach()
	return p.screen
}

// attach makes the practice hear of learner and pack changes and of keys, and shows it.
func (p *practice) attach() {
	p.u.onLearner(func(*progress.Learner) { p.changed("You switched profile") })
	p.u.onContent(func(Content) { p.changed("The pack changed") })
	p.routeKeys()
	p.refresh()
}

func newPractice(u *UI) *practice {
	p := &practice{u: u, move: kit.CameraMove, now: time.Now, rng: rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))}
	p.view, p.viewer = u.newView()
	p.screen = &practiceScreen{p: p, content: container.NewStack()}
	p.screen.ExtendBaseWidget(p.screen)
	p.setup = newPracticeSetup(p)
	p.question = newQuestionView(p)
	p.viewer.OnPick = p.picked
	p.viewer.OnRune = p.rune
	p.viewer.OnKey = p.key
	return p
}

// newWorker runs jobs one after another on a goroutine of its own, so answers are saved in the
// order given and a slow disk never holds up the screen.
var newWorker = func() func(func()) {
	jobs := make(chan func(), 256)
	go func() {
		for j := range jobs {
			j()
		}
	}()
	return func(j func()) { jobs <- j }
}

// practiceOf finds the Practice screen (building it if need be).
func (u *UI) practiceOf() *practice {
	for i, sc := range u.shell.screens {
		if sc.title == "Practice" {
			u.shell.show(i)
			if ps, ok := sc.obj.(*practiceScreen); ok {
				return ps.p
			}
		}
	}
	return nil
}

// showing reports whether the Practice screen is the one on show.
func (p *practice) showing() bool {
	sh := p.u.shell
	return sh != nil && sh.current >= 0 && sh.current < len(sh.screens) && sh.screens[sh.current].obj == p.screen
}

// routeKeys sends keys typed with nothing focused to Practice while it shows; other screens'
// keys pass on as before.
func (p *practice) routeKeys() {
	c := p.u.win.Canvas()
	prevRune, prevKey := c.OnTypedRune(), c.OnTypedKey()
	c.SetOnTypedRune(func(r rune) {
		if p.showing() {
			p.rune(r)
		} else if prevRune != nil {
			prevRune(r)
		}
	})
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if p.showing() {
			p.key(ev)
		} else if prevKey != nil {
			prevKey(ev)
		}
	})
}

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
	c := p.u.Content()
	if p.u.store == nil || p.u.learner == nil || c.Scene == nil {
		return ""
	}
	pack := c.Scene.Source
	if c.Pack != nil {
		pack = c.Pack.ID + "@" + c.Pack.Version
	}
	return fmt.Sprintf("%d|%s|%p", p.u.learner.ID, pack, c.Model)
}

// refresh shows what fits now: why practice cannot start, or the setup.
func (p *practice) refresh() {
	if p.run != nil {
		return
	}
	switch {
	case p.u.store == nil && p.u.storeErr != nil:
		p.screen.show(practiceMessage("Practice needs your progress file",
			p.u.storeErr.Error()+"\n\nExplore still works.", nil))
		return
	case p.u.store == nil:
		p.screen.show(practiceMessage("Opening your progress file…", "", nil))
		return
	case p.u.learner == nil:
		p.screen.show(practiceMessage("Who is practising?",
			"Choose your profile first, so your answers and what comes due are kept for you.",
			widget.NewButtonWithIcon("Choose profile", theme.AccountIcon(), p.u.showProfiles)))
		return
	case p.u.Content().Scene == nil:
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
	c, st, who := p.u.Content(), p.u.store, p.u.learner.ID
	p.work(func() {
		d := practiceData{key: key}
		d.bank, d.err = practiceBank(c)
		state, err := st.LearnerState(context.Background(), who, d.bank.Items())
		if err != nil {
			d.err = fmt.Errorf("could not read your progress: %w", err)
		}
		d.state = state
		fyne.Do(func() {
			if p.loadKey != key {
				return // the learner or pack changed meanwhile
			}
			p.loadKey = ""
			p.data = d
			if d.err != nil {
				p.u.cfg.Log.Printf("practice: %v", d.err)
			}
			p.refresh()
			if p.wantWeakest && p.run == nil {
				p.wantWeakest = false
				p.start(learning.Scope{Kind: learning.ScopeWeakest}, weakestLength)
			}
		})
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
