package progress

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// TestTwoProcessesWriting runs two child processes that record attempts for
// the same learner as fast as they can for a minute (OSTEON_TWO_WRITERS_SECONDS
// changes that). Neither may see an error; afterwards every acknowledged
// attempt is present, there are no others, and the totals agree.
func TestTwoProcessesWriting(t *testing.T) {
	if testing.Short() {
		t.Skip("two processes writing for a minute; run without -short")
	}
	d := time.Minute
	if v, err := strconv.Atoi(os.Getenv("OSTEON_TWO_WRITERS_SECONDS")); err == nil && v > 0 {
		d = time.Duration(v) * time.Second
	}
	path := filepath.Join(t.TempDir(), "progress.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	mustLearner(t, s, "shared")
	s.Close()

	var kids []*child
	for _, tag := range []string{"a", "b"} {
		c, err := startChild(childSpec{DB: path, Learner: "shared", Tag: tag, For: d})
		if err != nil {
			t.Fatal(err)
		}
		kids = append(kids, c)
	}
	acked := map[AttemptID]bool{}
	for i, c := range kids {
		n := len(acked)
		errs := tally(c.lines, acked)
		werr := c.cmd.Wait()
		for _, e := range errs {
			t.Errorf("writer %d: %s", i, e)
		}
		if werr != nil {
			t.Errorf("writer %d exited: %v", i, werr)
		}
		t.Logf("writer %d: %d attempts in %v (%.0f/s)", i, len(acked)-n, d, float64(len(acked)-n)/d.Seconds())
	}
	t.Logf("children said: %v", doneLines)
	verifyAfterCrash(t, path, acked)
	var total int
	if err := rawDB(t, path).QueryRow(`SELECT count(*) FROM attempts`).Scan(&total); err != nil {
		t.Fatal(err)
	}
	if total != len(acked) {
		t.Errorf("%d attempts in the file, %d acknowledged", total, len(acked))
	}
}
