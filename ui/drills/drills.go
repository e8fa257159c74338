package drills

import (
	"github.com/osteon/osteon/ui/kit"

	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/progress"
	"github.com/osteon/osteon/render"
)

// drillClock is the time and timers a drill runs on; tests give a fake one.
type drillClock struct {
	now func() time.Time
	// after runs f on the UI goroutine after d; the function returned cancels it.
	after func(d time.Duration, f func()) (stop func())
	// every runs f on the UI goroutine every d until stopped.
	every func(d time.Duration, f func()) (stop func())
}

func realClock() drillClock {
	return drillClock{now: time.Now, after: kit.After, every: kit.Every}
}

// drillsPerRun is how many names a Locate run asks.
const drillsPerRun = 10

// Shell is what the Drills screen needs from the app.
type Shell interface {
	Window() fyne.Window
	Store() *progress.Store
	StoreErr() error
	Learner() *progress.Learner
	Content() kit.Content
	EngineErr() error
	LearnerChanged() *kit.Signal[*progress.Learner]
	ContentChanged() *kit.Signal[kit.Content]
	NewView() (*render.View, *kit.Viewer)
	ShowProfiles()
}

// Screen is the Drills screen.
type Screen = drills

// drills is the Drills screen: the choice of drill, a Locate or Sequence run, and its result.
type drills struct {
	sh     Shell
	clock  drillClock
	run    *kit.Runner
	rng    *rand.Rand
	view   *render.View
	viewer *kit.Viewer
	root   *fyne.Container // holds the current page

	scopes     []locateScope
	sets       []sequenceSet
	locateSel  *widget.Select
	seqSel     *widget.Select
	locateBest *widget.Label
	seqBest    *widget.Label
	bestsText  *widget.RichText
	notice     *widget.Label
	bests      map[string]progress.DrillBest // by drill id, for the learner

	locate *locateRun
	seq    *sequenceRun
}

// New builds the Drills screen on the real clock; slow work goes through run.
func New(sh Shell, run *kit.Runner) *Screen { return newDrills(sh, realClock(), run) }

func newDrills(sh Shell, clock drillClock, run *kit.Runner) *drills {
	d := &drills{sh: sh, clock: clock, run: run, root: container.NewStack(),
		rng: rand.New(rand.NewPCG(uint64(clock.now().UnixNano()), 0x05733))}
	d.view, d.viewer = sh.NewView()
	d.locateSel = widget.NewSelect(nil, func(string) { d.showBests() })
	d.seqSel = widget.NewSelect(nil, func(string) { d.showBests() })
	d.locateBest, d.seqBest = widget.NewLabel(""), widget.NewLabel("")
	d.bestsText = widget.NewRichText()
	d.bestsText.Wrapping = fyne.TextWrapWord
	d.notice = widget.NewLabel("")
	d.notice.Wrapping = fyne.TextWrapWord
	d.notice.Importance = widget.WarningImportance
	d.notice.Hide()
	sh.LearnerChanged().Subscribe(func(*progress.Learner) { d.stopQuietly(); d.refresh() })
	sh.ContentChanged().Subscribe(func(kit.Content) { d.stopQuietly(); d.refresh() })
	d.refresh()
	return d
}

// ID is kit.Drills.
func (d *drills) ID() kit.ID { return kit.Drills }

// Title is the screen's name in the navigation list.
func (d *drills) Title() string { return "Drills" }

// Content is the screen.
func (d *drills) Content() fyne.CanvasObject { return d.root }

// Shown does nothing: the screen is kept up to date by the signals.
func (d *drills) Shown() {}

// Hidden stops a run: its clock would keep running unseen.
func (d *drills) Hidden() {
	if d.locate != nil || d.seq != nil {
		d.stopQuietly()
		d.refresh()
		d.say("The run stopped when you left Drills; a stopped run is not recorded.")
	}
}

// TypedKey leaves keys to the focused run widgets.
func (d *drills) TypedKey(*fyne.KeyEvent) bool { return false }

// TypedRune leaves runes to the focused run widgets.
func (d *drills) TypedRune(rune) bool { return false }

// show puts a page on the screen.
func (d *drills) show(page fyne.CanvasObject) {
	d.root.Objects = []fyne.CanvasObject{page}
	d.root.Refresh()
}

