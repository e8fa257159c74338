package practice

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/osteon/osteon/ui/kit/kittest"
)

// screenBox is what a screen gets of a 1024x600 window: the navigation column and the menu bar
// take the rest.
var screenBox = fyne.NewSize(1024-150, 600-30)

// TestEveryQuestionFits1024x600 answers a whole session and checks at each question and each
// feedback that Practice asks for no more than its share of a 1024x600 window (issue 15 item 10:
// a question once forced the window wider than the screen).
func TestEveryQuestionFits1024x600(t *testing.T) {
	h := newPracticeHarness(t, kittest.Pack(t, kittest.Arm, true))
	h.sh.Window().Resize(fyne.NewSize(1024, 600))
	h.key(fyne.KeyReturn)
	h.layout()
	fits := func(when string) {
		t.Helper()
		if m := h.p.Content().MinSize(); m.Width > screenBox.Width || m.Height > screenBox.Height {
			t.Errorf("%s (%q): Practice needs %v, more than %v", when, h.p.run.q.Prompt, m, screenBox)
		}
	}
	for i := 0; h.p.run != nil && !h.p.run.summary; i++ {
		if i > 20 {
			t.Fatal("the session does not end")
		}
		fits("question")
		h.tick(4 * time.Second)
		test.Tap(h.p.question.dontKnow)
		if h.p.run != nil && h.p.run.done {
			fits("feedback")
		}
		h.tick(3 * time.Second)
		h.key(fyne.KeyReturn)
	}
}
