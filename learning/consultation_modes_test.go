package learning

import (
	"slices"
	"testing"
	"time"
)

// TestConsultLearn: Learn plays the first best reply of each turn and ends on the ending turn.
func TestConsultLearn(t *testing.T) {
	c := fixtureScenario(t)
	l := NewConsultLearn(c)
	want := []ConsultMove{{0, 0}, {1, 0}, {2, 0}, {4, -1}}
	if !slices.Equal(l.Steps(), want) {
		t.Fatalf("steps %v, want %v", l.Steps(), want)
	}
	if l.Back() || !l.Next() || l.Step() != want[1] {
		t.Errorf("navigation at %v", l.Step())
	}
	for l.Next() {
	}
	if pos, n := l.Pos(); pos != 4 || n != 4 {
		t.Errorf("pos %d of %d", pos, n)
	}
}

// TestConsultPractice: every reply gets feedback, the conversation follows the reply chosen
// (here a loop back, then a state change that sends the next turn down a branch), and the
// choices are the current turn's, in a shuffled order that the seed fixes.
func TestConsultPractice(t *testing.T) {
	c := fixtureScenario(t)
	p := NewConsultPractice(c, 7)
	if got := p.Choices(); len(got) != 3 || !slices.Equal(p.Choices(), NewConsultPractice(c, 7).Choices()) {
		t.Fatalf("choices %v", got)
	}
	if _, ok := p.Choose(9); ok {
		t.Error("an option that is not there was accepted")
	}
	fb, ok := p.Choose(1) // critical
	if !ok || !fb.Critical || fb.Good || fb.Better != 0 || fb.Text != "No identity check." {
		t.Errorf("critical reply: %+v", fb)
	}
	fb, _ = p.Choose(3) // jargon: asked again
	if fb.Good || p.Conversation().Turn() != 1 || len(p.Choices()) != 5 {
		t.Errorf("jargon: %+v at turn %d", fb, p.Conversation().Turn())
	}
	p.Choose(2) // trust falls
	if c.Turns[p.Conversation().Turn()].ID != "t3b" || p.Conversation().State()["trust"] != -2 {
		t.Fatalf("at %q with %v", c.Turns[p.Conversation().Turn()].ID, p.Conversation().State())
	}
	fb, _ = p.Choose(0)
	if !fb.Good || !fb.Best || !fb.Empathic || !fb.EmpathyDue || !p.Conversation().Ended() || p.Choices() != nil {
		t.Errorf("last: %+v, ended %v", fb, p.Conversation().Ended())
	}
	if len(p.Feedback()) != 4 {
		t.Errorf("%d feedback", len(p.Feedback()))
	}
}

// TestConsultTest: no feedback until Finish, which scores the run and its time; a Test left
// before the end fails.
func TestConsultTest(t *testing.T) {
	c := fixtureScenario(t)
	start := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	tt := NewConsultTest(c, 1, start)
	for _, k := range []int{0, 1, 0} {
		if !tt.Choose(k) {
			t.Fatalf("option %d refused", k)
		}
	}
	if !tt.Done() || tt.Choose(0) {
		t.Fatal("the test should be over")
	}
	out := tt.Finish(start.Add(3 * time.Minute))
	if !out.Passed || out.Time != 3*time.Minute || len(out.Missed) != 1 {
		t.Errorf("%+v", out)
	}
	left := NewConsultTest(c, 1, start)
	left.Choose(0)
	if out := left.Finish(start.Add(time.Minute)); out.Passed || out.Ended {
		t.Errorf("left early: %+v", out)
	}
}

// TestConsultLoopLimit: a learner who keeps choosing the reply that loops back is stopped, and
// the run counts as unfinished.
func TestConsultLoopLimit(t *testing.T) {
	c := fixtureScenario(t)
	tt := NewConsultTest(c, 1, time.Time{})
	tt.Choose(0)
	for i := 0; i < 1000 && !tt.Done(); i++ {
		tt.Choose(3)
	}
	out := tt.Finish(time.Time{})
	if !tt.Done() || len(out.Moves) != maxConsultMoves || out.Passed || out.Ended {
		t.Errorf("%d moves, passed %v, ended %v", len(out.Moves), out.Passed, out.Ended)
	}
}

// TestDebrief: moves grouped by stage (a turn with no stage joins the stage before), with the
// better reply and why where the learner's was not the best.
func TestDebrief(t *testing.T) {
	c := fixtureScenario(t)
	cv := playPath(t, c, "t1>c", "t2>b", "t3>a")
	st := Debrief(c, ScoreConsultation(c, cv.Moves(), true))
	if len(st) != 2 || st[0].Name != "Opening" || st[1].Name != "Gathering" || len(st[1].Entries) != 2 {
		t.Fatalf("%+v", st)
	}
	e := st[1].Entries[0]
	if e.Said != "Is it your chest?" || e.Better != "Tell me what's been happening." || e.BetterWhy != "Open." ||
		!slices.Equal(e.Missed, []string{"Calgary-Cambridge: Open question"}) ||
		!slices.Equal(e.Errors, []string{"a closed question where an open one was needed"}) || e.Speaker != "patient" {
		t.Errorf("%+v", e)
	}
	if last := st[1].Entries[1]; last.Better != "" || !last.Good || len(last.Covered) != 2 {
		t.Errorf("%+v", last)
	}
}

// TestConsultationProficiency: repeated Tests feed the procedures' CUSUM.
func TestConsultationProficiency(t *testing.T) {
	outcomes := make([]bool, 12)
	for i := range outcomes {
		outcomes[i] = true
	}
	if p := ProcedureProficiency(outcomes); !p.Proficient || p.Trials != 12 {
		t.Errorf("%+v", p)
	}
}

// TestPassesNeeded: after a failure, the passes in a row that would take the CUSUM below its
// lower limit.
func TestPassesNeeded(t *testing.T) {
	p := ProcedureProficiency([]bool{false})
	n := p.PassesNeeded()
	more := make([]bool, 1+n)
	for i := 1; i < len(more); i++ {
		more[i] = true
	}
	if n < 2 || !ProcedureProficiency(more).Proficient || ProcedureProficiency(more[:len(more)-1]).Proficient {
		t.Errorf("%d passes needed", n)
	}
	if ProcedureProficiency(nil).PassesNeeded() != 0 {
		t.Error("no tests yet")
	}
}
