package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/progress"
)

func TestParseExportArgs(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		want  exportArgs
		usage bool
	}{
		{name: "subcommand only", args: []string{"attempts"}, want: exportArgs{what: "attempts"}},
		{name: "flags after", args: []string{"xapi", "--db", "/d.db", "--learner=Ada", "-out", "o.json"},
			want: exportArgs{what: "xapi", db: "/d.db", learner: "Ada", out: "o.json"}},
		{name: "flags before", args: []string{"--db=/d.db", "mastery", "--learner", "7"},
			want: exportArgs{what: "mastery", db: "/d.db", learner: "7"}},
		{name: "after --", args: []string{"--", "attempts"}, want: exportArgs{what: "attempts"}},
		{name: "none", args: nil, usage: true},
		{name: "unknown export", args: []string{"grades"}, usage: true},
		{name: "two exports", args: []string{"attempts", "mastery"}, usage: true},
		{name: "unknown flag", args: []string{"attempts", "--pin", "1"}, usage: true},
		{name: "flag without value", args: []string{"attempts", "--db"}, usage: true},
		{name: "empty value", args: []string{"attempts", "--learner="}, usage: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseExportArgs(tt.args)
			if tt.usage {
				if !errors.Is(err, errUsage) {
					t.Errorf("err = %v, want a usage error", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(exportArgs{})); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	if _, err := parseExportArgs([]string{"-h"}); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("-h: %v", err)
	}
}

func FuzzParseExportArgs(f *testing.F) {
	for _, s := range []string{"attempts", "xapi\x00--db\x00/x", "--db=/x\x00mastery\x00--out\x00o", "--\x00attempts",
		"attempts\x00--learner=", "-h", "mastery\x00--learner\x00--db"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, joined string) {
		args := strings.Split(joined, "\x00")
		a, err := parseExportArgs(args)
		if err != nil {
			if !errors.Is(err, errUsage) && !errors.Is(err, flag.ErrHelp) {
				t.Fatalf("error %v is neither usage nor help", err)
			}
			return
		}
		if !exportKinds[a.what] {
			t.Fatalf("accepted export %q", a.what)
		}
		// The parsed form, written out again, parses to the same thing.
		again := []string{a.what}
		for _, kv := range [][2]string{{"db", a.db}, {"learner", a.learner}, {"out", a.out}} {
			if kv[1] != "" {
				again = append(again, "--"+kv[0]+"="+kv[1])
			}
		}
		b, err := parseExportArgs(again)
		if err != nil || b != a {
			t.Fatalf("%q parsed to %+v; rewritten %q gave %+v, %v", args, a, again, b, err)
		}
	})
}

// progressFixture makes a database: Ada (named in exports) with six
// answers and a drill run, "=cmd" with one answer, and Eve with none.
func progressFixture(t *testing.T) (string, progress.Learner) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "progress.db")
	s, err := progress.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ada, _ := s.CreateLearner(ctx, "Ada", "")
	evil, _ := s.CreateLearner(ctx, "=cmd", "")
	if _, err := s.CreateLearner(ctx, "Eve", ""); err != nil {
		t.Fatal(err)
	}
	s.SetUseNameInExports(ctx, ada.ID, true)
	for i := range 5 {
		if _, err := s.RecordAttempt(ctx, progress.AttemptInput{Learner: ada.ID, Item: "name-typed:FMA:23462",
			PackID: "core", PackVersion: "1.2.0", Correct: i != 1, Response: 1500 * time.Millisecond,
			Skills: []learning.SkillID{"structure:FMA:23462", "system:skeletal"},
			Text:   progress.ActivityText{Name: "Name the highlighted structure: Scaphoid"}}); err != nil {
			t.Fatal(err)
		}
	}
	in := []progress.AttemptInput{{Learner: ada.ID, Item: "procedure-test:core/venepuncture", Correct: true,
		Skills: []learning.SkillID{"procedure:core/venepuncture"}}, {Learner: evil.ID, Item: "mcq:core/q1", Correct: true}}
	for _, a := range in {
		if _, err := s.RecordAttempt(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.RecordDrillRun(ctx, progress.DrillRunInput{Learner: ada.ID, DrillID: "core/locate",
		Duration: 75 * time.Second, Trials: 20, Score: 88, Accuracy: 0.9, Speed: 16}); err != nil {
		t.Fatal(err)
	}
	return path, ada
}

func runCmd(cmd func(context.Context, []string, *bytes.Buffer, *bytes.Buffer) int, args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := cmd(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func exportCmd(ctx context.Context, args []string, out, errb *bytes.Buffer) int {
	return cmdExport(ctx, args, out, errb)
}

func TestCmdExport(t *testing.T) {
	path, ada := progressFixture(t)
	dir := t.TempDir()
	tests := []struct {
		name    string
		args    []string
		code    int
		stdout  string // substring
		stderr  string // substring; "" wants it empty
		csvRows int    // data rows expected on stdout, if > 0
	}{
		{name: "attempts of everyone", args: []string{"attempts", "--db", path}, csvRows: 7},
		{name: "attempts by name", args: []string{"attempts", "--db", path, "--learner", "ada"}, csvRows: 6},
		{name: "attempts by id", args: []string{"--learner", strconv.Itoa(int(ada.ID)), "attempts", "--db", path}, csvRows: 6},
		{name: "mastery", args: []string{"mastery", "--db", path, "--learner", "Ada"}, csvRows: 3},
		{name: "xapi", args: []string{"xapi", "--db", path}, stdout: `"verb"`},
		{name: "empty xapi says so", args: []string{"xapi", "--db", path, "--learner", "Eve"}, stdout: "[]",
			stderr: "nothing to export: learner Eve has no answers, drill runs or mastered skills"},
		{name: "empty attempts says so", args: []string{"attempts", "--db", path, "--learner", "Eve"}, stdout: "attempt_id",
			stderr: "nothing to export"},
		{name: "help", args: []string{"--help"}, stdout: "usage: osteon export"},
		{name: "usage", args: []string{"everything"}, code: 2, stderr: "unknown export"},
		{name: "unknown learner", args: []string{"attempts", "--db", path, "--learner", "Zed"}, code: 1, stderr: `no learner named "Zed"`},
		{name: "no database", args: []string{"attempts", "--db", filepath.Join(dir, "none.db")}, code: 1, stderr: "no progress database"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runCmd(exportCmd, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr %q", code, tt.code, errs)
			}
			if !strings.Contains(out, tt.stdout) || !strings.Contains(errs, tt.stderr) || (tt.stderr == "") != (errs == "") {
				t.Errorf("stdout %.200q, stderr %q; want %q and %q", out, errs, tt.stdout, tt.stderr)
			}
			if tt.csvRows > 0 {
				recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
				if err != nil || len(recs)-1 != tt.csvRows {
					t.Errorf("%d CSV rows, %v; want %d", len(recs)-1, err, tt.csvRows)
				}
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "none.db")); err == nil {
		t.Error("export created a database")
	}
}

func TestCmdExportOutFileAndEnv(t *testing.T) {
	path, _ := progressFixture(t)
	out := filepath.Join(t.TempDir(), "x.json")
	t.Setenv(progress.EnvDB, path)
	code, stdout, stderr := runCmd(exportCmd, "xapi", "--out", out)
	if code != 0 || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var sts []map[string]any
	if err := json.Unmarshal(b, &sts); err != nil || len(sts) == 0 {
		t.Errorf("out file: %d statements, %v", len(sts), err)
	}
	// --db beats the environment.
	t.Setenv(progress.EnvDB, filepath.Join(t.TempDir(), "missing.db"))
	if code, _, stderr := runCmd(exportCmd, "mastery", "--db", path); code != 0 {
		t.Errorf("--db did not beat OSTEON_DB: %s", stderr)
	}
	if code, _, _ := runCmd(exportCmd, "mastery"); code != 1 {
		t.Errorf("OSTEON_DB pointing nowhere: exit %d, want 1", code)
	}
}

func TestCmdExportDamagedFileIsReportedNotMoved(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.db")
	os.WriteFile(path, bytes.Repeat([]byte("garbage!"), 512), 0o600)
	code, _, stderr := runCmd(exportCmd, "attempts", "--db", path)
	if code != 1 || !strings.Contains(stderr, "damaged") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("damaged file moved by export: %v", err)
	}
}
