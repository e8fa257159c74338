package progress

import (
	"context"
	"encoding/json"
	"math"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/progress/lrstest"
)

// lrsConfig is the test LRS's configuration.
func lrsConfig(l *lrstest.LRS) LRSConfig {
	return LRSConfig{Endpoint: l.Endpoint, User: lrstest.User, Password: lrstest.Password}
}

// openFast opens a store without fsync per commit, for tests that record
// thousands of answers.
func openFast(t testing.TB) *Store {
	t.Helper()
	s, err := open(context.Background(), filepath.Join(t.TempDir(), "progress.db"), options{synchronous: "OFF"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// fillHistory records n attempts spread over the learners, one a second
// from a fixed start, with a drill run every 100.
func fillHistory(t testing.TB, s *Store, names []string, n int) []LearnerID {
	t.Helper()
	ctx := context.Background()
	start := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	k := 0
	s.Now = func() time.Time { k++; return start.Add(time.Duration(k) * time.Second) }
	var ids []LearnerID
	for _, name := range names {
		l, err := s.CreateLearner(ctx, name, "")
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, l.ID)
	}
	structures := []string{"FMA:23462", "FMA:23463", "FMA:23464", "FMA:23465"}
	systems := []learning.SkillID{"system:skeletal", "system:muscular"}
	for i := range n {
		who := ids[i%len(ids)]
		var in AttemptInput
		if i%7 == 3 {
			in = AttemptInput{Learner: who, Item: "procedure-test:core/venepuncture", Correct: i%3 != 0,
				Skills: []learning.SkillID{"procedure:core/venepuncture"}, PackID: "core", PackVersion: "1.2.0",
				Text: ActivityText{Lang: "en", Name: "Venepuncture at the antecubital fossa: test"}}
		} else {
			st := structures[i%len(structures)]
			in = AttemptInput{Learner: who, Item: learning.ItemID("name-typed:" + st), Correct: i%5 != 0,
				Response: time.Duration(1000+i%3000) * time.Millisecond, PackID: "core", PackVersion: "1.2.0",
				Skills: []learning.SkillID{learning.SkillID("structure:" + st), systems[i%2], "region:wrist"},
				Text:   ActivityText{Lang: "en", Name: "Name the highlighted structure: Scaphoid " + st}}
		}
		if _, err := s.RecordAttempt(ctx, in); err != nil {
			t.Fatal(err)
		}
		if i%100 == 50 {
			if _, err := s.RecordDrillRun(ctx, DrillRunInput{Learner: who, DrillID: "core/locate-wrist", PackID: "core",
				PackVersion: "1.2.0", Duration: 30 * time.Second, Trials: 10, Score: float64(i % 97), Accuracy: 0.8,
				Speed: 20, Text: ActivityText{Name: "Locate the wrist bones"}}); err != nil {
				t.Fatal(err)
			}
		}
	}
	s.Now = time.Now
	return ids
}

func TestSendToRealLRS(t *testing.T) {
	l := lrstest.Start(t)
	s := openFast(t)
	fillHistory(t, s, []string{"Ada", "Ben", "Cy"}, 300)
	ctx := context.Background()
	n, err := s.EnableSending(ctx)
	if err != nil {
		t.Fatal(err)
	}
	snd := &Sender{Store: s, Config: lrsConfig(l)}
	sent, err := snd.SendAll(ctx)
	if err != nil {
		t.Fatal(err)
	}
	back, err := snd.ReadStatements(ctx, time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	st, _ := s.SendStatus(ctx)
	t.Logf("queued %d, sent %d, read back %d, status %+v", n, sent, len(back), st)
	if sent != n || len(back) != n || st.Queued != 0 || st.Version != XAPI103 {
		t.Errorf("queued %d, sent %d, read back %d, status %+v", n, sent, len(back), st)
	}
	b, _ := json.Marshal(back)
	lrstest.Validate(t, b)
}

func TestClassReportFromLRSEqualsDatabase(t *testing.T) {
	l := lrstest.Start(t)
	s := openFast(t)
	ids := fillHistory(t, s, []string{"Ada", "Ben", "Cy"}, 600)
	ctx := context.Background()
	if err := s.SetUseNameInExports(ctx, ids[1], true); err != nil {
		t.Fatal(err)
	}
	if _, err := s.EnableSending(ctx); err != nil {
		t.Fatal(err)
	}
	snd := &Sender{Store: s, Config: lrsConfig(l), Batch: 200}
	if _, err := snd.SendAll(ctx); err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	for _, r := range [][2]time.Time{{}, {start.Add(2 * time.Minute), start.Add(7 * time.Minute)}} {
		back, err := snd.ReadStatements(ctx, r[0], r[1])
		if err != nil {
			t.Fatal(err)
		}
		fromLRS, err := ClassReportFrom(back, r[0], r[1])
		if err != nil {
			t.Fatal(err)
		}
		fromDB, err := s.ClassReport(ctx, r[0], r[1])
		if err != nil {
			t.Fatal(err)
		}
		var a, b strings.Builder
		fromLRS.WriteCSV(&a)
		fromDB.WriteCSV(&b)
		if a.String() != b.String() || !reflect.DeepEqual(fromLRS, fromDB) {
			t.Errorf("range %v: report from the LRS:\n%s\nfrom the database:\n%s", r, a.String(), b.String())
		}
		if len(fromDB.Learners) != 3 || len(fromDB.Learners[0].Systems) == 0 || len(fromDB.Learners[0].Procedures) == 0 {
			t.Errorf("range %v: report too thin:\n%s", r, b.String())
		}
		t.Logf("range %v:\n%s", r, firstLines(b.String(), 8))
	}
	// Over all time, the replayed mastery is the stored one.
	full, _ := s.ClassReport(ctx, time.Time{}, time.Time{})
	for _, lr := range full.Learners {
		l, err := s.LearnerByName(ctx, lr.Who)
		if err != nil { // a pseudonym
			continue
		}
		stored, err := s.Mastery(ctx, l.ID, learning.SkillSystem)
		if err != nil || len(stored) != len(lr.Systems) {
			t.Fatalf("stored system mastery %v, %v; report %v", stored, err, lr.Systems)
		}
		for i, m := range stored {
			if m.Skill != lr.Systems[i].Skill || math.Abs(m.Estimate-lr.Systems[i].Estimate) > 1e-9 || m.Mastered != lr.Systems[i].Mastered {
				t.Errorf("%s: stored %+v, replayed %+v", lr.Who, m, lr.Systems[i])
			}
		}
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

func TestActivityTextIsClippedNotRefused(t *testing.T) {
	long := strings.Repeat("é", 600)
	got := ActivityText{Lang: strings.Repeat("x", 40), Name: long, Description: "ok"}.clip()
	if got.Lang != "" || len(got.Name) > 512 || !utf8.ValidString(got.Name) || got.Description != "ok" {
		t.Errorf("clip: lang %q, name %d bytes valid=%v", got.Lang, len(got.Name), utf8.ValidString(got.Name))
	}
	s := openFast(t)
	l, _ := s.CreateLearner(context.Background(), "Ada", "")
	if _, err := s.RecordAttempt(context.Background(), AttemptInput{Learner: l.ID, Item: "mcq:core/q1", Correct: true,
		Text: ActivityText{Name: long}}); err != nil {
		t.Errorf("a long name lost the answer: %v", err)
	}
}
