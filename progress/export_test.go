package progress

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/osteon/osteon/learning"
)

// exportFixture: Ada (named in exports, one session, a mastered skill, a
// drill run, a procedure test) and "=cmd" (pseudonymous, one attempt).
func exportFixture(t *testing.T) (*Store, Learner, Learner) {
	t.Helper()
	s, c := newStore(t)
	ctx := context.Background()
	ada := mustLearner(t, s, "Ada")
	evil := mustLearner(t, s, "=cmd")
	s.SetUseNameInExports(ctx, ada.ID, true)
	sess, _ := s.StartSession(ctx, ada.ID, "practice", "")
	for i := range 5 {
		c.Add(time.Second)
		_, err := s.RecordAttempt(ctx, AttemptInput{Learner: ada.ID, Session: sess, Item: "name-typed:FMA:23462",
			PackID: "core", PackVersion: "1.2.0", Correct: i != 1, Score: []float64{1, 0, 0.5, 1, 1}[i],
			Response: 1500 * time.Millisecond, Skills: []learning.SkillID{"structure:FMA:23462"}})
		if err != nil {
			t.Fatal(err)
		}
	}
	c.Add(time.Second)
	if _, err := s.RecordAttempt(ctx, AttemptInput{Learner: ada.ID, Item: "procedure-test:core/venepuncture",
		Correct: false, Response: 4*time.Minute + 5250*time.Millisecond}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordDrillRun(ctx, DrillRunInput{Learner: ada.ID, DrillID: "core/locate", Duration: 75 * time.Second,
		Trials: 20, Score: 88, Accuracy: 0.9, Speed: 16, Throughput: 4.2}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordAttempt(ctx, AttemptInput{Learner: evil.ID, Item: "mcq:core/q1", Correct: true}); err != nil {
		t.Fatal(err)
	}
	return s, ada, evil
}

func TestExportAttemptsCSV(t *testing.T) {
	s, ada, evil := exportFixture(t)
	tests := []struct {
		name    string
		learner LearnerID
		rows    int
		who     []string
	}{
		{name: "one learner", learner: ada.ID, rows: 6, who: []string{"Ada"}},
		{name: "pseudonymous learner", learner: evil.ID, rows: 1, who: []string{evil.Pseudonym}},
		{name: "all learners", learner: AllLearners, rows: 7, who: []string{"Ada", evil.Pseudonym}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := s.ExportAttemptsCSV(context.Background(), &buf, tt.learner); err != nil {
				t.Fatal(err)
			}
			recs, err := csv.NewReader(&buf).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(AttemptsCSVHeader, recs[0]); diff != "" {
				t.Errorf("header (-want +got):\n%s", diff)
			}
			if len(recs)-1 != tt.rows {
				t.Fatalf("%d rows, want %d", len(recs)-1, tt.rows)
			}
			seen := map[string]bool{}
			for _, r := range recs[1:] {
				seen[r[1]] = true
				if strings.Contains(r[1], "=cmd") {
					t.Errorf("a learner's name leaked into a pseudonymous export: %q", r[1])
				}
			}
			for _, w := range tt.who {
				if !seen[w] {
					t.Errorf("learner column lacks %q: %v", w, seen)
				}
			}
		})
	}
	var buf bytes.Buffer
	s.ExportAttemptsCSV(context.Background(), &buf, ada.ID)
	recs, _ := csv.NewReader(&buf).ReadAll()
	want := []string{recs[1][0], "Ada", "1", "name-typed:FMA:23462", "name-typed", "core", "1.2.0", "4", "true", "1",
		"1500", "2025-03-10T09:00:01.000Z", "10", "structure:FMA:23462", "{}"}
	if diff := cmp.Diff(want, recs[1]); diff != "" {
		t.Errorf("first row (-want +got):\n%s", diff)
	}
}

func TestCSVCellsDefuseFormulas(t *testing.T) {
	s, _, _ := exportFixture(t)
	ctx := context.Background()
	l, _ := s.LearnerByName(ctx, "=cmd")
	s.SetUseNameInExports(ctx, l.ID, true)
	var buf bytes.Buffer
	s.ExportAttemptsCSV(ctx, &buf, l.ID)
	recs, _ := csv.NewReader(&buf).ReadAll()
	if recs[1][1] != "'=cmd" {
		t.Errorf("learner cell %q, want '=cmd", recs[1][1])
	}
}

func TestExportMasteryCSV(t *testing.T) {
	s, ada, _ := exportFixture(t)
	var buf bytes.Buffer
	if err := s.ExportMasteryCSV(context.Background(), &buf, ada.ID); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// Scores 1, 0, 0.5, 1, 1 at half-life 5 (λ = 2^-0.2 = 0.870551):
	// Σλ^k x = 1 + λ + 0.5λ² + 0 + λ⁴ = 1 + 0.870551 + 0.378929 + 0.574349 = 2.823829
	// Σλ^k = 1 + 0.870551 + 0.757858 + 0.659754 + 0.574349 = 3.862512,
	// plus the prior's 3 wrong answers faded five times, 3λ⁵ = 1.5
	// → 2.823829 / 5.362512 = 0.526587: below 0.85.
	want := [][]string{MasteryCSVHeader,
		{"Ada", "structure:FMA:23462", "structure", recs[1][3], "5", "false", "", "2025-03-10T09:00:05.000Z"}}
	if diff := cmp.Diff(want, recs); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if !strings.HasPrefix(recs[1][3], "0.52658") {
		t.Errorf("estimate %s, want 0.526587", recs[1][3])
	}
}

func TestExportXAPIIsValid(t *testing.T) {
	s, ada, evil := exportFixture(t)
	// Make Ada master a skill so a "mastered" statement appears: nine right
	// answers, the last five a day after the first four.
	day2 := s.now().Add(25 * time.Hour)
	for i := range 9 {
		if i == 4 {
			s.Now = func() time.Time { return day2 }
		}
		s.RecordAttempt(context.Background(), AttemptInput{Learner: ada.ID, Item: "find:lunate", Correct: true,
			Skills: []learning.SkillID{"structure:lunate"}})
	}
	var buf bytes.Buffer
	if err := s.ExportXAPI(context.Background(), &buf, AllLearners); err != nil {
		t.Fatal(err)
	}
	var sts []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &sts); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, buf.String())
	}
	verbs := map[string]int{}
	ids := map[string]bool{}
	last := ""
	for i, st := range sts {
		for _, e := range validateStatement(st) {
			t.Errorf("statement %d: %s", i, e)
		}
		verbs[st["verb"].(map[string]any)["id"].(string)]++
		ids[st["id"].(string)] = true
		if ts := st["timestamp"].(string); ts < last {
			t.Errorf("statement %d at %s before %s", i, ts, last)
		} else {
			last = ts
		}
		actor := st["actor"].(map[string]any)
		name, named := actor["name"]
		acct := actor["account"].(map[string]any)["name"]
		switch acct {
		case ada.Pseudonym:
			if name != "Ada" {
				t.Errorf("Ada chose to be named, got %v", name)
			}
		case evil.Pseudonym:
			if named {
				t.Errorf("pseudonymous learner named %v", name)
			}
		default:
			t.Errorf("unknown account %v", acct)
		}
	}
	want := map[string]int{VerbAnswered: 15, VerbCompleted: 2, VerbMastered: 1}
	if diff := cmp.Diff(want, verbs); diff != "" {
		t.Errorf("verbs (-want +got):\n%s", diff)
	}
	if len(ids) != len(sts) {
		t.Errorf("%d statements but %d distinct ids", len(sts), len(ids))
	}
	var again bytes.Buffer
	s.ExportXAPI(context.Background(), &again, AllLearners)
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("exporting twice gave different statements")
	}
}

