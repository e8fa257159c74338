package dashboard

import (
	"fmt"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/progress"
	"github.com/osteon/osteon/render"
)

// viridisStops samples matplotlib's viridis colour map (van der Walt & Smith) at 0, 1/8, …, 1.
// Viridis is perceptually uniform, rises steadily in lightness and stays readable for the
// common colour-vision deficiencies and in greyscale, so low and high mastery differ for
// everyone.
var viridisStops = [9][3]float64{
	{68, 1, 84}, {71, 44, 122}, {59, 82, 139}, {44, 113, 142}, {33, 145, 140},
	{39, 173, 129}, {92, 200, 99}, {170, 220, 50}, {253, 231, 37},
}

// viridis is the colour for t in [0, 1].
func viridis(t float64) content.Color {
	t = min(max(t, 0), 1)
	if math.IsNaN(t) {
		t = 0
	}
	x := t * 8
	i := min(int(x), 7)
	f := x - float64(i)
	var c [3]uint8
	for k := range 3 {
		c[k] = uint8(math.Round(viridisStops[i][k] + (viridisStops[i+1][k]-viridisStops[i][k])*f))
	}
	return content.Color{R: c[0], G: c[1], B: c[2], A: 255}
}

// noEvidence is the neutral grey of structures with no answers yet: no hue, so it reads as
// "no data" beside viridis, whose colours all have one.
var noEvidence = content.Color{R: 150, G: 150, B: 150, A: 255}

func nrgba(c content.Color) color.NRGBA { return color.NRGBA{R: c.R, G: c.G, B: c.B, A: c.A} }

// structureSkill is the mastery skill of a structure: "structure:<id>".
func structureSkill(id string) learning.SkillID {
	return learning.SkillID(string(learning.SkillStructure) + ":" + id)
}

// paintMastery tints every structure of the model by the learner's mastery of it, grey where
// there is no evidence. It returns the structures with evidence.
func paintMastery(v *render.View, m *render.Model, mastery map[learning.SkillID]progress.SkillMastery) []string {
	if m == nil {
		return nil
	}
	var with []string
	for _, p := range m.Scene.Parts {
		sm, ok := mastery[structureSkill(p.ID)]
		c := noEvidence
		if ok && sm.Evidence > 0 {
			c = viridis(sm.Estimate)
			with = append(with, p.ID)
		}
		if p.Ghosted {
			c.A = 0 // skin and the like stay as they are: see-through
		}
		v.SetTint(p.ID, c)
	}
	return with
}

// masteryLegend explains the colours on the model: the viridis scale from 0 to 100 % with a
// tick where a skill counts as mastered, and the grey of "not practised yet".
func masteryLegend() fyne.CanvasObject {
	strip := canvas.NewRasterWithPixels(func(x, _, w, h int) color.Color {
		if w < 2 {
			return nrgba(viridis(0))
		}
		if x == int(learning.MasteryThreshold*float64(w-1)) || x == int(learning.MasteryThreshold*float64(w-1))+1 {
			return color.White
		}
		return nrgba(viridis(float64(x) / float64(w-1)))
	})
	strip.SetMinSize(fyne.NewSize(200, 14))
	grey := canvas.NewRectangle(nrgba(noEvidence))
	grey.SetMinSize(fyne.NewSize(14, 14))
	small := func(s string) *canvas.Text {
		t := canvas.NewText(s, theme.Color(theme.ColorNameForeground))
		t.TextSize = theme.CaptionTextSize()
		return t
	}
	scale := container.NewBorder(nil, container.NewHBox(small("0%"), layout.NewSpacer(), small("50%"),
		layout.NewSpacer(), small("100%")), nil, nil, strip)
	key := container.NewHBox(container.NewCenter(grey), widget.NewLabel("Grey: not practised yet"))
	caption := widget.NewLabel(fmt.Sprintf("Colour: your mastery of each structure (the white tick: mastered from %.0f%%)", 100*learning.MasteryThreshold))
	caption.Wrapping = fyne.TextWrapWord
	return container.NewVBox(caption, scale, key)
}
