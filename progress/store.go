package progress

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/osteon/osteon/learning"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// busyTimeout is how long a reader waits on a lock before SQLite reports
// SQLITE_BUSY (in WAL mode readers rarely wait at all).
const busyTimeout = 10 * time.Second

// The writer waits for another process's write lock in two stages: SQLite's
// busy handler for writerBusy, then Store.tx polls BEGIN IMMEDIATE every
// millisecond or so for up to writeWait. SQLite's own handler backs off to
// 100 ms between tries, and when the other process writes back to back its
// lock is free only for microseconds between transactions, so a long
// handler timeout lets one process starve the other for seconds; polling
// finely shares the lock fairly.
const (
	writerBusy = 5 * time.Millisecond
	writeWait  = 2 * time.Minute
)

// Store is the progress database of one machine: several learners, their
// attempts, memory states, mastery, drill runs and rewards.
//
// All methods are safe for concurrent use. Writes go through one
// connection; reads use a small pool of read-only connections, which WAL
// lets run alongside the writer.
type Store struct {
	// Now is the clock; it defaults to time.Now. Times are stored in UTC
	// as milliseconds since the Unix epoch.
	Now func() time.Time
	// Location decides where a calendar day starts, for streaks and the
	// due forecast; it defaults to time.Local.
	Location *time.Location
	// Scheduler schedules reviews; it defaults to
	// learning.NewScheduler(learning.DefaultSchedulerParams()).
	Scheduler *learning.Scheduler

	path      string
	db        *sql.DB // the writer: one connection
	rdb       *sql.DB // readers: query_only connections
	stmts     map[string]*sql.Stmt
	recovered *CorruptError
}

// options are the knobs tests and benchmarks may turn.
type options struct {
	synchronous string // "FULL" (default) or "NORMAL"
	noRecover   bool   // report a damaged file as *CorruptError, do not move it
}

// Open opens or creates the progress database at path, creating its folder
// if needed. In order it:
//
//  1. checks an existing file read-only: a file whose user_version is newer
//     than SchemaVersion is refused with a *VersionError and not changed; a
//     file that fails PRAGMA quick_check is moved aside with a timestamp,
//     a new database is started and Recovered reports it;
//  2. opens the writer connection (WAL, synchronous=FULL, foreign keys,
//     busy timeout, BEGIN IMMEDIATE transactions);
//  3. backs the file up with VACUUM INTO and migrates it if it is older.
//
// Another process holding the database makes Open wait, not fail.
func Open(ctx context.Context, path string) (*Store, error) {
	return open(ctx, path, options{synchronous: "FULL"})
}

func open(ctx context.Context, path string, o options) (*Store, error) {
	if path == "" {
		return nil, invalid("open: empty path")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("progress: open %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return nil, fmt.Errorf("progress: open %s: %w", abs, err)
	}
	s := &Store{Now: time.Now, Location: time.Local, Scheduler: defaultScheduler, path: abs}
	if s.recovered, err = checkFile(ctx, abs, s.Now, o.noRecover); err != nil {
		return nil, err
	}
	if s.db, err = openPool(abs, writerDSN(abs, o.synchronous), 1); err != nil {
		return nil, err
	}
	if err := s.migrate(ctx); err != nil {
		s.db.Close()
		return nil, err
	}
	if err := s.prepareHot(ctx); err != nil {
		s.db.Close()
		return nil, err
	}
	if s.rdb, err = openPool(abs, readerDSN(abs), 4); err != nil {
		s.db.Close()
		return nil, err
	}
	return s, nil
}

func openPool(path, dsn string, n int) (*sql.DB, error) {
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("progress: open %s: %w", path, err)
	}
	db.SetMaxOpenConns(n)
	db.SetMaxIdleConns(n)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	return db, nil
}

// Close closes the database. A clean close checkpoints the WAL.
func (s *Store) Close() error {
	var errs []error
	for _, st := range s.stmts {
		errs = append(errs, st.Close())
	}
	if s.rdb != nil {
		errs = append(errs, s.rdb.Close())
	}
	if s.db != nil {
		errs = append(errs, s.db.Close())
	}
	for _, err := range errs {
		if err != nil {
			return fmt.Errorf("progress: close: %w", err)
		}
	}
	return nil
}

// Path is the database file's absolute path.
func (s *Store) Path() string { return s.path }

// Recovered is non-nil when Open found the file damaged, moved it aside
// and started afresh; the UI should tell the learner.
func (s *Store) Recovered() *CorruptError { return s.recovered }

// fileURI makes a SQLite URI for path, escaping '?', '#', '%' and spaces.
func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: file:///C:/...
	}
	return "file://" + (&url.URL{Path: p}).EscapedPath()
}

// writerDSN: WAL; synchronous=FULL so that a commit syncs the WAL and
// survives power loss (NORMAL would sync only at checkpoints); fullfsync
// for macOS, where plain fsync does not flush the drive's cache; foreign
// keys; a busy timeout; and BEGIN IMMEDIATE so a transaction takes the
// write lock at its start and waits for it there instead of failing
// later with SQLITE_BUSY_SNAPSHOT.
func writerDSN(path, synchronous string) string {
	q := []string{
		"_pragma=busy_timeout(" + fmt.Sprint(writerBusy.Milliseconds()) + ")",
		"_pragma=foreign_keys(1)",
		"_pragma=journal_mode(WAL)",
		"_pragma=synchronous(" + synchronous + ")",
		"_pragma=fullfsync(1)",
		"_txlock=immediate",
	}
	return fileURI(path) + "?" + strings.Join(q, "&")
}

func readerDSN(path string) string {
	q := []string{
		"_pragma=busy_timeout(" + fmt.Sprint(busyTimeout.Milliseconds()) + ")",
		"_pragma=foreign_keys(1)",
		"_pragma=query_only(1)",
	}
	return fileURI(path) + "?" + strings.Join(q, "&")
}

// checkDSN opens the file read-only, so that checking it changes nothing.
func checkDSN(path string) string {
	return fileURI(path) + "?mode=ro&_pragma=busy_timeout(" + fmt.Sprint(busyTimeout.Milliseconds()) + ")"
}

func (s *Store) now() time.Time {
	if s.Now == nil {
		return time.Now().UTC()
	}
	return s.Now().UTC()
}

func (s *Store) loc() *time.Location {
	if s.Location == nil {
		return time.Local
	}
	return s.Location
}

var defaultScheduler = learning.NewScheduler(learning.DefaultSchedulerParams())

func (s *Store) scheduler() *learning.Scheduler {
	if s.Scheduler == nil {
		return defaultScheduler
	}
	return s.Scheduler
}

// queryHook, when set (by tests), sees every read query and its arguments.
var queryHook func(q string, args []any)

func (s *Store) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if queryHook != nil {
		queryHook(q, args)
	}
	return s.rdb.QueryContext(ctx, q, args...)
}

func (s *Store) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	if queryHook != nil {
		queryHook(q, args)
	}
	return s.rdb.QueryRowContext(ctx, q, args...)
}

func ms(t time.Time) int64 { return t.UnixMilli() }

func fromMS(v int64) time.Time { return time.UnixMilli(v).UTC() }

func fromNullMS(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return fromMS(v.Int64)
}

func nullMS(t time.Time) sql.NullInt64 {
	if t.IsZero() {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: ms(t), Valid: true}
}
