package practice

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/progress"
	"github.com/osteon/osteon/render"
	"github.com/osteon/osteon/ui/kit"
	"github.com/osteon/osteon/ui/kit/kittest"
)

// practiceHarness is the UI on a pack with a real store and a clock the test moves.
type practiceHarness struct {
	t     *testing.T
	sh    *kittest.Shell
	p     *practice
	st    *progress.Store
	who   progress.Learner
	clock time.Time
}

// newPracticeHarness builds the window on c, signs a new learner in and opens Practice, with
// store work run in place and camera moves instant.
func newPracticeHarness(t *testing.T, c kit.Content) *practiceHarness {
	t.Helper()
	sh := kittest.New(t)
	h := &practiceHarness{t: t, sh: sh, clock: time.Date(2025, 4, 1, 9, 0, 0, 0, time.UTC)}
	st, who := sh.OpenStore()
	st.Now = func() time.Time { return h.clock }
	h.st, h.who = st, who
	sh.SetContent(c)
	sh.SetLearner(&h.who)
	p := newPractice(sh, kit.InPlace())
	p.move, p.now = 0, func() time.Time { return h.clock }
	h.p = p
	p.attach()
	sh.OnWeakest = p.StartWeakest
	sh.Mount(p)
	return h
}

// layout lays the window out, so the 3D view knows its size in pixels.
func (h *practiceHarness) layout() { h.sh.Window().Canvas().Capture() }

// tick moves the clock on.
func (h *practiceHarness) tick(d time.Duration) { h.clock = h.clock.Add(d) }

// onScreen finds a point of the practice viewer whose pick satisfies want.
func (h *practiceHarness) onScreen(want func(id string) bool) (fyne.Position, string, bool) {
	v := h.p.viewer
	s := v.Size()
	for y := float32(3); y < s.Height; y += 3 {
		for x := float32(3); x < s.Width; x += 3 {
			px, py := v.Pixel(fyne.NewPos(x, y))
			if hit, ok := h.p.view.Pick(px, py); ok && want(hit.ID) {
				return fyne.NewPos(x, y), hit.ID, true
			}
		}
	}
	return fyne.Position{}, "", false
}

// key sends a key to whatever has the keyboard: the focused widget, else the window.
func (h *practiceHarness) key(name fyne.KeyName) {
	c := h.sh.Window().Canvas()
	ev := &fyne.KeyEvent{Name: name}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	c.OnTypedKey()(ev)
}

// typeRunes sends characters to whatever has the keyboard.
func (h *practiceHarness) typeRunes(s string) {
	c := h.sh.Window().Canvas()
	if f := c.Focused(); f != nil {
		test.Type(f, s)
		return
	}
	test.TypeOnCanvas(c, s)
}

// feedbackText is the feedback shown, as plain text.
func (h *practiceHarness) feedbackText() string {
	var b strings.Builder
	for _, s := range h.p.question.feedback.Segments {
		b.WriteString(s.Textual())
		b.WriteString("\n")
	}
	return b.String()
}

// screenText is every label and rich text on the Practice screen, for checks on what it says.
func (h *practiceHarness) screenText() string {
	var b strings.Builder
	kittest.Walk(h.p.screen, false, func(o fyne.CanvasObject) bool {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.RichText:
			for _, s := range w.Segments {
				b.WriteString(s.Textual() + "\n")
			}
		case *widget.Button:
			b.WriteString("[" + w.Text + "]\n")
		case *widget.RadioGroup:
			b.WriteString(strings.Join(w.Options, " | ") + "\n")
		}
		return true
	})
	return b.String()
}

// findButton finds a button by its text in what o shows (dialogs included when o is an overlay).
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	var found *widget.Button
	kittest.Walk(o, false, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
		return found == nil
	})
	return found
}

func renderHit(id string) render.Hit { return render.Hit{ID: id} }

// findText is every label's and rich text's text in what o shows.
func findText(o fyne.CanvasObject) string {
	var b strings.Builder
	kittest.Walk(o, false, func(o fyne.CanvasObject) bool {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + " ")
		case *widget.RichText:
			for _, s := range w.Segments {
				b.WriteString(s.Textual() + " ")
			}
		}
		return true
	})
	return b.String()
}
