package learning

import (
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/osteon/osteon/content"
)

// TestScoreConsultation: one case per scoring rule, on the fixture (4 elements, pass mark 0.75).
func TestScoreConsultation(t *testing.T) {
	c := fixtureScenario(t)
	type fail struct {
		kind ConsultFailureKind
		what string // the element id, or the reply "turn>option"
	}
	cases := []struct {
		name       string
		path       []string
		passMark   float64 // 0: the scenario's
		score      float64
		covered    int
		empathy    [2]int // shown, due
		missed     map[string]int
		failures   []fail
		passed     bool
		unfinished bool
	}{
		{name: "model consultation: everything covered, empathy shown, passes",
			path: []string{"t1>a", "t2>a", "t3>a"}, score: 1, covered: 4, empathy: [2]int{1, 1}, passed: true},
		{name: "a critical reply fails whatever the score",
			path: []string{"t1>a", "t2>e", "t3>a"}, score: 1, covered: 4, empathy: [2]int{1, 1},
			failures: []fail{{ConsultCriticalReply, "t2>e"}}},
		{name: "a critical element never covered fails, and the reply that missed it is named",
			path: []string{"t1>c", "t2>a", "t3>c"}, score: 3.0 / 5, covered: 3, empathy: [2]int{0, 1},
			missed: map[string]int{"safety-net": 2}, failures: []fail{{ConsultCriticalElement, "safety-net"}}},
		{name: "a missed element that is not critical still passes above the pass mark",
			path: []string{"t1>a", "t2>b", "t3>a"}, score: 4.0 / 5, covered: 3, empathy: [2]int{1, 1},
			missed: map[string]int{"open": 1}, passed: true},
		{name: "a score exactly at the pass mark passes",
			path: []string{"t1>a", "t2>b", "t3>a"}, passMark: 0.8, score: 4.0 / 5, covered: 3, empathy: [2]int{1, 1},
			missed: map[string]int{"open": 1}, passed: true},
		{name: "below the pass mark fails with no critical error",
			path: []string{"t1>c", "t2>b", "t3>a"}, score: 3.0 / 5, covered: 3, empathy: [2]int{0, 1},
			missed: map[string]int{"open": 1}},
		{name: "an element covered once stays covered after a later miss",
			path: []string{"t1>a", "t2>d", "t2>a", "t3>a"}, score: 1, covered: 4, empathy: [2]int{1, 1}, passed: true},
		{name: "a branch on the state brings a second empathic opportunity",
			path: []string{"t1>a", "t2>c", "t3b>a"}, score: 1, covered: 4, empathy: [2]int{2, 2}, passed: true},
		{name: "an unanswered cue counts against the score; an element nobody missed has no move",
			path: []string{"t1>a", "t2>c", "t3b>b"}, score: 4.0 / 6, covered: 3, empathy: [2]int{1, 2},
			missed: map[string]int{"summary": -1}},
		{name: "an unfinished conversation fails, with its critical elements",
			path: []string{"t1>a"}, score: 2.0 / 5, covered: 1, empathy: [2]int{1, 1}, unfinished: true,
			missed:   map[string]int{"open": -1, "summary": -1, "safety-net": -1},
			failures: []fail{{ConsultCriticalElement, "safety-net"}, {ConsultUnfinished, ""}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sc := *c
			if tc.passMark > 0 {
				sc.PassMark = tc.passMark
			}
			cv := playPath(t, &sc, tc.path...)
			if cv.Ended() == tc.unfinished {
				t.Fatalf("ended %v", cv.Ended())
			}
			out := ScoreConsultation(&sc, cv.Moves(), cv.Ended())
			if math.Abs(out.Score-tc.score) > 1e-9 || out.Covered != tc.covered || out.Elements != 4 ||
				out.EmpathyShown != tc.empathy[0] || out.EmpathyDue != tc.empathy[1] || out.Passed != tc.passed {
				t.Errorf("score %.3f covered %d/%d empathy %d/%d passed %v", out.Score, out.Covered, out.Elements,
					out.EmpathyShown, out.EmpathyDue, out.Passed)
			}
			missed := map[string]int{}
			for _, m := range out.Missed {
				missed[c.Elements[m.Element].ID] = m.Move
			}
			if len(missed) != len(tc.missed) || !mapsEqual(missed, tc.missed) {
				t.Errorf("missed %v, want %v", missed, tc.missed)
			}
			var got []fail
			for _, f := range out.Failures {
				w := ""
				switch f.Kind {
				case ConsultCriticalReply:
					m := out.Moves[f.Move].Move
					w = c.Turns[m.Turn].ID + ">" + c.Turns[m.Turn].Options[m.Option].ID
				case ConsultCriticalElement:
					w = c.Elements[f.Element].ID
				}
				got = append(got, fail{f.Kind, w})
			}
			if !slices.Equal(got, tc.failures) {
				t.Errorf("failures %v, want %v", got, tc.failures)
			}
		})
	}
}

