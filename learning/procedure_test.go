package learning

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// demoProcedure: a prep group of two critical steps, a run of single steps (one a critical
// location step), a critical release, an end group with an explicit after inside it, and a
// last step.
func demoProcedure() Procedure {
	s := func(id string, critical bool, group string, after ...string) ProcedureStep {
		return ProcedureStep{ID: id, Instruction: "Do " + id, Critical: critical, Group: group, After: after, Expected: 10 * time.Second}
	}
	steps := []ProcedureStep{
		s("wash", true, "prep"), s("identify", true, "prep"),
		s("explain", false, ""), s("tourniquet", false, ""),
		s("site", true, ""), s("insert", false, ""),
		s("release", true, ""), s("withdraw", false, ""),
		s("sharps", true, "end"), s("label", false, "end"), s("document", false, "end", "label"),
		s("thank", false, ""),
	}
	steps[4].Location = &StepLocation{ToleranceMM: 5, Avoid: []string{"artery"}}
	return Procedure{ID: "demo", Title: "Demo", Steps: steps, Errors: []ProcedureError{
		{ID: "skip-wash", Text: "Skip washing", Feedback: "Wash.", Critical: true, InsteadOf: "wash"},
		{ID: "tight", Text: "Tie it very tight", Feedback: "Too tight.", InsteadOf: "tourniquet"},
		{ID: "pump", Text: "Ask for fist pumping", Feedback: "Haemolysis.", At: "tourniquet"},
		{ID: "recap", Text: "Recap the needle", Feedback: "Needlestick.", Critical: true, At: "sharps"},
	}}
}

func mustPlan(t testing.TB, p Procedure) *Plan {
	t.Helper()
	pl, err := Compile(p)
	if err != nil {
		t.Fatal(err)
	}
	return pl
}

func TestCompile(t *testing.T) {
	pl := mustPlan(t, demoProcedure())
	if got := strings.Join(pl.stepIDs(pl.Order()), " "); got != "wash identify explain tourniquet site insert release withdraw sharps label document thank" {
		t.Errorf("order %s", got)
	}
	for _, c := range []struct {
		step string
		want []string
	}{
		{"wash", nil}, {"identify", nil}, {"explain", []string{"wash", "identify"}}, {"tourniquet", []string{"explain"}},
		{"sharps", []string{"withdraw"}}, {"document", []string{"withdraw", "label"}}, {"thank", []string{"sharps", "label", "document"}},
	} {
		if got := pl.stepIDs(pl.Requires(pl.Index(c.step))); !cmp.Equal(got, c.want, cmpEmpty) {
			t.Errorf("%s requires %v, want %v", c.step, got, c.want)
		}
	}
	if !pl.Needs(pl.Index("thank"), pl.Index("wash")) || pl.Needs(pl.Index("wash"), pl.Index("identify")) {
		t.Error("transitive needs wrong")
	}
	// An after pointing forward inside a group: the taught order follows it.
	p := demoProcedure()
	p.Steps[0].After = []string{"identify"}
	if got := strings.Join(mustPlan(t, p).stepIDs(mustPlan(t, p).Order()[:2]), " "); got != "identify wash" {
		t.Errorf("order with after inside the group: %s", got)
	}
}

var cmpEmpty = cmp.Comparer(func(a, b []string) bool { return strings.Join(a, ",") == strings.Join(b, ",") })

func TestCompileRefuses(t *testing.T) {
	for name, edit := range map[string]func(p *Procedure){
		"no steps":         func(p *Procedure) { p.Steps = nil },
		"duplicate step":   func(p *Procedure) { p.Steps[1].ID = "wash" },
		"unknown after":    func(p *Procedure) { p.Steps[3].After = []string{"nope"} },
		"after itself":     func(p *Procedure) { p.Steps[3].After = []string{"tourniquet"} },
		"cycle":            func(p *Procedure) { p.Steps[3].After = []string{"insert"} },
		"cycle in a group": func(p *Procedure) { p.Steps[0].After = []string{"identify"}; p.Steps[1].After = []string{"wash"} },
		"error unknown":    func(p *Procedure) { p.Errors[0].InsteadOf = "nope" },
	} {
		p := demoProcedure()
		edit(&p)
		if _, err := Compile(p); !errors.Is(err, ErrBadProcedure) {
			t.Errorf("%s: err %v", name, err)
		}
	}
}

func TestLearn(t *testing.T) {
	pl := mustPlan(t, demoProcedure())
	l := NewLearn(pl)
	if l.Back() {
		t.Error("Back at the first step")
	}
	var seen []string
	for {
		seen = append(seen, pl.Steps[l.Step()].ID)
		if !l.Next() {
			break
		}
	}
	if len(seen) != 12 || seen[11] != "thank" {
		t.Errorf("walked %v", seen)
	}
	if pos, n := l.Pos(); pos != 12 || n != 12 {
		t.Errorf("pos %d/%d", pos, n)
	}
	if !l.Back() || pl.Steps[l.Step()].ID != "document" {
		t.Error("Back from the last step")
	}
	if !l.Go(0) || l.Go(12) || pl.Steps[l.Step()].ID != "wash" {
		t.Error("Go")
	}
}

func TestProcedureIDs(t *testing.T) {
	item, err := ProcedureStepItem("osteon-builtin", "venepuncture", "hand-hygiene")
	if err != nil || item != "procedure-step:osteon-builtin/venepuncture#hand-hygiene" {
		t.Errorf("%q %v", item, err)
	}
	test, _ := ProcedureTestItem("p", "x")
	skill, _ := ProcedureSkill("p", "x")
	if test != "procedure-test:p/x" || skill != "procedure:p/x" {
		t.Errorf("%q %q", test, skill)
	}
	if _, err := ProcedureStepItem("p", "x", "a b"); err == nil {
		t.Error("a space in a step id was accepted")
	}
}

func TestProcedureProficiency(t *testing.T) {
	pass := func(n int) []bool {
		out := make([]bool, n)
		for i := range out {
			out[i] = true
		}
		return out
	}
	for _, c := range []struct {
		name       string
		outcomes   []bool
		proficient bool
		passes     int
	}{
		{"none", nil, false, 0},
		{"eight passes", pass(8), false, 8},
		{"nine passes", pass(9), true, 9},
		{"a failure late", append(pass(9), false, false, false, false, false, false), false, 9},
		{"fail then recover", append([]bool{false}, pass(14)...), true, 14},
		{"fail, not yet", append([]bool{false}, pass(13)...), false, 13},
	} {
		p := ProcedureProficiency(c.outcomes)
		if p.Proficient != c.proficient || p.Passes != c.passes || p.Trials != len(c.outcomes) {
			t.Errorf("%s: %+v", c.name, p)
		}
	}
}
