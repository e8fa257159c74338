package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/osteon/osteon/progress"
	"github.com/osteon/osteon/progress/lrstest"
)

func lrsCmd(ctx context.Context, args []string, out, errb *bytes.Buffer) int {
	return cmdLRS(ctx, args, out, errb)
}

func classCmd(ctx context.Context, args []string, out, errb *bytes.Buffer) int {
	return cmdClass(ctx, args, out, errb)
}

func TestParseLRSArgs(t *testing.T) {
	for _, args := range [][]string{nil, {"sync"}, {"status", "send"}, {"set", "--endpoint", "http://x/"},
		{"status", "--user", "u"}, {"send", "--system"}, {"set", "--endpoint=", "--user", "u", "--password-file", "f"}} {
		if _, err := parseLRSArgs(args); !errors.Is(err, errUsage) {
			t.Errorf("parseLRSArgs(%q) = %v, want a usage error", args, err)
		}
	}
	a, err := parseLRSArgs([]string{"--db", "d.db", "set", "--endpoint", "http://x/xAPI/", "--user", "u", "--password-file", "-", "--system"})
	if err != nil || a != (lrsArgs{cmd: "set", endpoint: "http://x/xAPI/", user: "u", passFile: "-", db: "d.db", system: true}) {
		t.Errorf("set: %+v, %v", a, err)
	}
}

// The whole command-line path against the real LRS: set, status, test,
// send, a class report from the LRS equal to one from the database, and
// the password in neither the output nor the database.
func TestCmdLRSAndClassReport(t *testing.T) {
	l := lrstest.Start(t)
	db, _ := progressFixture(t)
	dir := t.TempDir()
	t.Setenv(progress.EnvLRSConfig, filepath.Join(dir, "config", "lrs.json"))
	pw := filepath.Join(dir, "pw")
	os.WriteFile(pw, []byte(lrstest.Password+"\n"), 0o600)
	var said strings.Builder
	run := func(cmd func(context.Context, []string, *bytes.Buffer, *bytes.Buffer) int, want int, args ...string) string {
		t.Helper()
		code, out, errs := runCmd(cmd, args...)
		said.WriteString(out + errs)
		if code != want {
			t.Fatalf("%q: exit %d, want %d\n%s%s", args, code, want, out, errs)
		}
		return out + errs
	}
	out := run(lrsCmd, 0, "set", "--endpoint", l.Endpoint, "--user", lrstest.User, "--password-file", pw, "--db", db)
	if !strings.Contains(out, "8 statements of its history queued") {
		t.Errorf("set said %q", out)
	}
	if fi, err := os.Stat(filepath.Join(dir, "config", "lrs.json")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("config file: %v, %v; want mode 0600", fi, err)
	}
	if out := run(lrsCmd, 0, "status", "--db", db); !strings.Contains(out, "queued:     8") {
		t.Errorf("status said %q", out)
	}
	if out := run(lrsCmd, 0, "test"); !strings.Contains(out, "speaks xAPI 1.0.3, credentials accepted") {
		t.Errorf("test said %q", out)
	}
	if out := run(lrsCmd, 0, "send", "--db", db); !strings.Contains(out, "sent 8 statements") {
		t.Errorf("send said %q", out)
	}
	if out := run(lrsCmd, 0, "status", "--db", db); !strings.Contains(out, "queued:     0") || !strings.Contains(out, "sent:       8") {
		t.Errorf("status after send said %q", out)
	}
	fromLRS := run(classCmd, 0, "report", "--lrs", l.Endpoint)
	fromDB := run(classCmd, 0, "report", "--db", db)
	if fromLRS != fromDB || !strings.Contains(fromDB, "Ada,procedure,procedure-test:core/venepuncture") {
		t.Errorf("class report from the LRS:\n%s\nfrom the database:\n%s", fromLRS, fromDB)
	}
	// A wrong password: send fails with the LRS's reason, status shows it.
	os.WriteFile(pw, []byte("not-the-password"), 0o600)
	run(lrsCmd, 0, "set", "--endpoint", l.Endpoint, "--user", lrstest.User, "--password-file", pw, "--db", db)
	run(lrsCmd, 0, "pause", "--db", db)
	run(lrsCmd, 0, "resume", "--db", db)
	progressAnswer(t, db)
	if out := run(lrsCmd, 1, "send", "--db", db); !strings.Contains(out, "401 Unauthorized): Unauthorised") {
		t.Errorf("send with a wrong password said %q", out)
	}
	if out := run(lrsCmd, 0, "status", "--db", db); !strings.Contains(out, "stopped by the LRS's refusal") || !strings.Contains(out, "Unauthorised") {
		t.Errorf("status after a refusal said %q", out)
	}
	for _, secret := range []string{lrstest.Password, "not-the-password"} {
		if strings.Contains(said.String(), secret) {
			t.Errorf("the commands printed the password %q", secret)
		}
		for _, f := range []string{db, db + "-wal"} {
			if b, _ := os.ReadFile(f); bytes.Contains(b, []byte(secret)) {
				t.Errorf("%s holds the password", f)
			}
		}
	}
}

// progressAnswer records one more answer in the database at path.
func progressAnswer(t *testing.T, path string) {
	t.Helper()
	ctx := context.Background()
	s, err := progress.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ada, _ := s.LearnerByName(ctx, "Ada")
	if _, err := s.RecordAttempt(ctx, progress.AttemptInput{Learner: ada.ID, Item: "mcq:core/q2", Correct: true}); err != nil {
		t.Fatal(err)
	}
}

func TestParseClassArgs(t *testing.T) {
	for _, args := range [][]string{nil, {"report"}, {"report", "--lrs", "u", "--db", "d"}, {"summary", "--db", "d"},
		{"report", "--lrs", "u", "--user", "x"}, {"report", "--db", "d", "--user", "x", "--password-file", "p"}} {
		if _, err := parseClassArgs(args); !errors.Is(err, errUsage) {
			t.Errorf("parseClassArgs(%q) = %v, want a usage error", args, err)
		}
	}
	if code, _, errs := runCmd(classCmd, "report", "--db", "x.db", "--from", "March"); code != 2 || !strings.Contains(errs, "--from") {
		t.Errorf("bad --from: exit %d, %q", code, errs)
	}
}
