package explore

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/osteon/osteon/ui/kit/kittest"
)

// builtinExplore is the Explore screen on the built-in (schematic) pack at 1280x800.
func builtinExplore(t *testing.T) *explore {
	t.Helper()
	sh := kittest.New(t)
	e := New(sh)
	sh.SetContent(kittest.Builtin(t))
	sh.Mount(e)
	return e
}

// overflow lists the lines of text under o that reach past its right edge.
func overflow(o fyne.CanvasObject) []string {
	var out []string
	width := o.Size().Width
	var walk func(o fyne.CanvasObject, x float32)
	walk = func(o fyne.CanvasObject, x float32) {
		x += o.Position().X
		switch w := o.(type) {
		case *canvas.Text:
			if x+w.MinSize().Width > width+0.5 {
				out = append(out, w.Text)
			}
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c, x)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c, x)
			}
		}
	}
	walk(o, -o.Position().X)
	return out
}

// TestInfoPanelFitsAt1280 guards the italic lines of the info panel ("Schematic: drawn for
// teaching…"): Fyne drew them as an indented quote wrapped to the full width, so each line's end
// was cut off at the panel's right edge.
func TestInfoPanelFitsAt1280(t *testing.T) {
	e := builtinExplore(t)
	text := richText(e.info)
	if !strings.Contains(text, "Schematic: drawn for teaching") {
		t.Fatalf("the panel does not show the schematic note:\n%s", text)
	}
	if cut := overflow(e.info.text); len(cut) > 0 {
		t.Errorf("lines cut at the right edge: %q", cut)
	}
	test.AssertObjectRendersToImage(t, "info_schematic.png", e.info.root)
}
