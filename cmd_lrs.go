package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/osteon/osteon/progress"
)

const lrsUsage = `usage: osteon lrs set --endpoint URL --user NAME --password-file FILE [--system] [--db PATH]
       osteon lrs status|send|test|pause|resume [--db PATH]

Sends every answer, drill run and mastered skill, as xAPI statements, to a
Learning Record Store. Nothing is sent until an LRS is set.

  set     keep the endpoint and credentials (in a file readable by you only,
          never in the progress database), turn sending on for the database
          and queue its history once
  status  where sending stands: the LRS, queue length, last error
  send    send everything queued now
  test    check the endpoint, the xAPI version and the credentials
  pause, resume   stop or restart sending; answers are still queued

  --endpoint URL        the LRS's xAPI base, e.g. https://lrs.example.org/xAPI/
  --user NAME           the LRS user (key)
  --password-file FILE  a file holding the password (secret); - reads standard input
  --system              set it for every user of this machine (as administrator)
  --db PATH             the progress database (default $OSTEON_DB, else the data folder)

Exit status: 0 done, 1 failed, 2 usage error.
`

type lrsArgs struct {
	cmd                      string
	endpoint, user, passFile string
	db                       string
	system                   bool
}

var lrsCmds = map[string]bool{"set": true, "status": true, "send": true, "test": true, "pause": true, "resume": true}

func parseLRSArgs(args []string) (lrsArgs, error) {
	var a lrsArgs
	fs := flag.NewFlagSet("lrs", flag.ContinueOnError)
	fs.StringVar(&a.endpoint, "endpoint", "", "")
	fs.StringVar(&a.user, "user", "", "")
	fs.StringVar(&a.passFile, "password-file", "", "")
	fs.StringVar(&a.db, "db", "", "")
	fs.BoolVar(&a.system, "system", false, "")
	pos, err := parseArgs(fs, args)
	switch {
	case err != nil:
		return a, err
	case len(pos) != 1 || !lrsCmds[pos[0]]:
		return a, fmt.Errorf("%w: want one of set, status, send, test, pause, resume; got %q", errUsage, pos)
	}
	a.cmd = pos[0]
	if set := a.endpoint != "" || a.user != "" || a.passFile != "" || a.system; set != (a.cmd == "set") {
		return a, fmt.Errorf("%w: --endpoint, --user, --password-file and --system go with set only", errUsage)
	}
	if a.cmd == "set" && (a.endpoint == "" || a.user == "" || a.passFile == "") {
		return a, fmt.Errorf("%w: set needs --endpoint, --user and --password-file", errUsage)
	}
	return a, nil
}

// cmdLRS runs `osteon lrs`.
func cmdLRS(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	a, err := parseLRSArgs(args)
	if err == nil {
		err = runLRS(ctx, a, os.Stdin, stdout)
	}
	return exitCode("lrs", lrsUsage, err, stdout, stderr)
}

func runLRS(ctx context.Context, a lrsArgs, stdin io.Reader, stdout io.Writer) error {
	path, err := progress.ResolvePath(a.db)
	if err != nil {
		return err
	}
	if a.cmd == "set" {
		return lrsSet(ctx, a, path, stdin, stdout)
	}
	if a.cmd == "test" {
		cfg, where, err := progress.FindLRSConfig()
		if err != nil {
			return err
		}
		v, err := (&progress.Sender{Config: cfg}).Test(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s (from %s): reachable, speaks xAPI %s, credentials accepted\n", cfg, where, v)
		return nil
	}
	s, err := progress.OpenExisting(ctx, path)
	if err != nil {
		return err
	}
	defer s.Close()
	switch a.cmd {
	case "pause", "resume":
		return s.PauseSending(ctx, a.cmd == "pause")
	case "send":
		return lrsSend(ctx, s, stdout)
	}
	return lrsStatus(ctx, s, stdout)
}

func lrsSet(ctx context.Context, a lrsArgs, dbPath string, stdin io.Reader, stdout io.Writer) error {
	pw, err := readPassword(a.passFile, stdin)
	if err != nil {
		return err
	}
	cfgPath, err := progress.LRSConfigPath(a.system)
	if err != nil {
		return err
	}
	cfg := progress.LRSConfig{Endpoint: a.endpoint, User: a.user, Password: pw}
	if err := progress.SaveLRSConfig(cfgPath, cfg); err != nil {
		return err
	}
	s, err := progress.Open(ctx, dbPath)
	if err != nil {
		return err
	}
	defer s.Close()
	n, err := s.EnableSending(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "saved %s in %s (readable by its owner only)\nsending is on for %s; %d statements of its history queued\n",
		cfg, cfgPath, dbPath, n)
	return nil
}

func readPassword(file string, stdin io.Reader) (string, error) {
	var b []byte
	var err error
	if file == "-" {
		b, err = io.ReadAll(io.LimitReader(stdin, 4096))
	} else {
		b, err = os.ReadFile(file)
	}
	if err != nil {
		return "", fmt.Errorf("read the password: %w", err)
	}
	pw := strings.TrimRight(string(b), "\r\n")
	if pw == "" {
		return "", errors.New("the password file is empty")
	}
	return pw, nil
}

func lrsSend(ctx context.Context, s *progress.Store, stdout io.Writer) error {
	cfg, _, err := progress.FindLRSConfig()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	n, err := (&progress.Sender{Store: s, Config: cfg, Batch: 200}).SendAll(ctx)
	fmt.Fprintf(stdout, "sent %d statements to %s\n", n, cfg.Endpoint)
	return err
}

func lrsStatus(ctx context.Context, s *progress.Store, stdout io.Writer) error {
	st, err := s.SendStatus(ctx)
	if err != nil {
		return err
	}
	if cfg, where, err := progress.FindLRSConfig(); err == nil {
		fmt.Fprintf(stdout, "LRS:        %s (from %s)\n", cfg, where)
	} else {
		fmt.Fprintf(stdout, "LRS:        none set (%v)\n", err)
	}
	state := map[bool]string{true: "on", false: "off"}[st.Enabled]
	if st.Paused {
		state += ", paused"
	}
	if st.Stopped {
		state += ", stopped by the LRS's refusal (fix the setting, then osteon lrs send)"
	}
	fmt.Fprintf(stdout, "sending:    %s\nqueued:     %d\nsent:       %d\n", state, st.Queued, st.Sent)
	if !st.LastSent.IsZero() {
		fmt.Fprintf(stdout, "last sent:  %s (xAPI %s)\n", st.LastSent.Local().Format(time.DateTime), st.Version)
	}
	if st.LastError != "" {
		fmt.Fprintf(stdout, "last error: %s: %s\n", st.LastErrorAt.Local().Format(time.DateTime), st.LastError)
	}
	return nil
}
