package main

import (
	"errors"
	"flag"
	"fmt"
	"github.com/osteon/osteon/content"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
)

type validateJSON struct {
	Path     string        `json:"path"`
	Valid    bool          `json:"valid"`
	ID       string        `json:"id,omitempty"`
	Version  string        `json:"version,omitempty"`
	Problems []problemJSON `json:"problems"`
}

func (c *packCLI) validate(args []string) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "")
	paths, ok := c.parse(fs, args)
	if !ok {
		return packExitUsage
	}
	if len(paths) == 0 {
		return c.usage("validate: name at least one pack folder or .zip")
	}
	var results []validateJSON
	code := packExitOK
	for _, path := range paths {
		r := validateJSON{Path: path, Problems: []problemJSON{}}
		p, err := content.OpenPackPath(path)
		var ps content.Problems
		if p == nil {
			ps = content.AsProblems(err, path)
		} else {
			r.ID, r.Version = p.ID, p.Version
			var progress content.ProgressFunc
			if !*asJSON {
				progress = c.progress("checking " + path)
			}
			ps = content.ValidatePack(c.ctx, p, progress)
			p.Close()
		}
		r.Valid, r.Problems = len(ps) == 0, append(r.Problems, problemsJSON(ps)...)
		results = append(results, r)
		if len(ps) > 0 {
			code = packExitFailure
		}
		if *asJSON {
			continue
		}
		if len(ps) > 0 {
			c.fail(path, ps)
		} else {
			fmt.Fprintf(c.out, "%s: ok: %s %s, %d structures (%s)\n", path, p.ID, p.Version, len(p.Structures), systemsText(p.SystemCounts()))
		}
	}
	if *asJSON {
		if c.json(results) != packExitOK {
			return packExitFailure
		}
	}
	return code
}

func (c *packCLI) install(args []string) int {
	fs := flag.NewFlagSet("install", flag.ContinueOnError)
	system := fs.Bool("system", false, "")
	force := fs.Bool("force", false, "")
	paths, ok := c.parse(fs, args)
	if !ok {
		return packExitUsage
	}
	if len(paths) != 1 {
		return c.usage("install: name one pack folder or .zip")
	}
	opt := content.InstallOptions{System: *system, Force: *force, Progress: c.progress("installing")}
	p, err := c.lib.Install(c.ctx, paths[0], opt)
	if err != nil {
		if *system && errors.Is(err, os.ErrPermission) {
			err = fmt.Errorf("%w (installing for everyone needs administrator rights)", err)
		}
		return c.fail("install "+paths[0], err)
	}
	fmt.Fprintf(c.out, "installed %s %s (%s) in %s\n", p.ID, p.Version, p.Origin, p.Dir)
	return packExitOK
}

type listJSON struct {
	ID          string         `json:"id"`
	Title       string         `json:"title"`
	Version     string         `json:"version"`
	Origin      string         `json:"origin"`
	Dir         string         `json:"dir,omitempty"`
	License     string         `json:"license"`
	Attribution string         `json:"attribution,omitempty"`
	Structures  int            `json:"structures"`
	Systems     map[string]int `json:"systems"`
	Shadows     []listJSON     `json:"shadows,omitempty"`
}

func packJSON(p *content.Pack) listJSON {
	j := listJSON{ID: p.ID, Title: p.Title, Version: p.Version, Origin: p.Origin.String(), Dir: p.Dir,
		License: p.License, Attribution: p.Attribution, Structures: len(p.Structures), Systems: map[string]int{}}
	for _, s := range p.SystemCounts() {
		j.Systems[s.System] = s.Count
	}
	for _, s := range p.Shadows {
		j.Shadows = append(j.Shadows, packJSON(s))
	}
	return j
}

func (c *packCLI) list(args []string) int {
	fs := flag.NewFlagSet("list", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "")
	rest, ok := c.parse(fs, args)
	if !ok {
		return packExitUsage
	}
	if len(rest) > 0 {
		return c.usage("list takes no arguments")
	}
	packs, err := c.lib.List(c.ctx)
	if err != nil {
		c.fail("some packs cannot be read and are not listed", err)
	}
	if *asJSON {
		out := []listJSON{}
		for _, p := range packs {
			out = append(out, packJSON(p))
		}
		return c.json(out)
	}
	if len(packs) == 0 {
		fmt.Fprintln(c.out, "no packs installed")
		return packExitOK
	}
	tw := tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tVERSION\tORIGIN\tSTRUCTURES\tLICENSE\tTITLE")
	for _, p := range packs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%s\n", p.ID, p.Version, p.Origin, len(p.Structures), p.License, p.Title)
		for _, s := range p.Shadows {
			fmt.Fprintf(tw, "\t%s\t%s\t\t\t(hidden by the copy above) %s\n", s.Version, s.Origin, firstText(s.Dir, s.Source))
		}
	}
	tw.Flush()
	return packExitOK
}

