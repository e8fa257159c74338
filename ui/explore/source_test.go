package explore

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/osteon/osteon/ui/kit/kittest"
)

// longSource is where a learner's own pack might live: a path longer than the panel is wide,
// with no space to wrap at.
const longSource = "/home/a-student/Documents/anatomy-course/packs/bodyparts3d-upper-limb-v4.0/meshes/glb/upper_limb_all.glb"

// TestSourcePathWrapsWhole: the model's file in the info panel, at the panel's narrowest, is
// shown whole, wrapped within the panel, and can be selected to copy (it was cut off at the
// panel's edge: issue 15 item 11).
func TestSourcePathWrapsWhole(t *testing.T) {
	e := builtinExplore(t)
	e.scene.Source = longSource
	e.selectStructure(findStructure(t, e, "Humerus"), false)
	e.info.root.Resize(fyne.NewSize(infoMinWidth, 560))
	if !e.info.source.Visible() || !e.info.source.Selectable || e.info.source.Text != "Source file: "+longSource {
		t.Fatalf("source shown %v, selectable %v: %q", e.info.source.Visible(), e.info.source.Selectable, e.info.source.Text)
	}
	if cut := overflow(e.info.source); len(cut) > 0 {
		t.Errorf("lines cut at the panel's right edge: %q", cut)
	}
	var shown strings.Builder
	kittest.Walk(e.info.source, true, func(o fyne.CanvasObject) bool {
		if txt, ok := o.(*canvas.Text); ok {
			shown.WriteString(txt.Text)
		}
		return true
	})
	if got := shown.String(); got != "Source file: "+longSource {
		t.Errorf("the panel draws %q, not the whole path", got)
	}
	w := test.NewWindow(e.info.root)
	defer w.Close()
	w.Resize(fyne.NewSize(infoMinWidth, 560))
	e.info.source.Refresh()
	test.AssertObjectRendersToImage(t, "info_source_path.png", e.info.root)
}
