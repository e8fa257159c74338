package dashboard

import (
	"github.com/osteon/osteon/ui/kit"

	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/progress"
)

// fractionLayout sizes its second object to a fraction of the first's width.
type fractionLayout struct{ f float64 }

func (l fractionLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(60, 16) }

func (l fractionLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	h := float32(14)
	y := (size.Height - h) / 2
	objs[0].Move(fyne.NewPos(0, y))
	objs[0].Resize(fyne.NewSize(size.Width, h))
	objs[1].Move(fyne.NewPos(0, y))
	objs[1].Resize(fyne.NewSize(size.Width*float32(min(max(l.f, 0), 1)), h))
}

// fractionBar is a track with a fill of colour c over the fraction f of its width.
func fractionBar(f float64, c color.Color) fyne.CanvasObject {
	track := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	track.CornerRadius = 3
	fill := canvas.NewRectangle(c)
	fill.CornerRadius = 3
	return container.New(fractionLayout{f}, track, fill)
}

// columnsLayout places n columns side by side, each column's bar (the 2nd object of each
// triple: value label, bar, day label) as tall as its share of the largest value.
type columnsLayout struct{ values []int }

func (l columnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(float32(len(l.values))*48, 130)
}

func (l columnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	n := len(l.values)
	if n == 0 {
		return
	}
	top := 0
	for _, v := range l.values {
		top = max(top, v)
	}
	colW := size.Width / float32(n)
	labelH := objs[0].MinSize().Height
	barMax := size.Height - 2*labelH
	for i, v := range l.values {
		value, bar, day := objs[3*i], objs[3*i+1], objs[3*i+2]
		h := float32(0)
		if top > 0 {
			h = barMax * float32(v) / float32(top)
		}
		x := float32(i) * colW
		bar.Resize(fyne.NewSize(colW*0.6, max(h, 1)))
		bar.Move(fyne.NewPos(x+colW*0.2, labelH+barMax-max(h, 1)))
		value.Resize(fyne.NewSize(colW, labelH))
		value.Move(fyne.NewPos(x, labelH+barMax-h-labelH))
		day.Resize(fyne.NewSize(colW, labelH))
		day.Move(fyne.NewPos(x, size.Height-labelH))
	}
}

// dueForecast draws the reviews coming due on each of the next days as columns.
func dueForecast(days []progress.DayCount) fyne.CanvasObject {
	if len(days) == 0 {
		return kit.Subtle("No reviews scheduled.")
	}
	values := make([]int, len(days))
	var objs []fyne.CanvasObject
	total := 0
	for i, d := range days {
		values[i] = d.Count
		total += d.Count
		label := d.Day.Format("Mon")
		if i == 0 {
			label = "Today"
		}
		v := canvas.NewText(fmt.Sprint(d.Count), theme.Color(theme.ColorNameForeground))
		v.Alignment = fyne.TextAlignCenter
		bar := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
		bar.CornerRadius = 2
		day := canvas.NewText(label, theme.Color(theme.ColorNamePlaceHolder))
		day.Alignment = fyne.TextAlignCenter
		objs = append(objs, v, bar, day)
	}
	msg := fmt.Sprintf("%d review%s in the next %d days; today's include any overdue.", total, kit.PluralS(total), len(days))
	if total == 0 {
		msg = "Nothing comes due in the next week."
	}
	return container.NewVBox(widget.NewLabel(msg), container.New(columnsLayout{values}, objs...))
}
