package render

import (
	"strings"

	"github.com/osteon/osteon/content"
)

// Meaning is what a colour painted over the anatomy says. Each has one colour, shown in the 3D
// view (Highlighted for the answer, SetTint for the others) and in the screens' legends
// (kit.Legend), chosen apart from each other and from the body systems' own colours (bone ivory,
// muscle and arteries red, veins blue, nerves yellow): see TestPaletteColoursApart.
type Meaning int

const (
	// MeaningAnswer is the structure asked about or the answer: the Highlighted state, bright
	// green with a glow (no body system is drawn green). In Explore it marks the selection.
	MeaningAnswer Meaning = iota
	// MeaningClick is what the learner clicked when it was wrong: amber.
	MeaningClick
	// MeaningContext is a landmark shown to find one's way, not the answer: pale ice cyan.
	MeaningContext
	// MeaningAvoid is a structure to keep clear of (a procedure's danger): magenta.
	MeaningAvoid
	meaningCount
)

// Meanings lists every meaning, in the order a legend shows them.
func Meanings() []Meaning {
	out := make([]Meaning, meaningCount)
	for i := range out {
		out[i] = Meaning(i)
	}
	return out
}

var palette = [meaningCount]struct {
	c     content.Color
	label string
}{
	MeaningAnswer:  {content.Color{R: 64, G: 235, B: 77, A: 255}, "Answer"},
	MeaningClick:   {content.Color{R: 255, G: 128, B: 0, A: 255}, "Your click"},
	MeaningContext: {content.Color{R: 160, G: 220, B: 255, A: 255}, "Landmark"},
	MeaningAvoid:   {content.Color{R: 235, G: 40, B: 225, A: 255}, "Keep clear"},
}

// Color is the meaning's colour.
func (m Meaning) Color() content.Color {
	if m < 0 || m >= meaningCount {
		return defaultColor
	}
	return palette[m].c
}

// Label names the meaning in a legend ("Answer", "Your click"…).
func (m Meaning) Label() string {
	if m < 0 || m >= meaningCount {
		return ""
	}
	return palette[m].label
}

// Mark shows the meaning on structure id: the Highlighted state for MeaningAnswer, else the
// meaning's colour as a tint (the state is left as it is).
func (v *View) Mark(id string, m Meaning) {
	if m == MeaningAnswer {
		v.SetState(id, Highlighted)
		return
	}
	v.SetTint(id, m.Color())
}

var (
	// defaultBackground is the 3D view's clear colour, a dark grey every meaning stands out on.
	defaultBackground = [3]float32{0.16, 0.17, 0.19}
	defaultColor      = content.Color{R: 200, G: 200, B: 200, A: 255}
	highlightColor    = rgbOf(MeaningAnswer.Color())
)

func rgbOf(c content.Color) [3]float32 {
	return [3]float32{float32(c.R) / 255, float32(c.G) / 255, float32(c.B) / 255}
}

const (
	ghostAlpha = 0.16
	// markedGhostAlpha is a ghosted structure's opacity when it is painted a meaning's colour (a
	// wrong click over the answer): enough to read the colour, the answer still showing through.
	markedGhostAlpha = 0.4
	highlightMix     = 0.65
	highlightGlow    = 0.22
	hoverGlow        = 0.14
)

// BaseColor is the colour a structure is drawn in when nothing marks it. Landmark markers are
// drawn in the landmark meaning's colour, whatever their file says (the built-in model's are
// magenta, which means "keep clear").
func BaseColor(s *content.Structure) content.Color {
	if strings.EqualFold(s.System, "landmark") {
		return MeaningContext.Color()
	}
	if s.Color.A != 0 {
		return s.Color
	}
	if c, ok := content.SystemColor(s.System); ok {
		return c
	}
	return defaultColor
}

// visualOf is how structure i is drawn now (mu held).
func (v *View) visualOf(i int) visual {
	st := v.states[i]
	if st == Hidden {
		return visual{}
	}
	c := BaseColor(&v.model.Scene.Parts[i].Structure)
	if t := v.tints[i]; t.A != 0 {
		c = t
	}
	out := visual{visible: true}
	for k, x := range [3]uint8{c.R, c.G, c.B} {
		out.color[k] = float32(x) / 255
	}
	out.color[3] = float32(c.A) / 255
	switch st {
	case Highlighted:
		for k := range 3 {
			out.color[k] += (highlightColor[k] - out.color[k]) * highlightMix
			out.emissive[k] = highlightColor[k] * highlightGlow
		}
		out.color[3] = 1
	case Ghosted:
		a := float32(ghostAlpha)
		if v.tints[i].A != 0 {
			a = markedGhostAlpha // a meaning's colour still reads through
		}
		out.color[3] = min(out.color[3], a)
	}
	if i == v.hover && st != Ghosted {
		for k := range 3 {
			out.emissive[k] += hoverGlow
		}
	}
	return out
}
