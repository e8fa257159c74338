package consultations

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/assets"
	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/ui/kit"
	"github.com/osteon/osteon/ui/kit/kittest"
)

// newTestScreen shows the screen on the built-in pack in a 1280×800 test window, with Ada
// signed in and a real progress store.
func newTestScreen(t *testing.T) (*Screen, *kittest.Shell) {
	t.Helper()
	sh := kittest.New(t)
	_, l := sh.OpenStore()
	sh.Who = &l
	p, err := content.OpenPack(assets.BuiltinPack(), "built-in pack")
	if err != nil {
		t.Fatal(err)
	}
	sh.Cur = kit.Content{Pack: p}
	s := New(sh, kit.InPlace())
	s.Seed = func() uint64 { return 3 }
	clock := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { clock = clock.Add(30 * time.Second); return clock }
	sh.Mount(s)
	return s, sh
}

// texts gathers the text the screen shows, the items of rich-text lists included.
func texts(o fyne.CanvasObject) string {
	var b strings.Builder
	kittest.Walk(o, true, func(o fyne.CanvasObject) bool {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *widget.Button:
			b.WriteString(x.Text + "\n")
		case *widget.RichText:
			for _, seg := range x.Segments {
				b.WriteString(segText(seg))
				if ts, ok := seg.(*widget.TextSegment); !ok || !ts.Style.Inline {
					b.WriteString("\n")
				}
			}
		default:
			return true
		}
		return false
	})
	return b.String()
}

// typeRune and typeKey type on the window as a learner does, with nothing focused.
func typeRune(sh *kittest.Shell, r rune) { sh.Win.Canvas().OnTypedRune()(r) }

func typeKey(sh *kittest.Shell, k fyne.KeyName) {
	sh.Win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: k})
}

// segText is the text of a rich-text segment and the segments inside it.
func segText(seg widget.RichTextSegment) string {
	switch x := seg.(type) {
	case *widget.TextSegment:
		return x.Text
	case *widget.ParagraphSegment:
		var parts []string
		for _, s := range x.Texts {
			parts = append(parts, segText(s))
		}
		return strings.Join(parts, "")
	case *widget.ListSegment:
		var parts []string
		for _, s := range x.Items {
			parts = append(parts, segText(s))
		}
		return strings.Join(parts, "\n")
	}
	return ""
}

// sayOption says the reply with the given option id at the current turn, as a learner does:
// its number key, then Enter.
func sayOption(t *testing.T, s *Screen, id string) {
	t.Helper()
	r := s.run
	tu := r.c.Turns[r.currentTurn()]
	sh := s.sh.(*kittest.Shell)
	for i, ch := range r.choices {
		if tu.Options[ch.Option].ID == id {
			typeRune(sh, rune('1'+i))
			if r.replies.picked != i {
				t.Fatalf("key %d did not pick reply %d", i+1, i+1)
			}
			typeKey(sh, fyne.KeyReturn)
			return
		}
	}
	t.Fatalf("no reply %q at turn %q", id, tu.ID)
}

// sayBest says the model reply until the conversation ends.
func sayBest(t *testing.T, s *Screen) {
	t.Helper()
	for i := 0; i < 50 && !s.run.ended() && s.run.outcome == nil; i++ {
		tu := s.run.c.Turns[s.run.currentTurn()]
		sayOption(t, s, tu.Options[learning.BestOption(&tu)].ID)
	}
}

func TestListAndFilter(t *testing.T) {
	s, _ := newTestScreen(t)
	if len(s.shown) != 5 || !slices.Contains(s.filters.Options, "paramedicine") {
		t.Fatalf("%d shown, filters %v", len(s.shown), s.filters.Options)
	}
	s.filters.SetSelected("paramedicine")
	if len(s.shown) != 1 || s.all[s.shown[0]].ID != "telehealth-chest-pain" {
		t.Errorf("paramedicine shows %v", s.shown)
	}
	s.filters.SetSelected("phlebotomy")
	if len(s.shown) != 1 || s.all[s.shown[0]].ID != "venepuncture-consent" {
		t.Errorf("phlebotomy shows %v", s.shown)
	}
	if !s.Select("sbar-handover-doctor") || s.filter != allProfessions {
		t.Errorf("select through the filter: filter %q", s.filter)
	}
	got := texts(s.Content())
	for _, w := range []string{"Not tested yet", "You are: doctor on call", "SBAR: ", "(critical)", "Learn (L)"} {
		if !strings.Contains(got, w) {
			t.Errorf("screen lacks %q:\n%s", w, got)
		}
	}
}

