package progress

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// stamp formats a time for file names: 20060102T150405Z.
func stamp(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

// checkFile inspects an existing database read-only before anything writes
// to it. It refuses a newer schema (leaving the file as it was) and moves a
// damaged file aside (or, with noRecover, returns a *CorruptError naming no
// new place). A missing or empty file passes.
func checkFile(ctx context.Context, path string, now func() time.Time, noRecover bool) (*CorruptError, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) || (err == nil && fi.Size() == 0) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("progress: open %s: %w", path, err)
	}
	// The header alone decides a refusal, before SQLite opens the file
	// (a read-only open of a WAL database still creates -wal and -shm).
	if h, err := readHeader(path); err != nil {
		return nil, fmt.Errorf("progress: open %s: %w", path, err)
	} else if h.sqlite && h.version > SchemaVersion {
		return nil, &VersionError{Path: path, FileVersion: h.version, AppVersion: SchemaVersion}
	} else if h.sqlite && h.appID != 0 && h.appID != applicationID {
		return nil, fmt.Errorf("%w: %s (application_id %d); it was left untouched", ErrForeign, path, h.appID)
	}
	fi2, err := inspect(ctx, path)
	switch {
	case err != nil:
		return nil, err
	case fi2.damage != "" && noRecover:
		return nil, &CorruptError{Path: path, Detail: fi2.damage}
	case fi2.damage != "":
		return moveAside(path, fi2.damage, now())
	case fi2.appID != applicationID && (fi2.appID != 0 || fi2.tables > 0):
		return nil, fmt.Errorf("%w: %s (application_id %d, user_version %d); it was left untouched",
			ErrForeign, path, fi2.appID, fi2.version)
	case fi2.version > SchemaVersion:
		return nil, &VersionError{Path: path, FileVersion: fi2.version, AppVersion: SchemaVersion}
	}
	return nil, nil
}

// applicationID marks Osteon progress files ("OSTE"); migration 1 sets it.
const applicationID = 0x4F535445

// header is what the first 100 bytes of a database file say.
type header struct {
	sqlite         bool // starts with "SQLite format 3\x00"
	version, appID int
}

func readHeader(path string) (header, error) {
	f, err := os.Open(path)
	if err != nil {
		return header{}, err
	}
	defer f.Close()
	b := make([]byte, 100)
	if _, err := io.ReadFull(f, b); err != nil {
		return header{}, nil // too short to be a database: inspect decides
	}
	if string(b[:16]) != "SQLite format 3\x00" {
		return header{}, nil
	}
	return header{sqlite: true,
		version: int(int32(binary.BigEndian.Uint32(b[60:64]))),
		appID:   int(int32(binary.BigEndian.Uint32(b[68:72])))}, nil
}

type fileFacts struct {
	damage         string // non-empty when the file is damaged
	version, appID int
	tables         int
}

// inspect reads the header fields and runs quick_check on a read-only
// connection. f.damage is set when the file is damaged; err is for
// failures that say nothing about the file (permissions, a cancelled
// context, a lock held past the busy timeout) and must not move it.
func inspect(ctx context.Context, path string) (f fileFacts, err error) {
	db, err := sql.Open("sqlite", checkDSN(path))
	if err != nil {
		return f, fmt.Errorf("progress: open %s: %w", path, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	err = db.QueryRowContext(ctx, "SELECT (SELECT user_version FROM pragma_user_version), "+
		"(SELECT application_id FROM pragma_application_id), "+
		"(SELECT count(*) FROM sqlite_schema)").Scan(&f.version, &f.appID, &f.tables)
	if err == nil {
		f.damage, err = quickCheck(ctx, db)
	}
	switch {
	case isCorrupt(err):
		return fileFacts{damage: err.Error()}, nil
	case err != nil:
		return f, fmt.Errorf("progress: check %s: %w", path, err)
	}
	return f, nil
}

// quickCheck returns "" when PRAGMA quick_check says ok, else its report.
func quickCheck(ctx context.Context, db *sql.DB) (string, error) {
	rows, err := db.QueryContext(ctx, "PRAGMA quick_check(20)")
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var msgs []string
	for rows.Next() {
		var m string
		if err := rows.Scan(&m); err != nil {
			return "", err
		}
		msgs = append(msgs, m)
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	if len(msgs) == 1 && msgs[0] == "ok" {
		return "", nil
	}
	return "quick_check: " + strings.Join(msgs, "; "), nil
}

// moveAside renames a damaged database, with its -wal and -shm files, to
// <path>.corrupt-<UTC time>.
func moveAside(path, detail string, now time.Time) (*CorruptError, error) {
	dst := path + ".corrupt-" + stamp(now)
	for i := 2; exists(dst); i++ {
		dst = fmt.Sprintf("%s.corrupt-%s-%d", path, stamp(now), i)
	}
	if err := os.Rename(path, dst); err != nil {
		return nil, fmt.Errorf("progress: move damaged %s aside: %w", path, err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		err := os.Rename(path+suffix, dst+suffix)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("progress: move damaged %s aside: %w", path+suffix, err)
		}
	}
	return &CorruptError{Path: path, MovedTo: dst, Detail: detail}, nil
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// Backup writes a consistent copy of the database to dst with VACUUM INTO,
// syncs it, and renames it into place, so dst is either absent or whole.
// dst must not exist.
func (s *Store) Backup(ctx context.Context, dst string) error {
	if exists(dst) {
		return invalid("backup: %s already exists", dst)
	}
	tmp := dst + ".tmp"
	for _, f := range []string{tmp, tmp + "-journal"} {
		if err := os.Remove(f); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("progress: backup to %s: %w", dst, err)
		}
	}
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("progress: backup to %s: %w", dst, err)
	}
	if err := syncFile(tmp); err != nil {
		return fmt.Errorf("progress: backup to %s: %w", dst, err)
	}
	if err := os.Rename(tmp, dst); err != nil {
		return fmt.Errorf("progress: backup to %s: %w", dst, err)
	}
	return nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Check runs PRAGMA integrity_check and returns an error wrapping
// ErrCorrupt unless it reports ok.
func (s *Store) Check(ctx context.Context) error {
	rows, err := s.query(ctx, "PRAGMA integrity_check")
	if err != nil {
		return fmt.Errorf("progress: integrity check: %w", err)
	}
	defer rows.Close()
	var msgs []string
	for rows.Next() {
		var m string
		if err := rows.Scan(&m); err != nil {
			return fmt.Errorf("progress: integrity check: %w", err)
		}
		msgs = append(msgs, m)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("progress: integrity check: %w", err)
	}
	if len(msgs) != 1 || msgs[0] != "ok" {
		return fmt.Errorf("%w: %s: %s", ErrCorrupt, s.path, strings.Join(msgs, "; "))
	}
	return nil
}
