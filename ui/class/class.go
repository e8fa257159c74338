// Package class is the Class screen: an instructor's report of a class over a time range, read
// back from the centre's Learning Record Store (or built from this computer's progress file) —
// per learner, mastery by body system, procedure Test results with their CUSUM standing, and
// drill bests; saved as CSV on request.
package class

import (
	"context"
	"errors"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/progress"
	"github.com/osteon/osteon/ui/kit"
)

// Shell is what the Class screen needs from the app.
type Shell interface {
	Window() fyne.Window
	Store() *progress.Store
	LRS() (progress.LRSConfig, string, error)
}

// Sources of a report.
const (
	fromLRS   = "The Learning Record Store"
	fromLocal = "This computer's progress file"
)

// Screen is the Class screen.
type Screen struct {
	kit.Base
	sh     Shell
	run    *kit.Runner
	root   fyne.CanvasObject
	source *widget.RadioGroup
	from   *widget.Entry
	to     *widget.Entry
	status *widget.Label
	table  *widget.Table
	rows   [][]string
	report *progress.ClassReport
}

// New builds the Class screen; run does its slow work.
func New(sh Shell, run *kit.Runner) *Screen {
	s := &Screen{sh: sh, run: run, from: widget.NewEntry(), to: widget.NewEntry(), status: widget.NewLabel("")}
	s.source = widget.NewRadioGroup([]string{fromLRS, fromLocal}, nil)
	s.source.Horizontal = true
	s.source.SetSelected(fromLRS)
	today := time.Now()
	s.from.SetText(today.AddDate(0, 0, -30).Format(time.DateOnly))
	s.to.SetText(today.AddDate(0, 0, 1).Format(time.DateOnly))
	s.status.Wrapping = fyne.TextWrapWord
	s.table = widget.NewTable(func() (int, int) { return len(s.rows) + 1, len(columns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		}, s.cell)
	for i, w := range []float32{290, 90, 300, 110, 190, 150} {
		s.table.SetColumnWidth(i, w)
	}
	form := widget.NewForm(widget.NewFormItem("Read from", s.source),
		widget.NewFormItem("From (YYYY-MM-DD)", s.from), widget.NewFormItem("Up to (not including)", s.to))
	buttons := container.NewHBox(widget.NewButton("Show report", s.load), widget.NewButton("Save as CSV…", s.save))
	top := container.NewVBox(widget.NewRichText(kit.Heading("Class")), form, buttons, s.status)
	s.root = container.NewPadded(container.NewBorder(top, nil, nil, nil, s.table))
	return s
}

// ID is kit.Class.
func (s *Screen) ID() kit.ID { return kit.Class }

// Title is the screen's name in the navigation list.
func (s *Screen) Title() string { return "Class" }

// Content is the screen.
func (s *Screen) Content() fyne.CanvasObject { return s.root }

var columns = []string{"Learner", "Kind", "Activity", "Evidence", "Result", "Standing"}

func (s *Screen) cell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.TextStyle.Bold = id.Row == 0
	if id.Row == 0 {
		l.SetText(columns[id.Col])
		return
	}
	l.SetText(s.rows[id.Row-1][id.Col])
}

func (s *Screen) load() {
	from, err1 := time.ParseInLocation(time.DateOnly, s.from.Text, time.Local)
	to, err2 := time.ParseInLocation(time.DateOnly, s.to.Text, time.Local)
	if err := errors.Join(err1, err2); err != nil || !from.Before(to) {
		s.status.SetText("Give the dates as YYYY-MM-DD, the first before the second.")
		return
	}
	useLRS := s.source.Selected == fromLRS
	s.status.SetText("Reading…")
	s.run.Go(func() func() {
		r, where, err := s.build(useLRS, from, to)
		return func() { s.show(r, where, err) }
	})
}

// build makes the report off the UI goroutine.
func (s *Screen) build(useLRS bool, from, to time.Time) (progress.ClassReport, string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if !useLRS {
		st := s.sh.Store()
		if st == nil {
			return progress.ClassReport{}, "", errors.New("no progress file is open")
		}
		r, err := st.ClassReport(ctx, from, to)
		return r, "this computer", err
	}
	cfg, _, err := s.sh.LRS()
	if err != nil {
		return progress.ClassReport{}, "", fmt.Errorf("%w (set one in Settings)", err)
	}
	sts, err := (&progress.Sender{Config: cfg}).ReadStatements(ctx, from, to)
	if err != nil {
		return progress.ClassReport{}, "", err
	}
	r, err := progress.ClassReportFrom(sts, from, to)
	return r, fmt.Sprintf("%s (%d statements)", cfg.Endpoint, len(sts)), err
}

func (s *Screen) show(r progress.ClassReport, where string, err error) {
	if err != nil {
		s.status.SetText("Could not read the class: " + err.Error())
		return
	}
	s.report, s.rows = &r, rowsOf(r)
	s.status.SetText(fmt.Sprintf("%s, from %s, %s to %s.", plural(len(r.Learners), "learner"), where,
		r.From.Format("2 Jan 2006"), r.To.Format("2 Jan 2006")))
	s.table.Refresh()
}

func (s *Screen) save() {
	if s.report == nil {
		s.status.SetText("Show a report first.")
		return
	}
	r := *s.report
	dialog.ShowFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		defer w.Close()
		if err := r.WriteCSV(w); err != nil {
			dialog.ShowError(err, s.sh.Window())
			return
		}
		s.status.SetText("Saved " + w.URI().Path())
	}, s.sh.Window())
}