func (c *packCLI) remove(args []string) int {
	fs := flag.NewFlagSet("remove", flag.ContinueOnError)
	system := fs.Bool("system", false, "")
	ids, ok := c.parse(fs, args)
	if !ok {
		return packExitUsage
	}
	if len(ids) != 1 {
		return c.usage("remove: name one pack id")
	}
	var err error
	where := c.lib.LearnerDir
	if *system {
		err = content.ErrNotInstalled
		for _, d := range c.lib.SystemDirs {
			if err = content.RemoveFrom(d, ids[0]); !errors.Is(err, content.ErrNotInstalled) {
				where = d
				break
			}
		}
	} else {
		err = c.lib.Remove(ids[0])
	}
	if err != nil {
		return c.fail("remove "+ids[0], err)
	}
	fmt.Fprintf(c.out, "removed %s from %s\n", ids[0], where)
	return packExitOK
}

func (c *packCLI) export(args []string) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	out := fs.String("out", "", "")
	names, ok := c.parse(fs, args)
	if !ok {
		return packExitUsage
	}
	if len(names) != 1 {
		return c.usage("export: name one installed pack id or pack folder")
	}
	p, err := c.findPack(names[0])
	if err != nil {
		return c.fail("export "+names[0], err)
	}
	defer p.Close()
	if *out == "" {
		*out = p.ID + "-" + p.Version + ".zip"
	}
	if err := content.ExportPack(c.ctx, p, *out, c.progress("exporting")); err != nil {
		return c.fail("export "+names[0], err)
	}
	fmt.Fprintf(c.out, "exported %s %s to %s\n", p.ID, p.Version, *out)
	return packExitOK
}

// findPack opens a pack path, or else the installed pack with that id.
func (c *packCLI) findPack(name string) (*content.Pack, error) {
	if _, err := os.Stat(name); err == nil {
		return content.OpenPackPath(name)
	}
	packs, _ := c.lib.List(c.ctx)
	for _, p := range packs {
		if p.ID == name {
			return p, nil
		}
	}
	return nil, fmt.Errorf("no installed pack has the id %q and there is no such file", name)
}

func (c *packCLI) importCmd(args []string) int {
	if len(args) == 0 || args[0] != "bodyparts3d" && args[0] != "gltf" {
		return c.usage("import: say what to import from: bodyparts3d or gltf")
	}
	kind := args[0]
	fs := flag.NewFlagSet("import "+kind, flag.ContinueOnError)
	var opt content.ImportOptions
	fs.StringVar(&opt.Out, "out", "", "")
	for name, dst := range map[string]*string{"id": &opt.ID, "title": &opt.Title, "version": &opt.Version,
		"license": &opt.License, "attribution": &opt.Attribution, "description": &opt.Description,
		"name-from": &opt.Keys.NameFrom, "id-from": &opt.Keys.IDFrom, "system": &opt.System} {
		fs.StringVar(dst, name, "", "")
	}
	parts := fs.String("parts", "", "")
	srcs, ok := c.parse(fs, args[1:])
	if !ok {
		return packExitUsage
	}
	if len(srcs) == 0 || kind == "bodyparts3d" && len(srcs) != 1 || opt.Out == "" {
		return c.usage("import %s: name the source and the pack to write with --out", kind)
	}
	opt.Progress = c.progress("importing")
	var res *content.ImportResult
	var err error
	if kind == "gltf" {
		var files []string
		if files, err = content.GLTFFiles(srcs); err == nil {
			res, err = content.ImportGLTFSet(c.ctx, files, opt)
		}
	} else {
		opt.Progress = func(done, total int64, what string) { fmt.Fprintln(c.err, what) }
		res, err = content.ImportBodyParts3D(c.ctx, srcs[0], *parts, opt)
	}
	if err != nil {
		return c.fail("import "+strings.Join(srcs, " "), err)
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(c.err, "warning:", w)
	}
	m := res.Manifest
	p := &content.Pack{Manifest: *m}
	fmt.Fprintf(c.out, "wrote %s: pack %s %s, %d structures (%s), licence %s\n", res.Out, m.ID, m.Version, len(m.Structures), systemsText(p.SystemCounts()), m.License)
	fmt.Fprintf(c.out, "next: %s pack validate %s, then %[1]s pack install %[2]s\n", invokedAs(), filepath.Clean(res.Out))
	return packExitOK
}
