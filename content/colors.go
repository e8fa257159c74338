package content

import (
	"math"
	"strings"
)

// systemPalette is the colour of each body system, for structures that bring none. Green is left
// out: the viewer highlights in green.
var systemPalette = map[string]Color{
	"skeletal":       {232, 220, 196, 255},
	"muscular":       {181, 82, 74, 255},
	"cardiovascular": {192, 57, 43, 255},
	"arterial":       {192, 57, 43, 255},
	"venous":         {58, 91, 160, 255},
	"nervous":        {229, 195, 75, 255},
	"integumentary":  {224, 184, 160, 255},
	"landmark":       {34, 163, 159, 255},
	"urinary":        {176, 106, 64, 255},
	"digestive":      {204, 120, 110, 255},
	"reproductive":   {199, 91, 138, 255},
	"lymphatic":      {150, 110, 170, 255},
	"respiratory":    {230, 160, 170, 255},
}

// SystemColor is the colour structures of a body system are drawn in when they bring none.
func SystemColor(system string) (Color, bool) {
	c, ok := systemPalette[strings.ToLower(system)]
	return c, ok
}

// colourOrgan colours the mesh structures idx of one organ: when the source gave them at least
// two distinct colours those stay; otherwise each concept (structures of one name) gets its own
// shade of the organ's system colour (else of the source's one colour), so that neighbouring
// parts can be told apart.
func colourOrgan(out []StructureEntry, idx []int) {
	distinct := map[string]bool{}
	for _, i := range idx {
		if out[i].Color != "" {
			distinct[strings.ToLower(out[i].Color)] = true
		}
	}
	if len(distinct) >= 2 || len(idx) == 0 {
		return
	}
	base, ok := SystemColor(out[idx[0]].System)
	if !ok {
		if base, _ = ParseColor(out[idx[0]].Color); base.A == 0 {
			base = Color{200, 200, 200, 255}
		}
	}
	shade := map[string]int{}
	for _, i := range idx {
		if _, seen := shade[out[i].Name]; !seen {
			shade[out[i].Name] = len(shade)
		}
	}
	if len(shade) < 2 {
		return
	}
	for _, i := range idx {
		out[i].Color = formatColor(Shade(base, shade[out[i].Name]))
	}
}

// Shade is the j-th of sixteen shades of c: four lightnesses by four turns of hue (within 30°
// of c's), laid out as a Latin square so that shades j and j+1 differ in both, and any two of the
// sixteen in at least one by a step that shows on screen. Past sixteen they repeat.
func Shade(c Color, j int) Color {
	j %= 16
	h, s, _ := toHSL(c)
	li, hi := j%4, (j+j/4)%4
	l := 0.38 + 0.14*float64((li*3)%4) // 0.38, 0.80, 0.66, 0.52: far apart in turn
	h = math.Mod(h+float64(hi)*20-30+360, 360)
	s = math.Max(s, 0.45)
	r, g, b := fromHSL(h, s, l)
	return Color{r, g, b, c.A}
}

func toHSL(c Color) (h, s, l float64) {
	r, g, b := float64(c.R)/255, float64(c.G)/255, float64(c.B)/255
	mx, mn := math.Max(r, math.Max(g, b)), math.Min(r, math.Min(g, b))
	l = (mx + mn) / 2
	d := mx - mn
	if d == 0 {
		return 0, 0, l
	}
	s = d / (1 - math.Abs(2*l-1))
	switch mx {
	case r:
		h = math.Mod((g-b)/d+6, 6)
	case g:
		h = (b-r)/d + 2
	default:
		h = (r-g)/d + 4
	}
	return h * 60, s, l
}

func fromHSL(h, s, l float64) (uint8, uint8, uint8) {
	c := (1 - math.Abs(2*l-1)) * s
	x := c * (1 - math.Abs(math.Mod(h/60, 2)-1))
	m := l - c/2
	var r, g, b float64
	switch {
	case h < 60:
		r, g = c, x
	case h < 120:
		r, g = x, c
	case h < 180:
		g, b = c, x
	case h < 240:
		g, b = x, c
	case h < 300:
		r, b = x, c
	default:
		r, b = c, x
	}
	to := func(v float64) uint8 { return uint8(math.Round(math.Min(1, math.Max(0, v+m)) * 255)) }
	return to(r), to(g), to(b)
}
