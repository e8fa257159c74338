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

// editor makes and changes a tour: stops captured from Explore, each with a title, a line of
// narration and pins; stops reordered and deleted (undoably); saved into the pack (when it is the
// learner's own) or exported as one file.
type editor struct {
	s         *Screen
	tour      *content.Tour
	chosen    int // the stop shown, or -1
	title     *widget.Entry
	name      *widget.Entry // the file name within the pack
	stops     *widget.List
	stopTitle *widget.Entry
	narration *widget.Entry
	pins      *pinEditor
	deleted   []deletion
	status    *kit.Hint
	centre    *fyne.Container
	root      fyne.CanvasObject
	filling   bool // the entries are being filled from the tour: their changes are not edits
	autoName  bool // the file name follows the title (until it is typed in)
}

// deletion is a deleted stop (pin < 0) or pin, for undo.
type deletion struct {
	stopAt, pinAt int
	stop          content.TourStop
	pin           content.Pin
}

func newEditor(s *Screen) *editor {
	e := &editor{s: s, chosen: -1, status: wrappedHint(), centre: container.NewStack()}
	e.title = widget.NewEntry()
	e.title.SetPlaceHolder("Tour title")
	e.title.OnChanged = func(t string) {
		e.edit(func() {
			e.tour.Title = t
			if e.autoName {
				e.filling = true
				e.name.SetText(slug(t))
				e.filling = false
			}
		})
	}
	e.name = widget.NewEntry()
	e.name.OnChanged = func(string) { e.edit(func() { e.autoName = false }) }
	e.name.SetPlaceHolder("file-name (letters, digits, - and _)")
	e.stops = widget.NewList(func() int { return e.stopCount() },
		func() fyne.CanvasObject { return widget.NewLabel("10. Stop title placeholder") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(e.stopLabel(i)) })
	e.stops.OnSelected = func(i widget.ListItemID) { e.choose(i) }
	e.stopTitle = widget.NewEntry()
	e.stopTitle.SetPlaceHolder("Stop title")
	e.stopTitle.OnChanged = func(t string) {
		e.editStop(func(st *content.TourStop) { st.Title = t })
		e.stops.RefreshItem(e.chosen)
	}
	// One line (as the format has it); a soft-wrapped entry moved the cursor when a space was
	// typed at the end of a row, so "elbow and turns" was saved as "elbow andturns ".
	e.narration = widget.NewEntry()
	e.narration.SetPlaceHolder("A line of narration for this stop")
	e.narration.OnChanged = func(t string) { e.editStop(func(st *content.TourStop) { st.Narration = t }) }
	e.pins = newPinEditor(e)
	e.root = e.layout()
	return e
}

func (e *editor) layout() fyne.CanvasObject {
	stopButtons := container.NewGridWithColumns(2,
		widget.NewButtonWithIcon("Add stop (C)", theme.ContentAddIcon(), e.capture),
		widget.NewButtonWithIcon("Retake view (T)", theme.ViewRefreshIcon(), e.retake),
		widget.NewButtonWithIcon("Earlier (<)", theme.MoveUpIcon(), func() { e.move(-1) }),
		widget.NewButtonWithIcon("Later (>)", theme.MoveDownIcon(), func() { e.move(1) }),
		widget.NewButtonWithIcon("Delete (Del)", theme.DeleteIcon(), e.deleteStop),
		widget.NewButtonWithIcon("Undo (Ctrl+Z)", theme.ContentUndoIcon(), func() { e.undo() }),
	)
	help := kit.NewHint("Add stop and Retake view take what Explore shows.")
	help.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(widget.NewFormItem("Title", e.title), widget.NewFormItem("File", e.name))
	stopForm := widget.NewForm(widget.NewFormItem("Stop", e.stopTitle), widget.NewFormItem("Narration", e.narration))
	left := container.NewBorder(container.NewVBox(form, widget.NewLabelWithStyle("Stops", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})),
		container.NewVBox(help, stopButtons, stopForm), nil, nil, e.stops)
	right := container.NewBorder(nil, nil, nil, nil, e.pins.root)
	actions := container.NewGridWithColumns(2,
		widget.NewButtonWithIcon("Save in pack (S)", theme.DocumentSaveIcon(), e.save),
		widget.NewButtonWithIcon("Export as file…", theme.UploadIcon(), e.exportAsk),
		widget.NewButtonWithIcon("Play (Space)", theme.MediaPlayIcon(), e.play),
		widget.NewButtonWithIcon("Close (Esc)", theme.CancelIcon(), e.close),
	)
	// The status line above the buttons, so they stay put however many lines it takes.
	centre := container.NewBorder(nil, container.NewVBox(e.status, actions), nil, nil, e.centre)
	inner := container.NewHSplit(centre, kit.Sized(right, 230))
	inner.Offset = 0.72
	split := container.NewHSplit(kit.Sized(left, 300), inner)
	split.Offset = 0.3
	return split
}

