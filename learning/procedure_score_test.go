package learning

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var t0 = time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)

// run turns words into a Test's actions, ten seconds apart: "wash" does a step, "!tight" a
// common error, "site@vein:2" a location step clicked on vein 2 mm from the target.
func run(t *testing.T, pl *Plan, words string) []Action {
	t.Helper()
	var out []Action
	for n, w := range strings.Fields(words) {
		a := Action{At: t0.Add(time.Duration(n+1) * 10 * time.Second)}
		if e, ok := strings.CutPrefix(w, "!"); ok {
			a.Kind, a.Index = ChoiceError, -1
			for k, x := range pl.Errors {
				if x.ID == e {
					a.Index = k
				}
			}
		} else {
			step, loc, hasLoc := strings.Cut(w, "@")
			a.Kind, a.Index = ChoiceStep, pl.Index(step)
			if hasLoc {
				hit, dist, _ := strings.Cut(loc, ":")
				var mm float64
				fmt.Sscan(dist, &mm)
				a.Location = &LocationAttempt{Hit: hit, DistanceMM: mm}
			}
		}
		if a.Index < 0 {
			t.Fatalf("no step or error %q", w)
		}
		out = append(out, a)
	}
	return out
}

const perfect = "wash identify explain tourniquet site@vein:0 insert release withdraw sharps label document thank"

// summary is an Outcome in words, for table tests.
type summary struct {
	Passed   bool
	Failures []string // "late release (after withdraw)", "omitted wash", "error recap", "avoid site (artery)"
	Order    []string // "tourniquet before explain"
	Omitted  []string
	Errors   []string
	OK       int
}

func summarise(pl *Plan, o Outcome) summary {
	s := summary{Passed: o.Passed}
	id := func(i int) string { return pl.Steps[i].ID }
	for _, f := range o.Failures {
		switch f.Kind {
		case FailOmitted:
			s.Failures = append(s.Failures, "omitted "+id(f.Step))
		case FailLate:
			s.Failures = append(s.Failures, fmt.Sprintf("late %s (after %s)", id(f.Step), id(f.Other)))
		case FailError:
			s.Failures = append(s.Failures, "error "+pl.Errors[f.Error].ID)
		case FailAvoid:
			s.Failures = append(s.Failures, fmt.Sprintf("avoid %s (%s)", id(f.Step), f.Hit))
		}
	}
	for _, oe := range o.Order {
		w := id(oe.Step) + " before " + strings.Join(pl.stepIDs(oe.Missing), "+")
		if oe.Critical {
			w += " (critical)"
		}
		s.Order = append(s.Order, w)
	}
	s.Omitted = pl.stepIDs(o.Omitted)
	for _, e := range o.Errors {
		s.Errors = append(s.Errors, pl.Errors[e.Error].ID)
	}
	for _, r := range o.Steps {
		if r.OK {
			s.OK++
		}
	}
	return s
}

