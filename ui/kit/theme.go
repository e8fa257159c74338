package kit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Osteon's own colour names.
const (
	ColorNameNavBackground fyne.ThemeColorName = "osteonNavBackground"
	ColorNameCredit        fyne.ThemeColorName = "osteonCredit"
)

// osteonTheme is Fyne's default theme with a teal primary colour and a calmer navigation panel.
type osteonTheme struct{ fyne.Theme }

// NewTheme is Osteon's theme.
func NewTheme() fyne.Theme { return &osteonTheme{Theme: theme.DefaultTheme()} }

var (
	tealLight = color.NRGBA{R: 0x0f, G: 0x76, B: 0x6e, A: 0xff}
	tealDark  = color.NRGBA{R: 0x2d, G: 0xd4, B: 0xbf, A: 0xff}
)

func (t *osteonTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	dark := v == theme.VariantDark
	switch n {
	case theme.ColorNamePrimary, theme.ColorNameHyperlink:
		if dark {
			return tealDark
		}
		return tealLight
	case theme.ColorNameFocus:
		c := tealLight
		if dark {
			c = tealDark
		}
		c.A = 0x7f
		return c
	case ColorNameNavBackground:
		if dark {
			return color.NRGBA{R: 0x1c, G: 0x1e, B: 0x22, A: 0xff}
		}
		return color.NRGBA{R: 0xee, G: 0xf2, B: 0xf2, A: 0xff}
	case ColorNameCredit:
		return t.Theme.Color(theme.ColorNamePlaceHolder, v)
	}
	return t.Theme.Color(n, v)
}

func (t *osteonTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameSeparatorThickness {
		return 1
	}
	return t.Theme.Size(n)
}
