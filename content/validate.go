package content

import (
	"context"
	"fmt"
	"io/fs"
	"strings"
)

// ProgressFunc reports long work: done out of total units (bytes), and what is being done.
type ProgressFunc func(done, total int64, what string)

// ValidatePack checks a whole pack and returns every problem at once: the manifest's own (ids,
// parents, colours, versions, encodings), every mesh reference (file present and readable,
// parses, node present), and the procedures and quiz files (present, UTF-8 TOML, ids unique,
// structure references known). progress may be nil.
func ValidatePack(ctx context.Context, p *Pack, progress ProgressFunc) Problems {
	return validatePack(ctx, p, progress, true)
}

// validatePack is ValidatePack; without parseMeshes it checks only that mesh files are present.
func validatePack(ctx context.Context, p *Pack, progress ProgressFunc, parseMeshes bool) Problems {
	ps := append(Problems(nil), p.problems...)
	groups, order := p.meshGroups()
	docs := p.documents()
	var total, done int64
	sizes := map[string]int64{}
	for _, f := range append(docFiles(docs), meshFiles(order)...) {
		if st, err := fs.Stat(p.FS, f); err == nil {
			sizes[f] = st.Size()
			total += st.Size()
		}
	}
	report := func(what string) {
		if progress != nil {
			progress(done, total, what)
		}
	}
	for _, k := range order {
		if err := ctx.Err(); err != nil {
			return append(ps, &Error{File: p.Source, Msg: "validation stopped: " + err.Error()})
		}
		report("checking " + k.file)
		ps = append(ps, p.checkMeshGroup(k, groups[k], parseMeshes)...)
		done += sizes[k.file]
	}
	ids := map[string]bool{}
	for _, s := range p.Structures {
		ids[s.ID] = true
	}
	for _, d := range docs {
		report("checking " + d.file)
		ps = append(ps, p.checkDocument(d, ids)...)
		done += sizes[d.file]
	}
	report("checked")
	ps.Sort()
	return ps
}

// meshGroups groups the structures that have a mesh by the file (and OBJ frame) they read, in
// manifest order.
func (p *Pack) meshGroups() (map[meshKey][]int, []meshKey) {
	groups := map[meshKey][]int{}
	var order []meshKey
	for i := range p.Structures {
		s := &p.Structures[i]
		file, _, err := splitMeshRef(s.Mesh)
		if s.Mesh == "" || err != nil {
			continue
		}
		k := meshKey{file, p.frameFor(s)}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], i)
	}
	return groups, order
}

func meshFiles(keys []meshKey) []string {
	seen := map[string]bool{}
	var out []string
	for _, k := range keys {
		if !seen[k.file] {
			seen[k.file] = true
			out = append(out, k.file)
		}
	}
	return out
}

// checkMeshGroup checks one mesh file and the structures that use it.
func (p *Pack) checkMeshGroup(k meshKey, structs []int, parse bool) Problems {
	var ps Problems
	bad := func(i int, format string, args ...any) {
		f := fmt.Sprintf("structures[%d].mesh", i)
		ps.add(p.Manifest.File, p.lines.line(f), f, format, args...)
	}
	if !p.hasFile(k.file) {
		msg := fmt.Sprintf("mesh file %q is not in the pack", k.file)
		if s := p.similarFile(k.file); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		for _, i := range structs {
			bad(i, "%s", msg)
		}
		return ps
	}
	if !parse {
		return nil
	}
	mf, _, err := p.loadMesh(k)
	if err != nil {
		ps = append(ps, AsProblems(err, p.Name(k.file))...)
		bad(structs[0], "mesh file %q cannot be used (see the problem reported for it)", k.file)
		return ps
	}
	for _, i := range structs {
		_, node, _ := strings.Cut(p.Structures[i].Mesh, "#")
		if _, err := mf.find(node); err != nil {
			bad(i, "%s: %v", k.file, err)
		}
	}
	return ps
}
