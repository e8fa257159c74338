package explore

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/render"
)

// TestSectionKeys cycles the plane with X to coronal, moves it with [ and ], reads what it
// cuts, and turns it off again, all from the keyboard.
func TestSectionKeys(t *testing.T) {
	e := newTestUI(t)
	e.rune('x')
	e.rune('x')
	s := e.view.Section()
	if !s.On || s.Normal != (render.Vec3{0, 0, 1}) {
		t.Fatalf("after X X: %+v, want a coronal plane", s)
	}
	if txt := e.section.cut.Text; !strings.HasPrefix(txt, "Cuts ") || !strings.Contains(txt, "humerus") {
		t.Fatalf("cut list %q", txt)
	}
	before := s.Offset
	e.rune(']')
	if after := e.view.Section().Offset; after <= before {
		t.Fatalf("] moved the plane from %v to %v", before, after)
	}
	e.rune('[')
	e.rune('[')
	if after := e.view.Section().Offset; after >= before {
		t.Fatalf("[ [ moved the plane from %v to %v", before, after)
	}
	for range len(sectionPlanes) - 2 {
		e.rune('x')
	}
	if e.view.Section().On || e.section.cut.Text != "" {
		t.Fatalf("after cycling round: %+v %q", e.view.Section(), e.section.cut.Text)
	}
}

// TestSectionRowIsCompact: the section controls take one row, no taller than a row of buttons
// (they used to stack the slider over the cut list).
func TestSectionRowIsCompact(t *testing.T) {
	e := newTestUI(t)
	buttons := container.NewHBox(widget.NewButton("Hide", nil), widget.NewButton("Show all", nil))
	got, want := e.section.root.MinSize().Height, buttons.MinSize().Height
	if got > want+1 {
		t.Fatalf("the section row is %.0f high, a row of buttons %.0f", got, want)
	}
	e.rune('x')
	e.rune('x')
	if h := e.section.root.MinSize().Height; h > want+1 {
		t.Fatalf("with a plane and its cut list the section row is %.0f high, a row of buttons %.0f", h, want)
	}
}

// TestSectionControlsByTab reaches the plane list and the slider with Tab alone and works them
// with the arrow keys, as the help overlay says.
func TestSectionControlsByTab(t *testing.T) {
	e := newTestUI(t)
	c := fyne.CurrentApp().Driver().CanvasForObject(e.section.plane)
	if c == nil {
		t.Fatal("the section list is not on a canvas")
	}
	e.rune('x') // axial, so that the slider has a plane to move
	var plane, slider bool
	for range 80 {
		c.FocusNext()
		switch c.Focused() {
		case e.section.plane:
			plane = true
			c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
			if s := e.view.Section(); !s.On || s.Normal != (render.Vec3{0, 0, 1}) {
				t.Fatalf("→ on the focused plane list: %+v, want the coronal plane after the axial", s)
			}
		case e.section.pos:
			slider = true
			before := e.view.Section().Offset
			c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
			if after := e.view.Section().Offset; after <= before {
				t.Fatalf("→ on the focused slider moved the plane from %v to %v", before, after)
			}
		}
		if plane && slider {
			return
		}
	}
	t.Fatalf("Tab reached the plane list: %v, the slider: %v", plane, slider)
}
