package explore

import (
	"strings"
	"testing"

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
