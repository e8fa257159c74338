package procedures

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/progress"
	"github.com/osteon/osteon/render"
	"github.com/osteon/osteon/ui/kit"
	"github.com/osteon/osteon/ui/kit/kittest"
)

// newProcTestUI builds the Procedures screen on the built-in pack, with a progress store and a
// learner, no OpenGL (picking needs none), synchronous background work, instant camera moves
// and a clock that ticks 10 s per reading.
func newProcTestUI(t *testing.T) (*kittest.Shell, *procedures) {
	t.Helper()
	sh := kittest.New(t)
	_, l := sh.OpenStore()
	sh.SetLearner(&l)
	ps := New(sh, kit.InPlace())
	ps.move = 0
	clock := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	ps.now = func() time.Time { clock = clock.Add(10 * time.Second); return clock }
	ps.seed = func() uint64 { return 7 }
	sh.Mount(ps)
	sh.SetContent(kittest.Builtin(t))
	sh.Win.Canvas().Capture() // lays out and sizes the viewer's frames
	if len(ps.entries) != 4 || len(ps.problems) > 0 {
		t.Fatalf("%d procedures, problems %v", len(ps.entries), ps.problems)
	}
	return sh, ps
}

// procKeyPress sends a key to whatever has focus, as the keyboard would.
func procKeyPress(t *testing.T, sh Shell, name fyne.KeyName) {
	t.Helper()
	f := sh.Window().Canvas().Focused()
	if f == nil {
		t.Fatalf("nothing has focus for key %s", name)
	}
	f.TypedKey(&fyne.KeyEvent{Name: name})
}

// procTypeKeys types runes into whatever has focus.
func procTypeKeys(t *testing.T, sh Shell, s string) {
	t.Helper()
	f := sh.Window().Canvas().Focused()
	if f == nil {
		t.Fatalf("nothing has focus for %q", s)
	}
	for _, r := range s {
		f.TypedRune(r)
	}
}

func procRichString(r *widget.RichText) string {
	var b strings.Builder
	for _, s := range r.Segments {
		b.WriteString(s.Textual())
		b.WriteString("\n")
	}
	return b.String()
}

// procOpen selects a procedure by id in the list and starts a mode with its letter key.
func procOpen(t *testing.T, sh Shell, ps *procedures, id, letter string) *procRun {
	t.Helper()
	for i, e := range ps.entries {
		if e.proc.ID == id {
			ps.list.Select(i)
		}
	}
	procTypeKeys(t, sh, letter)
	if ps.run == nil {
		t.Fatalf("%q did not start a run", letter)
	}
	return ps.run
}

func TestProcedureLearnRun(t *testing.T) {
	sh, ps := newProcTestUI(t)
	r := procOpen(t, sh, ps, "venepuncture-antecubital", "l")
	n := len(r.e.proc.Steps)
	for k := 1; k <= n; k++ {
		if want := fmt.Sprintf("step %d of %d", k, n); !strings.Contains(r.header.Text, want) {
			t.Fatalf("header %q, want %q", r.header.Text, want)
		}
		st := r.step(r.learn.Step())
		if !strings.Contains(procRichString(r.body), st.Instruction) {
			t.Fatalf("step %d body lacks its instruction", k)
		}
		for _, id := range st.Focus.Highlight {
			if ps.view.State(id) != render.Highlighted {
				t.Errorf("step %s: %s not highlighted", st.ID, id)
			}
		}
		if ps.view.State("osteon:skin-upper-limb") != render.Ghosted {
			t.Errorf("step %s: skin not ghosted", st.ID)
		}
		if st.ID == "select-vein" {
			if !strings.Contains(procRichString(r.body), "Keep clear of (magenta): Brachial artery, Median nerve") {
				t.Errorf("select-vein body:\n%s", procRichString(r.body))
			}
			if got := ps.legend.Text(); got != "This step's anatomy, Keep clear" || !ps.legend.Visible() {
				t.Errorf("select-vein legend %q", got)
			}
			if c := ps.view.Tint("osteon:brachial-artery"); c != render.MeaningAvoid.Color() {
				t.Errorf("the brachial artery is tinted %v, want the keep-clear colour", c)
			}
			if ps.view.State("osteon:landmark-deltoid-injection-site") != render.Hidden {
				t.Error("an unrelated landmark shows")
			}
			// Back and forward again at the learner's pace.
			procKeyPress(t, sh, fyne.KeyLeft)
			if r.step(r.learn.Step()).ID != "tourniquet" {
				t.Fatalf("Left went to %s", r.step(r.learn.Step()).ID)
			}
			procKeyPress(t, sh, fyne.KeyRight)
		}
		procKeyPress(t, sh, fyne.KeyRight)
	}
	if !r.ended || !strings.Contains(procRichString(r.body), "every step") {
		t.Fatalf("Learn did not end: %s", procRichString(r.body))
	}
	procTypeKeys(t, sh, "4") // Back to procedures
	if ps.run != nil {
		t.Fatal("4 at the end did not leave")
	}
}

