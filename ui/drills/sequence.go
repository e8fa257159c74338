package drills

import (
	"github.com/osteon/osteon/ui/kit"

	"encoding/json"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/progress"
)

// sequenceRun is one Sequence run: the learner orders a shuffled set by keyboard or mouse.
type sequenceRun struct {
	d       *drills
	set     sequenceSet
	drillID string
	list    *orderList
	started time.Time
	elapsed *widget.Label
	stopTik func()
	over    bool
}

// startSequence shuffles the chosen set (never into the right order) and starts the clock.
func (d *drills) startSequence() {
	i := d.seqSel.SelectedIndex()
	if i < 0 || i >= len(d.sets) || d.sh.Content().Model == nil {
		return
	}
	d.stopQuietly()
	d.say("")
	set := d.sets[i]
	r := &sequenceRun{d: d, set: set, drillID: d.sequenceID(set), elapsed: widget.NewLabel("0.0 s")}
	d.seq = r
	items := append([]string(nil), set.ids...)
	for range 20 {
		d.rng.Shuffle(len(items), func(i, j int) { items[i], items[j] = items[j], items[i] })
		if s, err := learning.ScoreSequence(set.order, items, 0); err == nil && !s.Exact {
			break
		}
	}
	names := map[string]string{}
	m := d.sh.Content().Model
	for _, id := range items {
		names[id] = m.Scene.Parts[m.Index(id)].Name
	}
	r.list = newOrderList(items, names)
	r.list.onSubmit, r.list.onEscape = r.submit, r.stop
	d.show(r.page())
	d.sh.Window().Canvas().Focus(r.list)
	r.started = d.clock.now()
	r.stopTik = d.clock.every(100*time.Millisecond, func() {
		r.elapsed.SetText(fmt.Sprintf("%.1f s", d.clock.now().Sub(r.started).Seconds()))
	})
}

func (r *sequenceRun) page() fyne.CanvasObject {
	head := widget.NewRichText(kit.Heading("Sequence: "+r.set.title),
		kit.Para(fmt.Sprintf("Put these in order, %s: the first at the top.", r.set.axis)))
	head.Wrapping = fyne.TextWrapWord
	up := widget.NewButtonWithIcon("Move up (Shift+↑)", theme.MoveUpIcon(), func() { r.list.move(-1) })
	down := widget.NewButtonWithIcon("Move down (Shift+↓)", theme.MoveDownIcon(), func() { r.list.move(1) })
	done := widget.NewButtonWithIcon("Done (Enter)", theme.ConfirmIcon(), r.submit)
	done.Importance = widget.HighImportance
	stop := widget.NewButtonWithIcon("Stop (Esc)", theme.MediaStopIcon(), r.stop)
	help := kit.Subtle("Up and Down choose a row (or click it); Shift+Up and Shift+Down move it. " +
		"Structures that lie level with each other on this model may go in either order.")
	body := container.NewVBox(head, r.elapsed, container.NewHBox(kit.Sized(r.list, 460)), container.NewHBox(up, down, done, stop), help)
	return container.NewVScroll(container.NewPadded(body))
}

func (r *sequenceRun) end() {
	r.over = true
	if r.stopTik != nil {
		r.stopTik()
	}
}

func (r *sequenceRun) stop() {
	if r.over {
		return
	}
	r.end()
	r.d.seq = nil
	r.d.refresh()
	r.d.say("Sequence stopped; a stopped run is not recorded.")
}

func (r *sequenceRun) submit() {
	if r.over {
		return
	}
	d := r.d
	took := max(d.clock.now().Sub(r.started), 0) // a clock set back counts as no time
	r.end()
	d.seq = nil
	got := append([]string(nil), r.list.items...)
	s, err := learning.ScoreSequence(r.set.order, got, took)
	if err != nil { // cannot happen: the list holds the set
		d.refresh()
		d.say("Could not score that run: " + err.Error())
		return
	}
	pack, version := d.packKey()
	detail, _ := json.Marshal(map[string]any{"drill": "sequence", "title": "Sequence: " + r.set.title + ", " + r.set.axis,
		"answer": got, "order": r.set.order, "ms": took.Milliseconds()})
	in := progress.DrillRunInput{Learner: d.sh.Learner().ID, DrillID: r.drillID, PackID: pack, PackVersion: version,
		Duration: took, Trials: s.N, Score: s.Score, Accuracy: s.Accuracy, Detail: detail}
	if took > 0 {
		in.Speed = float64(s.N) / took.Minutes()
	}
	lines := []string{
		fmt.Sprintf("Time: %.1f s for %d structures", took.Seconds(), s.N),
		fmt.Sprintf("Pairs in the right order: %d of %d (%.0f%%)", s.Pairs-s.Discordant, s.Pairs, 100*s.Accuracy),
		fmt.Sprintf("Out of place: %d", s.PositionErrors),
	}
	if s.Exact {
		lines[2] = "Every structure in its place."
	}
	lines = append(lines, fmt.Sprintf("How the score works: %d for every pair in order with no time taken, less for pairs out of order (an order no better than chance earns none) and the longer it took (half at %.0f s a structure).",
		scoreMax, learning.SequenceItemTime.Seconds()))
	d.showResult(drillOutcome{kind: "Sequence", title: r.set.title + ", " + r.set.axis, input: in,
		lines: lines, review: r.review(got), again: d.startSequence})
}

