package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// MiddleLabel is a one-line label that, when its text is too long, leaves out words from the
// middle rather than cutting the end, keeping the words that tell it from a near-identical name:
// "Proximal phalanx of right index finger" in a narrow list reads "Proximal … right index
// finger", so names that differ late stay apart ("Proximal phalanx of…" for all of them did
// not). The whole text stays in Full.
type MiddleLabel struct {
	widget.Label
	full string
	keep map[int]bool // words never left out (see DistinctWords)
}

// NewMiddleLabel is a MiddleLabel showing text.
func NewMiddleLabel(text string) *MiddleLabel {
	l := &MiddleLabel{full: text}
	l.Text = text
	l.Truncation = fyne.TextTruncateEllipsis // a small MinSize; fit keeps the cut in the middle
	l.ExtendBaseWidget(l)
	return l
}

// Full is the whole text.
func (l *MiddleLabel) Full() string { return l.full }

// SetFull sets the whole text and shows as much of it as fits, leaving out words from the middle
// but never those at the positions in keep (see DistinctWords; nil keeps none in particular).
func (l *MiddleLabel) SetFull(text string, keep map[int]bool) {
	l.full, l.keep = text, keep
	l.fit(l.Size().Width)
}

// Resize lays the label out and fits its text to the new width.
func (l *MiddleLabel) Resize(s fyne.Size) {
	l.Label.Resize(s)
	l.fit(s.Width)
}

func (l *MiddleLabel) fit(width float32) {
	text := l.full
	if width > 0 {
		size, style := theme.TextSize(), l.TextStyle
		text = ShortenWords(l.full, l.keep, width-2*theme.InnerPadding(), func(s string) float32 {
			return fyne.MeasureText(s, size, style).Width
		})
	}
	if text != l.Text {
		l.SetText(text)
	}
}

// MiddleEllipsis shortens s to fit width by cutting its middle, keeping about a third of what
// fits from the start and two thirds from the end (where near-identical names differ); s as it
// is when it fits, "…" alone when nothing more does.
func MiddleEllipsis(s string, width float32, measure func(string) float32) string {
	if measure(s) <= width {
		return s
	}
	r := []rune(s)
	cut := func(n int) string {
		head := n / 3
		return string(r[:head]) + "…" + string(r[len(r)-(n-head):])
	}
	lo, hi := 0, len(r)-1 // cut(lo) fits (taken as "…"), cut(hi+1) would not be shorter than s
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if measure(cut(mid)) <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return cut(lo)
}
