package kit

import (
	"fyne.io/fyne/v2"
	fynecontainer "fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Hint is a line of quieter text (a question count, help, a saving note) in ColorNameHint, which
// reads at 4.5:1 or more on the background; a low-importance label would use Fyne's disabled
// colour, far below that. SetError shows it in the error colour instead.
type Hint struct {
	widget.RichText
	Text string // what it says
	seg  *widget.TextSegment
}

// NewHint is a hint saying s.
func NewHint(s string) *Hint {
	h := &Hint{Text: s, seg: &widget.TextSegment{Text: s, Style: widget.RichTextStyleParagraph}}
	h.seg.Style.ColorName = ColorNameHint
	h.Segments = []widget.RichTextSegment{h.seg}
	h.Scroll = fynecontainer.ScrollNone // as widget.NewRichText sets it
	h.ExtendBaseWidget(h)
	return h
}

// SetText changes what the hint says.
func (h *Hint) SetText(s string) {
	h.Text, h.seg.Text = s, s
	h.Refresh()
}

// SetError shows the hint in the error colour (on) or the hint colour.
func (h *Hint) SetError(on bool) {
	h.seg.Style.ColorName = ColorNameHint
	if on {
		h.seg.Style.ColorName = theme.ColorNameError
	}
	h.Refresh()
}

var _ fyne.Widget = (*Hint)(nil)