// start edits t (name: its file name in the pack, "" for a new tour).
func (e *editor) start(t *content.Tour, name string) {
	e.tour = cloneTour(t)
	e.deleted = nil
	e.filling = true
	e.title.SetText(e.tour.Title)
	e.name.SetText(kit.FirstNonEmpty(name, slug(e.tour.Title)))
	e.filling = false
	e.autoName = name == ""
	e.s.show(modeEdit)
	e.stops.Refresh()
	e.chosen = -1
	e.stops.UnselectAll()
	if len(e.tour.Stops) > 0 {
		e.stops.Select(0)
	}
	e.say("Set up a view in Explore, then Add stop (C). Place pins (P) by clicking the model here.")
}

func (e *editor) stopCount() int {
	if e.tour == nil {
		return 0
	}
	return len(e.tour.Stops)
}

func (e *editor) stopLabel(i int) string {
	st := e.tour.Stops[i]
	label := fmt.Sprintf("%d. %s", i+1, kit.FirstNonEmpty(st.Title, "(untitled stop)"))
	if n := len(st.Pins); n > 0 {
		label += fmt.Sprintf(" — %s", kit.Plural(n, "pin", "pins"))
	}
	return label
}

// choose shows stop i: the view moves there, its fields and pins fill in.
func (e *editor) choose(i int) {
	if i < 0 || i >= e.stopCount() {
		e.chosen = -1
		e.pins.show(nil)
		return
	}
	e.chosen = i
	st := &e.tour.Stops[i]
	e.filling = true
	e.stopTitle.SetText(st.Title)
	e.narration.SetText(st.Narration)
	e.narration.CursorColumn = 0 // show the start of a long line
	e.narration.Refresh()
	e.filling = false
	if err := e.s.view.ShowStop(st, kit.CameraMove); err != nil {
		e.sayError("Stop %d: %v", i+1, err)
	}
	e.pins.show(st)
}

// edit runs a change to the tour unless the entries are being filled in.
func (e *editor) edit(f func()) {
	if !e.filling && e.tour != nil {
		f()
	}
}

// editStop changes the chosen stop.
func (e *editor) editStop(f func(*content.TourStop)) {
	e.edit(func() {
		if e.chosen >= 0 && e.chosen < len(e.tour.Stops) {
			f(&e.tour.Stops[e.chosen])
		}
	})
}

// capture adds what Explore shows as a stop after the chosen one.
func (e *editor) capture() {
	st := e.s.sh.CaptureExplore()
	at := min(e.chosen+1, len(e.tour.Stops))
	if e.chosen < 0 {
		at = len(e.tour.Stops)
	}
	e.tour.Stops = append(e.tour.Stops[:at], append([]content.TourStop{st}, e.tour.Stops[at:]...)...)
	e.stops.Refresh()
	e.stops.Select(at)
	e.say("Stop %d added from the Explore view.", at+1)
}

// retake replaces the chosen stop's view (camera, states, selection, section) with Explore's,
// keeping its title, narration and pins.
func (e *editor) retake() {
	if !e.needStop() {
		return
	}
	st := e.s.sh.CaptureExplore()
	old := e.tour.Stops[e.chosen]
	st.Title, st.Narration, st.Pins = old.Title, old.Narration, old.Pins
	e.tour.Stops[e.chosen] = st
	e.choose(e.chosen)
	e.say("Stop %d now shows the Explore view.", e.chosen+1)
}

