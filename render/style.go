package render

import (
	"strings"

	"github.com/osteon/osteon/content"
)

// Colours for structures that bring none, by system.
var systemColors = map[string]content.Color{
	"skeletal":       {R: 232, G: 220, B: 196, A: 255},
	"muscular":       {R: 181, G: 82, B: 74, A: 255},
	"cardiovascular": {R: 192, G: 57, B: 43, A: 255},
	"arterial":       {R: 192, G: 57, B: 43, A: 255},
	"venous":         {R: 58, G: 91, B: 160, A: 255},
	"nervous":        {R: 229, G: 195, B: 75, A: 255},
	"integumentary":  {R: 224, G: 184, B: 160, A: 255},
	"landmark":       {R: 34, G: 163, B: 159, A: 255},
}

var (
	defaultColor   = content.Color{R: 200, G: 200, B: 200, A: 255}
	highlightColor = [3]float32{0.25, 0.92, 0.30} // green: no system is drawn green (bone ivory, muscle and arteries red, veins blue, nerves yellow)
)

const (
	ghostAlpha    = 0.16
	highlightMix  = 0.65
	highlightGlow = 0.22
	hoverGlow     = 0.14
)

// BaseColor is the colour a structure is drawn in when nothing marks it.
func BaseColor(s *content.Structure) content.Color {
	if s.Color.A != 0 {
		return s.Color
	}
	if c, ok := systemColors[strings.ToLower(s.System)]; ok {
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
		out.color[3] = min(out.color[3], ghostAlpha)
	}
	if i == v.hover && st != Ghosted {
		for k := range 3 {
			out.emissive[k] += hoverGlow
		}
	}
	return out
}
