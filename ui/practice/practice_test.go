package practice

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/progress"
	"github.com/osteon/osteon/render"
	"github.com/osteon/osteon/ui/kit/kittest"
)

// TestPracticeWholeSession answers a whole session of every kind of question with the keyboard
// and the mouse: a mis-click on a "find" question, a typed name with a typo, a wrong quiz
// answer, the rest right; each answer is saved as it is given, and the summary adds them up.
func TestPracticeWholeSession(t *testing.T) {
	h := newPracticeHarness(t, kittest.Pack(t, kittest.Arm, true))
	p := h.p
	text := h.screenText()
	for _, want := range []string{"Practising as Ada", "10 questions in this choice: 0 due for review, 10 new", "(0 due now)"} {
		if !strings.Contains(text, want) {
			t.Fatalf("setup lacks %q:\n%s", want, text)
		}
	}
	h.key(fyne.KeyReturn) // Enter starts (nothing is focused)
	if p.run == nil {
		t.Fatal("Enter did not start a session")
	}
	h.layout()
	var misclicked, typo, wrongQuiz bool
	for i := 0; p.run != nil && !p.run.summary; i++ {
		if i > 20 {
			t.Fatal("the session does not end")
		}
		q := p.run.q
		h.tick(4 * time.Second)
		switch q.Item.Kind() {
		case learning.KindFind:
			misclicked = h.answerFind(q, !misclicked) || misclicked
		case learning.KindNameChoice:
			h.typeRunes(string(rune('1' + q.Answer)))
			h.key(fyne.KeyReturn)
			h.expect(true, "Right")
		case learning.KindNameTyped:
			typo = h.answerTyped(q, !typo) || typo
		case learning.KindMCQ:
			wrong := (q.Answer + 1) % len(q.Choices)
			test.Tap(p.question.buttons[wrong]) // the mouse answers at once
			h.expect(false, "You chose "+q.Choices[wrong].Text)
			if !strings.Contains(h.feedbackText(), "The humerus meets the ulna") {
				t.Errorf("the explanation is missing:\n%s", h.feedbackText())
			}
			wrongQuiz = true
		}
		if !strings.Contains(p.question.saving.Text, "saved") {
			t.Errorf("after answering, the status says %q", p.question.saving.Text)
		}
		h.tick(3 * time.Second)
		h.key(fyne.KeyReturn) // continue
	}
	if !misclicked || !typo || !wrongQuiz {
		t.Fatalf("the session skipped a kind: mis-click %v, typo %v, quiz %v", misclicked, typo, wrongQuiz)
	}
	h.checkSummary()
}

// answerFind taps the model: a structure other than the target when miss, else the target.
// It reports whether it mis-clicked.
func (h *practiceHarness) answerFind(q learning.Question, miss bool) bool {
	t, p := h.t, h.p
	if !strings.HasPrefix(q.Prompt, "Find the right ") {
		t.Errorf("find prompt %q", q.Prompt)
	}
	pos, got, ok := h.onScreen(func(id string) bool { return (id == q.Target) != miss })
	if !ok {
		t.Fatalf("nothing to click for %s (miss %v)", q.Target, miss)
	}
	test.TapAt(p.viewer, fyne.NewPos(2, 2)) // empty space first: not an answer
	if p.run.done || !strings.Contains(p.question.hint.Text, "empty space") {
		t.Fatalf("a click on empty space counted: %q", p.question.hint.Text)
	}
	test.TapAt(p.viewer, pos)
	if !miss {
		h.expect(true, "You found the right")
		return false
	}
	s, _ := p.run.bank.Structure(got)
	h.expect(false, "You clicked the "+strings.ToLower(s.Name[:1])+s.Name[1:])
	if p.view.State(q.Target) != render.Highlighted {
		t.Errorf("the target is not lit after a mis-click")
	}
	return true
}

// answerTyped types the target's name, with two letters swapped when slip and the name is long
// enough to forgive a slip; it reports whether it slipped.
func (h *practiceHarness) answerTyped(q learning.Question, slip bool) bool {
	t, p := h.t, h.p
	if h.sh.Window().Canvas().Focused() != p.question.entry {
		t.Fatalf("the name field does not have the keyboard")
	}
	s, _ := p.run.bank.Structure(q.Target)
	name := strings.ToLower(strings.TrimPrefix(s.Name, "Right "))
	slip = slip && learning.Tolerance(len(name)) > 0
	if slip {
		name = name[:2] + name[3:4] + name[2:3] + name[4:] // "humerus" -> "humreus"
	}
	h.key(fyne.KeyReturn) // nothing typed: not an answer
	if p.run.done {
		t.Fatal("an empty name was taken as an answer")
	}
	h.typeRunes(name)
	h.key(fyne.KeyReturn)
	if slip {
		h.expect(true, "allowing for spelling")
	} else {
		h.expect(true, "is right")
	}
	return slip
}

// expect checks the feedback on screen.
func (h *practiceHarness) expect(right bool, says string) {
	h.t.Helper()
	fb := h.feedbackText()
	if !h.p.run.done {
		h.t.Fatalf("no feedback shown (want %q)", says)
	}
	if got := strings.HasPrefix(fb, "✓ Right"); got != right {
		h.t.Errorf("feedback right=%v, want %v:\n%s", got, right, fb)
	}
	if !strings.Contains(fb, says) {
		h.t.Errorf("feedback lacks %q:\n%s", says, fb)
	}
}

// checkSummary checks the summary against the store: every answer saved, the session closed.
func (h *practiceHarness) checkSummary() {
	t := h.t
	ctx := context.Background()
	text := h.screenText()
	for _, want := range []string{"Session done", "8 of 10 right (80%)", "Time: 1 min 10 s", "Every answer is saved",
		"What improved", "Missed this time", "What comes due next", "reviews in the next week"} {
		if !strings.Contains(text, want) {
			t.Errorf("summary lacks %q:\n%s", want, text)
		}
	}
	atts, err := h.st.Attempts(ctx, h.who.ID, progress.AttemptFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(atts) != 10 {
		t.Fatalf("%d attempts saved, want 10", len(atts))
	}
	wrong := 0
	for _, a := range atts {
		if !a.Correct {
			wrong++
			var d map[string]any
			if err := json.Unmarshal(a.Detail, &d); err != nil || len(d) == 0 {
				t.Errorf("wrong attempt %s has detail %s", a.Item, a.Detail)
			}
		}
		if a.PackID != "test-arm" || a.Session == 0 {
			t.Errorf("attempt %+v lacks its pack or session", a)
		}
	}
	if wrong != 2 { // the mis-click and the wrong quiz answer; the typo was forgiven
		t.Errorf("%d wrong answers saved, want 2", wrong)
	}
	sum, err := h.st.SessionSummary(ctx, h.who.ID, atts[0].Session)
	if err != nil || sum.EndedAt.IsZero() || sum.Attempts != 10 || sum.Scope != "pack" {
		t.Errorf("session %+v, %v", sum, err)
	}
	h.key(fyne.KeyEscape) // back to the setup, which now counts what is due
	if h.p.run != nil || !strings.Contains(h.screenText(), "0 new") {
		t.Errorf("after the summary:\n%s", h.screenText())
	}
}
