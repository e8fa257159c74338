package kit

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/render"
)

// PinMark is a pin the Viewer draws over the model: a numbered marker at a point of the scene
// (metres, as render.PinPoint gives it) and the note a click on it shows.
type PinMark struct {
	Point render.Vec3
	Label string // on the marker ("1", "2", …); the place in the list when empty
	Note  string
}

// pinSize is a marker's diameter in Fyne units: big enough to click; noteWidth is the widest an
// open note grows before it wraps.
const (
	pinSize   = 24
	noteWidth = 260
)

// PinLayer draws pins over a Viewer's frames, projected with render.View.PinSpots each time a
// frame is shown, so they move with the camera: a pin behind a surface is drawn dimmed, one
// outside the frame or on the side a section cuts away is not drawn. A click on a pin shows its
// note beside it (and calls OnTap); a click elsewhere reaches the model as usual.
type PinLayer struct {
	view  *render.View
	scale func() float64 // frame pixels per Fyne unit
	pins  []PinMark
	marks []*pinMarker
	spots []render.PinSpot
	note  *fyne.Container // the open note's bubble
	text  *widget.Label
	open  int // the pin whose note shows, or -1
	box   *fyne.Container

	// OnTap is called with the index of a tapped pin.
	OnTap func(i int)
}

func newPinLayer(v *render.View, scale func() float64) *PinLayer {
	l := &PinLayer{view: v, scale: scale, open: -1, box: container.NewWithoutLayout()}
	l.text = widget.NewLabel("")
	l.text.Wrapping = fyne.TextWrapWord
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	bg.CornerRadius = 6
	bg.StrokeColor, bg.StrokeWidth = theme.Color(theme.ColorNamePrimary), 1
	l.note = container.NewStack(bg, l.text)
	l.note.Hide()
	return l
}

// Set replaces the pins drawn (nil for none) and closes any open note.
func (l *PinLayer) Set(pins []PinMark) {
	l.pins = append([]PinMark(nil), pins...)
	l.open = -1
	l.note.Hide()
	objs := make([]fyne.CanvasObject, 0, len(pins)+1)
	l.marks = l.marks[:0]
	for i, p := range l.pins {
		label := p.Label
		if label == "" {
			label = strconv.Itoa(i + 1)
		}
		m := newPinMarker(label, i, l.tapped)
		l.marks = append(l.marks, m)
		objs = append(objs, m)
	}
	l.box.Objects = append(objs, l.note)
	l.Place()
	l.box.Refresh()
}

// Pins is what the layer draws.
func (l *PinLayer) Pins() []PinMark { return l.pins }

// Spots is where each pin was last placed (frame pixels), and whether it was dimmed.
func (l *PinLayer) Spots() []render.PinSpot { return l.spots }

// Marker is pin i's marker (tap it to show the note), or nil.
func (l *PinLayer) Marker(i int) fyne.Tappable {
	if i < 0 || i >= len(l.marks) {
		return nil
	}
	return l.marks[i]
}

// Dimmed says whether pin i is drawn faint, as behind a surface.
func (l *PinLayer) Dimmed(i int) bool { return i >= 0 && i < len(l.marks) && l.marks[i].dimmed() }

// OpenNote is the index of the pin whose note shows, or -1.
func (l *PinLayer) OpenNote() int { return l.open }

// ShowNote opens pin i's note beside it (-1 closes it).
func (l *PinLayer) ShowNote(i int) {
	if i < 0 || i >= len(l.pins) || l.pins[i].Note == "" {
		l.open = -1
		l.note.Hide()
		return
	}
	l.open = i
	l.text.SetText(l.pins[i].Note)
	l.note.Show()
	l.Place()
}

// NoteText is what the open note says ("" when none is open).
func (l *PinLayer) NoteText() string {
	if l.open < 0 {
		return ""
	}
	return l.text.Text
}

func (l *PinLayer) tapped(i int) {
	if l.open == i {
		l.ShowNote(-1)
	} else {
		l.ShowNote(i)
	}
	if l.OnTap != nil {
		l.OnTap(i)
	}
}

