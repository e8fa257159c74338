package explore

import (
	"fmt"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/render"
)

// Section planes offered, in the order the X key cycles through them.
var sectionPlanes = []string{"No section", "Axial", "Coronal", "Sagittal", "Free (facing you)"}

// sectionSliderWidth leaves most of the section row to the list of what the plane cuts.
const sectionSliderWidth = 120

// sectionBar is Explore's section controls: which plane, where it cuts (a slider across the
// model), and which structures it cuts.
type sectionBar struct {
	e      *explore
	plane  *widget.Select
	pos    *widget.Slider
	cut    *widget.Label
	normal render.Vec3 // of the free plane, taken from the camera when chosen
	root   fyne.CanvasObject
}

func newSectionBar(e *explore) *sectionBar {
	s := &sectionBar{e: e}
	s.plane = widget.NewSelect(sectionPlanes, nil)
	s.plane.SetSelectedIndex(0)
	s.plane.OnChanged = func(string) { s.apply() }
	s.pos = widget.NewSlider(0, 1)
	s.pos.Step = 0.005
	s.pos.Value = 0.5
	s.pos.OnChanged = func(float64) { s.apply() }
	s.cut = widget.NewLabel("")
	s.cut.Truncation = fyne.TextTruncateEllipsis
	// one row, as high as a row of buttons: plane, slider, then what it cuts in the rest
	slider := container.NewGridWrap(fyne.NewSize(sectionSliderWidth, s.pos.MinSize().Height), s.pos)
	s.root = container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel("Section (X, [ ])"), s.plane, slider), nil,
		s.cut)
	return s
}

// normalOf is the chosen plane's normal; ok is false for no section.
func (s *sectionBar) normalOf(i int) (render.Vec3, bool) {
	switch i {
	case 1:
		return render.Vec3{0, 1, 0}, true
	case 2:
		return render.Vec3{0, 0, 1}, true
	case 3:
		return render.Vec3{1, 0, 0}, true
	case 4:
		if s.normal == (render.Vec3{}) {
			c := s.e.view.Camera()
			s.normal = c.Eye().Sub(c.Target).Norm()
		}
		return s.normal, true
	}
	return render.Vec3{}, false
}

// apply sets the view's plane from the controls and says what it cuts.
func (s *sectionBar) apply() {
	if s.plane.SelectedIndex() != 4 {
		s.normal = render.Vec3{}
	}
	m := s.e.view.Model()
	n, on := s.normalOf(s.plane.SelectedIndex())
	if m == nil || !on {
		_ = s.e.view.SetSection(render.Section{})
		s.cut.SetText("")
		return
	}
	lo, hi := extentAlong(m, n)
	at := lo + (hi-lo)*s.pos.Value
	if err := s.e.view.SetSection(render.Section{On: true, Normal: n, Offset: at}); err != nil {
		s.cut.SetText(err.Error())
		return
	}
	s.cut.SetText(s.cutText())
}

// cutText names what the plane cuts, as the list does.
func (s *sectionBar) cutText() string {
	ids := s.e.view.Cut()
	if len(ids) == 0 {
		return "Cuts nothing"
	}
	names := make([]string, 0, len(ids))
	for _, id := range ids {
		if st := s.e.cat.byID[id]; st != nil && st.Name != "" {
			names = append(names, st.Name)
		} else {
			names = append(names, id)
		}
	}
	return fmt.Sprintf("Cuts %d: %s", len(ids), strings.Join(names, ", "))
}

// extentAlong is the range of the model's box corners along n.
func extentAlong(m *render.Model, n render.Vec3) (lo, hi float64) {
	b := m.Bounds
	lo, hi = math.Inf(1), math.Inf(-1)
	for c := 0; c < 8; c++ {
		var p render.Vec3
		for k := 0; k < 3; k++ {
			p[k] = float64(b.Min[k])
			if c&(1<<k) != 0 {
				p[k] = float64(b.Max[k])
			}
		}
		d := n.Dot(p)
		lo, hi = math.Min(lo, d), math.Max(hi, d)
	}
	return lo, hi
}

// rune handles X (next plane) and [ ] (move the plane); it says whether r was one of them.
func (s *sectionBar) rune(r rune) bool {
	switch r {
	case 'x', 'X':
		s.plane.SetSelectedIndex((s.plane.SelectedIndex() + 1) % len(sectionPlanes))
	case '[':
		s.pos.SetValue(math.Max(0, s.pos.Value-0.02))
	case ']':
		s.pos.SetValue(math.Min(1, s.pos.Value+0.02))
	default:
		return false
	}
	return true
}
