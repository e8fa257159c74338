package render

import (
	"github.com/osteon/osteon/content"
)

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
		out.color[3] = min(out.color[3], ghostAlpha)
	}
	if i == v.hover && st != Ghosted {
		for k := range 3 {
			out.emissive[k] += hoverGlow
		}
	}
	return out
}
