package progress

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/osteon/osteon/learning"
)

func TestCreateLearner(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	tests := []struct {
		name, in, pin string
		want          Learner
		err           error
	}{
		{name: "plain", in: "Ada", want: Learner{Name: "Ada", CreatedAt: t0, LastSeenAt: t0}},
		{name: "trimmed with PIN", in: "  Ben  ", pin: "1234", want: Learner{Name: "Ben", HasPIN: true, CreatedAt: t0, LastSeenAt: t0}},
		{name: "unicode", in: "Zoë Ñúñez", want: Learner{Name: "Zoë Ñúñez", CreatedAt: t0, LastSeenAt: t0}},
		{name: "duplicate ignoring case", in: "ADA", err: ErrNameTaken},
		{name: "empty", in: "   ", err: ErrInvalid},
		{name: "too long", in: strings.Repeat("x", 65), err: ErrInvalid},
		{name: "control character", in: "a\x07b", err: ErrInvalid},
		{name: "PIN too short", in: "Cy", pin: "123", err: ErrInvalid},
		{name: "PIN not digits", in: "Di", pin: "12ab", err: ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.CreateLearner(ctx, tt.in, tt.pin)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Pseudonym) != 32 {
				t.Errorf("pseudonym %q, want 32 hex digits", got.Pseudonym)
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.IgnoreFields(Learner{}, "ID", "Pseudonym")); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestPIN(t *testing.T) {
	s, c := newStore(t)
	ctx := context.Background()
	l, err := s.CreateLearner(ctx, "Ada", "2468")
	if err != nil {
		t.Fatal(err)
	}
	c.Add(time.Hour)
	t.Run("wrong PIN", func(t *testing.T) {
		if _, err := s.SignIn(ctx, l.ID, "1111"); !errors.Is(err, ErrWrongPIN) {
			t.Errorf("err = %v, want ErrWrongPIN", err)
		}
	})
	t.Run("right PIN records last seen", func(t *testing.T) {
		got, err := s.SignIn(ctx, l.ID, "2468")
		if err != nil {
			t.Fatal(err)
		}
		if !got.LastSeenAt.Equal(t0.Add(time.Hour)) {
			t.Errorf("last seen %v", got.LastSeenAt)
		}
	})
	t.Run("hash is salted and records its cost", func(t *testing.T) {
		var h1, h2 string
		s.rdb.QueryRow(`SELECT pin_hash FROM learners WHERE id = ?`, l.ID).Scan(&h1)
		l2, _ := s.CreateLearner(ctx, "Ben", "2468")
		s.rdb.QueryRow(`SELECT pin_hash FROM learners WHERE id = ?`, l2.ID).Scan(&h2)
		if h1 == h2 || !strings.HasPrefix(h1, "pbkdf2-sha256$1000$") || strings.Contains(h1, "2468") {
			t.Errorf("hashes %q and %q", h1, h2)
		}
		// A hash made at another cost still verifies.
		old := pinCost
		pinCost = 1500
		defer func() { pinCost = old }()
		h3, _ := hashPIN("97531")
		pinCost = old
		if ok, err := pinMatches(h3, "97531"); !ok || err != nil {
			t.Errorf("hash at cost 1500 does not verify: %v", err)
		}
	})
	t.Run("change needs the current PIN", func(t *testing.T) {
		if err := s.SetPIN(ctx, l.ID, "0000", "1357"); !errors.Is(err, ErrWrongPIN) {
			t.Errorf("err = %v, want ErrWrongPIN", err)
		}
		if err := s.SetPIN(ctx, l.ID, "2468", "1357"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SignIn(ctx, l.ID, "1357"); err != nil {
			t.Errorf("new PIN refused: %v", err)
		}
	})
	t.Run("remove PIN", func(t *testing.T) {
		if err := s.SetPIN(ctx, l.ID, "1357", ""); err != nil {
			t.Fatal(err)
		}
		got, err := s.SignIn(ctx, l.ID, "")
		if err != nil || got.HasPIN {
			t.Errorf("after removing PIN: %+v, %v", got, err)
		}
	})
	t.Run("malformed stored hash", func(t *testing.T) {
		for _, h := range []string{"", "md5$1$a$b", "pbkdf2-sha256$x$a$b", "pbkdf2-sha256$10$!!$b"} {
			if _, err := pinMatches(h, "1234"); err == nil {
				t.Errorf("pinMatches(%q) accepted", h)
			}
		}
	})
}

func TestLearnerSettingsAndDelete(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	l := mustLearner(t, s, "Ada")
	other := mustLearner(t, s, "Ben")
	if err := s.Rename(ctx, l.ID, "Ada L."); err != nil {
		t.Fatal(err)
	}
	if err := s.Rename(ctx, l.ID, "ben"); !errors.Is(err, ErrNameTaken) {
		t.Errorf("rename onto another's name: %v", err)
	}
	if err := s.SetLeaderboard(ctx, l.ID, true); err != nil {
		t.Fatal(err)
	}
	if err := s.SetUseNameInExports(ctx, l.ID, true); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Learner(ctx, l.ID)
	if got.Name != "Ada L." || !got.OnLeaderboard || !got.UseNameInExports {
		t.Errorf("after settings: %+v", got)
	}
	if err := s.SetLeaderboard(ctx, 999, true); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing learner: %v", err)
	}
	if _, err := s.RecordAttempt(ctx, AttemptInput{Learner: l.ID, Item: "find:x", Correct: true,
		Skills: []learning.SkillID{"system:skeletal"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteLearner(ctx, l.ID, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Learner(ctx, l.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted learner still there: %v", err)
	}
	var rows int
	s.rdb.QueryRow(`SELECT (SELECT count(*) FROM attempts) + (SELECT count(*) FROM memory) +
		(SELECT count(*) FROM mastery) + (SELECT count(*) FROM learner_stats WHERE learner_id = ?) +
		(SELECT count(*) FROM milestones)`, l.ID).Scan(&rows)
	if rows != 0 {
		t.Errorf("%d rows of the deleted learner remain", rows)
	}
	if ls, _ := s.Learners(ctx); len(ls) != 1 || ls[0].ID != other.ID {
		t.Errorf("learners after delete: %+v", ls)
	}
}
