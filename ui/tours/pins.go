package tours

import (
	"github.com/osteon/osteon/ui/kit"

	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/render"
)

// pinEditor is the editor's pins of the chosen stop: place one by clicking the model in pin
// mode, then give it a note and, optionally, a question for Practice; edit or delete it.
type pinEditor struct {
	e       *editor
	stop    *content.TourStop
	chosen  int
	placing bool
	place   *widget.Button
	list    *widget.List
	root    fyne.CanvasObject
	dlg     dialog.Dialog // the open note dialog, if any
}

func newPinEditor(e *editor) *pinEditor {
	p := &pinEditor{e: e, chosen: -1}
	p.place = widget.NewButtonWithIcon("Place pin (P)", theme.ContentAddIcon(), func() { p.setPlacing(!p.placing) })
	p.list = widget.NewList(func() int { return p.count() },
		func() fyne.CanvasObject {
			l := widget.NewLabel("10. A pin's note, cut short")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(p.label(i)) })
	p.list.OnSelected = func(i widget.ListItemID) { p.choose(i) }
	buttons := container.NewVBox(p.place,
		widget.NewButtonWithIcon("Edit pin", theme.DocumentCreateIcon(), p.editChosen),
		widget.NewButtonWithIcon("Delete pin", theme.DeleteIcon(), p.deleteChosen))
	head := widget.NewLabelWithStyle("Pins of this stop", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.root = container.NewBorder(head, buttons, nil, nil, p.list)
	return p
}

func (p *pinEditor) count() int {
	if p.stop == nil {
		return 0
	}
	return len(p.stop.Pins)
}

func (p *pinEditor) label(i int) string {
	pin := p.stop.Pins[i]
	l := fmt.Sprintf("%d. %s", i+1, kit.FirstNonEmpty(pin.Note, p.e.s.structName(pin.Structure)))
	if pin.Question != "" {
		l += " (?)"
	}
	return l
}

// show lists stop's pins (nil: none) and draws them over the view.
func (p *pinEditor) show(stop *content.TourStop) {
	p.stop = stop
	p.chosen = -1
	p.list.UnselectAll()
	p.list.Refresh()
	p.redraw()
}

func (p *pinEditor) redraw() {
	if p.stop == nil {
		p.e.s.viewer.Pins().Set(nil)
		return
	}
	p.e.s.viewer.Pins().Set(pinMarks(p.stop.Pins))
	p.e.stops.RefreshItem(p.e.chosen)
}

func (p *pinEditor) choose(i int) {
	p.chosen = i
	p.e.s.viewer.Pins().ShowNote(i)
}

// setPlacing turns pin mode on (a click on the model places a pin) or off.
func (p *pinEditor) setPlacing(on bool) {
	if on && !p.e.needStop() {
		return
	}
	p.placing = on
	if on {
		p.place.Importance = widget.HighImportance
		p.e.say("Pin mode: click the model where the pin goes (Esc or P ends it).")
	} else {
		p.place.Importance = widget.MediumImportance
		p.e.say("Pin mode off.")
	}
	p.place.Refresh()
}

// picked places a pin where the model was clicked, in pin mode.
func (p *pinEditor) picked(h render.Hit, ok bool) {
	if !p.placing || p.stop == nil {
		return
	}
	if !ok {
		p.e.sayError("No structure there: click on the model's surface.")
		return
	}
	pin := render.PinFromHit(h, p.e.nextPinID(), "")
	p.ask(pin, func(pin content.Pin) {
		p.stop.Pins = append(p.stop.Pins, pin)
		p.redraw()
		p.list.Refresh()
		p.list.Select(len(p.stop.Pins) - 1)
		p.e.say("Pin %d placed on %s.", len(p.stop.Pins), p.e.s.structName(pin.Structure))
	})
}

// ask opens the note dialog for pin; done gets the pin with what was typed.
func (p *pinEditor) ask(pin content.Pin, done func(content.Pin)) {
	note := widget.NewMultiLineEntry()
	note.SetText(pin.Note)
	note.SetPlaceHolder("A short note, shown when the pin is clicked")
	note.SetMinRowsVisible(3)
	note.Wrapping = fyne.TextWrapWord
	q := widget.NewEntry()
	q.SetText(pin.Question)
	q.SetPlaceHolder("Optional, asked in Practice")
	items := []*widget.FormItem{
		widget.NewFormItem("Note", note),
		widget.NewFormItem("Question", q),
		widget.NewFormItem("", kit.Subtle("On "+p.e.s.structName(pin.Structure)+". A question is answered by naming it, "+
			"e.g. What is at this pin?")),
	}
	p.dlg = dialog.NewForm("Pin", "Save pin", "Cancel", items, func(ok bool) {
		p.dlg = nil
		if !ok {
			return
		}
		pin.Note, pin.Question = strings.TrimSpace(note.Text), strings.TrimSpace(q.Text)
		done(pin)
	}, p.e.s.sh.Window())
	p.dlg.Resize(fyne.NewSize(480, 300))
	p.dlg.Show()
	p.e.s.sh.Window().Canvas().Focus(note)
}

// choosePin is a pin clicked on the view: it is chosen in the list.
func (e *editor) choosePin(i int) {
	if i != e.pins.chosen {
		e.pins.list.Select(i)
	}
}

// picked is a click on the view while editing.
func (e *editor) picked(h render.Hit, ok bool) { e.pins.picked(h, ok) }

func (p *pinEditor) editChosen() {
	if p.stop == nil || p.chosen < 0 || p.chosen >= len(p.stop.Pins) {
		p.e.sayError("Choose a pin in the list (or click it on the model) first.")
		return
	}
	i := p.chosen
	p.ask(p.stop.Pins[i], func(pin content.Pin) {
		p.stop.Pins[i] = pin
		p.redraw()
		p.list.Refresh()
		p.list.Select(i)
	})
}

func (p *pinEditor) deleteChosen() {
	if p.stop == nil || p.chosen < 0 || p.chosen >= len(p.stop.Pins) {
		p.e.sayError("Choose a pin in the list (or click it on the model) first.")
		return
	}
	i := p.chosen
	p.e.deleted = append(p.e.deleted, deletion{stopAt: p.e.chosen, pinAt: i, pin: p.stop.Pins[i]})
	p.stop.Pins = append(p.stop.Pins[:i], p.stop.Pins[i+1:]...)
	p.show(p.stop)
	p.e.say("Pin %d deleted — Undo delete (Ctrl+Z) brings it back.", i+1)
}

// restore puts a deleted pin back on its stop.
func (p *pinEditor) restore(d deletion) {
	e := p.e
	if d.stopAt >= len(e.tour.Stops) {
		return
	}
	st := &e.tour.Stops[d.stopAt]
	at := min(d.pinAt, len(st.Pins))
	st.Pins = append(st.Pins[:at], append([]content.Pin{d.pin}, st.Pins[at:]...)...)
	if e.chosen != d.stopAt {
		e.stops.Select(d.stopAt)
	} else {
		p.show(st)
	}
	p.list.Select(at)
	e.say("Pin %d is back.", at+1)
}

// nextPinID is a pin id not used in the tour: pin-1, pin-2, …
func (e *editor) nextPinID() string {
	used := map[string]bool{}
	for _, s := range e.tour.Stops {
		for _, p := range s.Pins {
			used[p.ID] = true
		}
	}
	for n := 1; ; n++ {
		if id := fmt.Sprintf("pin-%d", n); !used[id] {
			return id
		}
	}
}
