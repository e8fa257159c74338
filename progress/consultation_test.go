package progress

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/osteon/osteon/assets"
	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/learning"
)

// TestConsultationTestsRecordedAndExported: a consultation Test is an attempt of kind
// consultation whose detail keeps the path and the result; CSV and xAPI export it like a
// procedure test, and its outcomes feed the CUSUM.
func TestConsultationTestsRecordedAndExported(t *testing.T) {
	p, err := content.OpenPack(assets.BuiltinPack(), "built-in pack")
	if err != nil {
		t.Fatal(err)
	}
	cs, probs := p.LoadConsultations()
	if len(probs) > 0 || len(cs) == 0 {
		t.Fatalf("%d scenarios: %v", len(cs), probs)
	}
	c := &cs[0]
	s, clock := newStore(t)
	ctx := context.Background()
	ada := mustLearner(t, s, "Ada")
	record := func(moves []int) learning.ConsultOutcome {
		start := time.Now()
		tt := learning.NewConsultTest(c, 1, start)
		for _, k := range moves {
			tt.Choose(k)
		}
		for !tt.Done() {
			tt.Choose(learning.BestOption(&c.Turns[tt.Conversation().Turn()]))
		}
		out := tt.Finish(start.Add(6 * time.Minute))
		a, err := learning.NewConsultationAttempt(p.ID, c, out)
		if err != nil {
			t.Fatal(err)
		}
		clock.Add(time.Minute)
		if _, err := s.RecordAttempt(ctx, AttemptInput{Learner: ada.ID, Item: a.Item, PackID: p.ID, PackVersion: p.Version,
			Correct: a.Passed, Score: a.Score, Response: a.Time, Skills: []learning.SkillID{a.Skill}, Detail: a.Detail}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	critical := slices.IndexFunc(c.Turns[0].Options, func(o content.Option) bool { return o.Critical })
	if failed := record([]int{critical}); failed.Passed {
		t.Fatal("a critical reply passed")
	}
	if passed := record(nil); !passed.Passed {
		t.Fatal("the model consultation failed")
	}

	item, _ := learning.ConsultationItem(p.ID, c.ID)
	outcomes, err := s.Outcomes(ctx, ada.ID, item)
	if err != nil || !slices.Equal(outcomes, []bool{false, true}) {
		t.Fatalf("outcomes %v, %v", outcomes, err)
	}
	if pr := learning.ProcedureProficiency(outcomes); pr.Trials != 2 || pr.Passes != 1 {
		t.Errorf("proficiency %+v", pr)
	}

	var buf bytes.Buffer
	if err := s.ExportAttemptsCSV(ctx, &buf, ada.ID); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil || len(recs) != 3 {
		t.Fatalf("%d rows, %v", len(recs), err)
	}
	for i, r := range recs[1:] {
		var detail map[string]any
		if err := json.Unmarshal([]byte(r[14]), &detail); err != nil {
			t.Fatalf("row %d detail %q: %v", i, r[14], err)
		}
		if r[3] != string(item) || r[4] != "consultation" || r[13] != "consultation:osteon-builtin/"+c.ID ||
			detail["passed"] != (i == 1) || len(detail["path"].([]any)) < 5 || r[10] != "360000" {
			t.Errorf("row %d: %v", i, r)
		}
	}
	if !strings.Contains(recs[1][14], "Critical reply") {
		t.Errorf("the failed test's detail does not name the critical reply: %s", recs[1][14])
	}

	buf.Reset()
	if err := s.ExportXAPI(ctx, &buf, ada.ID); err != nil {
		t.Fatal(err)
	}
	var sts []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &sts); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, st := range sts {
		obj := st["object"].(map[string]any)
		if !strings.Contains(obj["id"].(string), "/items/consultation") {
			continue
		}
		n++
		for _, e := range validateStatement(st) {
			t.Errorf("statement: %s", e)
		}
		def := obj["definition"].(map[string]any)
		if st["verb"].(map[string]any)["id"] != VerbCompleted || def["type"] != "http://adlnet.gov/expapi/activities/assessment" {
			t.Errorf("statement %v", st)
		}
	}
	if n != 2 {
		t.Errorf("%d consultation statements, want 2", n)
	}
}
