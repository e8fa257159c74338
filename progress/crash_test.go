package progress

import (
	"context"
	"database/sql"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// TestCrashKill kills a child that records attempts with SIGKILL at random
// moments, 50 times, and checks after each kill that the file passes
// integrity_check, that every acknowledged attempt is there, and that each
// attempt's memory-state and totals updates were committed with it.
func TestCrashKill(t *testing.T) {
	kills := 50
	if testing.Short() {
		kills = 10
	}
	seed := uint64(time.Now().UnixNano())
	if v, err := strconv.ParseUint(os.Getenv("OSTEON_CRASH_SEED"), 10, 64); err == nil {
		seed = v
	}
	t.Logf("seed %d (set OSTEON_CRASH_SEED to repeat)", seed)
	rng := rand.New(rand.NewPCG(seed, seed))

	path := filepath.Join(t.TempDir(), "progress.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	mustLearner(t, s, "crash")
	s.Close()

	acked := map[AttemptID]bool{}
	midRun := 0
	for i := range kills {
		before := len(acked)
		// One kill in five lands at a random time after exec, possibly
		// while opening; the rest at a random time after the child is
		// recording.
		early := time.Duration(0)
		if i%5 == 0 {
			early = 400 * time.Millisecond
		}
		if err := killOnce(path, rng, early, acked, "crash"); err != nil {
			t.Fatalf("kill %d: %v", i+1, err)
		}
		if len(acked) > before {
			midRun++
		}
		verifyAfterCrash(t, path, acked)
		if t.Failed() {
			t.Fatalf("after kill %d", i+1)
		}
	}
	t.Logf("%d SIGKILLs (%d while acknowledging attempts), %d acknowledged attempts all present",
		kills, midRun, len(acked))
}

// killOnce starts a child and SIGKILLs it: at a random time up to early
// after starting it if early > 0, else at a random time up to 150 ms after
// it said "ready".
func killOnce(path string, rng *rand.Rand, early time.Duration, acked map[AttemptID]bool, learner string) error {
	c, err := startChild(childSpec{DB: path, Learner: learner, Tag: "c"})
	if err != nil {
		return err
	}
	delay := time.Duration(rng.IntN(150)) * time.Millisecond
	var pending []string
	if early > 0 {
		time.Sleep(time.Duration(rng.Int64N(int64(early))))
	} else {
		timeout := time.After(30 * time.Second)
	wait:
		for {
			select {
			case line, ok := <-c.lines:
				if !ok {
					break wait
				}
				pending = append(pending, line)
				if line == "ready" {
					break wait
				}
			case <-timeout:
				break wait
			}
		}
		time.Sleep(delay)
	}
	c.cmd.Process.Kill() // SIGKILL on Unix
	lines := make(chan string, len(pending)+1)
	for _, l := range pending {
		lines <- l
	}
	close(lines)
	errs := tally(lines, acked)
	errs = append(errs, tally(c.lines, acked)...)
	c.cmd.Wait()
	if len(errs) > 0 {
		return &childError{errs}
	}
	return nil
}

type childError struct{ lines []string }

func (e *childError) Error() string { return "child reported: " + e.lines[0] }

// verifyAfterCrash opens the file read-only, as the next Open would find
// it, and checks it.
func verifyAfterCrash(t *testing.T, path string, acked map[AttemptID]bool) {
	t.Helper()
	db, err := sql.Open("sqlite", checkDSN(path))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var check string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check = %q, %v", check, err)
	}
	present := map[AttemptID]bool{}
	rows, err := db.Query("SELECT id FROM attempts")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id AttemptID
		rows.Scan(&id)
		present[id] = true
	}
	rows.Close()
	for id := range acked {
		if !present[id] {
			t.Errorf("acknowledged attempt %d is missing", id)
		}
	}
	var n, reps, statN, statPoints, points int
	err = db.QueryRow(`SELECT (SELECT count(*) FROM attempts), (SELECT coalesce(sum(reps), 0) FROM memory),
		(SELECT attempts FROM learner_stats), (SELECT points FROM learner_stats),
		(SELECT coalesce(sum(points), 0) FROM attempts) + (SELECT coalesce(sum(points), 0) FROM milestones)`).
		Scan(&n, &reps, &statN, &statPoints, &points)
	if err != nil {
		t.Fatal(err)
	}
	if n != reps || n != statN || points != statPoints {
		t.Errorf("not atomic: %d attempts, %d memory reps, %d in stats; points %d vs %d in stats",
			n, reps, statN, points, statPoints)
	}
}

// TestCrashDuringMigration kills a child while it opens a version-1 file,
// which means backing it up and migrating it; every time, the file must
// then be whole at version 1, a later one or the last, with its rows, and a normal Open must
// finish the job.
func TestCrashDuringMigration(t *testing.T) {
	kills := 20
	if testing.Short() {
		kills = 3
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	seen := map[string]int{}
	defer func() { t.Logf("killed: %v", seen) }()
	for i := range kills {
		path := filepath.Join(t.TempDir(), "progress.db")
		buildAt(t, path, 1)
		// A child takes some tens of milliseconds to start and migrate.
		if err := killOnce(path, rng, 40*time.Millisecond, map[AttemptID]bool{}, "Ada"); err != nil {
			t.Fatalf("kill %d: %v", i+1, err)
		}
		tmps, _ := filepath.Glob(path + ".v1-*.bak.tmp*")
		baks, _ := filepath.Glob(path + ".v1-*.bak")
		f, n := inspectOK(t, path)
		switch {
		case f.version == SchemaVersion:
			seen["migrated"]++
		case f.version > 1:
			seen["part migrated"]++
		case len(tmps) > 0:
			seen["during backup"]++
		case len(baks) > 0:
			seen["after backup"]++
		default:
			seen["before backup"]++
		}
		if !knownVersion(f.version) || n < 3 {
			t.Fatalf("kill %d: version %d with %d attempts", i+1, f.version, n)
		}
		s, err := Open(context.Background(), path)
		if err != nil {
			t.Fatalf("kill %d: reopen: %v", i+1, err)
		}
		if err := s.Check(context.Background()); err != nil {
			t.Error(err)
		}
		s.Close()
		if tmps, _ := filepath.Glob(path + "*.tmp*"); len(tmps) != 0 {
			t.Errorf("kill %d: left %v", i+1, tmps)
		}
	}
}

// knownVersion reports whether v is the number of a migration.
func knownVersion(v int) bool {
	for _, m := range migrations {
		if m.version == v {
			return true
		}
	}
	return false
}
