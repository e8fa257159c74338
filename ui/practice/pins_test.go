package practice

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/ui/kit"
	"github.com/osteon/osteon/ui/kit/kittest"
)

const pinTour = `format = 1
title = "Arm"
[pack]
id = "test-arm"
version = "1.0.0"
[[stops]]
title = "Upper arm"
[[stops.pins]]
id = "shaft"
structure = "T:humerus"
point = [0, 700, 50]
note = "The shaft of the humerus."
question = "Which bone is pinned here?"
[[stops.pins]]
id = "no-question"
structure = "T:radius"
point = [-100, 200, 40]
note = "Only a note: no item."
`

// withTour is the two-bone test pack with a tour whose pins carry one question.
func withTour(t *testing.T) kit.Content {
	t.Helper()
	c := kittest.Pack(t, []kittest.Box{kittest.Arm[0], kittest.Arm[1], kittest.Arm[3]}, false)
	fsys := c.Pack.FS.(fstest.MapFS)
	fsys["tours/arm.tour.toml"] = &fstest.MapFile{Data: []byte(pinTour)}
	return kittest.Open(t, fsys, "test-arm")
}

// TestPinQuestionsJoinPractice: a pin question from the pack's tour becomes an item, is asked in
// a session with the pin drawn on the model, and is judged like the other items.
func TestPinQuestionsJoinPractice(t *testing.T) {
	h := newPracticeHarness(t, withTour(t))
	p := h.p
	var pins []learning.Item
	for _, it := range p.data.bank.Items() {
		if it.Kind() == learning.KindPin {
			pins = append(pins, it)
		}
	}
	if len(pins) != 1 || pins[0].Structure != "T:humerus" || pins[0].ID != "pin:test-arm/tours/arm.tour.toml#shaft" || len(p.data.bank.Items()) != 7 {
		t.Fatalf("pin items %+v among %d items; want the one pin with a question beside 6", pins, len(p.data.bank.Items()))
	}
	if got := itemLabel(p.data.bank, pins[0].ID); got != "Pin: Right humerus" {
		t.Errorf("the item is listed as %q", got)
	}
	h.layout()
	p.setup.length.SetSelected("10")
	h.key(fyne.KeyReturn)
	asked := false
	for p.run != nil && !p.run.summary {
		if p.run.q.Item.Kind() == learning.KindPin {
			asked = true
			if text := h.screenText(); !strings.Contains(text, "Which bone is pinned here?") {
				t.Errorf("the pin question shows:\n%s", text)
			}
			if n := len(p.viewer.Pins().Pins()); n != 1 {
				t.Errorf("%d pins drawn with the question", n)
			}
		} else if len(p.viewer.Pins().Pins()) != 0 {
			t.Errorf("a pin is drawn with a %s question", p.run.q.Item.Kind())
		}
		test.Tap(p.question.dontKnow)
		h.tick(time.Second)
		h.key(fyne.KeyReturn)
	}
	if !asked {
		t.Error("the session never asked the pin question")
	}
}
