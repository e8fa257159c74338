package progress

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func fileSum(t testing.TB, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// buildAt makes a database at schema version v by running the real
// migrations 1..v, then loads that version's fixture rows.
func buildAt(t *testing.T, path string, v int) {
	t.Helper()
	ctx := context.Background()
	db, err := openPool(path, writerDSN(path, "FULL"), 1)
	if err != nil {
		t.Fatal(err)
	}
	s := &Store{path: path, db: db}
	if err := s.migrateTo(ctx, v); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(fixtures[v]); err != nil {
		t.Fatalf("fixture for version %d: %v", v, err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

// fixtureV1 holds rows valid at schema version 1: two learners, one with
// three attempts (points 10, 0, 10) and the mastery the first rule stored
// for them (one skill mastered on three answers).
const fixtureV1 = `INSERT INTO learners (id, name, pseudonym, created_at, last_seen_at) VALUES
		(1, 'Ada', 'p-ada', 1000, 1000), (2, 'Ben', 'p-ben', 1000, 1000);
	INSERT INTO attempts (learner_id, item_id, item_kind, grade, correct, score, response_ms, at, points, skills) VALUES
		(1, 'find:FMA:23462', 'find', 3, 1, 1, 2000, 2000, 10, '["structure:FMA:23462","system:skeletal"]'),
		(1, 'find:FMA:23462', 'find', 1, 0, 0, 2500, 3000, 0, '["structure:FMA:23462","system:skeletal"]'),
		(1, 'mcq:core/q1', 'mcq', 4, 1, 1, 900, 4000, 10, '[]');
	INSERT INTO mastery (learner_id, skill_id, skill_kind, weighted_sum, weight, evidence, estimate,
		mastered, mastered_at, updated_at) VALUES
		(1, 'structure:FMA:23462', 'structure', 5, 5, 5, 1, 1, 4000, 4000),
		(1, 'system:skeletal', 'system', 1, 2, 2, 0.5, 0, NULL, 4000);`

// fixtures hold rows valid at each earlier schema version.
var fixtures = map[int]string{
	1: fixtureV1,
	2: fixtureV1 + `
	INSERT INTO learner_stats (learner_id, points, attempts, correct, mastered) VALUES (1, 20, 3, 2, 1), (2, 0, 0, 0, 0);`,
}

func init() {
	// Version 2 holds the same rows, with the totals migration 2 computes.
	fixtures[2] = fixtures[1] + `
	INSERT INTO learner_stats (learner_id, points, attempts, correct, mastered) VALUES (1, 20, 3, 2, 1), (2, 0, 0, 0, 0);`
	// Version 3 holds the same rows as migration 3 leaves them: mastery recomputed under the
	// evidence rule (nothing mastered on three answers), so the totals say 0 mastered.
	fixtures[3] = strings.Replace(fixtureV1, "5, 5, 5, 1, 1, 4000, 4000", "5, 5, 5, 0.84, 0, NULL, 4000", 1) + `
	INSERT INTO learner_stats (learner_id, points, attempts, correct, mastered) VALUES (1, 20, 3, 2, 0), (2, 0, 0, 0, 0);`
}

func TestMigrateFromEveryEarlierVersion(t *testing.T) {
	for _, m := range migrations[:len(migrations)-1] {
		v := m.version
		t.Run(fmt.Sprintf("from %d", v), func(t *testing.T) {
			ctx := context.Background()
			path := filepath.Join(t.TempDir(), "progress.db")
			buildAt(t, path, v)
			s, err := Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			got, err := userVersion(ctx, s.db)
			if err != nil || got != SchemaVersion {
				t.Fatalf("user_version after migrating = %d, %v; want %d", got, err, SchemaVersion)
			}
			ada, err := s.LearnerByName(ctx, "Ada")
			if err != nil {
				t.Fatal(err)
			}
			as, err := s.Attempts(ctx, ada.ID, AttemptFilter{})
			if err != nil || len(as) != 3 {
				t.Fatalf("attempts after migrating: %d, %v; want 3", len(as), err)
			}
			st, err := s.Stats(ctx, ada.ID)
			if err != nil {
				t.Fatal(err)
			}
			if st.Points != 20 || st.Attempts != 3 || st.Correct != 2 || st.Mastered != 0 {
				t.Errorf("stats backfilled as %+v; want 20 points, 3 attempts, 2 correct, 0 mastered (recomputed)", st)
			}
			checkBackup(t, path, v)
		})
	}
}

// checkBackup finds the one backup made before migrating from v, opens it
// read-only and checks its version and rows.
func checkBackup(t *testing.T, path string, v int) {
	t.Helper()
	baks, _ := filepath.Glob(fmt.Sprintf("%s.v%d-*.bak", path, v))
	if len(baks) != 1 {
		t.Fatalf("want one backup of version %d, found %v", v, baks)
	}
	if f, i := inspectOK(t, baks[0]); f.version != v || i != 3 {
		t.Errorf("backup has version %d and %d attempts; want %d and 3", f.version, i, v)
	}
}

func inspectOK(t *testing.T, path string) (fileFacts, int) {
	t.Helper()
	f, err := inspect(context.Background(), path)
	if err != nil || f.damage != "" {
		t.Fatalf("inspect %s: %v %q", path, err, f.damage)
	}
	db := rawDB(t, path)
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM attempts`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return f, n
}

func TestMigrationsReRunAreNoOps(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	mustLearner(t, s, "Ada")
	if err := s.migrate(ctx); err != nil {
		t.Fatal(err)
	}
	for _, m := range migrations {
		t.Run(m.name, func(t *testing.T) {
			if err := s.tx(ctx, func(tx *wtx) error { return applyMigration(ctx, tx, m) }); err != nil {
				t.Errorf("re-applying %s: %v", m.name, err)
			}
		})
	}
	if ls, _ := s.Learners(ctx); len(ls) != 1 {
		t.Errorf("learners after re-running migrations: %d", len(ls))
	}
}

func TestLoadMigrationsOrder(t *testing.T) {
	tests := []struct {
		name  string
		files []string
		ok    bool
	}{
		{name: "contiguous", files: []string{"0001_a.sql", "0002_b.sql"}, ok: true},
		{name: "gap", files: []string{"0001_a.sql", "0003_c.sql"}, ok: true},
		{name: "repeated", files: []string{"0001_a.sql", "0001_b.sql"}},
		{name: "short number", files: []string{"0001_a.sql", "2_b.sql"}},
		{name: "starts at 2", files: []string{"0002_b.sql"}},
		{name: "no number", files: []string{"init.sql"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for _, f := range tt.files {
				fsys["migrations/"+f] = &fstest.MapFile{Data: []byte("SELECT 1;")}
			}
			_, err := loadMigrations(fsys)
			if (err == nil) != tt.ok {
				t.Errorf("loadMigrations(%v) error = %v, want ok = %v", tt.files, err, tt.ok)
			}
		})
	}
}

func TestOpenRefusesNewerVersion(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "progress.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	mustLearner(t, s, "Ada")
	s.Close()
	db := rawDB(t, path)
	if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion+5)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before := fileSum(t, path)
	entries := dirNames(t, filepath.Dir(path))

	_, err = Open(ctx, path)
	var ve *VersionError
	if !errors.As(err, &ve) || !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("Open = %v, want *VersionError", err)
	}
	if ve.Path != path || ve.FileVersion != SchemaVersion+5 || ve.AppVersion != SchemaVersion {
		t.Errorf("VersionError = %+v", ve)
	}
	for _, want := range []string{path, fmt.Sprint(SchemaVersion + 5), fmt.Sprint(SchemaVersion)} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q does not mention %q", err, want)
		}
	}
	if fileSum(t, path) != before {
		t.Error("the newer database was modified")
	}
	if got := dirNames(t, filepath.Dir(path)); strings.Join(got, ",") != strings.Join(entries, ",") {
		t.Errorf("files next to it changed from %v to %v", entries, got)
	}
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}
