package practice

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/progress"
	"github.com/osteon/osteon/render"
	"github.com/osteon/osteon/ui/kit"
	"github.com/osteon/osteon/ui/kit/kittest"
)

// TestPracticeNothingToPractise: a pack whose only structure is a translucent layer (nothing to
// click or name), and a model with no structures at all.
func TestPracticeNothingToPractise(t *testing.T) {
	skin := kittest.Box{ID: "T:skin", Name: "Skin", Region: "upper_limb", Ghost: true,
		Min: [3]float64{-0.2, 0, -0.1}, Max: [3]float64{0.2, 0.9, 0.1}}
	empty := &content.Scene{Title: "Empty model"}
	for name, c := range map[string]kit.Content{
		"only skin": kittest.Pack(t, []kittest.Box{skin, kittest.Arm[3]}, false),
		"no parts":  {Scene: empty, Model: render.NewModel(empty)},
	} {
		t.Run(name, func(t *testing.T) {
			h := newPracticeHarness(t, c)
			text := h.screenText()
			if !strings.Contains(text, "This pack has nothing to practise on") {
				t.Errorf("setup says:\n%s", text)
			}
			if !h.p.setup.start.Disabled() {
				t.Error("Start is enabled with nothing to ask")
			}
			h.key(fyne.KeyReturn)
			if h.p.run != nil {
				t.Error("Enter started an empty session")
			}
		})
	}
}

// TestPracticeTwoStructures: two structures still make every kind of question, with two
// choices; the structure without a mesh makes none.
func TestPracticeTwoStructures(t *testing.T) {
	h := newPracticeHarness(t, kittest.Pack(t, []kittest.Box{kittest.Arm[0], kittest.Arm[1], kittest.Arm[3]}, false))
	p := h.p
	for _, it := range p.data.bank.Items() {
		if it.Structure == "T:limb" {
			t.Errorf("%s asked about a structure without a mesh", it.ID)
		}
	}
	if n := len(p.data.bank.Items()); n != 6 {
		t.Fatalf("%d items, want find, choice and typing for each of two", n)
	}
	p.setup.length.SetSelected("10")
	h.key(fyne.KeyReturn)
	kinds := map[learning.ItemKind]int{}
	for p.run != nil && !p.run.summary {
		q := p.run.q
		kinds[q.Item.Kind()]++
		if q.Item.Kind() == learning.KindNameChoice && len(q.Choices) != 2 {
			t.Errorf("%d choices with two structures", len(q.Choices))
		}
		test.Tap(p.question.dontKnow)
		h.expect(false, "The answer: ")
		h.tick(time.Second)
		h.key(fyne.KeyReturn)
	}
	if len(kinds) != 3 || p.run.answered() != 6 {
		t.Errorf("asked %v in %d questions; want all 6 items once (the misses are not due again yet)", kinds, p.run.answered())
	}
	if text := h.screenText(); !strings.Contains(text, "Session done") || !strings.Contains(text, "That was everything") {
		t.Errorf("a session that ran out of questions should say so:\n%s", text)
	}
}

// TestPracticeAbandonMidQuestion leaves with Esc after two answers: the two are saved, the
// question on screen is not, the session is closed, and the summary says what was done.
func TestPracticeAbandonMidQuestion(t *testing.T) {
	h := newPracticeHarness(t, kittest.Pack(t, kittest.Arm, true))
	p := h.p
	h.key(fyne.KeyReturn)
	for range 2 {
		h.tick(2 * time.Second)
		test.Tap(p.question.dontKnow)
		h.key(fyne.KeyReturn)
	}
	onScreen := p.run.q.Item.ID
	h.key(fyne.KeyEscape)
	over := h.sh.Window().Canvas().Overlays().Top()
	if over == nil {
		t.Fatal("Esc did not ask before leaving")
	}
	if want := "Your 2 answers so far are saved. The question on screen will not count."; !strings.Contains(findText(over), want) {
		t.Errorf("the dialog says %q, want %q", findText(over), want)
	}
	leave := findButton(over, "Leave")
	if leave == nil {
		t.Fatal("no Leave button")
	}
	test.Tap(leave)
	atts, _ := h.st.Attempts(context.Background(), h.who.ID, progress.AttemptFilter{})
	if len(atts) != 2 {
		t.Fatalf("%d attempts saved, want 2", len(atts))
	}
	for _, a := range atts {
		if a.Item == onScreen {
			t.Errorf("the question left on screen was recorded")
		}
	}
	sum, err := h.st.SessionSummary(context.Background(), h.who.ID, atts[0].Session)
	if err != nil || sum.EndedAt.IsZero() {
		t.Errorf("session not closed: %+v %v", sum, err)
	}
	if text := h.screenText(); !strings.Contains(text, "Session ended early") || !strings.Contains(text, "0 of 2 right") {
		t.Errorf("summary:\n%s", text)
	}
}

