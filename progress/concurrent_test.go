package progress

import (
	"context"
	"fmt"
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

// TestWriterWaitsForLock holds the write lock from one Store for half a
// second; a second Store on the same file (its own connections, as another
// process would have) opens and records an attempt meanwhile, waiting
// rather than failing.
func TestWriterWaitsForLock(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "progress.db")
	a, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	l := mustLearner(t, a, "Ada")
	const hold = 500 * time.Millisecond
	locked := make(chan struct{})
	held := make(chan error)
	go func() {
		held <- a.tx(ctx, func(tx *wtx) error {
			close(locked)
			time.Sleep(hold)
			return nil
		})
	}()
	<-locked
	start := time.Now()
	b, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open while another connection writes: %v", err)
	}
	defer b.Close()
	if _, err := b.RecordAttempt(ctx, AttemptInput{Learner: l.ID, Item: "find:x", Correct: true}); err != nil {
		t.Fatalf("RecordAttempt while another connection writes: %v", err)
	}
	if waited := time.Since(start); waited < hold/2 {
		t.Errorf("recorded after %v: the lock was not held", waited)
	}
	if err := <-held; err != nil {
		t.Fatal(err)
	}
}

// TestConcurrentRecordInOneProcess: goroutines sharing a Store.
func TestConcurrentRecordInOneProcess(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	l := mustLearner(t, s, "Ada")
	errs := make(chan error, 4)
	for g := range 4 {
		go func() {
			for i := range 25 {
				in := childAttempt(l.ID, fmt.Sprint("g", g), i)
				if _, err := s.RecordAttempt(ctx, in); err != nil {
					errs <- err
					return
				}
				if _, err := s.DueItems(ctx, l.ID, 5); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	st, _ := s.Stats(ctx, l.ID)
	if st.Attempts != 100 {
		t.Errorf("%d attempts counted, want 100", st.Attempts)
	}
}
