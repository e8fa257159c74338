package dashboard

import (
	"github.com/osteon/osteon/ui/kit"

	"context"
	"fmt"
	"path"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/progress"
)

// buildSections lays out everything below the summary, each section with its heading.
func (p *progressScreen) buildSections(d *progressData) []fyne.CanvasObject {
	out := []fyne.CanvasObject{p.summary(d)}
	add := func(title string, body ...fyne.CanvasObject) {
		out = append(out, widget.NewRichText(kit.Subheading(title)))
		out = append(out, body...)
	}
	add("By system", p.skillBars(d.systems, learning.SkillSystem)...)
	add("By region", p.skillBars(d.regions, learning.SkillRegion)...)
	add("Reviews coming due", dueForecast(d.forecast))
	add("Streaks and milestones", milestones(d)...)
	add("Drills", drillCurves(d.drills)...)
	add("Procedures", procedureProficiency(d.procedures)...)
	add("Leaderboard on this computer", p.leaderboard(d)...)
	return out
}

func (p *progressScreen) summary(d *progressData) fyne.CanvasObject {
	s := d.stats
	streak := "no streak running"
	if s.Streak.Current > 0 {
		streak = fmt.Sprintf("%d-day streak", s.Streak.Current)
	}
	t := widget.NewRichText(kit.Heading(d.learner.Name),
		kit.Para(fmt.Sprintf("%d points · %s (longest %d) · %d skill%s mastered · %d answer%s, %d right · %d drill run%s",
			s.Points, streak, s.Streak.Longest, s.Mastered, kit.PluralS(s.Mastered), s.Attempts, kit.PluralS(s.Attempts), s.Correct,
			s.DrillRuns, kit.PluralS(s.DrillRuns))))
	t.Wrapping = fyne.TextWrapWord
	return t
}

// skillBars shows the learner's mastery of each system or region of the current model, skills
// without answers said to be not started.
func (p *progressScreen) skillBars(have map[learning.SkillID]progress.SkillMastery, kind learning.SkillKind) []fyne.CanvasObject {
	m := p.sh.Content().Model
	if m == nil {
		return nil
	}
	keys := map[string]string{} // key → shown name
	for _, part := range m.Scene.Parts {
		k := strings.TrimSpace(part.System)
		name := kit.SystemName(k)
		if kind == learning.SkillRegion {
			k, name = strings.TrimSpace(part.Region), kit.RegionName(part.Region)
		}
		if k != "" {
			keys[k] = name
		}
	}
	var rows []fyne.CanvasObject
	var names []string
	byName := map[string]string{}
	for k, n := range keys {
		if prev, dup := byName[n]; dup && prev < k {
			continue
		}
		byName[n] = k
	}
	for n := range byName {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		k := byName[n]
		skill := learning.SystemSkill(k)
		if kind == learning.SkillRegion {
			skill = learning.RegionSkill(k)
		}
		sm, ok := have[skill]
		if !ok { // a region may be keyed by its last part ("wrist" for "upper_limb/wrist")
			sm, ok = have[learning.SkillID(string(kind)+":"+path.Base(string(skill)[len(kind)+1:]))]
		}
		rows = append(rows, masteryRow(n, sm, ok))
	}
	if len(rows) == 0 {
		rows = append(rows, kit.Subtle("This model names no "+string(kind)+"s."))
	}
	return rows
}

func masteryRow(name string, sm progress.SkillMastery, ok bool) fyne.CanvasObject {
	value := "not started"
	f := 0.0
	c := nrgba(noEvidence)
	if ok && sm.Evidence > 0 {
		f = sm.Estimate
		c = nrgba(viridis(f))
		value = fmt.Sprintf("%.0f%% · %d answer%s", 100*f, sm.Evidence, kit.PluralS(sm.Evidence))
		if sm.Mastered {
			value += " · mastered"
		}
	}
	label := widget.NewLabel(name)
	label.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, kit.Sized(label, 150), kit.Sized(widget.NewLabel(value), 200), fractionBar(f, c))
}

func milestones(d *progressData) []fyne.CanvasObject {
	s := d.stats
	lines := []widget.RichTextSegment{}
	if s.Streak.PractisedToday {
		lines = append(lines, kit.Para("You have practised today."))
	} else if s.Streak.Current > 0 {
		lines = append(lines, kit.Para(fmt.Sprintf("Practise today to make it %d days in a row.", s.Streak.Current+1)))
	}
	reached := map[string]bool{}
	for i := len(d.milestones) - 1; i >= 0 && i >= len(d.milestones)-5; i-- {
		m := d.milestones[i]
		lines = append(lines, kit.Para(fmt.Sprintf("★ %s (%s)", m.Title, m.AchievedAt.Local().Format("2 Jan"))))
	}
	for _, m := range d.milestones {
		reached[m.Key] = true
	}
	value := map[string]int{"attempts": s.Attempts, "streak": s.Streak.Current, "mastered": s.Mastered, "drill_runs": s.DrillRuns}
	next := map[string]bool{}
	for _, def := range progress.MilestoneDefs {
		if reached[def.Key] || next[def.Stat] {
			continue
		}
		next[def.Stat] = true
		lines = append(lines, kit.Para(fmt.Sprintf("Next: %s — %d of %d", def.Title, min(value[def.Stat], def.Threshold), def.Threshold)))
	}
	t := widget.NewRichText(lines...)
	t.Wrapping = fyne.TextWrapWord
	return []fyne.CanvasObject{t}
}

