package drills

import (
	"github.com/osteon/osteon/ui/kit"

	"encoding/json"
	"fmt"
	"math"
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

type locatePhase int

const (
	phaseCountdown locatePhase = iota
	phaseAsking
	phaseFeedback
	phaseOver
)

// Pauses after a click, so the learner sees the answer before the next name.
const (
	hitPause    = 300 * time.Millisecond
	missPause   = 1200 * time.Millisecond
	minTargetPx = 6 // a target smaller than this on screen is framed for its turn (see reveal)
)

// locateRun is one Locate run: names one after another, one click each.
type locateRun struct {
	d       *drills
	scope   locateScope
	drillID string
	targets []string
	i       int
	phase   locatePhase
	started time.Time // first name shown
	shownAt time.Time // current name shown
	last    learning.Point
	hasLast bool
	trials  []learning.LocateTrial
	timers  []func()
	in      map[string]bool // the region's structures
	pose    render.Pose     // the camera framing the region
	framed  bool            // the camera framed the current target alone (see reveal)

	name     *widget.Label
	count    *widget.Label
	bar      *widget.ProgressBar
	elapsed  *widget.Label
	feedback *widget.Label
}

// startLocate frames the chosen region, ghosts everything else and counts down to the first name.
func (d *drills) startLocate() {
	i := d.locateSel.SelectedIndex()
	m := d.sh.Content().Model
	if i < 0 || i >= len(d.scopes) || m == nil {
		return
	}
	d.stopQuietly()
	if d.sh.EngineErr() != nil {
		d.say("Locate needs the 3D view, which is not available here: " + d.sh.EngineErr().Error())
		return
	}
	d.say("")
	r := &locateRun{d: d, scope: d.scopes[i], drillID: d.locateID(d.scopes[i]), in: map[string]bool{}}
	d.locate = r
	if d.view.Model() != m {
		d.view.SetModel(m)
	}
	for _, id := range r.scope.ids {
		r.in[id] = true
	}
	d.view.ClearTints()
	r.scopeStates()
	if p, ok := d.view.FramePose(0, 0, r.scope.ids...); ok {
		d.view.SetPose(p, 0)
	}
	r.pose = d.view.Pose()
	d.viewer.OnPick = r.picked
	d.viewer.OnKey = func(ev *fyne.KeyEvent) bool {
		if ev.Name == fyne.KeyEscape {
			r.stop()
			return true
		}
		return false
	}
	d.show(r.page())
	d.sh.Window().Canvas().Focus(d.viewer)
	r.countdown(3)
}

func (r *locateRun) page() fyne.CanvasObject {
	r.name = widget.NewLabel("Get ready…")
	r.name.SizeName = theme.SizeNameHeadingText
	r.name.Wrapping = fyne.TextWrapWord
	r.name.TextStyle.Bold = true
	r.count = widget.NewLabel("")
	r.bar = widget.NewProgressBar()
	r.bar.TextFormatter = func() string { return "" }
	r.elapsed = widget.NewLabel("0.0 s")
	r.feedback = widget.NewLabel("")
	r.feedback.Wrapping = fyne.TextWrapWord
	stop := widget.NewButtonWithIcon("Stop (Esc)", theme.MediaStopIcon(), r.stop)
	help := kit.Subtle("Click the named structure on the model. One click per name; the clock runs from the moment the name appears. Structures outside " +
		r.scope.title + " are ghosted.")
	left := container.NewVBox(widget.NewRichText(kit.Subheading("Locate: "+r.scope.title)), widget.NewLabel("Find"), r.name,
		r.count, r.bar, r.elapsed, r.feedback, kit.NewLegend(kit.Key{Meaning: render.MeaningAnswer, Label: "After a click: the one named"}), help, stop)
	return container.NewBorder(nil, nil, container.NewPadded(kit.Sized(left, 280)), nil, r.d.viewer)
}

// countdown shows 3, 2, 1 before the first name.
func (r *locateRun) countdown(n int) {
	if r.phase == phaseOver {
		return
	}
	if n == 0 {
		r.begin()
		return
	}
	r.name.SetText(fmt.Sprintf("Starting in %d…", n))
	r.later(time.Second, func() { r.countdown(n - 1) })
}

// begin chooses the targets, every structure of the region up to drillsPerRun, then asks the
// first.
func (r *locateRun) begin() {
	d := r.d
	ids := append([]string(nil), r.scope.ids...)
	d.rng.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	r.targets = ids[:min(drillsPerRun, len(ids))]
	r.started = d.clock.now()
	r.timers = append(r.timers, d.clock.every(100*time.Millisecond, r.tick))
	r.ask(0)
}

// ask shows the i-th name, with the view made so that its structure can be clicked. Where the
// camera frames a target alone, the previous click's place on screen means nothing for this
// turn or the next, so neither is measured for Fitts' throughput.
func (r *locateRun) ask(i int) {
	r.i = i
	r.phase = phaseAsking
	r.scopeStates()
	if r.framed {
		r.d.view.SetPose(r.pose, 0)
		r.hasLast = false
	}
	r.framed = r.reveal(r.targets[i])
	if r.framed {
		r.hasLast = false
	}
	r.name.SetText(r.structName(r.targets[i]))
	r.count.SetText(fmt.Sprintf("%d of %d", i+1, len(r.targets)))
	r.bar.SetValue(float64(i) / float64(len(r.targets)))
	r.shownAt = r.d.clock.now()
}

func (r *locateRun) tick() {
	if r.phase == phaseAsking || r.phase == phaseFeedback {
		r.elapsed.SetText(fmt.Sprintf("%.1f s", r.d.clock.now().Sub(r.started).Seconds()))
	}
}

func (r *locateRun) structName(id string) string {
	if m := r.d.sh.Content().Model; m != nil {
		if i := m.Index(id); i >= 0 {
			return m.Scene.Parts[i].Name
		}
	}
	return id
}

// picked records a click while a name is asked for.
func (r *locateRun) picked(hit render.Hit, ok bool) {
	if r.phase != phaseAsking {
		return
	}
	target := r.targets[r.i]
	x, y := r.d.viewer.LastTap()
	t := learning.LocateTrial{Target: target, Time: r.d.clock.now().Sub(r.shownAt),
		HasStart: r.hasLast, Start: r.last, Click: learning.Point{X: x, Y: y}}
	if ok {
		t.Clicked = hit.ID
	}
	t.Centre, t.Outline = projectBox(r.d.view, r.d.view.Model().BoundsOf(target))
	r.trials = append(r.trials, t)
	r.last, r.hasLast = t.Click, true
	r.phase = phaseFeedback
	if !t.Hit() {
		r.unveil(target) // so the answer shows
	}
	r.d.view.SetState(target, render.Highlighted)
	pause := hitPause
	if t.Hit() {
		r.feedback.SetText(fmt.Sprintf("✓ %s, %.1f s", r.structName(target), t.Time.Seconds()))
		r.feedback.Importance = widget.SuccessImportance
	} else {
		what := "empty space"
		if ok {
			what = "the " + r.structName(hit.ID)
		}
		r.feedback.SetText(fmt.Sprintf("✗ That was %s. The %s is highlighted on the model now.", what, r.structName(target)))
		r.feedback.Importance = widget.DangerImportance
		pause = missPause
	}
	r.feedback.Refresh()
	r.later(pause, func() {
		if r.i+1 < len(r.targets) {
			r.ask(r.i + 1)
			return
		}
		r.finish()
	})
}

func (r *locateRun) later(d time.Duration, f func()) {
	r.timers = append(r.timers, r.d.clock.after(d, func() {
		if r.phase != phaseOver {
			f()
		}
	}))
}

// end cancels the run's timers and gives the viewer back its ordinary behaviour.
func (r *locateRun) end() {
	r.phase = phaseOver
	for _, stop := range r.timers {
		stop()
	}
	r.timers = nil
	r.d.viewer.OnPick, r.d.viewer.OnKey = nil, nil
}

// stop abandons the run (Esc): nothing is recorded.
func (r *locateRun) stop() {
	if r.phase == phaseOver {
		return
	}
	d := r.d
	r.end()
	d.locate = nil
	d.refresh()
	n := len(r.targets)
	if n == 0 {
		n = min(len(r.scope.ids), drillsPerRun)
	}
	d.say(fmt.Sprintf("Locate stopped after %d of %d names; a stopped run is not recorded.", len(r.trials), n))
}

func (r *locateRun) finish() {
	d := r.d
	r.bar.SetValue(1)
	r.end()
	d.locate = nil
	s := learning.ScoreLocate(r.trials)
	pack, version := d.packKey()
	in := progress.DrillRunInput{Learner: d.sh.Learner().ID, DrillID: r.drillID, PackID: pack, PackVersion: version,
		Duration: max(d.clock.now().Sub(r.started), 0), Trials: s.Trials, Score: s.Score, Accuracy: s.Accuracy,
		Speed: s.Speed, Throughput: s.Throughput, Detail: r.detail(s)}
	d.showResult(drillOutcome{kind: "Locate", title: r.scope.title, input: in,
		lines: locateLines(s), review: r.review(), again: d.startLocate})
}

func locateLines(s learning.LocateScore) []string {
	lines := []string{
		fmt.Sprintf("How the score works: each right click earns up to %d points, fewer the longer it took (half after %.0f s); a miss earns none; the score is the mean over the names.",
			scoreMax, learning.LocateTimeScale.Seconds()),
		fmt.Sprintf("Accuracy: %d of %d (%.0f%%)", s.Hits, s.Trials, 100*s.Accuracy),
		fmt.Sprintf("Speed: %.1f names a minute", s.Speed),
	}
	if s.Hits > 0 {
		lines = append(lines, fmt.Sprintf("Mean time to a right click: %.2f s", s.MeanHitTime.Seconds()))
	}
	switch {
	case len(s.Fitts) == 0:
		return append(lines, "Fitts' throughput: not measured. It needs clicks aimed at their targets after the first; a miss far from its target is left out, as it measures recall, not pointing.")
	case s.Effective:
		lines = append(lines, fmt.Sprintf("Fitts' throughput: %.2f bits/s over %d clicks (effective width from the spread of your clicks)", s.Throughput, len(s.Fitts)))
	default:
		lines = append(lines, fmt.Sprintf("Fitts' throughput: %.2f bits/s over %d clicks (nominal widths: too few clicks for their spread)", s.Throughput, len(s.Fitts)))
	}
	return append(lines, fittsPlain)
}

// fittsPlain says what Fitts' throughput means, for a learner who has never met it.
const fittsPlain = "What throughput means: how much pointing you do per second. A far, small target is " +
	"harder (more bits) than a near, large one; the bits of each click are divided by its time. Higher is " +
	"better. Here the time includes reading the name and finding the structure, so it runs far below pure " +
	"pointing (4–5 bits/s with a mouse): a right click on a target a fifth as wide as its distance (2.6 bits) " +
	"after 2 s gives 1.3 bits/s, after 10 s 0.26 bits/s. Compare it with your own earlier runs."

func (r *locateRun) review() []widget.RichTextSegment {
	var out []widget.RichTextSegment
	for _, t := range r.trials {
		if t.Hit() {
			continue
		}
		what := "empty space"
		if t.Clicked != "" {
			what = r.structName(t.Clicked)
		}
		out = append(out, kit.Para(fmt.Sprintf("Missed %s (you clicked %s).", r.structName(t.Target), what)))
	}
	return out
}

// detail is what the run stores beside its numbers: each click, for later analysis.
func (r *locateRun) detail(s learning.LocateScore) json.RawMessage {
	type click struct {
		Target  string  `json:"target"`
		Clicked string  `json:"clicked"`
		MS      int64   `json:"ms"`
		D       float64 `json:"d_px,omitempty"`
		W       float64 `json:"w_px,omitempty"`
		IDe     float64 `json:"ide_bits,omitempty"`
	}
	clicks := make([]click, len(r.trials))
	for i, t := range r.trials {
		clicks[i] = click{Target: t.Target, Clicked: t.Clicked, MS: t.Time.Milliseconds()}
	}
	for _, f := range s.Fitts {
		clicks[f.Index].D, clicks[f.Index].W, clicks[f.Index].IDe = round2(f.D), round2(f.W), round2(f.IDe)
	}
	b, _ := json.Marshal(map[string]any{"drill": "locate", "title": "Locate: " + r.scope.title,
		"effective_width": s.Effective, "clicks": clicks})
	return b
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// projectBox projects a box's centre and its corners in front of the camera to the view's
// pixels, as the pointing measures take them.
func projectBox(v *render.View, b content.Box) (learning.Point, []learning.Point) {
	c, corners := v.ProjectBox(b)
	out := make([]learning.Point, len(corners))
	for i, p := range corners {
		out[i] = learning.Point{X: p[0], Y: p[1]}
	}
	return learning.Point{X: c[0], Y: c[1]}, out
}
