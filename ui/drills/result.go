package drills

import (
	"github.com/osteon/osteon/ui/kit"

	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/progress"
)

// drillOutcome is a finished run, ready to record and show.
type drillOutcome struct {
	kind   string // "Locate" or "Sequence"
	title  string
	input  progress.DrillRunInput
	lines  []string                 // what the run measured
	review []widget.RichTextSegment // what went wrong, or the right order
	again  func()
}

// drillResult is the page after a run: score, measures, personal bests and learning curve.
type drillResult struct {
	saved  *widget.Label
	best   *widget.Label
	curve  *kit.LineChart
	about  *widget.Label
	record func() func() // records the run (background) and fills in the rest
}

// showResult shows the run's score at once, records it off the UI goroutine, then adds the
// personal best and the learning curve.
func (d *drills) showResult(o drillOutcome) *drillResult {
	r := &drillResult{saved: widget.NewLabel("Saving…"), best: widget.NewLabel(""), curve: kit.NewLineChart("run"),
		about: widget.NewLabel("")}
	r.best.Wrapping, r.about.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	r.curve.Hide()
	score := widget.NewLabel("Score " + scoreText(o.input.Score))
	score.SizeName = theme.SizeNameHeadingText
	score.TextStyle.Bold = true
	var segs []widget.RichTextSegment
	for _, l := range o.lines {
		segs = append(segs, kit.Para(l))
	}
	stats := widget.NewRichText(segs...)
	stats.Wrapping = fyne.TextWrapWord
	review := widget.NewRichText(o.review...)
	review.Wrapping = fyne.TextWrapWord
	review.Hidden = len(o.review) == 0
	again := widget.NewButtonWithIcon("Run again", theme.MediaReplayIcon(), o.again)
	again.Importance = widget.HighImportance
	back := widget.NewButtonWithIcon("Back to drills", theme.NavigateBackIcon(), d.refresh)
	body := container.NewVBox(widget.NewRichText(kit.Heading(o.kind+": "+o.title)), score, r.best, r.saved, stats, review,
		widget.NewRichText(kit.Subheading("Learning curve")), r.about, r.curve, container.NewHBox(again, back))
	d.show(container.NewVScroll(container.NewPadded(body)))
	st := d.sh.Store()
	r.record = func() func() {
		ctx := context.Background()
		res, err := st.RecordDrillRun(ctx, o.input)
		var hist []progress.DrillRun
		var bests []progress.DrillBest
		if err == nil {
			hist, err = st.DrillHistory(ctx, o.input.Learner, o.input.DrillID, 0)
		}
		if err == nil {
			bests, err = st.PersonalBests(ctx, o.input.Learner)
		}
		return func() { r.fill(o, res, hist, bests, err) }
	}
	d.run.Go(r.record)
	return r
}

func (r *drillResult) fill(o drillOutcome, res progress.DrillRunResult, hist []progress.DrillRun, bests []progress.DrillBest, err error) {
	if err != nil {
		r.saved.SetText("This run could not be saved: " + err.Error())
		r.saved.Importance = widget.DangerImportance
		r.saved.Refresh()
		return
	}
	msg := fmt.Sprintf("Saved. +%d points.", res.Points)
	for _, m := range res.Milestones {
		msg += " Milestone: " + m.Title + "!"
	}
	r.saved.SetText(msg)
	switch {
	case res.PersonalBest && res.PreviousBest > 0:
		r.best.SetText(fmt.Sprintf("A new personal best! Your previous best was %s.", scoreText(res.PreviousBest)))
		r.best.Importance = widget.SuccessImportance
	case res.PersonalBest:
		r.best.SetText("Your first run of this drill: it sets your personal best.")
	default:
		for _, b := range bests {
			if b.DrillID == o.input.DrillID {
				r.best.SetText(bestLine(b))
			}
		}
	}
	r.best.Refresh()
	scores := make([]float64, len(hist))
	for i, h := range hist {
		scores[i] = h.Score
	}
	r.about.SetText(kit.ShowCurve(r.curve, scores))
}

func bestLine(b progress.DrillBest) string {
	s := fmt.Sprintf("Your personal best is %s (%s), over %d run%s; best accuracy %.0f%%", scoreText(b.BestScore),
		b.BestAt.Local().Format("2 Jan 2006"), b.Runs, kit.PluralS(b.Runs), 100*b.BestAccuracy)
	if b.BestThroughput > 0 {
		s += fmt.Sprintf(", best throughput %.2f bits/s", b.BestThroughput)
	}
	return s + "."
}