func TestXAPIValidatorCatchesErrors(t *testing.T) {
	good := func() map[string]any {
		return map[string]any{
			"id":        "5d1c7a3e-8f1b-5c2d-9e4f-0a1b2c3d4e5f",
			"actor":     map[string]any{"objectType": "Agent", "account": map[string]any{"homePage": "https://x.org", "name": "p"}},
			"verb":      map[string]any{"id": VerbAnswered, "display": map[string]any{"en-US": "answered"}},
			"object":    map[string]any{"objectType": "Activity", "id": "https://x.org/a"},
			"result":    map[string]any{"score": map[string]any{"scaled": 0.5, "raw": 0.5, "min": 0.0, "max": 1.0}, "duration": "PT1M2.5S"},
			"timestamp": "2025-03-10T09:00:00.000Z",
		}
	}
	if errs := validateStatement(good()); len(errs) != 0 {
		t.Fatalf("good statement rejected: %v", errs)
	}
	tests := []struct {
		name string
		mod  func(map[string]any)
	}{
		{"no actor", func(s map[string]any) { delete(s, "actor") }},
		{"no verb", func(s map[string]any) { delete(s, "verb") }},
		{"no object", func(s map[string]any) { delete(s, "object") }},
		{"two identifiers", func(s map[string]any) { s["actor"].(map[string]any)["mbox"] = "mailto:a@b.c" }},
		{"account without homePage", func(s map[string]any) {
			s["actor"].(map[string]any)["account"] = map[string]any{"name": "p"}
		}},
		{"relative verb id", func(s map[string]any) { s["verb"].(map[string]any)["id"] = "answered" }},
		{"relative object id", func(s map[string]any) { s["object"].(map[string]any)["id"] = "items/1" }},
		{"scaled above 1", func(s map[string]any) {
			s["result"].(map[string]any)["score"].(map[string]any)["scaled"] = 1.5
		}},
		{"raw above max", func(s map[string]any) {
			s["result"].(map[string]any)["score"].(map[string]any)["raw"] = 2.0
		}},
		{"bad duration", func(s map[string]any) { s["result"].(map[string]any)["duration"] = "2.5 seconds" }},
		{"bad id", func(s map[string]any) { s["id"] = "42" }},
		{"bad timestamp", func(s map[string]any) { s["timestamp"] = "yesterday" }},
		{"unknown property", func(s map[string]any) { s["score"] = 1 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := good()
			tt.mod(st)
			if errs := validateStatement(st); len(errs) == 0 {
				t.Error("accepted")
			}
		})
	}
}

func TestISODuration(t *testing.T) {
	tests := []struct {
		in   time.Duration
		want string
	}{
		{0, "PT0S"},
		{1500 * time.Millisecond, "PT1.5S"},
		{65250 * time.Millisecond, "PT1M5.25S"},
		{time.Hour + 2*time.Minute + 3*time.Second, "PT1H2M3S"},
		{2 * time.Hour, "PT2H0S"},
		{1234 * time.Microsecond, "PT0.001S"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := isoDuration(tt.in); got != tt.want {
				t.Errorf("isoDuration(%v) = %q, want %q", tt.in, got, tt.want)
			}
			if !durationRE.MatchString(isoDuration(tt.in)) {
				t.Errorf("%q fails the validator's pattern", isoDuration(tt.in))
			}
		})
	}
}
