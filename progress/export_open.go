package progress

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
)

// ResolvePath is the database a command line means: flagValue (--db) if
// given, else $OSTEON_DB, else DefaultPath.
func ResolvePath(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	return DefaultPath()
}

// OpenExisting opens a database for a command-line tool: it is never
// created, and a damaged one is reported, not moved aside (the app does
// that, and tells the learner).
func OpenExisting(ctx context.Context, path string) (*Store, error) {
	if fi, err := os.Stat(path); err != nil || fi.IsDir() {
		return nil, fmt.Errorf("no progress database at %s", path)
	}
	return open(ctx, path, options{synchronous: "FULL", noRecover: true})
}

// ResolveLearner finds a learner by name, else by numeric id.
func (s *Store) ResolveLearner(ctx context.Context, v string) (LearnerID, error) {
	l, err := s.LearnerByName(ctx, v)
	if err == nil {
		return l.ID, nil
	}
	if !errors.Is(err, ErrNotFound) {
		return 0, err
	}
	if id, perr := strconv.ParseInt(v, 10, 64); perr == nil && id > 0 {
		if l, err := s.Learner(ctx, LearnerID(id)); err == nil {
			return l.ID, nil
		}
	}
	return 0, fmt.Errorf("no learner named %q or with that id", v)
}

// ExportSize counts what an export of kind ("attempts", "mastery" or
// "xapi") would hold for the learner (or AllLearners): rows, or
// statements.
func (s *Store) ExportSize(ctx context.Context, kind string, learner LearnerID) (int, error) {
	q := map[string]string{
		"attempts": `SELECT count(*) FROM attempts WHERE ?1 = 0 OR learner_id = ?1`,
		"mastery":  `SELECT count(*) FROM mastery WHERE ?1 = 0 OR learner_id = ?1`,
		"xapi": `SELECT (SELECT count(*) FROM attempts WHERE ?1 = 0 OR learner_id = ?1)
			+ (SELECT count(*) FROM drill_runs WHERE ?1 = 0 OR learner_id = ?1)
			+ (SELECT count(*) FROM mastery WHERE mastered_at IS NOT NULL AND (?1 = 0 OR learner_id = ?1))`,
	}[kind]
	if q == "" {
		return 0, invalid("unknown export %q", kind)
	}
	var n int
	if err := s.queryRow(ctx, q, learner).Scan(&n); err != nil {
		return 0, fmt.Errorf("progress: export size: %w", err)
	}
	return n, nil
}

// WriteFileAtomic writes through a temporary file in the same folder and
// renames it over path, so path is never left half written.
func WriteFileAtomic(path string, write func(io.Writer) error) error {
	return writeFileAtomic(path, write)
}

func writeFileAtomic(path string, write func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
