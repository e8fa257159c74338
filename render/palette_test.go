package render

import (
	"math"
	"testing"

	"github.com/osteon/osteon/content"
)

// lab is a colour in CIELAB (D65), where distance follows what the eye sees.
func lab(c content.Color) [3]float64 {
	lin := func(u uint8) float64 {
		x := float64(u) / 255
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	r, g, b := lin(c.R), lin(c.G), lin(c.B)
	xyz := [3]float64{
		(0.4124*r + 0.3576*g + 0.1805*b) / 0.95047,
		0.2126*r + 0.7152*g + 0.0722*b,
		(0.0193*r + 0.1192*g + 0.9505*b) / 1.08883,
	}
	for i, t := range xyz {
		if t > 216.0/24389 {
			xyz[i] = math.Cbrt(t)
		} else {
			xyz[i] = (24389.0/27*t + 16) / 116
		}
	}
	return [3]float64{116*xyz[1] - 16, 500 * (xyz[0] - xyz[1]), 200 * (xyz[1] - xyz[2])}
}

// deltaE is the CIE76 colour difference: about 2.3 is just noticeable, 20 and more reads as
// another colour at a glance.
func deltaE(a, b content.Color) float64 {
	p, q := lab(a), lab(b)
	return math.Sqrt((p[0]-q[0])*(p[0]-q[0]) + (p[1]-q[1])*(p[1]-q[1]) + (p[2]-q[2])*(p[2]-q[2]))
}

// anatomySystems are the body systems content colours structures by.
var anatomySystems = []string{"skeletal", "muscular", "cardiovascular", "arterial", "venous", "nervous",
	"integumentary", "landmark", "urinary", "digestive", "reproductive", "lymphatic", "respiratory"}

// TestPaletteColoursApart: each meaning's colour differs from every other meaning's by ΔE ≥ 40,
// and from every body system's colour by ΔE ≥ 36 (the blue that once marked a wrong click was 32.9
// from the veins, the old magenta 29.6 from the reproductive organs), so "the answer", "your click", "a landmark" and
// "keep clear" are not read as each other or as anatomy (blue veins, red arteries, yellow nerves).
func TestPaletteColoursApart(t *testing.T) {
	const apart, fromAnatomy = 40, 36
	ms := Meanings()
	if len(ms) < 4 {
		t.Fatalf("%d meanings", len(ms))
	}
	for i, a := range ms {
		if a.Label() == "" || a.Color().A != 255 {
			t.Errorf("meaning %d: label %q, colour %v", a, a.Label(), a.Color())
		}
		for _, b := range ms[i+1:] {
			if d := deltaE(a.Color(), b.Color()); d < apart {
				t.Errorf("%s and %s are ΔE %.1f apart, want ≥ %d", a.Label(), b.Label(), d, apart)
			}
		}
		for _, sys := range anatomySystems {
			c, ok := content.SystemColor(sys)
			if !ok {
				t.Fatalf("no colour for system %s", sys)
			}
			if d := deltaE(a.Color(), c); d < fromAnatomy {
				t.Errorf("%s is ΔE %.1f from the %s system's colour, want ≥ %d", a.Label(), d, sys, fromAnatomy)
			}
		}
	}
	if highlightColor != rgbOf(MeaningAnswer.Color()) {
		t.Error("the highlight is not the answer's colour")
	}
}

// TestPaletteContrastWithBackground: each meaning's colour reads at 3:1 or more against the 3D
// view's background (WCAG 2's least contrast for graphics that carry meaning).
func TestPaletteContrastWithBackground(t *testing.T) {
	bg := content.Color{R: uint8(defaultBackground[0]*255 + 0.5), G: uint8(defaultBackground[1]*255 + 0.5), B: uint8(defaultBackground[2]*255 + 0.5), A: 255}
	for _, m := range Meanings() {
		if r := contrastRatio(m.Color(), bg); r < 3 {
			t.Errorf("%s on the view's background: %.2f:1, want ≥ 3:1", m.Label(), r)
		}
	}
	if r := contrastRatio(content.Color{R: 58, G: 91, B: 160, A: 255}, bg); r >= 3 {
		t.Errorf("the veins' blue reads %.2f:1 on the background, so this test cannot tell", r)
	}
}

// contrastRatio is WCAG 2's contrast ratio of two colours.
func contrastRatio(a, b content.Color) float64 {
	lum := func(c content.Color) float64 {
		ch := func(u uint8) float64 {
			s := float64(u) / 255
			if s <= 0.03928 {
				return s / 12.92
			}
			return math.Pow((s+0.055)/1.055, 2.4)
		}
		return 0.2126*ch(c.R) + 0.7152*ch(c.G) + 0.0722*ch(c.B)
	}
	la, lb := lum(a), lum(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// TestDeltaEKnownValues checks the distance against published pairs, so the test above can fail.
func TestDeltaEKnownValues(t *testing.T) {
	black, white := content.Color{A: 255}, content.Color{R: 255, G: 255, B: 255, A: 255}
	if d := deltaE(black, white); math.Abs(d-100) > 0.1 {
		t.Errorf("black to white ΔE %.2f, want 100", d)
	}
	red := content.Color{R: 255, A: 255}
	if l := lab(red); math.Abs(l[0]-53.24) > 0.1 || math.Abs(l[1]-80.09) > 0.2 || math.Abs(l[2]-67.20) > 0.2 {
		t.Errorf("sRGB red in Lab = %.2f, want (53.24, 80.09, 67.20)", l)
	}
	if d := deltaE(MeaningClick.Color(), MeaningClick.Color()); d != 0 {
		t.Errorf("a colour is ΔE %.2f from itself", d)
	}
}

// TestLandmarkMarkersInTheLandmarkColour: a landmark marker is drawn in the landmark meaning's
// colour even when its file gives it magenta, which means "keep clear"; other structures keep
// their own colour.
func TestLandmarkMarkersInTheLandmarkColour(t *testing.T) {
	magenta := content.Color{R: 0xc4, G: 0x2f, B: 0xc9, A: 255}
	if got := BaseColor(&content.Structure{System: "landmark", Color: magenta}); got != MeaningContext.Color() {
		t.Errorf("a landmark marker is drawn %v, want the landmark colour %v", got, MeaningContext.Color())
	}
	if got := BaseColor(&content.Structure{System: "venous", Color: magenta}); got != magenta {
		t.Errorf("a structure's own colour became %v", got)
	}
}

// TestMarkedGhostReads: a ghosted structure painted a meaning's colour (a wrong click lying over
// the answer) is drawn in that colour at an opacity that reads, still see-through; an unmarked
// ghost stays faint.
func TestMarkedGhostReads(t *testing.T) {
	v := NewView(nil)
	v.SetModel(probeModel(
		boxPart("plain", [3]float32{0, 0, 0}, [3]float32{1, 1, 1}, false),
		boxPart("marked", [3]float32{2, 0, 0}, [3]float32{3, 1, 1}, false)))
	v.SetState("plain", Ghosted)
	v.SetState("marked", Ghosted)
	v.Mark("marked", MeaningClick)
	v.mu.Lock()
	plain, marked := v.visualOf(0), v.visualOf(1)
	v.mu.Unlock()
	if plain.color[3] != ghostAlpha {
		t.Errorf("an unmarked ghost has opacity %.2f, want %.2f", plain.color[3], ghostAlpha)
	}
	c := rgbOf(MeaningClick.Color())
	if marked.color[3] < 0.3 || marked.color[3] > 0.6 || marked.color[0] != c[0] || marked.color[1] != c[1] || marked.color[2] != c[2] {
		t.Errorf("a marked ghost is %v, want the click colour %v at an opacity between 0.3 and 0.6", marked.color, c)
	}
}
