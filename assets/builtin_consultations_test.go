package assets

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/learning"
)

// builtinConsultations loads the built-in scenarios, failing on any problem.
func builtinConsultations(t *testing.T) []content.Consultation {
	t.Helper()
	p, err := content.OpenPack(BuiltinPack(), "built-in pack")
	if err != nil {
		t.Fatal(err)
	}
	cs, probs := p.LoadConsultations()
	if len(probs) > 0 {
		t.Fatalf("problems:\n%v", probs)
	}
	return cs
}

// TestBuiltinConsultations: the built-in scenarios load without problems, each with its
// references, professions, at least three critical replies and eight plausible poor ones; the
// consent scenario leads into the venepuncture procedure.
func TestBuiltinConsultations(t *testing.T) {
	cs := builtinConsultations(t)
	var ids []string
	for _, c := range cs {
		ids = append(ids, c.ID)
		critical, poor := 0, 0
		for _, tu := range c.Turns {
			for _, o := range tu.Options {
				if o.Critical {
					critical++
				}
				if !o.Best && (len(o.Errors) > 0 || len(o.Misses) > 0) {
					poor++
				}
			}
		}
		if len(c.References) < 3 || len(c.Professions) == 0 || critical < 3 || poor < 8 || len(c.Elements) < 6 {
			t.Errorf("%s: %d references, %d critical replies, %d poor replies, %d elements", c.ID,
				len(c.References), critical, poor, len(c.Elements))
		}
		if c.ID == "venepuncture-consent" && c.Procedure != "venepuncture-antecubital" {
			t.Errorf("consent scenario is linked to %q", c.Procedure)
		}
	}
	want := []string{"telehealth-chest-pain", "breaking-bad-news-spikes", "venepuncture-consent", "sbar-handover-nurse", "sbar-handover-doctor"}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("scenarios (-want +got):\n%s", diff)
	}
}

// TestBuiltinConsultationsPassAndFail: every built-in scenario can be passed (its model
// consultation scores 1), and can be failed: each critical reply can be reached, and choosing
// it fails the Test even when every other reply is the model one.
func TestBuiltinConsultationsPassAndFail(t *testing.T) {
	for _, c := range builtinConsultations(t) {
		c := c
		t.Run(c.ID, func(t *testing.T) {
			model := learning.ModelRun(&c)
			out := learning.ScoreConsultation(&c, model.Moves(), model.Ended())
			if !out.Passed || out.Score != 1 || len(out.Missed) != 0 {
				t.Errorf("model consultation: passed %v, score %.2f, missed %v", out.Passed, out.Score, out.Missed)
			}
			failed := 0
			for ti, tu := range c.Turns {
				for k, o := range tu.Options {
					if !o.Critical {
						continue
					}
					path := pathTo(&c, ti)
					if path == nil {
						t.Errorf("critical reply %s>%s cannot be reached", tu.ID, o.ID)
						continue
					}
					out := runTest(&c, append(path, k))
					if out.Passed {
						t.Errorf("critical reply %s>%s: the Test passed", tu.ID, o.ID)
					}
					failed++
				}
			}
			if failed < 3 {
				t.Errorf("only %d ways to fail on a critical reply", failed)
			}
		})
	}
}

// runTest plays the given replies (option indices), then the model reply at every later turn,
// and scores the Test.
func runTest(c *content.Consultation, path []int) learning.ConsultOutcome {
	start := time.Now()
	tt := learning.NewConsultTest(c, 1, start)
	for _, k := range path {
		tt.Choose(k)
	}
	for !tt.Done() {
		tu := &c.Turns[tt.Conversation().Turn()]
		tt.Choose(learning.BestOption(tu))
	}
	return tt.Finish(start.Add(time.Minute))
}

// pathTo finds the shortest list of replies that reaches turn target (breadth first over
// conversations, each replayed from the start), or nil.
func pathTo(c *content.Consultation, target int) []int {
	queue := [][]int{{}}
	seen := map[string]bool{}
	for len(queue) > 0 {
		path := queue[0]
		queue = queue[1:]
		cv := learning.NewConsultTest(c, 1, time.Time{})
		for _, k := range path {
			cv.Choose(k)
		}
		turn := cv.Conversation().Turn()
		key := fmt.Sprint(turn, cv.Conversation().State())
		if seen[key] || len(path) > 30 {
			continue
		}
		seen[key] = true
		if turn == target {
			return path
		}
		for k := range c.Turns[turn].Options {
			queue = append(queue, append(append([]int(nil), path...), k))
		}
	}
	return nil
}