// procReadyChoice is the index of a right choice among those shown (a step that is due).
func procReadyChoice(r *procRun) int {
	done := r.prac.DoneSteps()
	for i, c := range r.shown {
		if c.Kind != learning.ChoiceStep {
			continue
		}
		ok := true
		for _, j := range r.e.plan.Requires(c.Index) {
			ok = ok && done[j]
		}
		if ok {
			return i
		}
	}
	return -1
}

// procTapStructure taps the viewer where the model shows structure id.
func procTapStructure(t *testing.T, ps *procedures, id string) {
	t.Helper()
	s := ps.viewer.Size()
	for y := float32(3); y < s.Height; y += 3 {
		for x := float32(3); x < s.Width; x += 3 {
			px, py := ps.viewer.Pixel(fyne.NewPos(x, y))
			if h, ok := ps.view.Pick(px, py); ok && h.ID == id {
				test.TapAt(ps.viewer, fyne.NewPos(x, y))
				return
			}
		}
	}
	t.Fatalf("%s is nowhere on screen", id)
}

func TestProcedurePracticeRun(t *testing.T) {
	sh, ps := newProcTestUI(t)
	r := procOpen(t, sh, ps, "venepuncture-antecubital", "p")
	// A wrong choice first: feedback, and the step it belongs to is not right first time.
	wrongAt := -1
	for i, c := range r.shown {
		if c.Kind == learning.ChoiceError || c.Kind == learning.ChoiceStep && i != procReadyChoice(r) {
			wrongAt = i
			break
		}
	}
	procTypeKeys(t, sh, fmt.Sprint(wrongAt+1))
	if fb := procRichString(r.feedback); !strings.Contains(fb, "✗") {
		t.Fatalf("feedback after a wrong choice: %s", fb)
	}
	for steps := 0; !r.prac.Done() && steps < 100; steps++ {
		if i, waiting := r.prac.Awaiting(); waiting {
			st := r.step(i)
			procTapStructure(t, ps, "osteon:brachial-artery") // the artery, to be avoided
			if fb := procRichString(r.feedback); !strings.Contains(fb, "Brachial artery: keep clear") || !strings.Contains(fb, "critical") {
				t.Fatalf("feedback after clicking the artery: %s", fb)
			}
			procTapStructure(t, ps, st.Location.Structure)
			if fb := procRichString(r.feedback); !strings.Contains(fb, "On target") {
				t.Fatalf("feedback after clicking the vein: %s", fb)
			}
			continue
		}
		i := procReadyChoice(r)
		if i < 0 {
			t.Fatalf("no right choice among %+v (done %v)", r.shown, r.prac.DoneSteps())
		}
		for k := 0; r.choices.Selected() != i; k++ { // arrows and Enter, as a keyboard user would
			if k > 20 {
				t.Fatalf("Down does not reach choice %d (at %d)", i, r.choices.Selected())
			}
			procKeyPress(t, sh, fyne.KeyDown)
		}
		procKeyPress(t, sh, fyne.KeyReturn)
		if fb := procRichString(r.feedback); !strings.Contains(fb, "✓") {
			t.Fatalf("feedback after a right choice: %s", fb)
		}
	}
	if !r.ended || !strings.Contains(procRichString(r.body), "Practice complete") {
		t.Fatalf("practice did not end: %s", procRichString(r.body))
	}
	atts, err := sh.Store().Attempts(context.Background(), sh.Learner().ID, progress.AttemptFilter{Kind: learning.KindProcedureStep})
	if err != nil || len(atts) != len(r.e.proc.Steps) {
		t.Fatalf("%d step attempts recorded (%v), want %d", len(atts), err, len(r.e.proc.Steps))
	}
	wrong := 0
	for _, a := range atts {
		if !a.Correct {
			wrong++
		}
		if a.Skills[0] != "procedure:osteon-builtin/venepuncture-antecubital" {
			t.Errorf("skill %v", a.Skills)
		}
	}
	if wrong != 2 { // the first wrong choice, and the artery click
		t.Errorf("%d steps recorded wrong, want 2", wrong)
	}
	if line := ps.statusLine("venepuncture-antecubital"); !strings.HasPrefix(line, "Master") {
		t.Errorf("list status %q", line)
	}
}

