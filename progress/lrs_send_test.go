package progress

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/osteon/osteon/progress/lrstest"
)

// queuedIDs is the set of statement ids in the outbox, and their bodies
// as one JSON array.
func queuedIDs(t *testing.T, s *Store) (map[string]bool, []byte) {
	t.Helper()
	q, err := s.outboxBatch(context.Background(), 1<<30)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	bodies := make([]json.RawMessage, len(q))
	for i, r := range q {
		ids[r.sid] = true
		bodies[i] = json.RawMessage(r.body)
	}
	b, _ := json.Marshal(bodies)
	return ids, b
}

// lrsIDs reads back every statement id the LRS holds, failing on one held
// twice.
func lrsIDs(t *testing.T, snd *Sender) map[string]bool {
	t.Helper()
	back, err := snd.ReadStatements(context.Background(), time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, st := range back {
		if ids[st.ID] {
			t.Errorf("the LRS holds statement %s twice", st.ID)
		}
		ids[st.ID] = true
	}
	return ids
}

// sendSetup starts an LRS and a store holding n answers by the learners,
// with sending on and the history queued; it returns how many statements
// are queued.
func sendSetup(t *testing.T, names []string, n int) (*lrstest.LRS, *Store, int) {
	t.Helper()
	l := lrstest.Start(t)
	s := openFast(t)
	fillHistory(t, s, names, n)
	queued, err := s.EnableSending(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return l, s, queued
}

func sameSet(t *testing.T, what string, got, want map[string]bool) {
	t.Helper()
	missing, extra := 0, 0
	for id := range want {
		if !got[id] {
			missing++
		}
	}
	for id := range got {
		if !want[id] {
			extra++
		}
	}
	if missing+extra > 0 {
		t.Errorf("%s: %d statements missing, %d unexpected (want %d, got %d)", what, missing, extra, len(want), len(got))
	}
}

// Ten thousand attempts by three learners reach the LRS, each once, and
// every statement sent passes Learning Locker's validator.
func TestSendTenThousandAttemptsOnce(t *testing.T) {
	n := 10000
	if testing.Short() {
		n = 1000
	}
	l, s, _ := sendSetup(t, []string{"Ada", "Ben", "Cy"}, n)
	ctx := context.Background()
	want, bodies := queuedIDs(t, s)
	lrstest.Validate(t, bodies)
	snd := &Sender{Store: s, Config: lrsConfig(l), Batch: 500}
	sent, err := snd.SendAll(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if sent != len(want) || len(want) < n {
		t.Errorf("sent %d of %d queued (%d attempts)", sent, len(want), n)
	}
	sameSet(t, "LRS after sending", lrsIDs(t, snd), want)
	// Enabling again queues nothing: the history went once.
	if again, err := s.EnableSending(ctx); err != nil || again != 0 {
		t.Errorf("enabling again queued %d, %v", again, err)
	}
}

// The LRS is killed in the middle of a send and started again (empty: it
// keeps statements in memory). The sender retries until it is back; the
// new LRS then holds exactly what was still queued when the old one died,
// so nothing confirmed is sent twice and nothing unconfirmed is lost.
func TestSendSurvivesLRSRestart(t *testing.T) {
	l, s, _ := sendSetup(t, []string{"Ada", "Ben", "Cy"}, 3000)
	ctx := context.Background()
	all, _ := queuedIDs(t, s)
	snd := &Sender{Store: s, Config: lrsConfig(l), Batch: 20, MinBackoff: 20 * time.Millisecond, MaxBackoff: 200 * time.Millisecond}
	done := make(chan error, 1)
	go func() { _, err := snd.SendAll(ctx); done <- err }()
	waitFor(t, "a third sent", func() bool { st, _ := s.SendStatus(ctx); return st.Sent > int64(len(all)/3) })
	l.Stop()
	killed := time.Now()
	waitFor(t, "the sender to see the LRS gone", func() bool {
		st, _ := s.SendStatus(ctx)
		return st.LastError != "" && !st.LastErrorAt.Before(killed.Truncate(time.Millisecond))
	})
	left, _ := queuedIDs(t, s)
	st, _ := s.SendStatus(ctx)
	t.Logf("killed the LRS with %d of %d sent; last error: %s", len(all)-len(left), len(all), st.LastError)
	l.Restart()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	sameSet(t, "new LRS", lrsIDs(t, &Sender{Store: s, Config: lrsConfig(l)}), left)
	if st, _ := s.SendStatus(ctx); st.Queued != 0 || st.Sent != int64(len(all)) {
		t.Errorf("after restart: %+v; want all %d sent", st, len(all))
	}
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(2 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

// Bad credentials: the LRS answers 401, the sender stops, keeps every
// statement and shows the LRS's reason.
func TestSendStopsOnRefusal(t *testing.T) {
	l, s, n := sendSetup(t, []string{"Ada"}, 20)
	ctx := context.Background()
	cfg := lrsConfig(l)
	cfg.Password = "wrong"
	snd := &Sender{Store: s, Config: cfg}
	_, err := snd.SendAll(ctx)
	var le *LRSError
	if !errors.As(err, &le) || le.Status != 401 || le.Message != "Unauthorised" {
		t.Fatalf("SendAll with a wrong password: %v; want the LRS's 401 Unauthorised", err)
	}
	st, _ := s.SendStatus(ctx)
	if !st.Stopped || st.LastError != "Unauthorised" || st.Queued != n || st.Sent != 0 {
		t.Errorf("status after a refusal: %+v", st)
	}
	if strings.Contains(err.Error(), "wrong") {
		t.Errorf("the error shows the password: %v", err)
	}
	if _, err := snd.Test(ctx); err == nil {
		t.Error("Test passed with a wrong password")
	}
}

// This LRS offers only 1.0.3 and refuses a 2.0.0 header, so the sender
// must negotiate.
func TestNegotiateWithOneZeroThree(t *testing.T) {
	l := lrstest.Start(t)
	snd := &Sender{Config: lrsConfig(l)}
	v, err := snd.Test(context.Background())
	if err != nil || v != XAPI103 {
		t.Fatalf("Test = %q, %v; want %s", v, err, XAPI103)
	}
	_, err = snd.do(context.Background(), "GET", "statements?limit=1", XAPI20, nil)
	var le *LRSError
	if !errors.As(err, &le) || le.Status != 400 {
		t.Errorf("GET with version 2.0.0: %v; this LRS should refuse it", err)
	}
	for _, tt := range []struct {
		offered []string
		want    string
	}{{[]string{"1.0.3"}, XAPI103}, {[]string{"1.0.0", "1.0.1"}, XAPI103}, {[]string{"1.0.3", "2.0.0"}, XAPI20},
		{[]string{"0.95"}, ""}, {nil, ""}} {
		got, err := ChooseVersion(tt.offered)
		if got != tt.want || (err != nil) != (tt.want == "") {
			t.Errorf("ChooseVersion(%v) = %q, %v; want %q", tt.offered, got, err, tt.want)
		}
	}
}

// senderChildEnv makes the test binary run senderChildMain: a sender in
// its own process, for the kill test.
const senderChildEnv = "OSTEON_PROGRESS_TEST_SENDER"

func senderChildMain(spec string) int {
	db, endpoint, _ := strings.Cut(spec, "|")
	ctx := context.Background()
	s, err := Open(ctx, db)
	if err != nil {
		fmt.Println("err", err)
		return 1
	}
	snd := &Sender{Store: s, Config: LRSConfig{Endpoint: endpoint, User: lrstest.User, Password: lrstest.Password}, Batch: 10}
	if _, err := snd.Negotiate(ctx); err != nil {
		fmt.Println("err", err)
		return 1
	}
	fmt.Println("ready")
	if _, err := snd.SendAll(ctx); err != nil {
		fmt.Println("err", err)
		return 1
	}
	return 0
}

// A sender in a child process is killed with SIGKILL at 30 random
// moments of a send; afterwards the LRS holds every statement, each once,
// and the outbox is empty.
func TestSenderKilledMidSend(t *testing.T) {
	kills := 30
	if testing.Short() {
		kills = 5
	}
	l, s, _ := sendSetup(t, []string{"Ada", "Ben", "Cy"}, 5000)
	ctx := context.Background()
	all, _ := queuedIDs(t, s)
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 3))
	midBatch := 0
	for i := range kills {
		before, _ := s.SendStatus(ctx)
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), senderChildEnv+"="+s.Path()+"|"+l.Endpoint)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill at a random moment once the child is sending.
		if line, err := bufio.NewReader(out).ReadString('\n'); err != nil || line != "ready\n" {
			cmd.Process.Signal(syscall.SIGKILL)
			t.Fatalf("kill %d: the child said %q, %v", i+1, line, err)
		}
		time.Sleep(time.Duration(rng.IntN(300)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		after, _ := s.SendStatus(ctx)
		if after.Sent > before.Sent {
			midBatch++
		}
		if after.Queued == 0 {
			t.Fatalf("kill %d: the child sent everything before it was killed; the test needs more statements", i+1)
		}
	}
	t.Logf("%d kills, %d after the child had delivered batches", kills, midBatch)
	if midBatch < kills/4 {
		t.Errorf("only %d of %d kills came while the child was sending", midBatch, kills)
	}
	snd := &Sender{Store: s, Config: lrsConfig(l), Batch: 500}
	if _, err := snd.SendAll(ctx); err != nil {
		t.Fatal(err)
	}
	sameSet(t, "LRS after the kills", lrsIDs(t, snd), all)
	if st, _ := s.SendStatus(ctx); st.Queued != 0 {
		t.Errorf("outbox still holds %d", st.Queued)
	}
}

// A paused sender sends nothing and keeps the queue; resumed, it sends.
func TestPausedSenderSendsNothing(t *testing.T) {
	l, s, n := sendSetup(t, []string{"Ada"}, 10)
	ctx := context.Background()
	if err := s.PauseSending(ctx, true); err != nil {
		t.Fatal(err)
	}
	snd := &Sender{Store: s, Config: lrsConfig(l)}
	if sent, err := snd.SendAll(ctx); sent != 0 || err != nil {
		t.Errorf("paused: sent %d, %v", sent, err)
	}
	s.PauseSending(ctx, false)
	if sent, err := snd.SendAll(ctx); sent != n || err != nil {
		t.Errorf("resumed: sent %d of %d, %v", sent, n, err)
	}
}