// TestPracticeAbandonBeforeAnswering: leaving before any answer goes straight back to the setup
// and closes the empty session.
func TestPracticeAbandonBeforeAnswering(t *testing.T) {
	h := newPracticeHarness(t, kittest.Pack(t, kittest.Arm, false))
	h.key(fyne.KeyReturn)
	r := h.p.run
	h.p.abandon()
	if h.p.run != nil || !strings.Contains(h.screenText(), "Start (Enter)") {
		t.Fatalf("not back at the setup:\n%s", h.screenText())
	}
	sum, err := h.st.SessionSummary(context.Background(), h.who.ID, r.id)
	if err != nil || sum.EndedAt.IsZero() || sum.Attempts != 0 {
		t.Errorf("empty session %+v, %v", sum, err)
	}
}

// TestPracticeClockBackwards: the computer's clock jumps back two hours mid-session; answers are
// still graded and saved, and the session goes on.
func TestPracticeClockBackwards(t *testing.T) {
	h := newPracticeHarness(t, kittest.Pack(t, kittest.Arm, false))
	p := h.p
	h.key(fyne.KeyReturn)
	h.tick(5 * time.Second)
	test.Tap(p.question.dontKnow)
	h.key(fyne.KeyReturn)
	h.tick(-2 * time.Hour)
	first := p.run.q
	h.answerRight(first)
	h.key(fyne.KeyReturn)
	atts, err := h.st.Attempts(context.Background(), h.who.ID, progress.AttemptFilter{})
	if err != nil || len(atts) != 2 {
		t.Fatalf("%d attempts, %v", len(atts), err)
	}
	after := atts[0] // stored at the clock's word, so before the first
	if after.Item != first.Item.ID || after.Response != 0 || !after.Correct || !after.At.Before(atts[1].At) {
		t.Errorf("after the jump: %+v (want the second question, right, response 0: unknown)", after)
	}
	if p.run == nil || p.run.summary || p.run.q.Item.ID == first.Item.ID {
		t.Error("the session did not go on to another question")
	}
	if c, ok := p.run.session.Card(first.Item.ID); !ok || c.LastReview.Before(atts[1].At) || !c.Due.After(atts[1].At) {
		t.Errorf("card after the jump %+v: the review should count from the session's latest time", c)
	}
}

// answerRight answers q correctly by whatever means its kind takes.
func (h *practiceHarness) answerRight(q learning.Question) {
	p := h.p
	switch q.Item.Kind() {
	case learning.KindFind:
		p.picked(renderHit(q.Target), true)
	case learning.KindNameTyped:
		s, _ := p.run.bank.Structure(q.Target)
		h.typeRunes(s.Name)
		h.key(fyne.KeyReturn)
	default:
		h.typeRunes(string(rune('1' + q.Answer)))
		h.key(fyne.KeyReturn)
	}
	h.expect(true, "")
}

// TestPracticeWeakestWithoutHistory: "Practise my weakest" for a learner with no history starts
// a session anyway, on new items.
func TestPracticeWeakestWithoutHistory(t *testing.T) {
	h := newPracticeHarness(t, kittest.Pack(t, kittest.Arm, true))
	h.p.Hidden() // asked from another screen
	h.sh.PractiseWeakest()
	if h.p.run == nil || h.p.run.scope.Kind != learning.ScopeWeakest {
		t.Fatalf("no weakest session: run %+v", h.p.run)
	}
	if _, seen := h.p.data.state.Cards[h.p.run.q.Item.ID]; seen {
		t.Error("first question is not new")
	}
	h.sh.PractiseWeakest() // again, mid-session: the session goes on
	if h.p.run == nil || h.p.run.answered() != 0 || h.p.run.summary {
		t.Error("a second call disturbed the session")
	}
}

// TestPracticeProfileSwitchEndsSession: switching learner mid-session ends it with a note; the
// answers given are the first learner's.
func TestPracticeProfileSwitchEndsSession(t *testing.T) {
	h := newPracticeHarness(t, kittest.Pack(t, kittest.Arm, false))
	h.key(fyne.KeyReturn)
	test.Tap(h.p.question.dontKnow)
	other, err := h.st.CreateLearner(context.Background(), "Ben", "")
	if err != nil {
		t.Fatal(err)
	}
	h.sh.SetLearner(&other)
	if h.p.run != nil {
		t.Fatal("the session goes on for another learner")
	}
	text := h.screenText()
	for _, want := range []string{"You switched profile, so the session ended. Your 1 answer was saved.", "Practising as Ben", "0 due for review, 9 new"} {
		if !strings.Contains(text, want) {
			t.Errorf("setup lacks %q:\n%s", want, text)
		}
	}
}