func mapsEqual(a, b map[string]int) bool {
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// TestScoreConsultationNothingToScore: a scenario with no elements and no cue met scores 1.
func TestScoreConsultationNothingToScore(t *testing.T) {
	c := &content.Consultation{PassMark: 0.7, Turns: []content.Turn{{ID: "only", Text: "Hi"}}}
	out := ScoreConsultation(c, nil, true)
	if out.Score != 1 || !out.Passed {
		t.Errorf("%+v", out)
	}
	// Moves that name no option are ignored.
	out = ScoreConsultation(c, []ConsultMove{{Turn: 0, Option: 3}, {Turn: 9, Option: 0}}, true)
	if len(out.Moves) != 0 || !out.Passed {
		t.Errorf("%+v", out)
	}
}

// TestJudgeMove: Practice calls a reply good only with no error, no miss, not critical and
// empathic where the turn asked; a poor one names the better reply.
func TestJudgeMove(t *testing.T) {
	c := fixtureScenario(t)
	cases := []struct {
		turn, opt      int
		good, critical bool
		better         int
	}{
		{0, 0, true, false, -1},
		{0, 1, false, true, 0},
		{0, 2, false, false, 0}, // covers identity but ignores the cue
		{1, 2, true, false, 0},  // no error, but not the model reply
		{1, 1, false, false, 0},
		{3, 1, false, false, 0},
	}
	for _, tc := range cases {
		fb := judgeMove(c, ConsultMove{tc.turn, tc.opt})
		if fb.Good != tc.good || fb.Critical != tc.critical || fb.Better != tc.better || fb.Text == "" {
			t.Errorf("turn %d option %d: %+v", tc.turn, tc.opt, fb)
		}
	}
}

// TestModelCheckRefusesUnpassable: validation runs the model consultation through the Test
// scoring, so a scenario whose best replies cannot pass is refused, naming why.
func TestModelCheckRefusesUnpassable(t *testing.T) {
	src := strings.Replace(consultFixture, "covers = [\"summary\", \"safety-net\"]\nnext = \"end\"\n\n[[consultations.turns.options]]\nid = \"b\"\ntext = \"If",
		"covers = [\"summary\"]\nnext = \"end\"\n\n[[consultations.turns.options]]\nid = \"b\"\ntext = \"If", 1)
	if src == consultFixture {
		t.Fatal("no change")
	}
	cs, ps := content.ParseConsultations([]byte(src), "x.toml")
	if len(cs) != 0 || !strings.Contains(ps.Error(), `no way to pass: the model consultation`) ||
		!strings.Contains(ps.Error(), `critical element "safety-net" is never covered`) || ps[0].Line != 2 {
		t.Errorf("%d kept; %v", len(cs), ps)
	}
}

// TestConsultationDetail: what an attempt keeps is a JSON object with the path and the result.
func TestConsultationDetail(t *testing.T) {
	c := fixtureScenario(t)
	cv := playPath(t, c, "t1>c", "t2>a", "t3>c")
	out := ScoreConsultation(c, cv.Moves(), cv.Ended())
	b, err := json.Marshal(out.Detail(c))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{`"passed":false`, `"path":["t1\u003ec","t2\u003ea","t3\u003ec"]`, `"missed":["safety-net"]`,
		`"failures":["Never done: Calgary-Cambridge: Safety-net"]`, `"errors":["ignored-cue","no-safety-net"]`} {
		if !strings.Contains(string(b), w) {
			t.Errorf("detail lacks %s: %s", w, b)
		}
	}
	item, err := ConsultationItem("pack", "fixture")
	skill, err2 := ConsultationSkill("pack", "fixture")
	if err != nil || err2 != nil || item != "consultation:pack/fixture" || skill != "consultation:pack/fixture" || item.Kind() != KindConsultation {
		t.Errorf("%q %q %v %v", item, skill, err, err2)
	}
}
