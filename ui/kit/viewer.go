package kit

import (
	"image"
	"image/color"
	"math"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/render"
)

// Viewer shows frames of a render.View and turns pointer and key events into camera moves and
// picks: drag orbits, secondary-drag, middle-drag or shift-drag pans, scroll zooms, a tap picks,
// hovering marks the structure under the pointer.
type Viewer struct {
	widget.BaseWidget

	// OnPick is called with the structure tapped, or ok false for empty space.
	OnPick func(hit render.Hit, ok bool)
	// OnKey handles keys typed while the viewer has focus; it returns false to let the viewer
	// handle them (arrows orbit, + and - zoom).
	OnKey func(ev *fyne.KeyEvent) bool
	// OnRune handles runes typed while the viewer has focus.
	OnRune func(r rune)

	view     *render.View
	raster   *canvas.Raster
	message  *widget.RichText
	current  *image.RGBA
	pixW     int
	pixH     int
	panDrag  bool
	lastMove fyne.Position
	focused  bool
	tapX     float64 // frame pixel of the last tap
	tapY     float64
	pins     *PinLayer // drawn over the frames (pins.go)

	firstFrame sync.Once
	// OnFirstFrame is called once, on the UI goroutine, when the first frame is shown.
	OnFirstFrame func()
}

var (
	_ fyne.Widget            = (*Viewer)(nil)
	_ fyne.Draggable         = (*Viewer)(nil)
	_ fyne.Scrollable        = (*Viewer)(nil)
	_ fyne.Tappable          = (*Viewer)(nil)
	_ fyne.Focusable         = (*Viewer)(nil)
	_ desktop.Hoverable      = (*Viewer)(nil)
	_ desktop.Mouseable      = (*Viewer)(nil)
	_ desktop.Cursorable     = (*Viewer)(nil)
	_ fyne.SecondaryTappable = (*Viewer)(nil)
)

// NewViewer shows v. Frames arrive from v's render goroutine and are swapped in on the UI
// goroutine.
func NewViewer(v *render.View) *Viewer {
	w := &Viewer{view: v, message: widget.NewRichText()}
	w.message.Wrapping = fyne.TextWrapWord
	w.message.Hide()
	w.raster = canvas.NewRaster(w.generate)
	w.pins = newPinLayer(v, w.Scale)
	w.ExtendBaseWidget(w)
	v.OnFrame(func(f render.Frame) {
		fyne.Do(func() { w.show(f.Image) })
	})
	return w
}

// View is the render view behind the widget.
func (w *Viewer) View() *render.View { return w.view }

// SetUnavailable shows a message instead of the 3D view (no OpenGL): a title, the reason and
// what still works.
func (w *Viewer) SetUnavailable(title, reason, still string) {
	w.message.Segments = []widget.RichTextSegment{Heading(title), Para(reason), Italic(still)}
	w.message.Refresh()
	w.message.Show()
	w.raster.Hide()
	w.Refresh()
}

func (w *Viewer) show(img *image.RGBA) {
	old := w.current
	w.current = img
	w.raster.Refresh()
	w.pins.Place()
	if old != nil && old != img {
		w.view.Release(old)
	}
	w.firstFrame.Do(func() {
		if w.OnFirstFrame != nil {
			w.OnFirstFrame()
		}
	})
}

// generate runs on the UI goroutine with the raster's exact pixel size (HiDPI included).
func (w *Viewer) generate(pw, ph int) image.Image {
	if pw != w.pixW || ph != w.pixH {
		w.pixW, w.pixH = pw, ph
		w.view.Resize(pw, ph)
	}
	if w.current == nil {
		return image.NewRGBA(image.Rect(0, 0, 1, 1)) // image.Uniform would crash the painter
	}
	return w.current
}

// CreateRenderer builds the raster, the focus ring and the message once.
func (w *Viewer) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(color.Transparent)
	msg := container.NewPadded(container.NewVBox(layout.NewSpacer(), w.message, layout.NewSpacer()))
	return widget.NewSimpleRenderer(container.NewStack(bg, w.raster, w.pins.box, msg))
}

// Pins is the layer of pins drawn over the model (none until set).
func (w *Viewer) Pins() *PinLayer { return w.pins }

// MinSize keeps the view usable.
func (w *Viewer) MinSize() fyne.Size { return fyne.NewSize(240, 180) }

// Pixel converts a position in the widget to a pixel of the rendered frame.
func (w *Viewer) Pixel(p fyne.Position) (float64, float64) {
	s := w.Size()
	if s.Width <= 0 || s.Height <= 0 || w.pixW == 0 {
		return float64(p.X), float64(p.Y)
	}
	return float64(p.X) * float64(w.pixW) / float64(s.Width), float64(p.Y) * float64(w.pixH) / float64(s.Height)
}

// Scale is how many frame pixels one Fyne unit spans.
func (w *Viewer) Scale() float64 {
	if s := w.Size(); s.Width > 0 && w.pixW > 0 {
		return float64(w.pixW) / float64(s.Width)
	}
	return 1
}