// pick chooses the step or error id in a Test: by number key when it is among the first nine,
// else with the arrow keys and Enter.
func procPick(t *testing.T, sh Shell, r *procRun, id string) {
	t.Helper()
	for i, c := range r.shown {
		if c.Kind == learning.ChoiceStep && r.step(c.Index).ID == id ||
			c.Kind == learning.ChoiceError && r.e.proc.Errors[c.Index].ID == id {
			if i < 9 {
				procTypeKeys(t, sh, fmt.Sprint(i+1))
				return
			}
			for r.choices.Selected() != i {
				procKeyPress(t, sh, fyne.KeyDown)
			}
			procKeyPress(t, sh, fyne.KeyReturn)
			return
		}
	}
	t.Fatalf("%s is not offered", id)
}

// procRunTest takes a Test of venepuncture doing the steps in order, with replace swapping some
// for others ("release-tourniquet" -> "tourniquet-on-withdrawal"), and returns the debrief.
func procRunTest(t *testing.T, sh Shell, ps *procedures, order []string) (*procRun, string) {
	t.Helper()
	r := procOpen(t, sh, ps, "venepuncture-antecubital", "t")
	for _, id := range order {
		procPick(t, sh, r, id)
		if i, waiting := r.test.Awaiting(); waiting {
			if hint := procRichString(r.feedback); hint != "" {
				t.Errorf("a hint in a test: %s", hint)
			}
			if ps.view.State(r.step(i).Location.Structure) == render.Highlighted {
				t.Error("the site is highlighted in a test")
			}
			procTapStructure(t, ps, r.step(i).Location.Structure)
		}
	}
	if !r.ended || r.outcome == nil {
		t.Fatalf("the test did not end; choices %v", r.shown)
	}
	return r, procRichString(r.body)
}

var procVenepunctureOrder = []string{"prepare", "identify", "consent", "hand-hygiene", "position", "tourniquet", "select-vein", "gloves",
	"clean-skin", "insert", "fill-tubes", "release-tourniquet", "withdraw", "sharps", "label", "check-site", "finish"}

func procReplaced(order []string, pairs ...string) []string {
	out := append([]string(nil), order...)
	for i, id := range order {
		for k := 0; k+1 < len(pairs); k += 2 {
			if id == pairs[k] {
				out[i] = pairs[k+1]
			}
		}
	}
	return out
}