// refresh shows the choice of drills for the current learner and model, or says what is missing.
func (d *drills) refresh() {
	sh := d.sh
	switch {
	case sh.Store() == nil:
		d.show(drillsMessage("Drills need your progress file", sh.StoreErr().Error(), nil))
		return
	case sh.Learner() == nil:
		d.show(drillsMessage("Choose a profile to start a drill",
			"Drills keep your times, personal bests and learning curve in your profile, so they need to know who is practising.",
			widget.NewButtonWithIcon("Choose profile", theme.AccountIcon(), sh.ShowProfiles)))
		return
	case sh.Content().Model == nil:
		d.show(drillsMessage("No model open", "Open a pack in Explore, then come back for a drill.", nil))
		return
	}
	m := sh.Content().Model
	d.scopes, d.sets = locateScopes(m), sequenceSets(m)
	d.locateSel.SetOptions(scopeTitles(d.scopes))
	d.seqSel.SetOptions(setTitles(d.sets))
	if len(d.scopes) > 0 && d.locateSel.SelectedIndex() < 0 {
		d.locateSel.SetSelectedIndex(defaultScope(d.scopes))
	}
	if len(d.sets) > 0 && d.seqSel.SelectedIndex() < 0 {
		d.seqSel.SetSelectedIndex(defaultSet(d.sets))
	}
	d.show(d.setupPage())
	d.loadBests()
}

// defaultScope prefers a right-side region (the side of the built-in limb) with about as many
// structures as a run asks for.
func defaultScope(ss []locateScope) int {
	best, score := 0, 1<<30
	for i, s := range ss {
		if s.key == "all" {
			continue
		}
		d := abs(len(s.ids) - drillsPerRun)
		if !strings.HasPrefix(s.key, "right/") {
			d += drillsPerRun
		}
		if d < score {
			best, score = i, d
		}
	}
	return best
}

// defaultSet prefers a right-side set.
func defaultSet(ss []sequenceSet) int {
	for i, s := range ss {
		if strings.Contains(s.key, "/right/") {
			return i
		}
	}
	return 0
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func scopeTitles(ss []locateScope) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%s (%d)", s.title, len(s.ids))
		if len(s.ids) > drillsPerRun {
			out[i] = fmt.Sprintf("%s (%d of %d)", s.title, drillsPerRun, len(s.ids)) // a run asks drillsPerRun of them
		}
	}
	return out
}

// scoreMax is the top of a drill's score: learning scores Locate and Sequence runs from 0 to 100.
const scoreMax = 100

// scoreText is a score with its scale: "62 of 100".
func scoreText(x float64) string { return fmt.Sprintf("%.0f of %d", x, scoreMax) }

func setTitles(ss []sequenceSet) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%s: %s (%d)", s.title, s.axis, len(s.ids))
	}
	return out
}

func drillsMessage(title, text string, action fyne.CanvasObject) fyne.CanvasObject {
	t := widget.NewRichText(kit.Heading(title), kit.Para(text))
	t.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(t)
	if action != nil {
		box.Add(container.NewHBox(action))
	}
	return container.NewPadded(box)
}

func (d *drills) setupPage() fyne.CanvasObject {
	c := d.sh.Content()
	intro := widget.NewRichText(kit.Heading("Drills"),
		kit.Para(fmt.Sprintf("Short timed repetitions on %s. Your personal bests and your learning curve are kept in your profile.",
			kit.FirstNonEmpty(c.Scene.Title, "this model"))))
	intro.Wrapping = fyne.TextWrapWord
	locateGo := widget.NewButtonWithIcon("Start Locate", theme.MediaPlayIcon(), d.startLocate)
	locateGo.Importance = widget.HighImportance
	seqGo := widget.NewButtonWithIcon("Start Sequence", theme.MediaPlayIcon(), d.startSequence)
	seqGo.Importance = widget.HighImportance
	if len(d.scopes) == 0 {
		locateGo.Disable()
	}
	if len(d.sets) == 0 {
		seqGo.Disable()
	}
	locate := widget.NewCard("Locate", "", container.NewVBox(
		kit.Wrapped(fmt.Sprintf("Up to %d names, one after another: click each structure on the model as fast as you can.", drillsPerRun)),
		container.NewBorder(nil, nil, widget.NewLabel("Where"), locateGo, d.locateSel),
		d.locateBest,
		kit.Subtle("Scored on time and accuracy; Fitts' throughput (bits per second) measures your pointing from each target's size and distance on screen."),
	))
	seqHelp := "Put a set of structures in order against the clock. The order comes from where they lie on this model. " +
		"Keys: Up and Down choose, Shift+Up and Shift+Down move, Enter when done, Esc stops."
	if len(d.sets) == 0 {
		seqHelp = "This model has no set of 3 to 8 structures whose order its geometry settles."
	}
	seq := widget.NewCard("Sequence", "", container.NewVBox(
		kit.Wrapped(seqHelp),
		container.NewBorder(nil, nil, widget.NewLabel("Set"), seqGo, d.seqSel),
		d.seqBest,
	))
	body := container.NewVBox(intro, d.notice, locate, seq, widget.NewRichText(kit.Subheading("Personal bests on this model")), d.bestsText)
	return container.NewVScroll(container.NewPadded(body))
}