// review lists the answer against the right order, rank by rank.
func (r *sequenceRun) review(got []string) []widget.RichTextSegment {
	names := r.list.names
	out := []widget.RichTextSegment{kit.Subheading("The order on this model, " + r.set.axis)}
	pos := 0
	rankOf := map[string]int{}
	for k, group := range r.set.order {
		var ns []string
		for _, id := range group {
			ns = append(ns, names[id])
			rankOf[id] = k
		}
		label := fmt.Sprintf("%d. %s", pos+1, ns[0])
		if len(group) > 1 {
			label = fmt.Sprintf("%d–%d. %s (level with each other here: either order)", pos+1, pos+len(group), strings.Join(ns, " and "))
		}
		out = append(out, kit.Para(label))
		pos += len(group)
	}
	out = append(out, kit.Subheading("Your order"))
	first := map[int]int{}
	p := 0
	for k, g := range r.set.order {
		first[k] = p
		p += len(g)
	}
	for i, id := range got {
		k := rankOf[id]
		mark := "✓"
		if i < first[k] || i >= first[k]+len(r.set.order[k]) {
			mark = "✗"
		}
		out = append(out, kit.Para(fmt.Sprintf("%s %d. %s", mark, i+1, names[id])))
	}
	return out
}

// orderList is a focusable list the learner reorders: Up and Down choose a row, Shift+Up and
// Shift+Down (or the buttons) move it, Enter submits, Esc stops; a click chooses a row.
type orderList struct {
	widget.BaseWidget
	items    []string
	names    map[string]string
	cursor   int
	shift    bool
	focused  bool
	onSubmit func()
	onEscape func()
	rows     []*fyne.Container
	box      *fyne.Container
}

var (
	_ fyne.Focusable  = (*orderList)(nil)
	_ fyne.Tappable   = (*orderList)(nil)
	_ desktop.Keyable = (*orderList)(nil)
)

func newOrderList(items []string, names map[string]string) *orderList {
	l := &orderList{items: items, names: names, box: container.NewVBox()}
	for range items {
		bg := canvas.NewRectangle(nil)
		bg.CornerRadius = 4
		txt := canvas.NewText("", nil)
		txt.TextSize = theme.TextSize() * 1.1
		l.rows = append(l.rows, container.NewStack(bg, container.NewPadded(txt)))
		l.box.Add(l.rows[len(l.rows)-1])
	}
	l.ExtendBaseWidget(l)
	l.Refresh()
	return l
}

// CreateRenderer shows the rows.
func (l *orderList) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(l.box) }

// Refresh redraws the rows in their order, the chosen one marked.
func (l *orderList) Refresh() {
	th, v := l.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	for i, row := range l.rows {
		bg := row.Objects[0].(*canvas.Rectangle)
		txt := row.Objects[1].(*fyne.Container).Objects[0].(*canvas.Text)
		txt.Text = fmt.Sprintf("%d.  %s", i+1, l.names[l.items[i]])
		txt.Color = th.Color(theme.ColorNameForeground, v)
		bg.FillColor = th.Color(theme.ColorNameInputBackground, v)
		bg.StrokeWidth = 0
		if i == l.cursor {
			bg.FillColor = th.Color(theme.ColorNameSelection, v)
			txt.TextStyle.Bold = true
			if l.focused {
				bg.StrokeColor, bg.StrokeWidth = th.Color(theme.ColorNamePrimary, v), 2
			}
		} else {
			txt.TextStyle.Bold = false
		}
		bg.Refresh()
		txt.Refresh()
	}
}

// move moves the chosen row by delta places.
func (l *orderList) move(delta int) {
	j := l.cursor + delta
	if j < 0 || j >= len(l.items) {
		return
	}
	l.items[l.cursor], l.items[j] = l.items[j], l.items[l.cursor]
	l.cursor = j
	l.Refresh()
}

func (l *orderList) choose(i int) {
	if i >= 0 && i < len(l.items) {
		l.cursor = i
		l.Refresh()
	}
}

// TypedKey chooses, moves, submits or stops.
func (l *orderList) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyUp, fyne.KeyDown:
		d := 1
		if ev.Name == fyne.KeyUp {
			d = -1
		}
		if l.shift {
			l.move(d)
		} else {
			l.choose(l.cursor + d)
		}
	case fyne.KeyHome:
		l.choose(0)
	case fyne.KeyEnd:
		l.choose(len(l.items) - 1)
	case fyne.KeyReturn, fyne.KeyEnter:
		if l.onSubmit != nil {
			l.onSubmit()
		}
	case fyne.KeyEscape:
		if l.onEscape != nil {
			l.onEscape()
		}
	}
}

// KeyDown and KeyUp follow Shift, which turns Up and Down into moves.
func (l *orderList) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		l.shift = true
	}
}

// KeyUp notes Shift released.
func (l *orderList) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		l.shift = false
	}
}

// TypedRune does nothing; keys are handled in TypedKey.
func (l *orderList) TypedRune(rune) {}

// FocusGained marks the list as having focus.
func (l *orderList) FocusGained() { l.focused = true; l.Refresh() }

// FocusLost clears the focus mark and Shift.
func (l *orderList) FocusLost() { l.focused, l.shift = false, false; l.Refresh() }

// Tapped chooses the row under the pointer and takes focus.
func (l *orderList) Tapped(ev *fyne.PointEvent) {
	for i, row := range l.rows {
		if ev.Position.Y >= row.Position().Y && ev.Position.Y < row.Position().Y+row.Size().Height {
			l.choose(i)
		}
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(l); c != nil {
		c.Focus(l)
	}
}
