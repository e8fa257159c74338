package content

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
	seen := map[string]string{}
	ps := p.readListed("procedures", p.Procedures, func(name string, data []byte) Problems {
		procs, ps := ParseProcedures(data, name, ids)
		for _, pr := range procs {
			if first, dup := seen[pr.ID]; dup {
				ps.add(pr.File, pr.Line, "procedures", "procedure id %q is already used in %s; left out", pr.ID, first)
				continue
			}
			seen[pr.ID] = pr.File
			out = append(out, pr)
		}
		return ps
	})
	return out, ps
}