// TestPracticeNeedsProfile: without a learner Practice asks who is practising, and Enter opens
// the profile chooser as the button does.
func TestPracticeNeedsProfile(t *testing.T) {
	h := newPracticeHarness(t, kittest.Pack(t, kittest.Arm, false))
	h.sh.SetLearner(nil)
	if text := h.screenText(); !strings.Contains(text, "Who is practising?") || !strings.Contains(text, "[Choose profile]") {
		t.Errorf("without a learner:\n%s", text)
	}
	h.key(fyne.KeyReturn)
	if h.sh.Profiles != 1 {
		t.Errorf("Enter on \"Who is practising?\" asked for a profile %d times, want 1", h.sh.Profiles)
	}
}

// TestPracticeEnterAfterChoosing: choosing a length with the mouse focuses a radio button, which
// would keep Enter to itself; the setup gives the keyboard back so Enter starts.
func TestPracticeEnterAfterChoosing(t *testing.T) {
	h := newPracticeHarness(t, kittest.Pack(t, kittest.Arm, false))
	c := h.sh.Window().Canvas()
	var item fyne.Focusable
	for _, o := range test.WidgetRenderer(h.p.setup.length).Objects() {
		if f, ok := o.(fyne.Focusable); ok {
			item = f
			break
		}
	}
	if item == nil {
		t.Fatal("no radio button to focus")
	}
	c.Focus(item)
	h.p.setup.length.SetSelected("5")
	if c.Focused() != nil {
		t.Fatalf("focus stays on %T", c.Focused())
	}
	h.key(fyne.KeyReturn)
	if h.p.run == nil || h.p.run.session.Length() != 5 {
		t.Fatal("Enter did not start a five-question session")
	}
}

// TestPracticeSeeThrough: a structure in front of the one to name is ghosted so it can be seen,
// a wrong click in front of the answer too (in its colour); for a "find" question nothing is, as
// that would give the answer away.
func TestPracticeSeeThrough(t *testing.T) {
	cover := kittest.Box{ID: "T:cover", Name: "Right flexor sheet", Region: "upper_limb/forearm", Side: "right",
		Min: [3]float64{-0.2, 0.0, 0.06}, Max: [3]float64{0.2, 0.45, 0.09}}
	behind := kittest.Box{ID: "T:back", Name: "Right back sheet", Region: "upper_limb/forearm", Side: "right",
		Min: [3]float64{-0.2, 0.0, -0.09}, Max: [3]float64{0.2, 0.45, -0.06}}
	h := newPracticeHarness(t, kittest.Pack(t, []kittest.Box{kittest.Arm[0], kittest.Arm[1], kittest.Arm[2], cover, behind}, false))
	p := h.p
	p.view.SetModel(h.sh.Content().Model)
	frame := []string{"T:radius", "T:ulna", "T:cover"}
	p.stage(staging{lit: []string{"T:radius"}, frame: frame, expose: []string{"T:radius"}})
	if got := p.view.State("T:cover"); got != render.Ghosted {
		t.Errorf("the sheet in front is %v, want ghosted", got)
	}
	if got := p.view.State("T:back"); got != render.Normal {
		t.Errorf("the sheet behind is %v, want left alone", got)
	}
	if got := p.view.State("T:radius"); got != render.Highlighted {
		t.Errorf("the radius is %v", got)
	}
	p.stage(staging{lit: []string{"T:radius"}, wrong: []string{"T:cover"}, frame: frame, expose: []string{"T:radius"}})
	if st, c := p.view.State("T:cover"), p.view.Tint("T:cover"); st != render.Ghosted || c != render.MeaningClick.Color() {
		t.Errorf("a wrong click in front of the answer is %v tinted %v, want ghosted in the click colour", st, c)
	}
	p.stage(staging{frame: frame})
	if got := p.view.State("T:cover"); got != render.Normal {
		t.Errorf("for a find question the sheet is %v, want normal", got)
	}
}

// TestPracticeAgain: "Practise again" starts from what the last session left (its answers are
// not new any more), and a second summary shows mastery rising from where it was.
func TestPracticeAgain(t *testing.T) {
	h := newPracticeHarness(t, kittest.Pack(t, kittest.Arm, false))
	p := h.p
	p.setup.length.SetSelected("5")
	h.key(fyne.KeyReturn)
	first := map[learning.ItemID]bool{}
	for p.run != nil && !p.run.summary {
		first[p.run.q.Item.ID] = true
		h.tick(3 * time.Second)
		test.Tap(p.question.dontKnow)
		h.key(fyne.KeyReturn)
	}
	h.tick(2 * time.Hour) // the relearning steps are over: the five are due again
	h.key(fyne.KeyReturn) // practise again
	if p.run == nil || p.run.summary || !first[p.run.q.Item.ID] {
		t.Fatalf("the second session does not start with a review of the first: %+v", p.run)
	}
	for range 2 {
		h.tick(3 * time.Second)
		h.answerRight(p.run.q)
		h.key(fyne.KeyReturn)
	}
	p.abandon()
	if text := h.screenText(); !strings.Contains(text, "% → ") || !strings.Contains(text, "Session ended early") {
		t.Errorf("second summary:\n%s", text)
	}
}
