package progress

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// SchemaVersion is the PRAGMA user_version this build writes: the number
// of the last migration in migrations/.
const SchemaVersion = 4

//go:embed migrations/*.sql
var migrationFS embed.FS

// goSteps run after a migration's SQL, in its transaction, for what SQL
// cannot compute.
var goSteps = map[int]func(context.Context, *wtx) error{
	3: recomputeMastery,
}

type migration struct {
	version int
	prev    int // the version before it: version-1 unless a number is missing
	name    string
	sql     string
}

// loadMigrations reads NNNN_name.sql files, numbered from 1 upwards. A
// number may be missing (numbers are handed out to changes made side by
// side, and one may land before another), but none may repeat.
func loadMigrations(fsys fs.FS) ([]migration, error) {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	last := 0
	for _, name := range names { // Glob sorts
		base := path.Base(name)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || len(num) != 4 || v <= last || (last == 0 && v != 1) {
			return nil, fmt.Errorf("progress: migration %s: want a number above %04d (the first is 0001)", base, last)
		}
		last = v
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: base, sql: string(b)})
	}
	return ms, nil
}

var migrations = func() []migration {
	ms, err := loadMigrations(migrationFS)
	if err != nil {
		panic(err)
	}
	return ms
}()

func userVersion(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (int, error) {
	var v int
	err := q.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

// migrate brings the database up to SchemaVersion: a backup first when the
// file holds an older schema, then each migration in its own transaction.
func (s *Store) migrate(ctx context.Context) error {
	return s.migrateTo(ctx, SchemaVersion)
}

func (s *Store) migrateTo(ctx context.Context, target int) error {
	v, err := userVersion(ctx, s.db)
	if err != nil {
		return fmt.Errorf("progress: open %s: %w", s.path, err)
	}
	if v > SchemaVersion {
		return &VersionError{Path: s.path, FileVersion: v, AppVersion: SchemaVersion}
	}
	if v >= target {
		return nil
	}
	if v > 0 {
		// A backup cut short by a crash leaves its temporary file.
		if stale, _ := filepath.Glob(s.path + ".v*.bak.tmp*"); len(stale) > 0 {
			for _, f := range stale {
				os.Remove(f)
			}
		}
		dst := fmt.Sprintf("%s.v%d-%s.bak", s.path, v, stamp(s.now()))
		for i := 2; exists(dst); i++ {
			dst = fmt.Sprintf("%s.v%d-%s-%d.bak", s.path, v, stamp(s.now()), i)
		}
		if err := s.Backup(ctx, dst); err != nil {
			return fmt.Errorf("progress: before migrating: %w", err)
		}
	}
	for i, m := range migrations {
		if m.version > target {
			break
		}
		m.prev = 0
		if i > 0 {
			m.prev = migrations[i-1].version
		}
		if err := s.tx(ctx, func(tx *wtx) error { return applyMigration(ctx, tx, m) }); err != nil {
			return fmt.Errorf("progress: migrate %s to version %d (%s): %w", s.path, m.version, m.name, err)
		}
	}
	return nil
}

// applyMigration re-reads user_version inside the transaction, so that two
// processes opening the same old file migrate it once.
func applyMigration(ctx context.Context, tx *wtx, m migration) error {
	v, err := userVersion(ctx, tx)
	if err != nil {
		return err
	}
	if v >= m.version {
		return nil
	}
	if v != m.prev {
		return fmt.Errorf("database at version %d, cannot apply %d", v, m.version)
	}
	// One-off SQL goes to the plain transaction, not the statement cache.
	if _, err := tx.Tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	if step := goSteps[m.version]; step != nil {
		if err := step(ctx, tx); err != nil {
			return err
		}
	}
	_, err = tx.Tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version))
	return err
}