func TestLearnPlaysTheModel(t *testing.T) {
	s, sh := newTestScreen(t)
	s.Select("telehealth-chest-pain")
	typeRune(sh, 'l')
	first := texts(s.Content())
	if !strings.Contains(first, "Patient: Hello? Can you see me?") || !strings.Contains(first, "Why: Introduces yourself") ||
		!strings.Contains(first, "[Tone: breathless") {
		t.Fatalf("first step:\n%s", first)
	}
	for i := 0; i < 20; i++ {
		typeKey(sh, fyne.KeyRight)
	}
	last := texts(s.Content())
	if !strings.Contains(last, "Outcome\nThe paramedics arrive nine minutes later.") || !strings.Contains(last, "You: Please don't drive.") {
		t.Errorf("last step:\n%s", last)
	}
	typeKey(sh, fyne.KeyEscape)
	if s.run != nil {
		t.Error("Esc did not leave")
	}
}

func TestPracticeFeedbackAndBranching(t *testing.T) {
	s, sh := newTestScreen(t)
	s.Select("telehealth-chest-pain")
	typeRune(sh, 'p')
	sayOption(t, s, "straight-in")
	got := texts(s.Content())
	if !strings.Contains(got, "✗ Critical: this reply would fail a Test.") || !strings.Contains(got, "Better: “Hello Sam") {
		t.Fatalf("after a critical reply:\n%s", got)
	}
	if s.run.c.Turns[s.run.currentTurn()].ID != "story" {
		t.Errorf("the conversation did not follow the reply: at %q", s.run.c.Turns[s.run.currentTurn()].ID)
	}
	sayBest(t, s)
	got = texts(s.Content())
	if !strings.Contains(got, "The conversation has ended:") || !strings.Contains(got, "✓ A good reply.") {
		t.Errorf("end of practice:\n%s", got)
	}
}

func TestTestFailsOnCriticalError(t *testing.T) {
	s, sh := newTestScreen(t)
	s.Select("telehealth-chest-pain")
	typeRune(sh, 't')
	sayOption(t, s, "straight-in")
	if got := texts(s.Content()); strings.Contains(got, "Critical") || strings.Contains(got, "Better") {
		t.Fatalf("a Test gave feedback:\n%s", got)
	}
	sayBest(t, s)
	got := texts(s.Content())
	for _, w := range []string{"Test failed", "Critical reply: “Hello! Right, tell me about this pain.”",
		"Never done: Remote consultation: Confirm the patient's identity", "Saved to your progress."} {
		if !strings.Contains(got, w) {
			t.Errorf("debrief lacks %q:\n%s", w, got)
		}
	}
	item, _ := learning.ConsultationItem("osteon-builtin", "telehealth-chest-pain")
	outcomes, err := sh.St.Outcomes(context.Background(), sh.Who.ID, item)
	if err != nil || !slices.Equal(outcomes, []bool{false}) {
		t.Errorf("recorded %v, %v", outcomes, err)
	}
}

func TestTestPassesWithAMissedElement(t *testing.T) {
	s, sh := newTestScreen(t)
	s.Select("telehealth-chest-pain")
	typeRune(sh, 't')
	for s.run.c.Turns[s.run.currentTurn()].ID != "teach-back" {
		tu := s.run.c.Turns[s.run.currentTurn()]
		sayOption(t, s, tu.Options[learning.BestOption(&tu)].ID)
	}
	sayOption(t, s, "make-sense")
	sayBest(t, s)
	got := texts(s.Content())
	for _, w := range []string{"Test passed", "Missed framework elements",
		"Calgary-Cambridge: Check understanding (the patient says the plan back): missed when you said “Does that all make sense?”",
		"Better: So I know I've explained it clearly"} {
		if !strings.Contains(got, w) {
			t.Errorf("debrief lacks %q:\n%s", w, got)
		}
	}
	typeKey(sh, fyne.KeyEscape)
	if line := s.statusLine("telehealth-chest-pain"); !strings.Contains(line, "1 of 1 tests passed") {
		t.Errorf("status %q", line)
	}
}
