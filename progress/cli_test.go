package progress

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
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

func cliFixture(t *testing.T) (string, Learner) {
	t.Helper()
	s, ada, _ := exportFixture(t)
	return s.Path(), ada
}

func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = RunExportCLI(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestRunExportCLI(t *testing.T) {
	path, ada := cliFixture(t)
	dir := t.TempDir()
	tests := []struct {
		name    string
		args    []string
		code    int
		stdout  string // substring
		stderr  string // substring
		csvRows int    // data rows expected on stdout, if > 0
	}{
		{name: "attempts of everyone", args: []string{"attempts", "--db", path}, csvRows: 7},
		{name: "attempts by name", args: []string{"attempts", "--db", path, "--learner", "ada"}, csvRows: 6},
		{name: "attempts by id", args: []string{"--learner", strings.TrimSpace(itoa(int64(ada.ID))), "attempts", "--db", path}, csvRows: 6},
		{name: "mastery", args: []string{"mastery", "--db", path, "--learner", "Ada"}, csvRows: 1},
		{name: "xapi", args: []string{"xapi", "--db", path}, stdout: `"verb"`},
		{name: "help", args: []string{"--help"}, stdout: "usage: osteon export"},
		{name: "usage", args: []string{"everything"}, code: 2, stderr: "unknown export"},
		{name: "unknown learner", args: []string{"attempts", "--db", path, "--learner", "Zed"}, code: 1, stderr: `no learner named "Zed"`},
		{name: "no database", args: []string{"attempts", "--db", filepath.Join(dir, "none.db")}, code: 1, stderr: "no progress database"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runCLI(tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr %q", code, tt.code, errs)
			}
			if !strings.Contains(out, tt.stdout) || !strings.Contains(errs, tt.stderr) {
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

func TestRunExportCLIOutFileAndEnv(t *testing.T) {
	path, _ := cliFixture(t)
	out := filepath.Join(t.TempDir(), "x.json")
	t.Setenv(EnvDB, path)
	code, stdout, stderr := runCLI("xapi", "--out", out)
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
	t.Setenv(EnvDB, filepath.Join(t.TempDir(), "missing.db"))
	if code, _, stderr := runCLI("mastery", "--db", path); code != 0 {
		t.Errorf("--db did not beat OSTEON_DB: %s", stderr)
	}
	if code, _, _ := runCLI("mastery"); code != 1 {
		t.Errorf("OSTEON_DB pointing nowhere: exit %d, want 1", code)
	}
}

func TestRunExportCLIDamagedFileIsReportedNotMoved(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.db")
	os.WriteFile(path, bytes.Repeat([]byte("garbage!"), 512), 0o600)
	code, _, stderr := runCLI("attempts", "--db", path)
	if code != 1 || !strings.Contains(stderr, "damaged") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("damaged file moved by export: %v", err)
	}
}
