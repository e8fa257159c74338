package ui

import (
	"github.com/osteon/osteon/ui/kit"

	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/learning"
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
	curve  *lineChart
	about  *widget.Label
	record func() // records the run (background) and fills in the rest
}

// showResult shows the run's score at once, records it off the UI goroutine, then adds the
// personal best and the learning curve.
func (d *drills) showResult(o drillOutcome) *drillResult {
	r := &drillResult{saved: widget.NewLabel("Saving…"), best: widget.NewLabel(""), curve: newLineChart("run"),
		about: widget.NewLabel("")}
	r.best.Wrapping, r.about.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	r.curve.Hide()
	score := widget.NewLabel(fmt.Sprintf("Score %.0f", o.input.Score))
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
	st := d.u.store
	r.record = func() {
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
		fyne.Do(func() { r.fill(o, res, hist, bests, err) })
	}
	d.bg(r.record)
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
		r.best.SetText(fmt.Sprintf("A new personal best! Your previous best was %.0f.", res.PreviousBest))
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
	r.about.SetText(showCurve(r.curve, scores))
}

func bestLine(b progress.DrillBest) string {
	s := fmt.Sprintf("Your personal best is %.0f (%s), over %d run%s; best accuracy %.0f%%", b.BestScore,
		b.BestAt.Local().Format("2 Jan 2006"), b.Runs, kit.PluralS(b.Runs), 100*b.BestAccuracy)
	if b.BestThroughput > 0 {
		s += fmt.Sprintf(", best throughput %.2f bits/s", b.BestThroughput)
	}
	return s + "."
}

// showCurve draws a drill's scores with their fitted curve and plateau on c, and returns what
// the fit says in words. With fewer than three runs it draws nothing and says so.
func showCurve(c *lineChart, scores []float64) string {
	n := len(scores)
	fit, err := learning.FitDrillCurve(scores, 100)
	if errors.Is(err, learning.ErrTooFewPoints) || n < 3 {
		c.Hide()
		return fmt.Sprintf("Your learning curve appears after 3 runs of this drill (%d so far).", n)
	}
	if err != nil {
		c.Hide()
		return "No curve: " + err.Error()
	}
	runs := chartSeries{color: theme.ColorNamePrimary, points: true, line: true}
	for i, s := range scores {
		runs.xs, runs.ys = append(runs.xs, float64(i+1)), append(runs.ys, s)
	}
	end := n + 2
	if fit.TrialsTo90 > 0 {
		end = max(end, min(fit.TrialsTo90+1, 3*n))
	}
	curve := chartSeries{color: theme.ColorNameForeground, line: true}
	for x := 1.0; x <= float64(end); x += 0.25 {
		curve.xs, curve.ys = append(curve.xs, x), append(curve.ys, min(max(fit.At(x), 0), 100))
	}
	c.set([]chartSeries{curve, runs}, []chartRule{{y: fit.Plateau, label: fmt.Sprintf("plateau %.0f", fit.Plateau),
		color: theme.ColorNameSuccess}}, 0, 100)
	c.Show()
	msg := fmt.Sprintf("Fitted over your %d runs (score = A − B/run), you are heading for a plateau of about %.0f. ", n, fit.Plateau)
	switch {
	case fit.TrialsTo90 == 0:
		msg += "There is not enough of a trend yet to say when you will get near it."
	case fit.TrialsTo90 <= n:
		msg += fmt.Sprintf("You came within 10%% of it by run %d.", fit.TrialsTo90)
	default:
		msg += fmt.Sprintf("You should be within 10%% of it by run %d (%d more).", fit.TrialsTo90, fit.TrialsTo90-n)
	}
	if fit.R2 < 0.5 {
		msg += fmt.Sprintf(" Your scores vary a lot around the curve (R² %.2f), so take it as a rough guide.", fit.R2)
	}
	return msg
}
