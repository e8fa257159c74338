package practice

import (
	"github.com/osteon/osteon/ui/kit"

	"fmt"
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

// improvedSegments lists the structures asked whose mastery rose (learning.Summarize decides
// which), and the skills newly mastered.
func improvedSegments(r *practiceRun) []widget.RichTextSegment {
	var lines []string
	for _, x := range r.results {
		if x.saved != nil {
			for _, sk := range x.saved.NewlyMastered {
				lines = append(lines, "★ Mastered: "+skillLabel(r.bank, sk))
			}
		}
	}
	rises := r.summarize().Improved
	for i, x := range rises {
		if i == 8 {
			lines = append(lines, fmt.Sprintf("… and %d more", len(rises)-i))
			break
		}
		line := fmt.Sprintf("%s: %d%% → %d%%", skillLabel(r.bank, x.Skill), pct(x.Before.Estimate), pct(x.After.Estimate))
		if x.First() {
			line = fmt.Sprintf("%s: started, %d%% after %d answer%s (mastery takes more answers, on more than one day)",
				skillLabel(r.bank, x.Skill), pct(x.After.Estimate), x.After.Evidence, kit.PluralS(x.After.Evidence))
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

// summarize sums the run up: its answers against mastery before it and as the store last
// reported it.
func (r *practiceRun) summarize() learning.SessionSummary {
	answers := make([]learning.SessionAnswer, len(r.results))
	after := map[learning.SkillID]learning.SkillEstimate{}
	for i, x := range r.results {
		answers[i] = learning.SessionAnswer{Item: x.item, Correct: x.correct}
		if x.saved != nil {
			for _, m := range x.saved.Mastery {
				after[m.Skill] = learning.SkillEstimate{Estimate: m.Estimate, Evidence: m.Evidence}
			}
		}
	}
	return learning.Summarize(answers, r.before, after)
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
	for _, id := range r.summarize().Missed {
		out = append(out, itemLabel(r.bank, id))
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
