package kit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/render"
)

// The colours the 3D view paints meanings in (render.Meaning) are shown beside it by a Legend: a
// swatch of the very colour, outlined in the text colour so a pale one still shows on a light
// background, and its words. Screens show one wherever they tint the model.

// MeaningColor is a meaning's colour for 2D widgets, the same as the 3D view paints.
func MeaningColor(m render.Meaning) color.NRGBA {
	c := m.Color()
	return color.NRGBA{R: c.R, G: c.G, B: c.B, A: c.A}
}

// Key is one entry of a legend: a meaning and what it says here ("" says the meaning's own label).
type Key struct {
	Meaning render.Meaning
	Label   string
}

// Keys are the meanings' entries with their own labels.
func Keys(ms ...render.Meaning) []Key {
	out := make([]Key, len(ms))
	for i, m := range ms {
		out[i] = Key{Meaning: m}
	}
	return out
}

// Legend explains the colours on the model: one swatch and label per key, wrapping onto more
// rows when narrow; hidden when it has no keys.
type Legend struct {
	widget.BaseWidget
	keys []Key
	box  *fyne.Container
}

// NewLegend is a legend of keys.
func NewLegend(keys ...Key) *Legend {
	l := &Legend{box: container.New(layout.NewRowWrapLayout())}
	l.ExtendBaseWidget(l)
	l.Set(keys...)
	return l
}

// Set replaces the legend's keys.
func (l *Legend) Set(keys ...Key) {
	l.keys = append(l.keys[:0], keys...)
	l.box.RemoveAll()
	for _, k := range keys {
		l.box.Add(legendEntry(k))
	}
	l.Hidden = len(keys) == 0
	l.Refresh()
}

// Keys are what the legend shows now.
func (l *Legend) Keys() []Key { return append([]Key(nil), l.keys...) }

// Text is the legend in words: "Answer, Your click".
func (l *Legend) Text() string {
	s := ""
	for i, k := range l.keys {
		if i > 0 {
			s += ", "
		}
		s += k.text()
	}
	return s
}

func (k Key) text() string {
	if k.Label != "" {
		return k.Label
	}
	return k.Meaning.Label()
}

// CreateRenderer draws the entries.
func (l *Legend) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(l.box) }

func legendEntry(k Key) fyne.CanvasObject {
	sw := canvas.NewRectangle(MeaningColor(k.Meaning))
	sw.StrokeColor = theme.Color(theme.ColorNameForeground)
	sw.StrokeWidth = 1.5
	sw.CornerRadius = 3
	side := theme.TextSize()
	sw.SetMinSize(fyne.NewSize(side, side))
	lbl := widget.NewLabel(k.text())
	return container.NewHBox(container.NewCenter(sw), lbl)
}
