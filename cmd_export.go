package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/osteon/osteon/progress"
)

const exportUsage = `usage: osteon export attempts|mastery|xapi [--db PATH] [--learner NAME|ID] [--out FILE]

  attempts   every answer, as CSV
  mastery    mastery per skill, as CSV
  xapi       xAPI 2.0 statements, as a JSON array

  --db PATH          the progress database; default $OSTEON_DB, else the
                     learner data folder (--db beats OSTEON_DB beats the default)
  --learner NAME|ID  one learner, by name or id; default every learner
  --out FILE         write to FILE (replaced whole) instead of standard output

Learners appear under a pseudonym unless they chose to be named. An export
with nothing in it is still written (a CSV header, or []) and says so on
standard error.
Exit status: 0 done, 1 failed, 2 usage error.
`

// exportArgs is a parsed export command line.
type exportArgs struct {
	what    string // attempts, mastery or xapi
	db      string
	learner string
	out     string
}

var exportKinds = map[string]bool{"attempts": true, "mastery": true, "xapi": true}

// parseExportArgs parses the arguments after "export".
func parseExportArgs(args []string) (exportArgs, error) {
	var a exportArgs
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.StringVar(&a.db, "db", "", "")
	fs.StringVar(&a.learner, "learner", "", "")
	fs.StringVar(&a.out, "out", "", "")
	pos, err := parseArgs(fs, args)
	switch {
	case err != nil:
		return a, err
	case len(pos) != 1:
		return a, fmt.Errorf("%w: want one of attempts, mastery, xapi; got %q", errUsage, pos)
	case !exportKinds[pos[0]]:
		return a, fmt.Errorf("%w: unknown export %q", errUsage, pos[0])
	}
	a.what = pos[0]
	return a, nil
}

// cmdExport runs `osteon export`: 0 done, 1 failure (no database, unknown
// learner, unreadable file), 2 usage error.
func cmdExport(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	a, err := parseExportArgs(args)
	if err == nil {
		err = runExport(ctx, a, stdout, stderr)
	}
	return exitCode("export", exportUsage, err, stdout, stderr)
}

func runExport(ctx context.Context, a exportArgs, stdout, stderr io.Writer) error {
	path, err := progress.ResolvePath(a.db)
	if err != nil {
		return err
	}
	s, err := progress.OpenExisting(ctx, path)
	if err != nil {
		return err
	}
	defer s.Close()
	learner := progress.AllLearners
	if a.learner != "" {
		if learner, err = s.ResolveLearner(ctx, a.learner); err != nil {
			return err
		}
	}
	n, err := s.ExportSize(ctx, a.what, learner)
	if err != nil {
		return err
	}
	export := map[string]func(context.Context, io.Writer, progress.LearnerID) error{
		"attempts": s.ExportAttemptsCSV, "mastery": s.ExportMasteryCSV, "xapi": s.ExportXAPI}[a.what]
	if a.out == "" || a.out == "-" {
		err = export(ctx, stdout, learner)
	} else {
		err = progress.WriteFileAtomic(a.out, func(w io.Writer) error { return export(ctx, w, learner) })
	}
	if err == nil && n == 0 {
		who := "any learner"
		if a.learner != "" {
			who = "learner " + a.learner
		}
		fmt.Fprintf(stderr, "osteon export: nothing to export: %s has no %s in %s\n", who, emptyWhat[a.what], path)
	}
	return err
}

var emptyWhat = map[string]string{"attempts": "answers", "mastery": "mastery", "xapi": "answers, drill runs or mastered skills"}
