package tours

import (
	"github.com/osteon/osteon/ui/kit"

	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/content"
)

// player steps through a tour: the camera moves smoothly to each stop, its narration shows
// under the view and its pins over it (a click on one shows its note).
type player struct {
	s         *Screen
	tour      *content.Tour
	at        int
	back      mode // where Back (Esc) goes: the list or the editor
	title     *widget.RichText
	where     *widget.Label
	narration *widget.Label
	warn      *kit.Hint
	pinHint   *kit.Hint
	prev      *widget.Button
	next      *widget.Button
	centre    *fyne.Container
	root      fyne.CanvasObject
}

func newPlayer(s *Screen) *player {
	p := &player{s: s, centre: container.NewStack(), warn: wrappedHint()}
	p.pinHint = kit.NewHint("Click a pin to read its note.")
	p.title = widget.NewRichText()
	p.where = widget.NewLabel("")
	p.where.TextStyle.Bold = true
	p.narration = kit.Wrapped("")
	p.prev = widget.NewButtonWithIcon("Previous (←)", theme.NavigateBackIcon(), func() { p.step(-1) })
	p.next = widget.NewButtonWithIcon("Next (→)", theme.NavigateNextIcon(), func() { p.step(1) })
	p.next.IconPlacement = widget.ButtonIconTrailingText
	back := widget.NewButtonWithIcon("Close (Esc)", theme.CancelIcon(), p.close)
	top := container.NewBorder(nil, nil, nil, back, p.title)
	bottom := container.NewVBox(p.where, p.narration,
		container.NewHBox(p.prev, p.next, p.pinHint), p.warn)
	p.root = container.NewBorder(top, bottom, nil, nil, p.centre)
	return p
}

// start plays t from its first stop; problems found opening it are said under the view.
func (p *player) start(t *content.Tour, problems content.Problems, back mode) {
	p.tour, p.back, p.at = t, back, -1
	p.title.Segments = []widget.RichTextSegment{kit.Heading(kit.FirstNonEmpty(t.Title, "Tour"))}
	p.title.Refresh()
	p.warn.SetText("")
	if len(problems) > 0 {
		p.warn.SetText(problemText(problems))
		p.warn.SetError(true)
	}
	p.s.show(modePlay)
	p.goTo(0)
	p.s.sh.Window().Canvas().Focus(p.s.viewer) // so the arrow keys step at once
}

// goTo shows stop i (moving the camera there smoothly).
func (p *player) goTo(i int) {
	n := len(p.tour.Stops)
	if i < 0 || i >= n || i == p.at {
		return
	}
	p.at = i
	st := &p.tour.Stops[i]
	if err := p.s.view.ShowStop(st, kit.CameraMove); err != nil {
		p.warn.SetText(fmt.Sprintf("Stop %d: %v", i+1, err))
		p.warn.SetError(true)
	}
	p.s.viewer.Pins().Set(pinMarks(st.Pins))
	p.where.SetText(fmt.Sprintf("Stop %d of %d: %s", i+1, n, kit.FirstNonEmpty(st.Title, "untitled")))
	p.narration.SetText(st.Narration)
	if len(st.Pins) == 0 {
		p.pinHint.Hide()
	} else {
		p.pinHint.Show()
	}
	if st.Narration == "" {
		p.narration.Hide()
	} else {
		p.narration.Show()
	}
	setEnabled(p.prev, i > 0)
	setEnabled(p.next, i < n-1)
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// step moves d stops on.
func (p *player) step(d int) { p.goTo(p.at + d) }

func (p *player) close() {
	if p.back == modeEdit {
		p.s.ed.resume()
		return
	}
	p.s.show(modeList)
	p.s.list.reload()
}

func (p *player) key(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyLeft, fyne.KeyPageUp, fyne.KeyUp:
		p.step(-1)
	case fyne.KeyRight, fyne.KeyPageDown, fyne.KeyDown, fyne.KeySpace:
		p.step(1)
	case fyne.KeyHome:
		p.goTo(0)
	case fyne.KeyEnd:
		p.goTo(len(p.tour.Stops) - 1)
	case fyne.KeyEscape:
		p.close()
	default:
		return false
	}
	return true
}

// problemText says what was wrong with a tour that still opened.
func problemText(ps content.Problems) string {
	msg := "Opened what it could: " + ps[0].Error()
	if len(ps) > 1 {
		msg += fmt.Sprintf(" (and %s more)", kit.Plural(len(ps)-1, "problem", "problems"))
	}
	return msg
}
