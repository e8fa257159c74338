package kit

import (
	"errors"
	"fmt"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/osteon/osteon/learning"
)

// ChartSeries is one set of values on a LineChart.
type ChartSeries struct {
	XS, YS []float64
	Color  fyne.ThemeColorName
	Points bool // draw a dot at each value
	Line   bool // join the values
}

// ChartRule is a horizontal reference line with a label, e.g. a plateau or a CUSUM limit.
type ChartRule struct {
	Y     float64
	Label string
	Color fyne.ThemeColorName
}

// LineChart draws series of values against trial numbers with Fyne canvas objects: a learning
// curve with its fit and plateau, or a CUSUM trace with its limits.
type LineChart struct {
	widget.BaseWidget
	series     []ChartSeries
	rules      []ChartRule
	xMin, xMax float64
	yMin, yMax float64
	xTitle     string
	minSize    fyne.Size
}

var _ fyne.Widget = (*LineChart)(nil)

// NewLineChart is an empty chart whose x axis is titled xTitle.
func NewLineChart(xTitle string) *LineChart {
	c := &LineChart{xTitle: xTitle, minSize: fyne.NewSize(320, 180)}
	c.ExtendBaseWidget(c)
	return c
}

// Set replaces what the chart shows; the ranges grow to hold every value and rule.
func (c *LineChart) Set(series []ChartSeries, rules []ChartRule, yMin, yMax float64) {
	c.series, c.rules = series, rules
	c.xMin, c.xMax = 1, 2
	c.yMin, c.yMax = yMin, yMax
	for _, s := range series {
		for i, x := range s.XS {
			c.xMax = max(c.xMax, x)
			c.yMin, c.yMax = min(c.yMin, s.YS[i]), max(c.yMax, s.YS[i])
		}
	}
	for _, r := range rules {
		c.yMin, c.yMax = min(c.yMin, r.Y), max(c.yMax, r.Y)
	}
	if c.yMax-c.yMin < 1e-9 {
		c.yMax = c.yMin + 1
	}
	c.Refresh()
}

// MinSize keeps the chart readable.
func (c *LineChart) MinSize() fyne.Size { return c.minSize }

// CreateRenderer draws the chart; its objects are rebuilt at each layout.
func (c *LineChart) CreateRenderer() fyne.WidgetRenderer {
	return &lineChartRenderer{c: c}
}

type lineChartRenderer struct {
	c    *LineChart
	objs []fyne.CanvasObject
}

func (r *lineChartRenderer) Destroy()                     {}
func (r *lineChartRenderer) MinSize() fyne.Size           { return r.c.minSize }
func (r *lineChartRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *lineChartRenderer) Refresh()                     { r.Layout(r.c.Size()); canvas.Refresh(r.c) }

// Layout places the plot area inside margins for the axis labels and draws into it.
func (r *lineChartRenderer) Layout(size fyne.Size) {
	c := r.c
	th := c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	col := func(n fyne.ThemeColorName) color.Color { return th.Color(n, v) }
	textSize := th.Size(theme.SizeNameCaptionText)
	left, right, top, bottom := float32(40), float32(12), float32(8), textSize*2+6
	w, h := size.Width-left-right, size.Height-top-bottom
	r.objs = r.objs[:0]
	if w < 20 || h < 20 {
		return
	}
	px := func(x float64) float32 {
		return left + float32((x-c.xMin)/(c.xMax-c.xMin))*w
	}
	py := func(y float64) float32 {
		return top + h - float32((y-c.yMin)/(c.yMax-c.yMin))*h
	}
	// Frame, value ticks and trial ticks.
	axis := col(theme.ColorNameSeparator)
	r.line(left, top+h, left+w, top+h, axis, 1)
	r.line(left, top, left, top+h, axis, 1)
	for _, y := range niceTicks(c.yMin, c.yMax, 4) {
		r.line(left, py(y), left+w, py(y), withAlpha(axis, 0x50), 1)
		r.text(trimFloat(y), left-4, py(y)-textSize/2-2, textSize, col(theme.ColorNamePlaceHolder), fyne.TextAlignTrailing)
	}
	for _, x := range niceTicks(c.xMin, c.xMax, 6) {
		if x != math.Trunc(x) {
			continue
		}
		r.text(trimFloat(x), px(x), top+h+2, textSize, col(theme.ColorNamePlaceHolder), fyne.TextAlignCenter)
	}
	r.text(c.xTitle, left+w/2, top+h+textSize+4, textSize, col(theme.ColorNamePlaceHolder), fyne.TextAlignCenter)
	for _, rule := range c.rules {
		rc := col(rule.Color)
		for x := left; x < left+w; x += 10 {
			r.line(x, py(rule.Y), min(x+5, left+w), py(rule.Y), rc, 1.5)
		}
		r.text(rule.Label, left+w-2, py(rule.Y)-textSize-3, textSize, rc, fyne.TextAlignTrailing)
	}
	for _, s := range c.series {
		sc := col(s.Color)
		for i := range s.XS {
			x, y := px(s.XS[i]), py(s.YS[i])
			if s.Line && i > 0 {
				r.line(px(s.XS[i-1]), py(s.YS[i-1]), x, y, sc, 2)
			}
			if s.Points {
				dot := canvas.NewCircle(sc)
				dot.Resize(fyne.NewSize(7, 7))
				dot.Move(fyne.NewPos(x-3.5, y-3.5))
				r.objs = append(r.objs, dot)
			}
		}
	}
}

