package progress

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"
)

func TestMain(m *testing.M) {
	pinCost = 1000 // the real cost is slow; the format records the count
	if p := os.Getenv(childEnv); p != "" {
		os.Exit(childMain(p))
	}
	os.Exit(m.Run())
}

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

var t0 = time.Date(2025, 3, 10, 9, 0, 0, 0, time.UTC)

// newStore opens a store in a temporary folder with a test clock at t0 and
// UTC calendar days.
func newStore(t testing.TB) (*Store, *clock) {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "progress.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	c := &clock{t: t0}
	s.Now, s.Location = c.Now, time.UTC
	return s, c
}

func mustLearner(t testing.TB, s *Store, name string) Learner {
	t.Helper()
	l, err := s.CreateLearner(context.Background(), name, "")
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// rawDB opens path without any of the store's machinery.
func rawDB(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", fileURI(path)+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestOpenSetsPragmas(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	tests := []struct {
		pragma string
		want   string
	}{
		{"journal_mode", "wal"},
		{"synchronous", "2"}, // FULL
		{"foreign_keys", "1"},
		{"busy_timeout", "5"}, // the writer; Store.tx polls beyond it
		{"user_version", strconv.Itoa(SchemaVersion)},
		{"application_id", "1330861125"},
	}
	for _, tt := range tests {
		t.Run(tt.pragma, func(t *testing.T) {
			var got string
			if err := s.db.QueryRowContext(ctx, "PRAGMA "+tt.pragma).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("PRAGMA %s = %q, want %q", tt.pragma, got, tt.want)
			}
		})
	}
	t.Run("readers are query-only", func(t *testing.T) {
		_, err := s.rdb.ExecContext(ctx, "DELETE FROM learners")
		if err == nil {
			t.Error("a reader connection could write")
		}
	})
	t.Run("foreign keys enforced", func(t *testing.T) {
		err := s.tx(ctx, func(tx *wtx) error {
			_, err := tx.ExecContext(ctx, `INSERT INTO sessions (learner_id, kind, started_at) VALUES (999, 'x', 0)`)
			return err
		})
		if err == nil {
			t.Error("session for a missing learner accepted")
		}
	})
}

func TestSchemaVersionMatchesMigrations(t *testing.T) {
	if len(migrations) != SchemaVersion {
		t.Fatalf("SchemaVersion = %d but there are %d migrations", SchemaVersion, len(migrations))
	}
}

func TestOpenTwiceKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sub", "dir", "progress.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	mustLearner(t, s, "Ada")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.LearnerByName(ctx, "ada"); err != nil {
		t.Errorf("learner lost on reopen: %v", err)
	}
	if s.Recovered() != nil {
		t.Errorf("Recovered() = %v on a healthy file", s.Recovered())
	}
	baks, _ := filepath.Glob(path + ".v*.bak")
	if len(baks) != 0 {
		t.Errorf("backups %v made without a migration", baks)
	}
}

func TestOpenOddPaths(t *testing.T) {
	for _, name := range []string{"with space.db", "q?mark.db", "hash#.db", "per%25cent.db", "ünï.db"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), name)
			s, err := Open(context.Background(), path)
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
			if _, err := os.Stat(path); err != nil {
				t.Errorf("database not at %q: %v", path, err)
			}
		})
	}
}

func TestOpenRefusesForeignDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	db := rawDB(t, path)
	if _, err := db.Exec(`CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('keep me')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before := fileSum(t, path)
	_, err := Open(context.Background(), path)
	if !errors.Is(err, ErrForeign) {
		t.Fatalf("Open = %v, want ErrForeign", err)
	}
	if fileSum(t, path) != before {
		t.Error("foreign database was modified")
	}
}