func drillCurves(ds []drillHistory) []fyne.CanvasObject {
	if len(ds) == 0 {
		return []fyne.CanvasObject{kit.Subtle("No drills yet. A Locate or Sequence drill shows its learning curve here.")}
	}
	var out []fyne.CanvasObject
	for i, h := range ds {
		if i == 4 {
			out = append(out, kit.Subtle(fmt.Sprintf("… and %d more drills.", len(ds)-i)))
			break
		}
		c := kit.NewLineChart("run")
		c.SetMinSize(fyne.NewSize(300, 150))
		about := kit.Wrapped(kit.ShowCurve(c, h.scores))
		head := widget.NewLabel(fmt.Sprintf("%s — best %.0f over %d run%s", h.title, h.best.BestScore, h.best.Runs, kit.PluralS(h.best.Runs)))
		head.TextStyle.Bold = true
		head.Wrapping = fyne.TextWrapWord
		out = append(out, head, c, about)
	}
	return out
}

// procedureProficiency says, per procedure tested, whether the CUSUM has shown proficiency, or
// draws its trace between the limits.
func procedureProficiency(ps []procedureTrace) []fyne.CanvasObject {
	if len(ps) == 0 {
		return []fyne.CanvasObject{kit.Subtle("No procedure tests yet. After a few Test runs of a procedure, a CUSUM chart shows when you have reached proficiency.")}
	}
	var out []fyne.CanvasObject
	for _, pr := range ps {
		res := pr.cusum
		head := widget.NewLabel(pr.title)
		head.TextStyle.Bold = true
		var msg string
		switch {
		case res.ProficientAt > 0 && res.Decision != learning.Unacceptable:
			msg = fmt.Sprintf("Proficient after %d attempts (CUSUM: failure rate at most 10%%).", res.ProficientAt)
		case res.Decision == learning.Unacceptable:
			msg = "Your recent tests crossed the upper limit: go back to Learn and Practice for this one."
		default:
			msg = fmt.Sprintf("Not decided yet after %d attempt%s: each pass moves the line down towards proficiency.", len(pr.outcomes), kit.PluralS(len(pr.outcomes)))
		}
		out = append(out, head, kit.Wrapped(msg))
		if res.ProficientAt == 0 || res.Decision == learning.Unacceptable {
			out = append(out, cusumChart(res))
		}
	}
	return out
}

func cusumChart(res learning.CUSUMResult) *kit.LineChart {
	c := kit.NewLineChart("attempt")
	c.SetMinSize(fyne.NewSize(300, 150))
	s := kit.ChartSeries{Color: theme.ColorNamePrimary, Points: true, Line: true, XS: []float64{0}, YS: []float64{0}}
	for i, v := range res.Trace {
		s.XS, s.YS = append(s.XS, float64(i+1)), append(s.YS, v)
	}
	c.Set([]kit.ChartSeries{s}, []kit.ChartRule{
		{Y: -res.Limits.H0, Label: "proficient", Color: theme.ColorNameSuccess},
		{Y: res.Limits.H1, Label: "needs work", Color: theme.ColorNameError},
	}, -res.Limits.H0, res.Limits.H1)
	c.SetXMin(0)
	return c
}

// leaderboard shows the opted-in learners and lets this learner opt in or out.
func (p *progressScreen) leaderboard(d *progressData) []fyne.CanvasObject {
	check := widget.NewCheck("Show me on this computer's leaderboard (points, mastered skills and streak only)", nil)
	check.SetChecked(d.learner.OnLeaderboard)
	check.OnChanged = func(on bool) { p.setLeaderboard(on) }
	out := []fyne.CanvasObject{check}
	if len(d.leaderboard) == 0 {
		return append(out, kit.Subtle("Nobody on this computer has joined the leaderboard yet."))
	}
	var segs []widget.RichTextSegment
	for _, e := range d.leaderboard {
		line := fmt.Sprintf("%d. %s — %d points, %d mastered, %d-day streak", e.Rank, e.Name, e.Points, e.Mastered, e.Streak)
		if e.Learner == d.learner.ID {
			segs = append(segs, &widget.TextSegment{Text: line + " (you)", Style: widget.RichTextStyleStrong})
			continue
		}
		segs = append(segs, kit.Para(line))
	}
	return append(out, widget.NewRichText(segs...))
}

// setLeaderboard opts the learner in or out off the UI goroutine, then reloads.
func (p *progressScreen) setLeaderboard(on bool) {
	st, l := p.sh.Store(), p.sh.Learner()
	if st == nil || l == nil {
		return
	}
	id := l.ID
	p.run.Go(func() func() {
		err := st.SetLeaderboard(context.Background(), id, on)
		return func() {
			if err != nil {
				p.showMessage("Could not change the leaderboard setting", err.Error(), nil)
				return
			}
			if p.sh.Learner() != nil && p.sh.Learner().ID == id {
				p.sh.Learner().OnLeaderboard = on
			}
			p.refresh()
		}
	})
}