func TestProcedureTestRuns(t *testing.T) {
	sh, ps := newProcTestUI(t)
	ctx := context.Background()
	item, _ := learning.ProcedureTestItem("osteon-builtin", "venepuncture-antecubital")

	// Fails on a critical error, whatever else went right.
	r, debrief := procRunTest(t, sh, ps, procReplaced(procVenepunctureOrder, "release-tourniquet", "tourniquet-on-withdrawal"))
	for _, want := range []string{"Not passed", "Why it did not pass", "Critical error: “Withdraw the needle first, then release the tourniquet.”",
		"✗ 12. Release the tourniquet as soon as blood is flowing", "Instead, as action 12, you chose “Withdraw the needle first",
		"What should have happened: With the tourniquet still on", "Saved."} {
		if !strings.Contains(debrief, want) {
			t.Errorf("failed debrief lacks %q:\n%s", want, debrief)
		}
	}
	if r.outcome.Passed {
		t.Fatal("passed despite a critical error")
	}
	procTypeKeys(t, sh, "1") // Take the test again

	// Passes with an order error listed: the tourniquet before positioning the arm.
	_, debrief = procRunTest(t, sh, ps, procReplaced(procVenepunctureOrder, "position", "tourniquet", "tourniquet", "position"))
	for _, want := range []string{"Passed", "16 of 17 steps done right", "✓ 5. Seat the patient with the arm straight", "✗ 6. Apply the tourniquet",
		"Done before “Seat the patient with the arm straight, supported and turned palm up”", "What should have happened: Do it after “Seat the patient",
		"✓ 7. Palpate and choose the median cubital vein across the antecubital fossa — action 7", "site found"} {
		if !strings.Contains(debrief, want) {
			t.Errorf("passed debrief lacks %q:\n%s", want, debrief)
		}
	}
	if strings.Contains(debrief, "Why it did not pass") {
		t.Errorf("a pass lists failures:\n%s", debrief)
	}
	outcomes, err := sh.Store().Outcomes(ctx, sh.Learner().ID, item)
	if err != nil || len(outcomes) != 2 || outcomes[0] || !outcomes[1] {
		t.Fatalf("recorded outcomes %v %v", outcomes, err)
	}
	if !strings.Contains(debrief, "1 of 2 tests passed; not yet proficient") {
		t.Errorf("no learning curve in the debrief:\n%s", debrief)
	}
	procKeyPress(t, sh, fyne.KeyEscape)
	if ps.run != nil || !strings.Contains(ps.statusLine("venepuncture-antecubital"), "1 of 2 tests passed") {
		t.Errorf("after Esc: run %v, status %q", ps.run != nil, ps.statusLine("venepuncture-antecubital"))
	}
}

// TestProcedureSitesCanBeClicked: at every location step of the built-in procedures, seen as
// a Test shows it (no highlight, landmark markers hidden), some pixel of the view picks a point
// within the step's tolerance, so the step can be passed by clicking.
func TestProcedureSitesCanBeClicked(t *testing.T) {
	builtin := kittest.Builtin(t)
	p, s := builtin.Pack, builtin.Scene
	procs, _ := p.LoadProcedures()
	v := render.NewView(nil)
	v.SetModel(render.NewModel(s))
	v.Resize(360, 420)
	for _, pr := range procs {
		for _, st := range pr.Steps {
			if st.Location == nil {
				continue
			}
			showFocus(v, st.Focus, focusNone, 0)
			best := 1e9
			for y := 2.0; y < 420; y += 2 {
				for x := 2.0; x < 360; x += 2 {
					hit, ok := v.Pick(x, y)
					if la := measureClick(v.Model(), st.Location, hit, ok); ok && la.Hit != "" {
						best = min(best, la.DistanceMM)
					}
				}
			}
			if best > st.Location.ToleranceMM {
				t.Errorf("%s/%s: the nearest click lands %.1f mm from the site (tolerance %.0f mm)", pr.ID, st.ID, best, st.Location.ToleranceMM)
			} else {
				t.Logf("%s/%s: best click %.1f mm from the site", pr.ID, st.ID, best)
			}
		}
	}
}

// TestProcedureTestDebriefAgreesWithItself: after choosing two critical-error distractors
// instead of their steps (the pulsating vessel, then the closed identity question), the debrief
// names those errors and nothing else about the two steps (it said the identity step "came
// after" the vein step, neither ever chosen); it opens at the verdict; and it does not compare
// the time spent choosing with a real procedure's as if they were one thing.
func TestProcedureTestDebriefAgreesWithItself(t *testing.T) {
	sh, ps := newProcTestUI(t)
	var order []string
	for _, id := range procVenepunctureOrder {
		switch id {
		case "identify":
		case "select-vein":
			order = append(order, "pulsating-vessel", "closed-question-id")
		default:
			order = append(order, id)
		}
	}
	r, debrief := procRunTest(t, sh, ps, order)
	if r.outcome.Passed {
		t.Fatal("passed despite two critical errors")
	}
	for _, want := range []string{"Not passed", "You took", "Choosing is not doing"} {
		if !strings.Contains(debrief, want) {
			t.Errorf("debrief lacks %q:\n%s", want, debrief)
		}
	}
	for _, bad := range []string{"came after", "done too late", "a skilled run takes"} {
		if strings.Contains(debrief, bad) {
			t.Errorf("debrief says %q:\n%s", bad, debrief)
		}
	}
	if r.scroll.Offset.Y != 0 {
		t.Errorf("the debrief opens scrolled to %v, past the verdict", r.scroll.Offset.Y)
	}
}
