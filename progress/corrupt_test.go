package progress

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// filledDB makes a closed, checkpointed database with enough rows to span
// many pages.
func filledDB(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "progress.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	l := mustLearner(t, s, "Ada")
	err = s.tx(ctx, func(tx *wtx) error {
		for i := range 2000 {
			_, err := tx.Exec(`INSERT INTO attempts (learner_id, item_id, item_kind, grade, correct,
				score, response_ms, at) VALUES (?, ?, 'find', 3, 1, 1, 1000, ?)`, l.ID, fmt.Sprintf("find:s%d", i), i)
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		t.Fatal("WAL left after a clean close")
	}
	return path
}

func TestOpenMovesCorruptFileAside(t *testing.T) {
	tests := []struct {
		name   string
		damage func(t *testing.T, path string)
	}{
		{name: "not a database", damage: func(t *testing.T, path string) {
			os.WriteFile(path, bytes.Repeat([]byte("not sqlite "), 1000), 0o600)
		}},
		{name: "garbage over inner pages", damage: func(t *testing.T, path string) {
			b, _ := os.ReadFile(path)
			page := 4096
			for i := 2 * page; i < len(b)-page; i += 3 * page {
				copy(b[i+100:i+600], bytes.Repeat([]byte{0xA5}, 500))
			}
			os.WriteFile(path, b, 0o600)
		}},
		{name: "truncated", damage: func(t *testing.T, path string) {
			fi, _ := os.Stat(path)
			os.Truncate(path, fi.Size()/3)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filledDB(t)
			tt.damage(t, path)
			damaged, _ := os.ReadFile(path)
			s, err := Open(context.Background(), path)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			defer s.Close()
			rec := s.Recovered()
			if rec == nil || !errors.Is(rec, ErrCorrupt) {
				t.Fatalf("Recovered() = %v, want a *CorruptError", rec)
			}
			if !strings.HasPrefix(rec.MovedTo, path+".corrupt-2") || rec.Path != path {
				t.Errorf("moved to %q", rec.MovedTo)
			}
			if moved, _ := os.ReadFile(rec.MovedTo); !bytes.Equal(moved, damaged) {
				t.Error("the damaged file was altered when moved aside")
			}
			// The fresh database works.
			if _, err := s.CreateLearner(context.Background(), "Ada", ""); err != nil {
				t.Errorf("fresh database: %v", err)
			}
			if err := s.Check(context.Background()); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestMovedAsideNamesDoNotCollide(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "progress.db")
	now := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	var moved []string
	for range 2 {
		os.WriteFile(path, []byte("junk junk junk junk junk junk junk junk junk junk junk junk"), 0o600)
		os.WriteFile(path+"-wal", []byte("wal"), 0o600)
		rec, err := moveAside(path, "test", now)
		if err != nil {
			t.Fatal(err)
		}
		moved = append(moved, rec.MovedTo)
		if _, err := os.Stat(rec.MovedTo + "-wal"); err != nil {
			t.Errorf("-wal not moved with %s", rec.MovedTo)
		}
	}
	want := []string{path + ".corrupt-20250102T030405Z", path + ".corrupt-20250102T030405Z-2"}
	if strings.Join(moved, " ") != strings.Join(want, " ") {
		t.Errorf("moved to %v, want %v", moved, want)
	}
}

func TestOpenDoesNotMoveUnreadablePath(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "progress.db")
	if err := os.MkdirAll(filepath.Join(dir, "x"), 0o700); err != nil {
		t.Fatal(err)
	}
	_, err := Open(context.Background(), dir)
	if err == nil {
		t.Fatal("opened a directory")
	}
	if errors.Is(err, ErrCorrupt) {
		t.Errorf("a directory counted as corrupt: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "x")); err != nil {
		t.Error("the directory was moved")
	}
}

func TestBackup(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	mustLearner(t, s, "Ada")
	dst := filepath.Join(t.TempDir(), "copy.db")
	if err := s.Backup(ctx, dst); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(ctx, dst); !errors.Is(err, ErrInvalid) {
		t.Errorf("second backup to the same file: %v, want ErrInvalid", err)
	}
	b, err := Open(ctx, dst)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if _, err := b.LearnerByName(ctx, "Ada"); err != nil {
		t.Errorf("backup lacks the learner: %v", err)
	}
	if _, err := os.Stat(dst + ".tmp"); err == nil {
		t.Error("temporary file left behind")
	}
}
