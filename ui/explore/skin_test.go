package explore

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/osteon/osteon/render"
)

// TestSkinDoesNotInterceptClicks: once the skin has been selected (drawn solid) and let go of, a
// click on a structure under it picks that structure, not the skin, and the skin goes back to
// ghosted (issue 15 item 6: the skin intercepted clicks in Explore).
func TestSkinDoesNotInterceptClicks(t *testing.T) {
	e := builtinExplore(t)
	skin, humerus := findStructure(t, e, "Skin of upper limb"), findStructure(t, e, "Humerus")
	pos, ok := underSkin(e, skin, humerus)
	if !ok {
		t.Fatal("the humerus shows nowhere through the skin")
	}
	e.selectStructure(skin, false) // as a click on the skin alone selects it, the camera staying put
	if e.selected != skin || e.view.State(skin) != render.Highlighted {
		t.Fatalf("selecting the skin: selected %q, state %v", e.selected, e.view.State(skin))
	}
	test.TapAt(e.viewer, pos)
	if e.selected != humerus {
		t.Fatalf("a click on the humerus through the selected skin selected %q", e.cat.byID[e.selected].Name)
	}
	if st := e.view.State(skin); st != render.Ghosted {
		t.Errorf("the skin is %v after it was let go of, want ghosted as before", st)
	}
	e.selectStructure("", false)
	test.TapAt(e.viewer, pos)
	if e.selected != humerus {
		t.Errorf("a second click on the humerus selected %q", e.cat.byID[e.selected].Name)
	}
}

// underSkin finds a position where id is picked and the skin is the first surface the ray meets.
func underSkin(e *explore, skin, id string) (fyne.Position, bool) {
	s := e.viewer.Size()
	m, cam := e.view.Model(), e.view.Camera()
	for y := float32(4); y < s.Height; y += 4 {
		for x := float32(4); x < s.Width; x += 4 {
			px, py := e.viewer.Pixel(fyne.NewPos(x, y))
			o, d := cam.Ray(px, py)
			front, _ := m.Pick(o, d, func(int) (bool, bool) { return true, false })
			if h, ok := e.view.Pick(px, py); ok && h.ID == id && front.ID == skin {
				return fyne.NewPos(x, y), true
			}
		}
	}
	return fyne.Position{}, false
}