// MouseDown notes how a drag starts: secondary or middle button, or shift held, pans.
func (w *Viewer) MouseDown(ev *desktop.MouseEvent) {
	w.panDrag = ev.Button == desktop.MouseButtonTertiary || ev.Modifier&fyne.KeyModifierShift != 0
	w.lastMove = ev.Position
	w.requestFocus()
}

// MouseUp ends a drag.
func (w *Viewer) MouseUp(*desktop.MouseEvent) {}

// Dragged orbits, or pans (see MouseDown).
func (w *Viewer) Dragged(ev *fyne.DragEvent) {
	k := w.Scale()
	dx, dy := float64(ev.Dragged.DX)*k, float64(ev.Dragged.DY)*k
	if w.panDrag {
		w.view.Pan(dx, dy)
	} else {
		w.view.Orbit(dx, dy)
	}
}

// DragEnd finishes a drag.
func (w *Viewer) DragEnd() { w.panDrag = false }

// Scrolled zooms towards what is under the pointer: each wheel notch moves 10% closer or further.
func (w *Viewer) Scrolled(ev *fyne.ScrollEvent) {
	x, y := w.Pixel(ev.Position)
	w.view.ZoomAt(x, y, math.Pow(0.9, float64(ev.Scrolled.DY)/10))
}

// Tapped picks the structure under the pointer.
func (w *Viewer) Tapped(ev *fyne.PointEvent) {
	w.requestFocus()
	x, y := w.Pixel(ev.Position)
	w.tapX, w.tapY = x, y
	hit, ok := w.pickNear(x, y)
	if w.OnPick != nil {
		w.OnPick(hit, ok)
	}
}

// tapSlop is how far (in Fyne units) a tap on empty space may land from a structure and still
// pick it, so a thin bone or vessel can be clicked without pixel precision.
const tapSlop = 5

// pickNear picks at (x, y), or within tapSlop of it on empty space (see render.View.PickNear).
func (w *Viewer) pickNear(x, y float64) (render.Hit, bool) {
	k := w.Scale()
	return w.view.PickNear(x, y, tapSlop*k, 1.5*k)
}

// LastTap is the pixel of the frame (as View.Pick and View.Project count them) tapped last, for
// drills that measure pointing.
func (w *Viewer) LastTap() (x, y float64) { return w.tapX, w.tapY }

// TappedSecondary does nothing; secondary drags pan (see MouseMoved).
func (w *Viewer) TappedSecondary(*fyne.PointEvent) {}

// MouseIn starts hover tracking.
func (w *Viewer) MouseIn(ev *desktop.MouseEvent) { w.MouseMoved(ev) }

// MouseMoved pans while the secondary button is held (Fyne sends no drag events for it) and marks
// the structure under the pointer.
func (w *Viewer) MouseMoved(ev *desktop.MouseEvent) {
	if ev.Button == desktop.MouseButtonSecondary {
		k := w.Scale()
		w.view.Pan(float64(ev.Position.X-w.lastMove.X)*k, float64(ev.Position.Y-w.lastMove.Y)*k)
	}
	w.lastMove = ev.Position
	x, y := w.Pixel(ev.Position)
	hit, _ := w.view.Pick(x, y)
	w.view.SetHover(hit.ID)
}

// MouseOut clears the hover mark.
func (w *Viewer) MouseOut() { w.view.SetHover("") }

// Cursor is a crosshair over the model.
func (w *Viewer) Cursor() desktop.Cursor { return desktop.CrosshairCursor }

func (w *Viewer) requestFocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(w); c != nil {
		c.Focus(w)
	}
}

// FocusGained notes focus.
func (w *Viewer) FocusGained() { w.focused = true }

// FocusLost notes focus loss.
func (w *Viewer) FocusLost() { w.focused = false }

// TypedRune passes runes to OnRune; + and - zoom.
func (w *Viewer) TypedRune(r rune) {
	switch r {
	case '+', '=':
		w.view.Zoom(0.85)
	case '-', '_':
		w.view.Zoom(1 / 0.85)
	default:
		if w.OnRune != nil {
			w.OnRune(r)
		}
	}
}

// TypedKey lets OnKey act first; arrow keys orbit, shift+arrows pan.
func (w *Viewer) TypedKey(ev *fyne.KeyEvent) {
	if w.OnKey != nil && w.OnKey(ev) {
		return
	}
	step := 40.0
	switch ev.Name {
	case fyne.KeyLeft:
		w.view.Orbit(-step, 0)
	case fyne.KeyRight:
		w.view.Orbit(step, 0)
	case fyne.KeyUp:
		w.view.Orbit(0, -step)
	case fyne.KeyDown:
		w.view.Orbit(0, step)
	case fyne.KeyPageUp:
		w.view.Zoom(0.85)
	case fyne.KeyPageDown:
		w.view.Zoom(1 / 0.85)
	}
}
