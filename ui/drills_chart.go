package ui

import (
	"fmt"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// chartSeries is one set of values on a lineChart.
type chartSeries struct {
	xs, ys []float64
	color  fyne.ThemeColorName
	points bool // draw a dot at each value
	line   bool // join the values
}

// chartRule is a horizontal reference line with a label, e.g. a plateau or a CUSUM limit.
type chartRule struct {
	y     float64
	label string
	color fyne.ThemeColorName
}

// lineChart draws series of values against trial numbers with Fyne canvas objects: a learning
// curve with its fit and plateau, or a CUSUM trace with its limits.
type lineChart struct {
	widget.BaseWidget
	series     []chartSeries
	rules      []chartRule
	xMin, xMax float64
	yMin, yMax float64
	xTitle     string
	minSize    fyne.Size
}

var _ fyne.Widget = (*lineChart)(nil)

func newLineChart(xTitle string) *lineChart {
	c := &lineChart{xTitle: xTitle, minSize: fyne.NewSize(320, 180)}
	c.ExtendBaseWidget(c)
	return c
}

// set replaces what the chart shows; the ranges grow to hold every value and rule.
func (c *lineChart) set(series []chartSeries, rules []chartRule, yMin, yMax float64) {
	c.series, c.rules = series, rules
	c.xMin, c.xMax = 1, 2
	c.yMin, c.yMax = yMin, yMax
	for _, s := range series {
		for i, x := range s.xs {
			c.xMax = max(c.xMax, x)
			c.yMin, c.yMax = min(c.yMin, s.ys[i]), max(c.yMax, s.ys[i])
		}
	}
	for _, r := range rules {
		c.yMin, c.yMax = min(c.yMin, r.y), max(c.yMax, r.y)
	}
	if c.yMax-c.yMin < 1e-9 {
		c.yMax = c.yMin + 1
	}
	c.Refresh()
}

// MinSize keeps the chart readable.
func (c *lineChart) MinSize() fyne.Size { return c.minSize }

// CreateRenderer draws the chart; its objects are rebuilt at each layout.
func (c *lineChart) CreateRenderer() fyne.WidgetRenderer {
	return &lineChartRenderer{c: c}
}

type lineChartRenderer struct {
	c    *lineChart
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
		rc := col(rule.color)
		for x := left; x < left+w; x += 10 {
			r.line(x, py(rule.y), min(x+5, left+w), py(rule.y), rc, 1.5)
		}
		r.text(rule.label, left+w-2, py(rule.y)-textSize-3, textSize, rc, fyne.TextAlignTrailing)
	}
	for _, s := range c.series {
		sc := col(s.color)
		for i := range s.xs {
			x, y := px(s.xs[i]), py(s.ys[i])
			if s.line && i > 0 {
				r.line(px(s.xs[i-1]), py(s.ys[i-1]), x, y, sc, 2)
			}
			if s.points {
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
