//go:build consultui

package consultations

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/assets"
	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/progress"
	"github.com/osteon/osteon/ui/kit"
)

// fakeShell gives the screen the built-in pack, a real store in a temporary file, a learner and
// a runner that works in place.
type fakeShell struct {
	c       kit.Content
	st      *progress.Store
	learner *progress.Learner
	t       *testing.T
}

func (f *fakeShell) Content() kit.Content         { return f.c }
func (f *fakeShell) Learner() *progress.Learner   { return f.learner }
func (f *fakeShell) Store() *progress.Store       { return f.st }
func (f *fakeShell) Runner() *kit.Runner          { return kit.InPlace() }
func (f *fakeShell) Logf(format string, a ...any) { f.t.Logf(format, a...) }

// newTestScreen shows the screen in a 1280×800 test window with Ada signed in.
func newTestScreen(t *testing.T) (*Screen, *fakeShell) {
	t.Helper()
	t.Setenv("LANG", "en_US.UTF-8")
	test.NewTempApp(t)
	p, err := content.OpenPack(assets.BuiltinPack(), "built-in pack")
	if err != nil {
		t.Fatal(err)
	}
	st, err := progress.Open(context.Background(), filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	l, err := st.CreateLearner(context.Background(), "Ada", "")
	if err != nil {
		t.Fatal(err)
	}
	sh := &fakeShell{c: kit.Content{Pack: p}, st: st, learner: &l, t: t}
	s := New(sh)
	s.Seed = func() uint64 { return 3 }
	clock := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { clock = clock.Add(30 * time.Second); return clock }
	w := test.NewWindow(s.Content())
	w.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(w.Close)
	return s, sh
}

// texts collects the text the screen shows.
func texts(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *widget.RichText:
			for _, seg := range x.Segments {
				b.WriteString(segText(seg))
				if ts, ok := seg.(*widget.TextSegment); !ok || !ts.Style.Inline {
					b.WriteString("\n")
				}
			}
		case *widget.Button:
			b.WriteString(x.Text + "\n")
		case *fyne.Container:
			for _, c := range x.Objects {
				if c.Visible() {
					walk(c)
				}
			}
		case *replyRow:
			b.WriteString(x.key + " " + x.text + "\n")
		case fyne.Widget:
			r := test.WidgetRenderer(x)
			for _, c := range r.Objects() {
				if c.Visible() {
					walk(c)
				}
			}
		}
	}
	walk(o)
	return b.String()
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
	for i, ch := range r.choices {
		if tu.Options[ch.Option].ID == id {
			if !s.TypedRune(rune('1' + i)) {
				t.Fatalf("key %d not taken", i+1)
			}
			s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
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
	s, _ := newTestScreen(t)
	s.Select("telehealth-chest-pain")
	s.TypedRune('l')
	first := texts(s.Content())
	if !strings.Contains(first, "Patient: Hello? Can you see me?") || !strings.Contains(first, "Why: Introduces yourself") ||
		!strings.Contains(first, "[Tone: breathless") {
		t.Fatalf("first step:\n%s", first)
	}
	for i := 0; i < 20; i++ {
		s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	last := texts(s.Content())
	if !strings.Contains(last, "Outcome: The paramedics arrive") || !strings.Contains(last, "You: Please don't drive.") {
		t.Errorf("last step:\n%s", last)
	}
	s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if s.run != nil {
		t.Error("Esc did not leave")
	}
}

func TestPracticeFeedbackAndBranching(t *testing.T) {
	s, _ := newTestScreen(t)
	s.Select("telehealth-chest-pain")
	s.TypedRune('p')
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
	s.TypedRune('t')
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
	outcomes, err := sh.st.Outcomes(context.Background(), sh.learner.ID, item)
	if err != nil || !slices.Equal(outcomes, []bool{false}) {
		t.Errorf("recorded %v, %v", outcomes, err)
	}
}

func TestTestPassesWithAMissedElement(t *testing.T) {
	s, sh := newTestScreen(t)
	s.Select("telehealth-chest-pain")
	s.TypedRune('t')
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
	s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if line := s.statusLine("telehealth-chest-pain"); !strings.Contains(line, "1 of 1 tests passed") {
		t.Errorf("status %q", line)
	}
	_ = sh
}