func (r *lineChartRenderer) line(x1, y1, x2, y2 float32, c color.Color, width float32) {
	l := canvas.NewLine(c)
	l.StrokeWidth = width
	l.Position1, l.Position2 = fyne.NewPos(x1, y1), fyne.NewPos(x2, y2)
	r.objs = append(r.objs, l)
}

// text places s with its anchor at x (leading, centre or trailing edge) and its top at y.
func (r *lineChartRenderer) text(s string, x, y, size float32, c color.Color, align fyne.TextAlign) {
	t := canvas.NewText(s, c)
	t.TextSize = size
	m := t.MinSize()
	switch align {
	case fyne.TextAlignCenter:
		x -= m.Width / 2
	case fyne.TextAlignTrailing:
		x -= m.Width
	}
	t.Resize(m)
	t.Move(fyne.NewPos(x, y))
	r.objs = append(r.objs, t)
}

// niceTicks returns about n round values from lo to hi.
func niceTicks(lo, hi float64, n int) []float64 {
	span := hi - lo
	if !(span > 0) || n < 1 {
		return []float64{lo}
	}
	raw := span / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, k := range []float64{1, 2, 2.5, 5, 10} {
		if k*mag >= raw {
			step = k * mag
			break
		}
	}
	var out []float64
	for v := math.Ceil(lo/step) * step; v <= hi+step*1e-9; v += step {
		out = append(out, math.Round(v/step)*step)
	}
	return out
}

func trimFloat(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.1f", v)
}

func withAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}

// ShowCurve draws a drill's scores with their fitted curve and plateau on c, and returns what
// the fit says in words. With fewer than three runs it draws nothing and says so.
func ShowCurve(c *LineChart, scores []float64) string {
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
	runs := ChartSeries{Color: theme.ColorNamePrimary, Points: true, Line: true}
	for i, s := range scores {
		runs.XS, runs.YS = append(runs.XS, float64(i+1)), append(runs.YS, s)
	}
	end := n + 2
	if fit.TrialsTo90 > 0 {
		end = max(end, min(fit.TrialsTo90+1, 3*n))
	}
	curve := ChartSeries{Color: theme.ColorNameForeground, Line: true}
	for x := 1.0; x <= float64(end); x += 0.25 {
		curve.XS, curve.YS = append(curve.XS, x), append(curve.YS, min(max(fit.At(x), 0), 100))
	}
	c.Set([]ChartSeries{curve, runs}, []ChartRule{{Y: fit.Plateau, Label: fmt.Sprintf("plateau %.0f", fit.Plateau),
		Color: theme.ColorNameSuccess}}, 0, 100)
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

// SetXMin moves the start of the x axis (Set starts it at 1), e.g. to 0 for a trace from its
// origin.
func (c *LineChart) SetXMin(x float64) {
	c.xMin = x
	c.Refresh()
}

// SetMinSize sets the smallest size the chart asks for (320x180 unless set).
func (c *LineChart) SetMinSize(s fyne.Size) { c.minSize = s }
