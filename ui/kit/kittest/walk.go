package kittest

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Walk visits o and everything it shows, depth first: a container's objects and a widget's
// renderer objects. visit returns false to leave out what lies inside the object it was given.
// With visibleOnly, hidden objects and what they hold are skipped. The tests' text collectors and
// button finders all walk with it.
func Walk(o fyne.CanvasObject, visibleOnly bool, visit func(fyne.CanvasObject) bool) {
	if o == nil || (visibleOnly && !o.Visible()) || !visit(o) {
		return
	}
	switch w := o.(type) {
	case *fyne.Container:
		for _, c := range w.Objects {
			Walk(c, visibleOnly, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(w).Objects() {
			Walk(c, visibleOnly, visit)
		}
	}
}
