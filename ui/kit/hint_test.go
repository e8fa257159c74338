package kit

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// contrast is the WCAG 2 contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	lum := func(c color.Color) float64 {
		r, g, b, _ := c.RGBA()
		ch := func(v uint32) float64 {
			s := float64(v) / 0xffff
			if s <= 0.03928 {
				return s / 12.92
			}
			return math.Pow((s+0.055)/1.055, 2.4)
		}
		return 0.2126*ch(r) + 0.7152*ch(g) + 0.0722*ch(b)
	}
	la, lb := lum(a), lum(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func TestHintColoursMeetWCAGAA(t *testing.T) {
	th := NewTheme()
	for _, v := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
		bg := th.Color(theme.ColorNameBackground, v)
		for _, n := range []fyne.ThemeColorName{ColorNameHint, ColorNameCredit} {
			if r := contrast(th.Color(n, v), bg); r < 4.5 {
				t.Errorf("%s on the background (variant %d): %.2f:1, below 4.5:1", n, v, r)
			}
		}
		// What low-importance labels used, and why Hint exists.
		if r := contrast(th.Color(theme.ColorNameDisabled, v), bg); r >= 4.5 {
			t.Logf("Fyne's disabled colour now reads at %.2f:1 (variant %d)", r, v)
		}
	}
}

// hintTexts are the canvas texts a hint draws.
func hintTexts(h *Hint) []*canvas.Text {
	var out []*canvas.Text
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *canvas.Text:
			out = append(out, x)
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(h)
	return out
}

func TestHintDrawsInTheHintColour(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme())
	h := NewHint("Question 1 of 10")
	w := a.NewWindow("hint")
	w.SetContent(h)
	w.Resize(fyne.NewSize(300, 60))
	v := a.Settings().ThemeVariant()
	want := NewTheme().Color(ColorNameHint, v)
	texts := hintTexts(h)
	if len(texts) == 0 || texts[0].Text != "Question 1 of 10" || texts[0].Color != want {
		t.Fatalf("hint draws %+v, want its text in %v", texts, want)
	}
	h.SetError(true)
	h.SetText("Could not save an answer")
	if tx := hintTexts(h); tx[0].Color != NewTheme().Color(theme.ColorNameError, v) || h.Text != "Could not save an answer" {
		t.Errorf("an error hint draws %q in %v", tx[0].Text, tx[0].Color)
	}
}

// TestHintGolden keeps the look of hint lines: "Question 1 of 10" and the Practice help, in the
// hint colour on the background, and a saving error.
func TestHintGolden(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme())
	help := NewHint("Questions use the 3D model: find a structure by clicking it, name the highlighted one " +
		"(choose with 1–4 or type it). Enter continues, Esc leaves.")
	help.Wrapping = fyne.TextWrapWord
	failed := NewHint("Could not save an answer: disk full")
	failed.SetError(true)
	box := container.NewVBox(NewHint("Question 1 of 10"), help, failed)
	box.Resize(fyne.NewSize(360, 220))
	test.AssertObjectRendersToImage(t, "hints.png", box)
}
