package progress

import (
	"database/sql"
	"errors"
	"fmt"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Errors callers can test for with errors.Is.
var (
	// ErrNotFound: the learner, session or row asked for does not exist
	// (or belongs to another learner).
	ErrNotFound = errors.New("progress: not found")
	// ErrWrongPIN: the PIN given does not match the learner's PIN.
	ErrWrongPIN = errors.New("progress: wrong PIN")
	// ErrNameTaken: another learner already has this display name.
	ErrNameTaken = errors.New("progress: name already taken")
	// ErrInvalid: an argument is out of range; the message says which.
	ErrInvalid = errors.New("progress: invalid input")
	// ErrNewerSchema is matched by *VersionError.
	ErrNewerSchema = errors.New("progress: database is from a newer version of Osteon")
	// ErrForeign: the file is an SQLite database but not Osteon's; it is
	// left untouched.
	ErrForeign = errors.New("progress: not an Osteon progress database")
	// ErrCorrupt is matched by *CorruptError.
	ErrCorrupt = errors.New("progress: database file is corrupt")
)

// VersionError: the database was written by a newer Osteon (its
// user_version is above SchemaVersion). The file has not been changed.
type VersionError struct {
	Path        string
	FileVersion int // the file's PRAGMA user_version
	AppVersion  int // SchemaVersion of this build
}

func (e *VersionError) Error() string {
	return fmt.Sprintf("progress: %s has schema version %d but this Osteon understands up to %d; "+
		"it was written by a newer Osteon and has been left untouched: update Osteon to open it",
		e.Path, e.FileVersion, e.AppVersion)
}

// Is makes errors.Is(err, ErrNewerSchema) true.
func (e *VersionError) Is(target error) bool { return target == ErrNewerSchema }

// CorruptError describes a database that failed its integrity check at
// open and was moved aside; Open then started a new, empty database at
// Path. Store.Recovered returns it so the UI can tell the learner.
type CorruptError struct {
	Path    string // where the database was, and a fresh one now is
	MovedTo string // where the damaged file now is
	Detail  string // what SQLite reported
}

func (e *CorruptError) Error() string {
	if e.MovedTo == "" {
		return fmt.Sprintf("progress: %s is damaged (%s)", e.Path, e.Detail)
	}
	return fmt.Sprintf("progress: %s was damaged (%s) and was moved to %s; a new, empty progress file was started",
		e.Path, e.Detail, e.MovedTo)
}

// Is makes errors.Is(err, ErrCorrupt) true.
func (e *CorruptError) Is(target error) bool { return target == ErrCorrupt }

func invalid(format string, a ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, a...))
}

// notFound turns sql.ErrNoRows into ErrNotFound.
func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return err
}

// sqliteCode is the primary SQLite result code of err, or 0.
func sqliteCode(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() & 0xff
	}
	return 0
}

func isBusy(err error) bool {
	c := sqliteCode(err)
	return c == sqlite3.SQLITE_BUSY || c == sqlite3.SQLITE_LOCKED
}

func isCorrupt(err error) bool {
	c := sqliteCode(err)
	return c == sqlite3.SQLITE_CORRUPT || c == sqlite3.SQLITE_NOTADB
}

func isUnique(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE
}
