// Package lrstest runs a real Learning Record Store for tests: Learning
// Locker's xAPI service (npm xapi-statements, pinned by package-lock.json
// in this folder and installed by scripts/setup) with no database, on
// 127.0.0.1 only, stopped by its process id. Without Node.js or the
// installed packages the tests skip with a message, unless
// OSTEON_REQUIRE_LRS=1 (set by .ci/run), when they fail.
package lrstest

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// User and Password are the credentials the LRS accepts; any others get
// its own 401 "Unauthorised".
const (
	User     = "osteon-test"
	Password = "s3cret-for-tests"
)

// LRS is a running Learning Locker xAPI service.
type LRS struct {
	Endpoint string // e.g. http://127.0.0.1:40123/xAPI/
	port     int
	dir      string
	tb       testing.TB
	mu       sync.Mutex
	cmd      *exec.Cmd
	log      *bytes.Buffer
}

// Dir is the folder of this package, where node_modules lives.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Dir(file)
}

// need skips or fails tb when Node.js or the packages are missing.
func need(tb testing.TB) {
	tb.Helper()
	var why string
	if _, err := exec.LookPath("node"); err != nil {
		why = "node (Node.js) is not installed; scripts/setup installs it"
	} else if _, err := os.Stat(filepath.Join(Dir(), "node_modules", "xapi-statements", "dist", "index.js")); err != nil {
		why = "the LRS is not installed in " + filepath.Join(Dir(), "node_modules") + "; scripts/setup runs npm ci there"
	}
	if why == "" {
		return
	}
	if os.Getenv("OSTEON_REQUIRE_LRS") == "1" {
		tb.Fatalf("no LRS for the tests (OSTEON_REQUIRE_LRS=1): %s", why)
	}
	tb.Skipf("skipping: %s", why)
}

// Start starts an LRS on a free port of 127.0.0.1 and stops it when the
// test ends.
func Start(tb testing.TB) *LRS {
	tb.Helper()
	need(tb)
	l := &LRS{dir: tb.TempDir(), tb: tb}
	l.port = freePort(tb)
	l.Endpoint = fmt.Sprintf("http://127.0.0.1:%d/xAPI/", l.port)
	if err := l.start(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(l.Stop)
	return l
}

func freePort(tb testing.TB) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

func (l *LRS) start() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	cmd := exec.Command("node", "serve.js")
	cmd.Dir = Dir()
	cmd.Env = append(os.Environ(), "AUTH_REPO=test", "EVENTS_REPO=test", "MODELS_REPO=memory",
		"STORAGE_REPO=local", "FS_LOCAL_STORAGE_DIR="+l.dir, "EXPRESS_MORGAN_DIRECTORY="+filepath.Join(l.dir, "logs"),
		fmt.Sprintf("EXPRESS_PORT=%d", l.port), "WINSTON_CONSOLE_LEVEL=warn", "LANG=en",
		"OSTEON_LRS_AUTH="+User+":"+Password)
	l.log = &bytes.Buffer{}
	cmd.Stdout, cmd.Stderr = l.log, l.log
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("lrstest: start the LRS: %w", err)
	}
	l.cmd = cmd
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-done:
			return fmt.Errorf("lrstest: the LRS exited at start: %s", l.log.String())
		default:
		}
		resp, err := http.Get(l.Endpoint + "about")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return nil
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	return errors.New("lrstest: the LRS did not answer /about within 30 s")
}

// Stop kills the LRS by its process id and waits for its port to close.
// Its statements are lost (it keeps them in memory).
func (l *LRS) Stop() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.cmd == nil {
		return
	}
	l.cmd.Process.Signal(syscall.SIGKILL)
	for i := 0; i < 200; i++ {
		c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", l.port), 50*time.Millisecond)
		if err != nil {
			break
		}
		c.Close()
		time.Sleep(10 * time.Millisecond)
	}
	l.cmd = nil
}

// Restart stops the LRS and starts it again on the same port. The store is
// in memory, so it comes back empty.
func (l *LRS) Restart() {
	l.tb.Helper()
	l.Stop()
	if err := l.start(); err != nil {
		l.tb.Fatal(err)
	}
}

// Validate runs Learning Locker's statement validator (npm
// xapi-validation) over a JSON array of statements and fails tb with its
// findings.
func Validate(tb testing.TB, statements []byte) {
	tb.Helper()
	need(tb)
	cmd := exec.Command("node", "validate.js")
	cmd.Dir = Dir()
	cmd.Stdin = bytes.NewReader(statements)
	out, err := cmd.CombinedOutput()
	if err != nil {
		tb.Fatalf("xapi-validation: %v\n%s", err, firstLines(string(out), 20))
	}
	tb.Logf("xapi-validation: %s", strings.TrimSpace(lastLine(string(out))))
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	return s[strings.LastIndex(s, "\n")+1:]
}
