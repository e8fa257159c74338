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
		early := i%5 == 0
		if err := killOnce(path, rng, early, acked); err != nil {
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

func killOnce(path string, rng *rand.Rand, early bool, acked map[AttemptID]bool) error {
	c, err := startChild(childSpec{DB: path, Learner: "crash", Tag: "c"})
	if err != nil {
		return err
	}
	delay := time.Duration(rng.IntN(150)) * time.Millisecond
	var pending []string
	if early {
		time.Sleep(time.Duration(rng.IntN(400)) * time.Millisecond)
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
