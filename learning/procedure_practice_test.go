package learning

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// find returns the choice doing step or error id, or fails.
func find(t *testing.T, pl *Plan, cs []StepChoice, id string) StepChoice {
	t.Helper()
	for _, c := range cs {
		if c.Kind == ChoiceStep && pl.Steps[c.Index].ID == id || c.Kind == ChoiceError && pl.Errors[c.Index].ID == id {
			return c
		}
	}
	t.Fatalf("no choice %q among %v", id, choiceIDs(pl, cs))
	return StepChoice{}
}

func choiceIDs(pl *Plan, cs []StepChoice) []string {
	var out []string
	for _, c := range cs {
		switch c.Kind {
		case ChoiceStep:
			out = append(out, pl.Steps[c.Index].ID)
		case ChoiceError:
			out = append(out, "!"+pl.Errors[c.Index].ID)
		default:
			out = append(out, "finish")
		}
	}
	return out
}

func TestPracticeChoices(t *testing.T) {
	pl := mustPlan(t, demoProcedure())
	for seed := uint64(0); seed < 20; seed++ {
		p := NewPractice(pl, seed)
		ids := choiceIDs(pl, p.Choices())
		// Both prep steps are right; four are wrong: the one error of the prep steps, and steps
		// not due (explain, the nearest, and two further on).
		if !slices.Contains(ids, "wash") || !slices.Contains(ids, "identify") || !slices.Contains(ids, "explain") ||
			!slices.Contains(ids, "!skip-wash") || len(ids) != 6 {
			t.Fatalf("seed %d: first choices %v", seed, ids)
		}
	}
	p := NewPractice(pl, 1)
	for _, id := range []string{"wash", "identify", "explain"} {
		if fb := p.Choose(find(t, pl, p.Choices(), id)); fb.Kind != FeedRight || !fb.Completed.Correct {
			t.Fatalf("%s: %+v", id, fb)
		}
	}
	ids := choiceIDs(pl, p.Choices())
	if !slices.Contains(ids, "tourniquet") || !slices.Contains(ids, "!tight") || !slices.Contains(ids, "!pump") || !slices.Contains(ids, "site") {
		t.Errorf("choices at the tourniquet: %v", ids)
	}
}

func TestPracticeFeedback(t *testing.T) {
	pl := mustPlan(t, demoProcedure())
	p := NewPractice(pl, 7)
	// A common error: feedback, taken off the list, the step it belongs to loses "first time".
	fb := p.Choose(find(t, pl, p.Choices(), "skip-wash"))
	if fb.Kind != FeedWrongError || !fb.Critical || pl.Steps[fb.Step].ID != "wash" || pl.Errors[fb.Error].ID != "skip-wash" {
		t.Fatalf("error feedback %+v", fb)
	}
	if slices.Contains(choiceIDs(pl, p.Choices()), "!skip-wash") {
		t.Error("the error chosen is still offered")
	}
	// A step out of order: names the steps to do first; critical because they are.
	fb = p.Choose(find(t, pl, p.Choices(), "explain"))
	if fb.Kind != FeedWrongOrder || !fb.Critical || strings.Join(pl.stepIDs(fb.Missing), " ") != "wash identify" {
		t.Fatalf("order feedback %+v", fb)
	}
	wash := p.Choose(find(t, pl, p.Choices(), "wash"))
	identify := p.Choose(find(t, pl, p.Choices(), "identify"))
	if wash.Completed.Correct || wash.Completed.Mistakes != 2 || identify.Completed.Correct {
		t.Errorf("wash %+v identify %+v", wash.Completed, identify.Completed)
	}
	p.Choose(find(t, pl, p.Choices(), "explain"))
	p.Choose(find(t, pl, p.Choices(), "tourniquet"))
	// A location step asks for a click; nothing else is offered until then.
	if fb := p.Choose(find(t, pl, p.Choices(), "site")); fb.Kind != FeedLocate || len(p.Choices()) != 0 {
		t.Fatalf("site: %+v, %d choices", fb, len(p.Choices()))
	}
	if i, ok := p.Awaiting(); !ok || pl.Steps[i].ID != "site" {
		t.Fatal("not awaiting the site")
	}
	clicks := []struct {
		la     LocationAttempt
		kind   FeedbackKind
		reveal bool
	}{
		{LocationAttempt{Hit: "artery", DistanceMM: 3}, FeedAvoidHit, false},
		{LocationAttempt{Hit: "muscle", DistanceMM: 14}, FeedOffTarget, false},
		{LocationAttempt{}, FeedOffTarget, true},
		{LocationAttempt{Hit: "vein", DistanceMM: 1.5}, FeedOnTarget, false},
	}
	for k, c := range clicks {
		fb := p.Locate(c.la)
		if fb.Kind != c.kind || fb.Reveal != c.reveal {
			t.Fatalf("click %d: %+v", k, fb)
		}
		if c.kind == FeedAvoidHit && !fb.Critical {
			t.Error("artery at a critical step is not critical")
		}
	}
	if r := p.Results(); r[len(r)-1].Correct || r[len(r)-1].Mistakes != 3 || r[len(r)-1].Distance != 1.5 {
		t.Errorf("site result %+v", r[len(r)-1])
	}
	if fb := p.Locate(LocationAttempt{Hit: "vein"}); fb.Kind != FeedIgnored {
		t.Errorf("a click with nothing awaited: %+v", fb)
	}
	// Through to the end.
	for !p.Done() {
		var right StepChoice
		for _, c := range p.Choices() {
			if c.Kind == ChoiceStep && pl.ready(c.Index, p.DoneSteps()) {
				right = c
			}
		}
		p.Choose(right)
	}
	if len(p.Results()) != 12 || len(p.Choices()) != 0 {
		t.Errorf("%d results, %d choices at the end", len(p.Results()), len(p.Choices()))
	}
}

