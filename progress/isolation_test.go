package progress

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/osteon/osteon/learning"
)

// TestLearnersAreIsolated gives two learners the same items, skills, drill
// and sessions, then checks that every per-learner query returns only the
// asking learner's rows.
func TestLearnersAreIsolated(t *testing.T) {
	s, c := newStore(t)
	ctx := context.Background()
	ada, ben := mustLearner(t, s, "Ada"), mustLearner(t, s, "Ben")
	sessions := map[LearnerID]SessionID{}
	for i, l := range []Learner{ada, ben} {
		sess, err := s.StartSession(ctx, l.ID, "practice", "")
		if err != nil {
			t.Fatal(err)
		}
		sessions[l.ID] = sess
		for n := range 3 + i*4 { // Ada 3 attempts, Ben 7
			_, err := s.RecordAttempt(ctx, AttemptInput{Learner: l.ID, Session: sess, Item: "find:scaphoid",
				Correct: n%2 == 0, Skills: []learning.SkillID{"structure:scaphoid", "system:skeletal"}})
			if err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.RecordDrillRun(ctx, DrillRunInput{Learner: l.ID, DrillID: "d", Score: float64(10 * (i + 1)), Accuracy: 1}); err != nil {
			t.Fatal(err)
		}
	}
	c.Add(48 * time.Hour)
	for _, tc := range []struct {
		l    Learner
		n    int
		best float64
	}{{ada, 3, 10}, {ben, 7, 20}} {
		t.Run(tc.l.Name, func(t *testing.T) {
			id := tc.l.ID
			as, _ := s.Attempts(ctx, id, AttemptFilter{Item: "find:scaphoid"})
			for _, a := range as {
				if a.Learner != id {
					t.Errorf("Attempts returned learner %d's attempt", a.Learner)
				}
			}
			outs, _ := s.Outcomes(ctx, id, "find:scaphoid")
			due, _ := s.DueItems(ctx, id, 100)
			cards, _ := s.Cards(ctx, id, []learning.ItemID{"find:scaphoid"})
			m, _ := s.Mastery(ctx, id, learning.SkillStructure)
			st, _ := s.Stats(ctx, id)
			h, _ := s.DrillHistory(ctx, id, "d", 0)
			pb, _ := s.PersonalBests(ctx, id)
			sum, _ := s.SessionSummary(ctx, id, sessions[id])
			got := fmt.Sprint(len(as), len(outs), len(due), cards["find:scaphoid"].Reps, m[0].Evidence,
				st.Attempts, len(h), pb[0].BestScore, sum.Attempts)
			want := fmt.Sprint(tc.n, tc.n, 1, tc.n, tc.n, tc.n, 1, tc.best, tc.n)
			if got != want {
				t.Errorf("counts %s, want %s", got, want)
			}
			for other, sess := range sessions {
				if other == id {
					continue
				}
				if _, err := s.SessionSummary(ctx, id, sess); !errors.Is(err, ErrNotFound) {
					t.Errorf("summary of another learner's session: %v", err)
				}
				if err := s.EndSession(ctx, id, sess); !errors.Is(err, ErrNotFound) {
					t.Errorf("ended another learner's session: %v", err)
				}
				if as, _ := s.Attempts(ctx, id, AttemptFilter{Session: sess}); len(as) != 0 {
					t.Errorf("attempts of another learner's session: %d", len(as))
				}
			}
		})
	}
	if lb, _ := s.Leaderboard(ctx, 10); len(lb) != 0 {
		t.Errorf("leaderboard shows learners who did not opt in: %+v", lb)
	}
}

func TestDefaultPath(t *testing.T) {
	home := func() (string, error) { return "/home/ada", nil }
	tests := []struct {
		name string
		goos string
		env  map[string]string
		want string
	}{
		{name: "env wins", goos: "linux", env: map[string]string{EnvDB: "/lab/osteon.db", "XDG_DATA_HOME": "/x"}, want: "/lab/osteon.db"},
		{name: "linux xdg", goos: "linux", env: map[string]string{"XDG_DATA_HOME": "/data"}, want: filepath.Join("/data", "osteon", "progress.db")},
		{name: "linux relative xdg ignored", goos: "linux", env: map[string]string{"XDG_DATA_HOME": "rel"}, want: filepath.Join("/home/ada", ".local", "share", "osteon", "progress.db")},
		{name: "linux default", goos: "linux", want: filepath.Join("/home/ada", ".local", "share", "osteon", "progress.db")},
		{name: "freebsd like linux", goos: "freebsd", want: filepath.Join("/home/ada", ".local", "share", "osteon", "progress.db")},
		{name: "macOS", goos: "darwin", want: filepath.Join("/home/ada", "Library", "Application Support", "Osteon", "progress.db")},
		{name: "windows", goos: "windows", env: map[string]string{"AppData": `C:\Users\ada\AppData\Roaming`}, want: filepath.Join(`C:\Users\ada\AppData\Roaming`, "Osteon", "progress.db")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := defaultPath(tt.goos, func(k string) string { return tt.env[k] }, home)
			if err != nil || got != tt.want {
				t.Errorf("defaultPath = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
	if _, err := defaultPath("windows", func(string) string { return "" }, home); err == nil {
		t.Error("windows without AppData: no error")
	}
}