// packKey names the model a drill runs on, for drill ids: the pack's id, or the file's title.
func (d *drills) packKey() (id, version string) {
	c := d.sh.Content()
	if c.Pack != nil {
		return c.Pack.ID, c.Pack.Version
	}
	return "file:" + strings.ReplaceAll(kit.FirstNonEmpty(c.Scene.Title, "model"), " ", "-"), ""
}

func (d *drills) locateID(s locateScope) string {
	p, _ := d.packKey()
	return p + "/locate/" + s.key
}

func (d *drills) sequenceID(s sequenceSet) string {
	p, _ := d.packKey()
	return p + "/sequence/" + s.key
}

// loadBests reads the learner's personal bests in the background.
func (d *drills) loadBests() {
	st, l := d.sh.Store(), d.sh.Learner()
	if st == nil || l == nil {
		return
	}
	d.run.Go(func() func() {
		bests, err := st.PersonalBests(context.Background(), l.ID)
		return func() {
			if err != nil {
				d.say("Could not read your personal bests: " + err.Error())
				return
			}
			d.bests = map[string]progress.DrillBest{}
			for _, b := range bests {
				d.bests[b.DrillID] = b
			}
			d.showBests()
		}
	})
}

// showBests fills in the best of each chosen drill and the list of bests on this model.
func (d *drills) showBests() {
	line := func(id string) string {
		b, ok := d.bests[id]
		if !ok {
			return "Not tried yet."
		}
		return fmt.Sprintf("Your best: %s (%s) over %d run%s.", scoreText(b.BestScore), b.BestAt.Local().Format("2 Jan"), b.Runs, kit.PluralS(b.Runs))
	}
	if i := d.locateSel.SelectedIndex(); i >= 0 && i < len(d.scopes) {
		d.locateBest.SetText(line(d.locateID(d.scopes[i])))
	}
	if i := d.seqSel.SelectedIndex(); i >= 0 && i < len(d.sets) {
		d.seqBest.SetText(line(d.sequenceID(d.sets[i])))
	}
	d.bestsText.Segments = d.bestSegments()
	d.bestsText.Refresh()
}

func (d *drills) bestSegments() []widget.RichTextSegment {
	titles := map[string]string{}
	for _, s := range d.scopes {
		titles[d.locateID(s)] = "Locate: " + s.title
	}
	for _, s := range d.sets {
		titles[d.sequenceID(s)] = "Sequence: " + s.title + ", " + s.axis
	}
	var rows []string
	for id, b := range d.bests {
		t, ok := titles[id]
		if !ok {
			continue
		}
		row := fmt.Sprintf("%s — best %s, accuracy %.0f%%", t, scoreText(b.BestScore), 100*b.BestAccuracy)
		if b.BestThroughput > 0 {
			row += fmt.Sprintf(", %.1f bits/s", b.BestThroughput)
		}
		rows = append(rows, row+fmt.Sprintf(" (%d run%s)", b.Runs, kit.PluralS(b.Runs)))
	}
	if len(rows) == 0 {
		return []widget.RichTextSegment{kit.Italic("None yet: your first run of each drill sets one.")}
	}
	sort.Strings(rows)
	out := make([]widget.RichTextSegment, len(rows))
	for i, r := range rows {
		out[i] = kit.Para(r)
	}
	return out
}

// say shows a notice above the drills, or hides it when msg is empty.
func (d *drills) say(msg string) {
	d.notice.SetText(msg)
	d.notice.Hidden = msg == ""
	d.notice.Refresh()
}

// stopQuietly ends a run in progress without recording it (the learner or model changed).
func (d *drills) stopQuietly() {
	if d.locate != nil {
		d.locate.end()
		d.locate = nil
	}
	if d.seq != nil {
		d.seq.end()
		d.seq = nil
	}
}
