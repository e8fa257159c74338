package practice

import (
	"github.com/osteon/osteon/ui/kit"

	"fmt"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/progress"
)

// showSummary shows the end of a session: score, time, what improved, what comes due next.
func (p *practice) showSummary() {
	r := p.run
	text := widget.NewRichText(summarySegments(r, p.now())...)
	text.Wrapping = fyne.TextWrapWord
	again := widget.NewButtonWithIcon("Practise again (Enter)", theme.MediaReplayIcon(), p.again)
	again.Importance = widget.HighImportance
	change := widget.NewButtonWithIcon("Choose what to practise (Esc)", theme.SettingsIcon(), p.endRun)
	body := container.NewVBox(text, container.NewHBox(again, change))
	p.screen.show(container.NewVScroll(container.NewPadded(kit.Column(720, body))))
	p.sh.Window().Canvas().Unfocus()
}

// summarySegments is the summary's text.
func summarySegments(r *practiceRun, now time.Time) []widget.RichTextSegment {
	n, ok := r.answered(), r.correct()
	segs := []widget.RichTextSegment{kit.Heading("Session done")}
	switch {
	case r.left:
		segs[0] = kit.Heading("Session ended early")
	case n < r.session.Length():
		segs = append(segs, kit.Italic("That was everything in this choice for now: what you missed comes back in a few minutes, "+
			"the rest when it is due."))
	}
	score := "No questions answered."
	if n > 0 {
		score = fmt.Sprintf("%d of %d right (%d%%)", ok, n, (100*ok+n/2)/n)
	}
	segs = append(segs, kit.Field("Score", score), kit.Field("Time", friendlyDuration(r.finished.Sub(r.started))))
	if pts := r.points(); pts > 0 {
		segs = append(segs, kit.Field("Points", fmt.Sprintf("+%d", pts)))
	}
	switch {
	case r.saveErr != nil:
		segs = append(segs, kit.Para("Some answers could not be saved: "+r.saveErr.Error()))
	case r.saving > 0:
		segs = append(segs, kit.Italic("Saving your last answers…"))
	default:
		segs = append(segs, kit.Italic("Every answer is saved."))
	}
	segs = append(segs, kit.Subheading("What improved"))
	segs = append(segs, improvedSegments(r)...)
	if missed := missedLabels(r); len(missed) > 0 {
		segs = append(segs, kit.Subheading("Missed this time"), kit.Para(strings.Join(missed, "\n")),
			kit.Italic("These come back soon, while they are fresh."))
	}
	segs = append(segs, kit.Subheading("What comes due next"))
	return append(segs, dueSegments(r, now)...)
}

func (r *practiceRun) points() int {
	n := 0
	for _, x := range r.results {
		if x.saved != nil {
			n += x.saved.Points
		}
	}
	return n
}

// improvedSegments lists the skills whose mastery rose, and those newly mastered.
func improvedSegments(r *practiceRun) []widget.RichTextSegment {
	var lines []string
	for _, x := range r.results {
		if x.saved != nil {
			for _, sk := range x.saved.NewlyMastered {
				lines = append(lines, "★ Mastered: "+skillLabel(r.bank, sk))
			}
		}
	}
	rises := r.rises()
	for i, x := range rises {
		if i == 8 {
			lines = append(lines, fmt.Sprintf("… and %d more", len(rises)-i))
			break
		}
		line := fmt.Sprintf("%s: %d%% → %d%%", skillLabel(r.bank, x.skill), pct(x.before.Estimate), pct(x.after.Estimate))
		if x.before.Evidence == 0 {
			first := "your first answer"
			if x.after.Evidence > 1 {
				first = fmt.Sprintf("your first %d answers", x.after.Evidence)
			}
			line = fmt.Sprintf("%s: %d%% from %s", skillLabel(r.bank, x.skill), pct(x.after.Estimate), first)
		}
		lines = append(lines, line)
	}
	switch {
	case len(lines) > 0:
	case r.answered() > 0 && r.correct() == r.answered():
		return []widget.RichTextSegment{kit.Para("Every answer was right: what you knew holds at its best.")}
	default:
		return []widget.RichTextSegment{kit.Para("Nothing rose this time. What you missed comes back soon; a second go usually sticks.")}
	}
	return []widget.RichTextSegment{kit.Para(strings.Join(lines, "\n"))}
}

// rise is a skill whose mastery rose in a session.
type rise struct {
	skill  learning.SkillID
	before learning.SkillEstimate
	after  progress.SkillMastery
}

