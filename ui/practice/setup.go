package practice

import (
	"github.com/osteon/osteon/ui/kit"

	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/learning"
)

// The scope choices of the setup, in order.
const (
	scopeOptPack   = "Everything in this pack"
	scopeOptRegion = "One region"
	scopeOptSystem = "One body system"
	scopeOptDue    = "Only what is due for review"
)

var practiceLengths = []string{"5", "10", "20", "40"}

// practiceSetup is where a session is chosen: scope, length, and how much is due.
type practiceSetup struct {
	p       *practice
	root    fyne.CanvasObject
	title   *widget.RichText
	scope   *widget.RadioGroup
	region  *widget.Select
	system  *widget.Select
	length  *widget.RadioGroup
	counts  *widget.Label
	notice  *widget.Label
	start   *widget.Button
	regions []string // region keys, in the order of region.Options
	systems []string
}

func newPracticeSetup(p *practice) *practiceSetup {
	s := &practiceSetup{p: p, title: widget.NewRichText(), counts: widget.NewLabel(""), notice: widget.NewLabel("")}
	s.title.Wrapping = fyne.TextWrapWord
	s.counts.Wrapping = fyne.TextWrapWord
	s.notice.Wrapping = fyne.TextWrapWord
	s.notice.Importance = widget.WarningImportance
	s.scope = widget.NewRadioGroup([]string{scopeOptPack, scopeOptRegion, scopeOptSystem, scopeOptDue}, func(string) {
		s.changed()
		s.release()
	})
	s.scope.Required = true
	s.region = widget.NewSelect(nil, func(string) { s.pick(scopeOptRegion); s.release() })
	s.region.PlaceHolder = "Choose a region"
	s.system = widget.NewSelect(nil, func(string) { s.pick(scopeOptSystem); s.release() })
	s.system.PlaceHolder = "Choose a system"
	s.length = widget.NewRadioGroup(practiceLengths, func(string) { s.release() })
	s.length.Horizontal, s.length.Required = true, true
	s.length.SetSelected("10")
	s.start = widget.NewButtonWithIcon("Start (Enter)", theme.MediaPlayIcon(), s.begin)
	s.start.Importance = widget.HighImportance
	s.scope.SetSelected(scopeOptPack)
	form := widget.NewForm(
		widget.NewFormItem("Practise", s.scope),
		widget.NewFormItem("Region", s.region),
		widget.NewFormItem("System", s.system),
		widget.NewFormItem("Questions", s.length),
	)
	help := widget.NewLabel("Questions use the 3D model: find a structure by clicking it, name the highlighted one " +
		"(choose with 1–4 or type it), and the pack's own questions. Reviews come back just before you would forget; " +
		"new questions start where you are weakest. Enter continues, Esc leaves.")
	help.Wrapping = fyne.TextWrapWord
	help.Importance = widget.LowImportance
	body := container.NewVBox(s.title, s.notice, form, s.counts, container.NewHBox(s.start), widget.NewSeparator(), help)
	s.root = container.NewVScroll(container.NewPadded(kit.Column(640, body)))
	return s
}

// pick selects a scope option when its region or system is chosen.
func (s *practiceSetup) pick(opt string) {
	if s.scope.Selected != opt {
		s.scope.SetSelected(opt) // calls changed
		return
	}
	s.changed()
}

// update fills the setup from the current pack and learner.
func (s *practiceSetup) update() {
	p := s.p
	title := "Practice"
	if c := p.sh.Content(); c.Scene != nil {
		title += " — " + kit.FirstNonEmpty(c.Scene.Title, c.Scene.Source)
	}
	who := ""
	if p.sh.Learner() != nil {
		who = "Practising as " + p.sh.Learner().Name + "."
	}
	s.title.Segments = []widget.RichTextSegment{kit.Heading(title), kit.Italic(who)}
	s.title.Refresh()
	s.notice.SetText(p.notice)
	s.notice.Hidden = p.notice == ""
	if b := p.data.bank; b != nil && p.data.key == p.dataKey() {
		s.regions = scopeRegions(b.Regions())
		s.systems = b.Systems()
		s.region.Options = labels(s.regions, regionLabel)
		s.system.Options = labels(s.systems, kit.SystemName)
		s.region.Refresh()
		s.system.Refresh()
	}
	s.changed()
}

func labels(keys []string, f func(string) string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = f(k)
	}
	return out
}

// chosen is the scope the setup shows, and false when it is incomplete (no region chosen).
func (s *practiceSetup) chosen() (learning.Scope, bool) {
	switch s.scope.Selected {
	case scopeOptRegion:
		i := s.region.SelectedIndex()
		if i < 0 || i >= len(s.regions) {
			return learning.Scope{}, false
		}
		return learning.Scope{Kind: learning.ScopeRegion, Key: s.regions[i]}, true
	case scopeOptSystem:
		i := s.system.SelectedIndex()
		if i < 0 || i >= len(s.systems) {
			return learning.Scope{}, false
		}
		return learning.Scope{Kind: learning.ScopeSystem, Key: s.systems[i]}, true
	case scopeOptDue:
		return learning.Scope{Kind: learning.ScopeDue}, true
	}
	return learning.Scope{Kind: learning.ScopePack}, true
}

// changed recounts the scope and enables Start when there is something to ask.
func (s *practiceSetup) changed() {
	p := s.p
	if p.data.bank == nil || p.data.key != p.dataKey() {
		s.counts.SetText("Reading your progress…")
		s.start.Disable()
		return
	}
	items := p.data.bank.Items()
	all := learning.CountScope(items, p.data.state, learning.Scope{Kind: learning.ScopePack}, p.now())
	s.scope.Options[3] = fmt.Sprintf("%s (%d due now)", scopeOptDue, all.Due)
	s.scope.Refresh()
	scope, ok := s.chosen()
	if !ok {
		s.counts.SetText("Choose which one.")
		s.start.Disable()
		return
	}
	c := learning.CountScope(items, p.data.state, scope, p.now())
	text := fmt.Sprintf("%d questions in this choice: %d due for review, %d new.", c.Items, c.Due, c.New)
	switch {
	case len(items) == 0:
		text = "This pack has nothing to practise on: no structures on the model and no quiz questions."
	case scope.Kind == learning.ScopeDue && c.Due == 0:
		text = "Nothing is due for review now. Choose another scope to learn something new."
	}
	if p.data.err != nil {
		text += "\nNote: " + p.data.err.Error()
	}
	s.counts.SetText(text)
	if c.Items == 0 || scope.Kind == learning.ScopeDue && c.Due == 0 {
		s.start.Disable()
	} else {
		s.start.Enable()
	}
}

// begin starts a session with the setup's choices.
func (s *practiceSetup) begin() {
	scope, ok := s.chosen()
	if !ok || s.start.Disabled() {
		return
	}
	n, _ := strconv.Atoi(s.length.Selected)
	s.p.start(scope, max(n, 1))
}

// key handles keys on the setup: Enter starts.
func (s *practiceSetup) key(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
		s.begin()
	}
}

// release gives the keyboard back to the screen after a choice, so Enter starts (a focused radio
// button or list would keep Enter to itself).
func (s *practiceSetup) release() {
	if c := s.p.sh.Window().Canvas(); c != nil && s.p.showing() {
		c.Unfocus()
	}
}
