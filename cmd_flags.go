package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// errUsage marks a command-line mistake: exit status 2.
var errUsage = errors.New("usage")

// parseArgs parses flags given before, between or after the positional
// arguments, which it returns. A flag given with an empty value is a usage
// error; -h gives flag.ErrHelp.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, fmt.Errorf("%w: %v", errUsage, err)
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	var empty error
	fs.Visit(func(f *flag.Flag) {
		if _, isBool := f.Value.(interface{ IsBoolFlag() bool }); !isBool && strings.TrimSpace(f.Value.String()) == "" && empty == nil {
			empty = fmt.Errorf("%w: --%s needs a value", errUsage, f.Name)
		}
	})
	return pos, empty
}

// exitCode reports err as the command line shows it: usage to stderr with
// status 2, help to stdout with 0, any other error with 1.
func exitCode(name, usage string, err error, stdout, stderr io.Writer) int {
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, usage)
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintf(stderr, "osteon %s: %v\n\n%s", name, err, usage)
		return 2
	}
	fmt.Fprintf(stderr, "osteon %s: %v\n", name, err)
	return 1
}