// TestScoreOrder breaks the order rules every way they can be broken, and keeps them every way
// they allow.
func TestScoreOrder(t *testing.T) {
	pl := mustPlan(t, demoProcedure())
	for _, c := range []struct {
		name  string
		words string
		want  summary
	}{
		{"perfect", perfect, summary{Passed: true, OK: 12}},
		{"free group in the other order", strings.Replace(perfect, "wash identify", "identify wash", 1), summary{Passed: true, OK: 12}},
		{"end group in another allowed order", strings.Replace(perfect, "sharps label document", "label document sharps", 1), summary{Passed: true, OK: 12}},
		{"end group with after kept, sharps last", strings.Replace(perfect, "sharps label document", "label sharps document", 1), summary{Passed: true, OK: 12}},
		{"skip one step ahead (sequence)", strings.Replace(perfect, "explain tourniquet", "tourniquet explain", 1),
			summary{Passed: true, Order: []string{"tourniquet before explain"}, OK: 11}},
		{"explicit after broken inside a group", strings.Replace(perfect, "sharps label document", "sharps document label", 1),
			summary{Passed: true, Order: []string{"document before label"}, OK: 11}},
		{"group step before the block before it", strings.Replace(perfect, "withdraw sharps label", "label withdraw sharps", 1),
			summary{Passed: true, Order: []string{"label before withdraw"}, OK: 11}},
		{"last step before a group is complete", strings.Replace(perfect, "document thank", "thank document", 1),
			summary{Passed: true, Order: []string{"thank before document"}, OK: 11}},
		{"next block before the group is complete", strings.Replace(perfect, "wash identify explain", "wash explain identify", 1),
			summary{Order: []string{"explain before identify (critical)"}, Failures: []string{"late identify (after explain)"}, OK: 10}},
		{"critical step after the step that needs it", strings.Replace(perfect, "release withdraw", "withdraw release", 1),
			summary{Order: []string{"withdraw before release (critical)"}, Failures: []string{"late release (after withdraw)"}, OK: 10}},
		{"critical step after several that need it, one failure", strings.Replace(perfect, "release withdraw sharps label document", "withdraw sharps label document release", 1),
			summary{Order: []string{"withdraw before release (critical)", "sharps before release (critical)", "label before release (critical)", "document before release (critical)"},
				Failures: []string{"late release (after withdraw)"}, OK: 7}},
		{"jump several steps ahead", strings.Replace(perfect, "explain tourniquet site@vein:0 insert", "insert explain tourniquet site@vein:0", 1),
			summary{Order: []string{"insert before site (critical)"}, Failures: []string{"late site (after insert)"}, OK: 10}},
		{"non-critical step omitted: no order error for it", strings.Replace(perfect, "explain ", "", 1),
			summary{Passed: true, Omitted: []string{"explain"}, OK: 11}},
		{"critical step omitted", strings.Replace(perfect, "release ", "", 1),
			summary{Omitted: []string{"release"}, Failures: []string{"omitted release"}, OK: 11}},
		{"finished early", "wash identify explain",
			summary{Omitted: []string{"tourniquet", "site", "insert", "release", "withdraw", "sharps", "label", "document", "thank"},
				Failures: []string{"omitted site", "omitted release", "omitted sharps"}, OK: 3}},
		{"the same step twice counts once", strings.Replace(perfect, "explain", "explain explain", 1), summary{Passed: true, OK: 12}},
		{"everything backwards", "thank document label sharps withdraw release insert site@vein:0 tourniquet explain identify wash",
			summary{Failures: []string{"late wash (after explain)", "late identify (after explain)", "late site (after insert)", "late release (after withdraw)", "late sharps (after thank)"},
				Order: []string{"explain before wash+identify (critical)", "tourniquet before explain (critical)", "site before tourniquet (critical)",
					"insert before site (critical)", "release before insert (critical)", "withdraw before release (critical)", "sharps before withdraw (critical)",
					"label before withdraw (critical)", "document before label (critical)", "thank before sharps+document (critical)"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := summarise(pl, Score(pl, run(t, pl, c.words), t0, t0.Add(5*time.Minute)))
			if diff := cmp.Diff(c.want, got, cmpEmpty); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestScoreErrorsAndPlaces covers common errors, clicks and time.
func TestScoreErrorsAndPlaces(t *testing.T) {
	pl := mustPlan(t, demoProcedure())
	for _, c := range []struct {
		name  string
		words string
		want  summary
	}{
		{"critical error instead of a step", strings.Replace(perfect, "wash", "!skip-wash", 1),
			summary{Errors: []string{"skip-wash"}, Failures: []string{"error skip-wash"}, OK: 11}},
		{"non-critical error instead of a step: done wrongly, passes", strings.Replace(perfect, "tourniquet", "!tight", 1),
			summary{Passed: true, Errors: []string{"tight"}, OK: 11}},
		{"non-critical temptation, step still done", strings.Replace(perfect, "tourniquet", "!pump tourniquet", 1),
			summary{Passed: true, Errors: []string{"pump"}, OK: 12}},
		{"critical temptation", strings.Replace(perfect, "sharps", "!recap sharps", 1),
			summary{Errors: []string{"recap"}, Failures: []string{"error recap"}, OK: 11}},
		{"errors chosen instead of steps are not steps done out of order", "!tight !skip-wash identify explain site@vein:0 insert release withdraw sharps label document thank",
			summary{Errors: []string{"tight", "skip-wash"}, Failures: []string{"error skip-wash"}, OK: 10}},
		{"click off target: listed, passes", strings.Replace(perfect, "site@vein:0", "site@muscle:12", 1), summary{Passed: true, OK: 11}},
		{"click just within tolerance", strings.Replace(perfect, "site@vein:0", "site@skin:5", 1), summary{Passed: true, OK: 12}},
		{"click on the artery at a critical step", strings.Replace(perfect, "site@vein:0", "site@artery:3", 1),
			summary{Failures: []string{"avoid site (artery)"}, OK: 11}},
		{"click on empty space", strings.Replace(perfect, "site@vein:0", "site@:0", 1), summary{Passed: true, OK: 11}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := summarise(pl, Score(pl, run(t, pl, c.words), t0, t0.Add(5*time.Minute)))
			if diff := cmp.Diff(c.want, got, cmpEmpty); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestScoreTimeAndReports(t *testing.T) {
	pl := mustPlan(t, demoProcedure())
	acts := run(t, pl, strings.Replace(perfect, "site@vein:0", "site@vein:4", 1))
	acts[2].At = acts[1].At.Add(25 * time.Second) // explain takes 25 s of an expected 10
	for k := 3; k < len(acts); k++ {
		acts[k].At = acts[k].At.Add(25 * time.Second)
	}
	o := Score(pl, acts, t0, t0.Add(3*time.Minute))
	if !o.Passed || o.Score != 1 || o.Time != 3*time.Minute || o.Expected != 120*time.Second {
		t.Fatalf("passed %v score %v time %v expected %v", o.Passed, o.Score, o.Time, o.Expected)
	}
	r := o.Steps[2]
	if pl.Steps[r.Step].ID != "explain" || r.Position != 3 || r.Time != 25*time.Second || !r.Slow {
		t.Errorf("explain: %+v", r)
	}
	if r := o.Steps[4]; r.Location == nil || r.Location.DistanceMM != 4 || !r.Location.Within || r.Slow {
		t.Errorf("site: %+v %+v", r, r.Location)
	}
}

// FuzzScore: any sequence of actions, even nonsense, scores without panicking; a run passes
// exactly when there is no critical failure; every step is reported once, done or omitted.
func FuzzScore(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})
	f.Add([]byte{11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0})
	f.Add([]byte{200, 201, 4, 4, 255})
	pl := mustPlan(f, demoProcedure())
	f.Fuzz(func(t *testing.T, data []byte) {
		var acts []Action
		for n, b := range data {
			a := Action{Kind: ChoiceStep, Index: int(b % 16), At: t0.Add(time.Duration(n) * time.Second)}
			if b >= 200 {
				a.Kind, a.Index = ChoiceError, int(b-200)
			}
			if b%7 == 0 {
				a.Location = &LocationAttempt{Hit: []string{"", "vein", "artery"}[b%3], DistanceMM: float64(b % 9)}
			}
			acts = append(acts, a)
		}
		o := Score(pl, acts, t0, t0.Add(time.Hour))
		if o.Passed != (len(o.Failures) == 0) || len(o.Steps) != len(pl.Steps) || o.Score < 0 || o.Score > 1 {
			t.Fatalf("outcome %+v", o)
		}
		seen := map[int]bool{}
		for _, r := range o.Steps {
			if seen[r.Step] || (r.Position == 0) != slices.Contains(o.Omitted, r.Step) {
				t.Fatalf("step %d reported twice or omission mismatch: %+v", r.Step, o)
			}
			seen[r.Step] = true
		}
	})
}
