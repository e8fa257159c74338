package content

import "fmt"

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
	var ps Problems
	seen := map[string]string{}
	for i, file := range p.Consultations {
		field := fmt.Sprintf("consultations[%d]", i)
		if err := checkPackPath(file); err != nil {
			ps.add(p.Manifest.File, p.lines.line(field), field, "%v", err)
			continue
		}
		if !p.hasFile(file) {
			ps.add(p.Manifest.File, p.lines.line(field), field, "consultations file %q is not in the pack", file)
			continue
		}
		data, err := readLimited(p.FS, file, maxManifest)
		if err != nil {
			ps = append(ps, &Error{File: p.Name(file), Msg: notReadable(err)})
			continue
		}
		list, probs := ParseConsultations(data, p.Name(file))
		ps = append(ps, probs...)
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
	}
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