func (e *editor) needStop() bool {
	if e.chosen < 0 || e.chosen >= e.stopCount() {
		e.sayError("Choose a stop first.")
		return false
	}
	return true
}

// move moves the chosen stop one place earlier (-1) or later (1).
func (e *editor) move(d int) {
	if !e.needStop() {
		return
	}
	j := e.chosen + d
	if j < 0 || j >= len(e.tour.Stops) {
		return
	}
	e.tour.Stops[e.chosen], e.tour.Stops[j] = e.tour.Stops[j], e.tour.Stops[e.chosen]
	e.stops.Refresh()
	e.stops.Select(j)
}

func (e *editor) deleteStop() {
	if !e.needStop() {
		return
	}
	i := e.chosen
	e.deleted = append(e.deleted, deletion{stopAt: i, pinAt: -1, stop: e.tour.Stops[i]})
	e.tour.Stops = append(e.tour.Stops[:i], e.tour.Stops[i+1:]...)
	e.chosen = -1
	e.stops.UnselectAll()
	e.stops.Refresh()
	if n := len(e.tour.Stops); n > 0 {
		e.stops.Select(min(i, n-1))
	} else {
		e.choose(-1)
	}
	e.say("Stop %d deleted — Undo delete (Ctrl+Z) brings it back.", i+1)
}

// undo puts back the last deleted stop or pin; it says whether there was one.
func (e *editor) undo() bool {
	if len(e.deleted) == 0 {
		e.say("Nothing to undo.")
		return false
	}
	d := e.deleted[len(e.deleted)-1]
	e.deleted = e.deleted[:len(e.deleted)-1]
	if d.pinAt < 0 {
		at := min(d.stopAt, len(e.tour.Stops))
		e.tour.Stops = append(e.tour.Stops[:at], append([]content.TourStop{d.stop}, e.tour.Stops[at:]...)...)
		e.stops.Refresh()
		e.chosen = -1
		e.stops.UnselectAll()
		e.stops.Select(at)
		e.say("Stop %d is back.", at+1)
		return true
	}
	e.pins.restore(d)
	return true
}

// resume shows the editor again after playing the tour from it.
func (e *editor) resume() {
	e.s.show(modeEdit)
	i := e.chosen
	e.chosen = -1
	e.choose(i)
}

func (e *editor) play() {
	if e.stopCount() == 0 {
		e.sayError("The tour has no stops: Add stop from Explore (C) first.")
		return
	}
	e.s.pl.start(cloneTour(e.tour), nil, modeEdit)
}

// close goes back to the list; what was not saved is given up.
func (e *editor) close() {
	e.s.show(modeList)
	e.s.list.reload()
}

func (e *editor) say(format string, args ...any) {
	e.status.SetText(fmt.Sprintf(format, args...))
	e.status.SetError(false)
}

func (e *editor) sayError(format string, args ...any) {
	e.status.SetText(fmt.Sprintf(format, args...))
	e.status.SetError(true)
}

func (e *editor) key(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyUp:
		e.stops.Select(max(e.chosen-1, 0))
	case fyne.KeyDown:
		e.stops.Select(min(e.chosen+1, e.stopCount()-1))
	case fyne.KeyDelete:
		e.deleteStop()
	case fyne.KeyEscape:
		if e.pins.placing {
			e.pins.setPlacing(false)
		} else {
			e.close()
		}
	case fyne.KeySpace:
		e.play()
	default:
		return false
	}
	return true
}

func (e *editor) rune(r rune) bool {
	switch r {
	case 'c', 'C':
		e.capture()
	case 't', 'T':
		e.retake()
	case '<', ',':
		e.move(-1)
	case '>', '.':
		e.move(1)
	case 'p', 'P':
		e.pins.setPlacing(!e.pins.placing)
	case 's', 'S':
		e.save()
	case ' ':
		e.play()
	default:
		return false
	}
	return true
}