// Place projects the pins into the current frame and moves the markers there.
func (l *PinLayer) Place() {
	if len(l.pins) == 0 {
		l.spots = nil
		return
	}
	pts := make([]render.Vec3, len(l.pins))
	for i, p := range l.pins {
		pts[i] = p.Point
	}
	l.spots = l.view.PinSpots(pts)
	k := float32(l.scale())
	if k <= 0 {
		k = 1
	}
	for i, m := range l.marks {
		s := l.spots[i]
		if !s.OnScreen || s.Cut {
			m.Hide()
			continue
		}
		m.setDimmed(s.Occluded)
		m.Resize(fyne.NewSquareSize(pinSize))
		m.Move(fyne.NewPos(float32(s.X)/k-pinSize/2, float32(s.Y)/k-pinSize/2))
		m.Show()
	}
	l.placeNote()
}

// placeNote puts the open note to the right of its pin (left of it near the right edge).
func (l *PinLayer) placeNote() {
	if l.open < 0 || l.open >= len(l.marks) || !l.marks[l.open].Visible() {
		l.note.Hide()
		return
	}
	// As wide as the text on one line, up to noteWidth; then as tall as it wraps to.
	one := fyne.MeasureText(l.text.Text, theme.TextSize(), l.text.TextStyle).Width + 2*theme.InnerPadding() + 2
	size := fyne.NewSize(min(one, noteWidth), 1)
	l.text.Resize(size)
	size.Height = l.text.MinSize().Height
	at := l.marks[l.open].Position()
	p := at.Add(fyne.NewPos(pinSize+4, 0))
	box := l.box.Size()
	if box.Width > 0 && p.X+size.Width > box.Width {
		p.X = max(0, at.X-size.Width-4) // left of the pin, else over it at the left edge
	}
	if box.Height > 0 && p.Y+size.Height > box.Height {
		p.Y = max(0, box.Height-size.Height)
	}
	l.note.Resize(size)
	l.note.Move(p)
	l.note.Show()
}

// pinMarker is one pin's round, numbered, clickable marker.
type pinMarker struct {
	widget.BaseWidget
	dot   *canvas.Circle
	label *canvas.Text
	index int
	onTap func(int)
}

var _ fyne.Tappable = (*pinMarker)(nil)

// Pin colours: a strong yellow with a dark rim, readable on bone, muscle and the background;
// dimmed to a third when a surface hides the pin.
var (
	pinFill = color.NRGBA{R: 0xff, G: 0xc8, B: 0x2e, A: 0xff}
	pinRim  = color.NRGBA{R: 0x20, G: 0x20, B: 0x20, A: 0xff}
	pinText = color.NRGBA{R: 0x10, G: 0x10, B: 0x10, A: 0xff}
)

func newPinMarker(label string, i int, onTap func(int)) *pinMarker {
	m := &pinMarker{dot: canvas.NewCircle(pinFill), label: canvas.NewText(label, pinText), index: i, onTap: onTap}
	m.dot.StrokeColor, m.dot.StrokeWidth = pinRim, 2
	m.label.Alignment = fyne.TextAlignCenter
	m.label.TextStyle.Bold = true
	m.ExtendBaseWidget(m)
	return m
}

// dimmed says whether the marker is drawn faint (its pin is behind a surface).
func (m *pinMarker) dimmed() bool { return m.dot.FillColor.(color.NRGBA).A < 0xff }

func (m *pinMarker) setDimmed(d bool) {
	f, r, t := pinFill, pinRim, pinText
	if d {
		f.A, r.A, t.A = 0x55, 0x55, 0x77
	}
	if m.dot.FillColor == color.Color(f) {
		return
	}
	m.dot.FillColor, m.dot.StrokeColor, m.label.Color = f, r, t
	m.dot.Refresh()
	m.label.Refresh()
}

// CreateRenderer draws the dot with its label centred.
func (m *pinMarker) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(m.dot, container.NewCenter(m.label)))
}

// MinSize is the marker's size.
func (m *pinMarker) MinSize() fyne.Size { return fyne.NewSquareSize(pinSize) }

// Tapped opens or closes the pin's note.
func (m *pinMarker) Tapped(*fyne.PointEvent) { m.onTap(m.index) }
