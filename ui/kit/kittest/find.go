package kittest

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/render"
	"github.com/osteon/osteon/ui/kit"
)

// FindIn scans a viewer, within id's projected box first, for a position whose pick is id.
func FindIn(w *kit.Viewer, id string) (fyne.Position, bool) {
	size := w.Size()
	k := float32(w.Scale())
	x0, y0, x1, y1 := float32(2), float32(2), size.Width, size.Height
	if pts := projectCorners(w.View(), w.View().Model().BoundsOf(id)); len(pts) > 0 {
		x0, y0, x1, y1 = size.Width, size.Height, 0, 0
		for _, p := range pts {
			x0, y0 = min(x0, float32(p[0])/k), min(y0, float32(p[1])/k)
			x1, y1 = max(x1, float32(p[0])/k), max(y1, float32(p[1])/k)
		}
	}
	for y := max(y0, 1); y < min(y1, size.Height); y++ {
		for x := max(x0, 1); x < min(x1, size.Width); x++ {
			px, py := w.Pixel(fyne.NewPos(x, y))
			if h, ok := w.View().Pick(px, py); ok && h.ID == id {
				return fyne.NewPos(x, y), true
			}
		}
	}
	return fyne.Position{}, false
}

// projectCorners projects the box's corners in front of the camera to the view's pixels.
func projectCorners(v *render.View, b content.Box) [][2]float64 {
	var out [][2]float64
	for k := range 8 {
		p := render.Vec3{float64(b.Min[0]), float64(b.Min[1]), float64(b.Min[2])}
		for axis := range 3 {
			if k&(1<<axis) != 0 {
				p[axis] = float64(b.Max[axis])
			}
		}
		if x, y, front := v.Project(p); front {
			out = append(out, [2]float64{x, y})
		}
	}
	return out
}

// Text gathers the text of the visible labels, rich texts, buttons and cards under o.
func Text(o fyne.CanvasObject) string {
	var b strings.Builder
	Walk(o, true, func(o fyne.CanvasObject) bool {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.RichText:
			b.WriteString(w.String() + "\n")
		case *widget.Button:
			b.WriteString("[" + w.Text + "]\n")
		case *widget.Card:
			b.WriteString(w.Title + "\n" + w.Subtitle + "\n")
			return true // its content is among its renderer's objects
		default:
			return true
		}
		return false
	})
	return b.String()
}
