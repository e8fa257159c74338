package kit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/render"
)

// legendParts are the swatches and labels a legend draws, in order.
func legendParts(l *Legend) (sw []*canvas.Rectangle, labels []string) {
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *canvas.Rectangle:
			sw = append(sw, w)
		case *widget.Label:
			labels = append(labels, w.Text)
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(l.box)
	return sw, labels
}

// TestLegendShowsTheMeaningsColours: a legend draws one swatch in each meaning's own colour (the
// 3D view's), outlined in the text colour, which reads at 3:1 or more on the background so a pale
// swatch still shows; beside it its words; and it hides when it has nothing to explain.
func TestLegendShowsTheMeaningsColours(t *testing.T) {
	test.NewTempApp(t)
	l := NewLegend(Keys(render.MeaningAnswer, render.MeaningClick)...)
	l.Set(append(l.Keys(), Key{Meaning: render.MeaningContext, Label: "Landmark to find your way"})...)
	sw, labels := legendParts(l)
	want := []render.Meaning{render.MeaningAnswer, render.MeaningClick, render.MeaningContext}
	if len(sw) != len(want) || len(labels) != len(want) {
		t.Fatalf("%d swatches and labels %q, want %d", len(sw), labels, len(want))
	}
	for i, m := range want {
		c := m.Color()
		if got := sw[i].FillColor; got != MeaningColor(m) || MeaningColor(m).R != c.R || MeaningColor(m).B != c.B {
			t.Errorf("swatch %d is %v, want %s's %v", i, got, m.Label(), c)
		}
		if r := contrast(sw[i].StrokeColor, theme.Color(theme.ColorNameBackground)); r < 3 {
			t.Errorf("swatch %d's outline reads %.2f:1 on the background", i, r)
		}
	}
	if labels[0] != "Answer" || labels[1] != "Your click" || labels[2] != "Landmark to find your way" {
		t.Errorf("labels %q", labels)
	}
	if l.Text() != "Answer, Your click, Landmark to find your way" || !l.Visible() {
		t.Errorf("legend %q, visible %v", l.Text(), l.Visible())
	}
	l.Set()
	if l.Visible() {
		t.Error("an empty legend shows")
	}
}
