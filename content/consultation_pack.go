package content

func init() {
	RegisterDocumentCheck(KindConsultations, func(file string, data []byte, _ map[string]bool) Problems {
		_, ps := parseConsultations(data, file, false)
		return ps
	})
}

// LoadConsultations reads every consultations file the pack lists and returns the scenarios
// that have no problems, in the order of the files, with every problem found. A broken file or
// scenario leaves the others (and the rest of the pack) usable. A scenario whose id another file
// already used is left out, since progress is kept by scenario id; one that names a procedure
// the pack does not have keeps working without the link.
func (p *Pack) LoadConsultations() ([]Consultation, Problems) {
	procs := p.procedureIDs()
	var out []Consultation
	seen := map[string]string{}
	ps := p.readListed("consultations", p.Consultations, func(name string, data []byte) Problems {
		list, ps := ParseConsultations(data, name)
		for _, c := range list {
			if first, dup := seen[c.ID]; dup {
				ps.add(c.File, c.Line, "consultations", "consultation id %q is already used in %s; left out", c.ID, first)
				continue
			}
			if c.Procedure != "" && !procs[c.Procedure] {
				ps.add(c.File, c.Line, "procedure", "%q is not a procedure of this pack; the link is left out", c.Procedure)
				c.Procedure = ""
			}
			seen[c.ID] = c.File
			out = append(out, c)
		}
		return ps
	})
	return out, ps
}

// procedureIDs lists the ids of the pack's valid procedures.
func (p *Pack) procedureIDs() map[string]bool {
	out := map[string]bool{}
	if len(p.Procedures) == 0 {
		return out
	}
	procs, _ := p.LoadProcedures()
	for _, pr := range procs {
		out[pr.ID] = true
	}
	return out
}