// rises lists the skills whose mastery rose, structures first (what was practised), largest
// rise first.
func (r *practiceRun) rises() []rise {
	after := map[learning.SkillID]progress.SkillMastery{}
	for _, x := range r.results {
		if x.saved != nil {
			for _, m := range x.saved.Mastery {
				after[m.Skill] = m
			}
		}
	}
	var out []rise
	for sk, m := range after {
		if b := r.before[sk]; m.Estimate > b.Estimate+0.005 {
			out = append(out, rise{sk, b, m})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		ki, kj := out[i].skill.Kind() == learning.SkillStructure, out[j].skill.Kind() == learning.SkillStructure
		if ki != kj {
			return ki
		}
		di, dj := out[i].after.Estimate-out[i].before.Estimate, out[j].after.Estimate-out[j].before.Estimate
		if di != dj {
			return di > dj
		}
		return out[i].skill < out[j].skill
	})
	return out
}

func pct(x float64) int { return int(x*100 + 0.5) }

// skillLabel names a skill: a structure by its name, a region or system by its label.
func skillLabel(b *learning.Bank, sk learning.SkillID) string {
	switch sk.Kind() {
	case learning.SkillStructure:
		if s, ok := b.Structure(sk.Key()); ok && s.Name != "" {
			return s.Name
		}
	case learning.SkillRegion:
		return "Region " + regionLabel(sk.Key())
	case learning.SkillSystem:
		return "System " + kit.SystemName(sk.Key())
	}
	return sk.Key()
}

func missedLabels(r *practiceRun) []string {
	var out []string
	seen := map[learning.ItemID]bool{}
	for _, x := range r.results {
		if !x.correct && !seen[x.item.ID] {
			seen[x.item.ID] = true
			out = append(out, itemLabel(r.bank, x.item.ID))
		}
	}
	return out
}

// dueSegments says when this pack's reviews come due over the next week, soonest first.
func dueSegments(r *practiceRun, now time.Time) []widget.RichTextSegment {
	if !r.dueRead {
		return []widget.RichTextSegment{kit.Italic("Reading your reviews…")}
	}
	var mine []progress.DueItem
	for _, d := range r.dueNext {
		if _, ok := r.bank.Item(d.Item); ok {
			mine = append(mine, d)
		}
	}
	if len(mine) == 0 {
		return []widget.RichTextSegment{kit.Para("Nothing from this pack in the next week.")}
	}
	var order []string
	count := map[string]int{}
	for _, d := range mine {
		w := dueBucket(d.Card.Due, now.Local())
		if count[w] == 0 {
			order = append(order, w)
		}
		count[w]++
	}
	var parts []string
	for _, w := range order {
		parts = append(parts, fmt.Sprintf("%s: %d", w, count[w]))
	}
	var soon []string
	for i, d := range mine {
		if i == 5 {
			break
		}
		soon = append(soon, fmt.Sprintf("%s (%s)", itemLabel(r.bank, d.Item), whenDue(d.Card.Due, now)))
	}
	return []widget.RichTextSegment{kit.Para(fmt.Sprintf("%d reviews in the next week. %s.", len(mine), kit.Capitalise(strings.Join(parts, " · ")))),
		kit.Para("Soonest:\n" + strings.Join(soon, "\n"))}
}

// again starts another session with the same choices, from the learner's state as it now is.
func (p *practice) again() {
	r := p.run
	if r == nil {
		return
	}
	p.absorb(r)
	p.run = nil
	p.start(r.scope, r.session.Length())
}

// absorb brings a run's saved answers into what practice knows of the learner, so the next
// session and the setup's counts start from them without reading the store again.
func (p *practice) absorb(r *practiceRun) {
	if p.data.bank != r.bank {
		return
	}
	cards := make(map[learning.ItemID]learning.Card, len(p.data.state.Cards)+len(r.results))
	for k, v := range p.data.state.Cards {
		cards[k] = v
	}
	mastery := make(map[learning.SkillID]learning.SkillEstimate, len(p.data.state.Mastery))
	for k, v := range p.data.state.Mastery {
		mastery[k] = v
	}
	for _, x := range r.results {
		if x.saved != nil {
			cards[x.item.ID] = x.saved.Card
			for k, v := range estimatesOf(x.saved.Mastery) {
				mastery[k] = v
			}
		}
	}
	p.data.state = learning.LearnerState{Cards: cards, Mastery: mastery}
}
