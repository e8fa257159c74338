package practice

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/ui/kit/kittest"
)

// TestCountTextAddsUp: the setup's parts add up to its total ("29 questions: 0 due for review,
// 22 new" left 7 unexplained).
func TestCountTextAddsUp(t *testing.T) {
	for _, tt := range []struct {
		c    learning.Count
		want string
	}{
		{learning.Count{Items: 29, Due: 0, New: 22, Ahead: 7}, "29 questions in this choice: 0 due for review, 22 new, 7 learned and not due yet."},
		{learning.Count{Items: 10, Due: 0, New: 10}, "10 questions in this choice: 0 due for review, 10 new."},
		{learning.Count{Items: 10, Due: 3, New: 0, Ahead: 7}, "10 questions in this choice: 3 due for review, 0 new, 7 learned and not due yet."},
	} {
		if got := countText(tt.c); got != tt.want {
			t.Errorf("countText(%+v) = %q, want %q", tt.c, got, tt.want)
		}
	}
}

// TestZeroIsIDontKnow: 0 answers "I don't know" on a Find or a choice question (Find questions
// had no key for it), and is recorded as a wrong answer given up.
func TestZeroIsIDontKnow(t *testing.T) {
	h := newPracticeHarness(t, kittest.Pack(t, kittest.Arm, false))
	p := h.p
	h.key(fyne.KeyReturn)
	seen := map[learning.ItemKind]bool{}
	for i := 0; p.run != nil && !p.run.summary && i < 20; i++ {
		kind := p.run.q.Item.Kind()
		h.tick(2 * time.Second)
		if kind == learning.KindNameTyped {
			h.answerRight(p.run.q) // the name field has the keyboard: 0 is typed into it
		} else {
			h.typeRunes("0")
			res := p.run.results[len(p.run.results)-1]
			if !p.run.done || res.correct || res.item.ID != p.run.q.Item.ID {
				t.Fatalf("0 on a %s question: done %v, result %+v", kind, p.run.done, res)
			}
			seen[kind] = true
		}
		h.key(fyne.KeyReturn)
	}
	if !seen[learning.KindFind] {
		t.Errorf("no Find question answered with 0 (kinds seen: %v)", seen)
	}
}
