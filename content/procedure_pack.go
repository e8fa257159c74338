package content

import "fmt"

func init() {
	RegisterDocumentCheck(KindProcedures, func(file string, data []byte, ids map[string]bool) Problems {
		_, ps := parseProcedures(data, file, ids, false)
		return ps
	})
}

// LoadProcedures reads every procedures file the pack lists and returns the procedures that
// have no problems, in the order of the files, with every problem found. A broken file or
// procedure leaves the others (and the pack's model) usable. A procedure whose id another file
// already used is left out, since progress is kept by procedure id.
func (p *Pack) LoadProcedures() ([]Procedure, Problems) {
	ids := map[string]bool{}
	for _, s := range p.Structures {
		ids[s.ID] = true
	}
	var out []Procedure
	var ps Problems
	seen := map[string]string{}
	for i, file := range p.Procedures {
		field := fmt.Sprintf("procedures[%d]", i)
		if err := checkPackPath(file); err != nil {
			ps.add(p.Manifest.File, p.lines.line(field), field, "%v", err)
			continue
		}
		if !p.hasFile(file) {
			ps.add(p.Manifest.File, p.lines.line(field), field, "procedures file %q is not in the pack", file)
			continue
		}
		data, err := readLimited(p.FS, file, maxManifest)
		if err != nil {
			ps = append(ps, &Error{File: p.Name(file), Msg: notReadable(err)})
			continue
		}
		procs, probs := ParseProcedures(data, p.Name(file), ids)
		ps = append(ps, probs...)
		for _, pr := range procs {
			if first, dup := seen[pr.ID]; dup {
				ps.add(pr.File, pr.Line, "procedures", "procedure id %q is already used in %s; left out", pr.ID, first)
				continue
			}
			seen[pr.ID] = pr.File
			out = append(out, pr)
		}
	}
	return out, ps
}
