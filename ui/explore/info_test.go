package explore

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/osteon/osteon/assets"
	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/render"
	"github.com/osteon/osteon/ui/kit"
	"github.com/osteon/osteon/ui/kit/kittest"
)

// builtinExplore is the Explore screen on the built-in (schematic) pack at 1280x800.
func builtinExplore(t *testing.T) *explore {
	t.Helper()
	p, err := content.OpenPack(assets.BuiltinPack(), "built-in")
	if err != nil {
		t.Fatal(err)
	}
	s, err := content.LoadPackScene(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	sh := kittest.New(t)
	e := New(sh)
	sh.SetContent(kit.Content{Pack: p, Scene: s, Model: render.NewModel(s)})
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
