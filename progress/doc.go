// Package progress is Osteon's store of learning progress: one SQLite file
// (modernc.org/sqlite, no cgo) holding several learners' profiles,
// practice sessions, every attempt, the FSRS memory state of every item,
// mastery per skill, drill runs, points, streaks and milestones.
//
// # Durability: synchronous=FULL
//
// The database runs in WAL mode with PRAGMA synchronous=FULL. In WAL mode
// FULL syncs the write-ahead log at every commit, so when RecordAttempt (or
// any write) returns nil the answer is on disk and survives a crash or a
// power cut. NORMAL, the usual WAL companion, syncs only at checkpoints: the
// file stays consistent, but the last transactions before a power cut can
// vanish, and the UI would have told the learner "saved". On macOS, where
// fsync does not flush the drive's cache, PRAGMA fullfsync is on as well.
// BenchmarkRecordAttempt measures what FULL costs against NORMAL and
// against a bare INSERT.
//
// The crash test (TestCrashKill) SIGKILLs a writing child process 50 times
// and checks integrity and that every acknowledged attempt is present.
// A killed process loses no page cache, so that test shows atomicity and
// crash safety; survival of power loss rests on FULL and on the disk
// honouring fsync, which no test on a running machine can show.
//
// # Opening
//
// Open(ctx, path) first looks at an existing file without writing to it:
// the header's user_version above SchemaVersion is refused with a
// *VersionError naming the file and both versions (the file is not
// touched); a file that is SQLite but not Osteon's (application_id) is
// refused with ErrForeign; then a read-only connection runs PRAGMA
// quick_check, and a damaged file is renamed to <path>.corrupt-<UTC time>
// (with its -wal and -shm), a fresh database is started, and
// Store.Recovered returns a *CorruptError for the UI to show. Then the
// writer opens (WAL, synchronous=FULL, foreign keys, busy timeout,
// BEGIN IMMEDIATE), and an older schema is first copied with VACUUM INTO to
// <path>.v<old version>-<UTC time>.bak and then migrated, one transaction
// per numbered migration in migrations/, each re-reading user_version so
// two processes migrate once.
//
// # Where the file lives
//
// The caller passes the path. DefaultPath gives the usual one: $OSTEON_DB
// if set, else the learner's data folder (Linux: $XDG_DATA_HOME or
// ~/.local/share, then osteon/progress.db; macOS: ~/Library/Application
// Support/Osteon/progress.db; Windows: %AppData%\Osteon\progress.db). The
// command line's --db beats OSTEON_DB, which beats the default.
//
// # Two app instances
//
// Writes go through one connection per process, in BEGIN IMMEDIATE
// transactions. Another process holding the write lock makes a write wait
// (SQLite's busy handler, then Store.tx polling about every millisecond for
// up to two minutes), never fail at once; WAL lets reads go on meanwhile.
// TestTwoProcessesWriting runs two processes writing flat out for a minute.
//
// # Learners and privacy
//
// Every query that returns progress takes the learner's id and filters by
// it; the only view across learners is Leaderboard, of totals, for learners
// who opted in. An optional PIN (PBKDF2-SHA256, salted) keeps learners on a
// shared workstation out of each other's profiles; it does not encrypt the
// file. Exports (CSV, xAPI) name a learner by a random pseudonym unless the
// learner chose otherwise. AllLearners exports everyone, for the
// instructor's command line (osteon export); the app exports the signed-in
// learner.
//
// # Sending to a Learning Record Store
//
// Nothing is sent until sending is configured: an LRSConfig (endpoint,
// user, password) saved with SaveLRSConfig in a 0600 file outside the
// database (the machine's, set by an administrator, or the user's own),
// and EnableSending on the database, which queues the history once. From
// then on RecordAttempt and RecordDrillRun write their statements (the
// same as ExportXAPI's, same ids, same pseudonym rule) to the outbox table
// in their own transaction. A Sender drains the outbox in the background:
// it negotiates the xAPI version from /about (2.0.0, else 1.0.3), posts
// batches, retries network errors and 5xx with jittered backoff, stops on
// a 4xx and keeps the LRS's message for SendStatus, and deletes a batch
// only once the LRS has stored it; stable ids make a resend after a crash
// harmless. Statements name activities in the pack's language when the
// caller gives an ActivityText. ClassReportFrom (statements read back with
// Sender.ReadStatements) and Store.ClassReport build the same instructor's
// report from an LRS and from a database.
//
// # Times
//
// Store.Now is the clock (tests inject one); times are stored as UTC
// milliseconds since the Unix epoch. Store.Location decides where a
// calendar day begins for streaks and the due forecast.
//
// # What the practice and procedure screens use
//
//   - choosing the next item: DueItems (most overdue first), WeakestSkills,
//     Cards (which candidates are new), SkillMastery;
//   - after each answer: RecordAttempt, whose result carries the new card,
//     mastery changes, points, milestones and streak;
//   - procedures: Outcomes of a procedure-test item for learning.CUSUM,
//     Attempts for its history;
//   - drills: RecordDrillRun, DrillHistory for learning.FitCurve,
//     PersonalBests (Fitts' throughput is stored with each run; computing
//     it belongs to the drill code);
//   - the Progress screen: Mastery by kind (system, region, structure,
//     procedure), DueForecast, Stats, Streak, Milestones, MilestoneDefs,
//     Leaderboard, SessionSummary.
package progress
