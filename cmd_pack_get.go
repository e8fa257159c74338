package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/osteon/osteon/content"
)

// get fetches a catalog set, checks it and installs it as one pack.
func (c *packCLI) get(args []string) int {
	fs := flag.NewFlagSet("get", flag.ContinueOnError)
	mirror := fs.String("mirror", os.Getenv(content.EnvCatalogMirror), "")
	system := fs.Bool("system", false, "")
	force := fs.Bool("force", false, "")
	names, ok := c.parse(fs, args)
	if !ok {
		return packExitUsage
	}
	if len(names) != 1 {
		return c.usage("get: name one set of the catalog (%s pack catalog lists them)", invokedAs())
	}
	cat, err := content.DefaultCatalog()
	if err != nil {
		return c.fail("the built-in catalog", err)
	}
	set := cat.Set(names[0])
	if set == nil {
		fmt.Fprintf(c.err, "%s pack: get: the catalog has no set %q; %s pack catalog lists them\n", invokedAs(), names[0], invokedAs())
		return packExitFailure
	}
	fmt.Fprintf(c.err, "getting %s: %d files, %s, licence %s\n", set.Name, len(set.Files), megabytes(set.Size()), set.License)
	opt := content.GetOptions{Mirror: *mirror, Progress: c.bar("fetching"),
		Install: content.InstallOptions{System: *system, Force: *force}}
	p, err := c.lib.Get(c.ctx, set, opt)
	if err != nil {
		return c.fail("get "+set.Name, err)
	}
	fmt.Fprintf(c.out, "installed %s %s (%s) in %s: %d structures (%s)\ncredit: %s\n", p.ID, p.Version, p.Origin, p.Dir,
		len(p.Structures), systemsText(p.SystemCounts()), p.Attribution)
	return packExitOK
}

// catalog lists the sets that get can fetch.
func (c *packCLI) catalog(args []string) int {
	fs := flag.NewFlagSet("catalog", flag.ContinueOnError)
	rest, ok := c.parse(fs, args)
	if !ok {
		return packExitUsage
	}
	if len(rest) > 0 {
		return c.usage("catalog takes no arguments")
	}
	cat, err := content.DefaultCatalog()
	if err != nil {
		return c.fail("the built-in catalog", err)
	}
	tw := tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SET\tFILES\tSIZE\tLICENSE\tTITLE")
	for _, s := range cat.Sets {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\n", s.Name, len(s.Files), megabytes(s.Size()), s.License, s.Title)
	}
	tw.Flush()
	return packExitOK
}

func megabytes(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }

// bar prints a progress bar line each time the work passes another twentieth.
func (c *packCLI) bar(label string) content.ProgressFunc {
	last := -1
	return func(done, total int64, what string) {
		if total <= 0 {
			return
		}
		if step := int(20 * done / total); step != last {
			last = step
			fmt.Fprintf(c.err, "%s [%-20s] %3d%% %s of %s\n", label, strings.Repeat("#", step), 5*step, megabytes(done), megabytes(total))
			if step == 20 {
				fmt.Fprintln(c.err, "every file's SHA-256 checked; importing and installing")
			}
		}
	}
}
