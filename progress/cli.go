package progress

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

const exportUsage = `usage: osteon export attempts|mastery|xapi [--db PATH] [--learner NAME|ID] [--out FILE]

  attempts   every answer, as CSV
  mastery    mastery per skill, as CSV
  xapi       xAPI 2.0 statements, as a JSON array

  --db PATH          the progress database; default $OSTEON_DB, else the
                     learner data folder (--db beats OSTEON_DB beats the default)
  --learner NAME|ID  one learner, by name or id; default every learner
  --out FILE         write to FILE (replaced whole) instead of standard output

Learners appear under a pseudonym unless they chose to be named.
Exit status: 0 done, 1 failed, 2 usage error.
`

// exportArgs is a parsed export command line.
type exportArgs struct {
	what    string // attempts, mastery or xapi
	db      string
	learner string
	out     string
}

// errUsage marks command-line mistakes (exit status 2).
var errUsage = errors.New("usage")

var exportKinds = map[string]bool{"attempts": true, "mastery": true, "xapi": true}

// parseExportArgs parses the arguments after "export". The subcommand may
// come before or after the flags. flag.ErrHelp is returned for -h.
func parseExportArgs(args []string) (exportArgs, error) {
	var a exportArgs
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&a.db, "db", "", "")
	fs.StringVar(&a.learner, "learner", "", "")
	fs.StringVar(&a.out, "out", "", "")
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return a, err
			}
			return a, fmt.Errorf("%w: %v", errUsage, err)
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	switch {
	case len(pos) != 1:
		return a, fmt.Errorf("%w: want one of attempts, mastery, xapi; got %q", errUsage, pos)
	case !exportKinds[pos[0]]:
		return a, fmt.Errorf("%w: unknown export %q", errUsage, pos[0])
	}
	for _, name := range []string{"db", "learner", "out"} {
		v := fs.Lookup(name).Value.String()
		if set[name] && strings.TrimSpace(v) == "" {
			return a, fmt.Errorf("%w: --%s needs a value", errUsage, name)
		}
	}
	a.what = pos[0]
	return a, nil
}

// RunExportCLI runs `osteon export`; args are the arguments after
// "export". It returns the exit status: 0 done, 1 failure or invalid input
// (no database, unknown learner, unreadable file), 2 usage error. The
// database is found as --db, else $OSTEON_DB, else DefaultPath; it is
// never created, and a damaged one is reported, not moved aside (the app
// does that, and tells the learner).
func RunExportCLI(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	a, err := parseExportArgs(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, exportUsage)
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "osteon export: %v\n\n%s", err, exportUsage)
		return 2
	}
	if err := runExport(ctx, a, stdout); err != nil {
		fmt.Fprintf(stderr, "osteon export: %v\n", err)
		return 1
	}
	return 0
}

func runExport(ctx context.Context, a exportArgs, stdout io.Writer) error {
	path := a.db
	if path == "" {
		p, err := DefaultPath()
		if err != nil {
			return err
		}
		path = p
	}
	if fi, err := os.Stat(path); err != nil || fi.IsDir() {
		return fmt.Errorf("no progress database at %s", path)
	}
	s, err := open(ctx, path, options{synchronous: "FULL", noRecover: true})
	if err != nil {
		return err
	}
	defer s.Close()
	learner := AllLearners
	if a.learner != "" {
		if learner, err = s.resolveLearner(ctx, a.learner); err != nil {
			return err
		}
	}
	export := map[string]func(context.Context, io.Writer, LearnerID) error{
		"attempts": s.ExportAttemptsCSV, "mastery": s.ExportMasteryCSV, "xapi": s.ExportXAPI}[a.what]
	if a.out == "" || a.out == "-" {
		return export(ctx, stdout, learner)
	}
	return writeFileAtomic(a.out, func(w io.Writer) error { return export(ctx, w, learner) })
}

// resolveLearner finds a learner by name, else by numeric id.
func (s *Store) resolveLearner(ctx context.Context, v string) (LearnerID, error) {
	l, err := s.LearnerByName(ctx, v)
	if err == nil {
		return l.ID, nil
	}
	if !errors.Is(err, ErrNotFound) {
		return 0, err
	}
	if id, perr := strconv.ParseInt(v, 10, 64); perr == nil && id > 0 {
		if l, err := s.Learner(ctx, LearnerID(id)); err == nil {
			return l.ID, nil
		}
	}
	return 0, fmt.Errorf("no learner named %q or with that id", v)
}

// writeFileAtomic writes through a temporary file in the same folder and
// renames it over path, so path is never left half written.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
