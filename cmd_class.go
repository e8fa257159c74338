package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/osteon/osteon/progress"
)

const classUsage = `usage: osteon class report --lrs URL [--user NAME --password-file FILE] [--from DATE] [--to DATE] [--out FILE]
       osteon class report --db PATH [--from DATE] [--to DATE] [--out FILE]

Writes, as CSV, a class report: per learner (pseudonym, or name where the
learner chose), mastery by body system, procedure Test outcomes with their
CUSUM standing, and drill bests, over answers timestamped from --from up to
(not including) --to. It reads Osteon's statements back from the LRS at URL,
or the records of one progress database.

  --lrs URL             the LRS's xAPI base; without --user, the credentials
                        saved by osteon lrs set for that endpoint
  --user NAME, --password-file FILE   the LRS credentials (- reads stdin)
  --db PATH             a progress database instead of an LRS
  --from, --to DATE     YYYY-MM-DD (local midnight) or RFC 3339; default all time
  --out FILE            write to FILE (replaced whole) instead of standard output

Exit status: 0 done, 1 failed, 2 usage error.
`

type classArgs struct {
	lrs, user, passFile, db, from, to, out string
}

func parseClassArgs(args []string) (classArgs, error) {
	var a classArgs
	fs := flag.NewFlagSet("class", flag.ContinueOnError)
	for name, p := range map[string]*string{"lrs": &a.lrs, "user": &a.user, "password-file": &a.passFile,
		"db": &a.db, "from": &a.from, "to": &a.to, "out": &a.out} {
		fs.StringVar(p, name, "", "")
	}
	pos, err := parseArgs(fs, args)
	switch {
	case err != nil:
		return a, err
	case len(pos) != 1 || pos[0] != "report":
		return a, fmt.Errorf("%w: want report; got %q", errUsage, pos)
	case (a.lrs == "") == (a.db == ""):
		return a, fmt.Errorf("%w: give --lrs URL or --db PATH", errUsage)
	case (a.user == "") != (a.passFile == ""), a.db != "" && a.user != "":
		return a, fmt.Errorf("%w: --user and --password-file go together, with --lrs", errUsage)
	}
	return a, nil
}

// cmdClass runs `osteon class`.
func cmdClass(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	a, err := parseClassArgs(args)
	if err == nil {
		err = runClass(ctx, a, stdout)
	}
	return exitCode("class", classUsage, err, stdout, stderr)
}

func runClass(ctx context.Context, a classArgs, stdout io.Writer) error {
	from, err := parseDay(a.from, "from")
	if err != nil {
		return err
	}
	to, err := parseDay(a.to, "to")
	if err != nil {
		return err
	}
	var r progress.ClassReport
	if a.db != "" {
		s, err := progress.OpenExisting(ctx, a.db)
		if err != nil {
			return err
		}
		defer s.Close()
		if r, err = s.ClassReport(ctx, from, to); err != nil {
			return err
		}
	} else if r, err = classFromLRS(ctx, a, from, to); err != nil {
		return err
	}
	if a.out == "" || a.out == "-" {
		return r.WriteCSV(stdout)
	}
	return progress.WriteFileAtomic(a.out, r.WriteCSV)
}

func classFromLRS(ctx context.Context, a classArgs, from, to time.Time) (progress.ClassReport, error) {
	cfg := progress.LRSConfig{Endpoint: a.lrs, User: a.user}
	if a.user != "" {
		pw, err := readPassword(a.passFile, os.Stdin)
		if err != nil {
			return progress.ClassReport{}, err
		}
		cfg.Password = pw
	} else {
		saved, where, err := progress.FindLRSConfig()
		if err != nil {
			return progress.ClassReport{}, fmt.Errorf("no --user given and %w", err)
		}
		if c, _ := cfg.Check(); saved.Endpoint != c.Endpoint {
			return progress.ClassReport{}, fmt.Errorf("no --user given, and the LRS saved in %s is %s, not %s", where, saved.Endpoint, a.lrs)
		}
		cfg = saved
	}
	cfg, err := cfg.Check()
	if err != nil {
		return progress.ClassReport{}, err
	}
	sts, err := (&progress.Sender{Config: cfg}).ReadStatements(ctx, from, to)
	if err != nil {
		return progress.ClassReport{}, err
	}
	return progress.ClassReportFrom(sts, from, to)
}

// parseDay reads YYYY-MM-DD (local midnight) or RFC 3339; empty is zero.
func parseDay(v, name string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	if t, err := time.ParseInLocation(time.DateOnly, v, time.Local); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: --%s %q: want YYYY-MM-DD or RFC 3339", errUsage, name, v)
	}
	return t, nil
}