func TestPracticeSkipLocation(t *testing.T) {
	pl := mustPlan(t, demoProcedure())
	p := NewPractice(pl, 3)
	for _, id := range []string{"wash", "identify", "explain", "tourniquet", "site"} {
		p.Choose(find(t, pl, p.Choices(), id))
	}
	r := p.SkipLocation()
	if r == nil || r.Distance != -1 || pl.Steps[r.Step].ID != "site" {
		t.Fatalf("skip: %+v", r)
	}
	if _, ok := p.Awaiting(); ok || len(p.Choices()) == 0 {
		t.Error("still awaiting after skip")
	}
}

func TestTestRun(t *testing.T) {
	pl := mustPlan(t, demoProcedure())
	tt := NewTest(pl, 42, t0)
	cs := tt.Choices()
	if len(cs) != 12+4+1 || cs[len(cs)-1].Kind != ChoiceFinish {
		t.Fatalf("%d choices: %v", len(cs), choiceIDs(pl, cs))
	}
	if other := NewTest(pl, 43, t0).Choices(); slices.Equal(choiceIDs(pl, cs), choiceIDs(pl, other)) {
		t.Error("two seeds list the choices in the same order")
	}
	at := t0
	next := func() time.Time { at = at.Add(10 * time.Second); return at }
	tt.Choose(find(t, pl, tt.Choices(), "identify"), next())
	tt.Choose(find(t, pl, tt.Choices(), "skip-wash"), next()) // instead of wash: wash is gone
	ids := choiceIDs(pl, tt.Choices())
	if slices.Contains(ids, "wash") || slices.Contains(ids, "identify") || slices.Contains(ids, "!skip-wash") {
		t.Errorf("after identify and skip-wash: %v", ids)
	}
	tt.Choose(find(t, pl, tt.Choices(), "tourniquet"), next()) // before explain
	if !tt.Choose(find(t, pl, tt.Choices(), "site"), next()) || tt.Choices() != nil {
		t.Fatal("site did not ask for a click")
	}
	tt.Locate(LocationAttempt{Hit: "vein", DistanceMM: 2}, next())
	if !slices.Contains(choiceIDs(pl, tt.Choices()), "explain") || tt.Done() {
		t.Fatal("explain should still be offered")
	}
	tt.Choose(find(t, pl, tt.Choices(), "explain"), next())
	tt.Choose(StepChoice{Kind: ChoiceFinish}, next())
	if !tt.Done() || tt.Choices() != nil {
		t.Fatal("finish did not end the test")
	}
	o := tt.Finish(next())
	got := summarise(pl, o)
	if got.Passed || !slices.Contains(got.Failures, "error skip-wash") || strings.Join(got.Order, ", ") != "tourniquet before explain, site before explain" ||
		len(got.Omitted) != 7 {
		t.Errorf("%+v", got)
	}
	if r := o.Steps[4]; r.Location == nil || r.Location.DistanceMM != 2 || r.Time != 20*time.Second {
		t.Errorf("site report %+v", r)
	}
}
