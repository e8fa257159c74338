package kit

import (
	"fmt"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// CameraMove is how long the screens' camera moves take.
const CameraMove = 450 * time.Millisecond

// Heading is a rich-text heading.
func Heading(s string) widget.RichTextSegment {
	return &widget.TextSegment{Text: s, Style: widget.RichTextStyleHeading}
}

// Subheading is a rich-text subheading.
func Subheading(s string) widget.RichTextSegment {
	return &widget.TextSegment{Text: s, Style: widget.RichTextStyleSubHeading}
}

// Para is a rich-text paragraph.
func Para(s string) widget.RichTextSegment {
	return &widget.TextSegment{Text: s, Style: widget.RichTextStyleParagraph}
}

// Italic is an italic paragraph.
func Italic(s string) widget.RichTextSegment {
	st := widget.RichTextStyleParagraph
	st.TextStyle.Italic = true
	return &widget.TextSegment{Text: s, Style: st}
}

// Field is a "label: value" paragraph.
func Field(label, value string) widget.RichTextSegment {
	st := widget.RichTextStyleParagraph
	return &widget.TextSegment{Text: label + ": " + value, Style: st}
}

// Strong is bold text.
func Strong(s string) widget.RichTextSegment {
	return &widget.TextSegment{Text: s, Style: widget.RichTextStyleStrong}
}

// Bullet is a one-item bulleted list.
func Bullet(s string) widget.RichTextSegment {
	return &widget.ListSegment{Items: []widget.RichTextSegment{Para(s)}}
}

// Plural counts n things: "1 answer", "3 answers".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// PluralS is "s" unless n is 1.
func PluralS(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// FirstNonEmpty is the first of ss that is not empty.
func FirstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// Capitalise upper-cases the first letter of s.
func Capitalise(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}

// Wrapped is a label that wraps at word boundaries.
func Wrapped(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// Subtle is a wrapped italic label, for notes beside the main text.
func Subtle(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	l.TextStyle.Italic = true
	return l
}

// fixedWidth lays its objects out at one width, as tall as the tallest needs.
type fixedWidth float32

func (f fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(float32(f), h)
}

func (f fixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// Sized holds o at width w.
func Sized(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	return container.New(fixedWidth(w), o)
}

// SetVisible shows or hides o and, when that changes, lays out parent again to make or give back
// its room.
func SetVisible(o fyne.CanvasObject, visible bool, parent *fyne.Container) {
	if o.Visible() == visible {
		return
	}
	if visible {
		o.Show()
	} else {
		o.Hide()
	}
	parent.Refresh()
}
