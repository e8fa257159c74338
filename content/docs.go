package content

import (
	"fmt"
	"sort"
	"sync"

	"github.com/BurntSushi/toml"
)

// Procedures and quiz items live in their own TOML files, listed in pack.toml under
// `procedures` and `quiz`. This package checks the minimal schema every such file shares: a list
// of tables under "procedures" or "items", each with a unique "id", and every "structure" (text)
// or "structures" (list) key, at any depth, naming a structure of the pack. The issues that give
// these files their full schema register a DocumentCheck for the rest.

// Document kinds, as named in pack.toml.
const (
	KindProcedures = "procedures"
	KindQuiz       = "quiz"
)

// docListKey is the key of the list of entries in each kind of file.
var docListKey = map[string]string{KindProcedures: "procedures", KindQuiz: "items", KindConsultations: "consultations"}

// DocumentCheck checks one procedures or quiz file beyond the minimal schema. file names it in
// problems, data is its UTF-8 text (no byte order mark), ids holds the pack's structure ids.
type DocumentCheck func(file string, data []byte, ids map[string]bool) Problems

var (
	docChecksMu sync.RWMutex
	docChecks   = map[string][]DocumentCheck{}
)

// RegisterDocumentCheck adds a check run by ValidatePack on every file of kind (KindProcedures
// or KindQuiz). It is meant to be called from an init function.
func RegisterDocumentCheck(kind string, check DocumentCheck) {
	docChecksMu.Lock()
	defer docChecksMu.Unlock()
	docChecks[kind] = append(docChecks[kind], check)
}

type docRef struct {
	kind, file, field string // field: "procedures[2]" in pack.toml
}

func (p *Pack) documents() []docRef {
	var out []docRef
	for i, f := range p.Procedures {
		out = append(out, docRef{KindProcedures, f, fmt.Sprintf("procedures[%d]", i)})
	}
	for i, f := range p.Quiz {
		out = append(out, docRef{KindQuiz, f, fmt.Sprintf("quiz[%d]", i)})
	}
	for i, f := range p.Consultations {
		out = append(out, docRef{KindConsultations, f, fmt.Sprintf("consultations[%d]", i)})
	}
	return out
}

func docFiles(docs []docRef) []string {
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i] = d.file
	}
	return out
}

// checkDocument checks one procedures or quiz file.
func (p *Pack) checkDocument(d docRef, ids map[string]bool) Problems {
	if checkPackPath(d.file) != nil {
		return nil // reported with the manifest
	}
	name := p.Name(d.file)
	if !p.hasFile(d.file) {
		var ps Problems
		ps.add(p.Manifest.File, p.lines.line(d.field), d.field, "%s file %q is not in the pack", d.kind, d.file)
		return ps
	}
	data, err := readLimited(p.FS, d.file, maxManifest)
	if err != nil {
		return Problems{{File: name, Msg: notReadable(err)}}
	}
	text, ps := checkText(data, name)
	if len(ps) > 0 {
		return ps
	}
	var raw map[string]any
	if _, err := toml.Decode(string(text), &raw); err != nil {
		return Problems{tomlError(err, name)}
	}
	r := &tomlReader{file: name, lines: indexTOMLLines(string(text))}
	key := docListKey[d.kind]
	seen := map[string]string{}
	for i, t := range r.tableList(raw, key, key) {
		f := fmt.Sprintf("%s[%d]", key, i)
		switch id := r.str(t, "id", f+".id"); {
		case id == "":
			r.bad(f+".id", "missing: every entry needs an id")
		case seen[id] != "":
			r.bad(f+".id", "duplicate id %q (first used by %s)", id, seen[id])
		default:
			seen[id] = f
		}
		checkRefs(r, t, f, ids)
	}
	docChecksMu.RLock()
	checks := docChecks[d.kind]
	docChecksMu.RUnlock()
	for _, c := range checks {
		r.ps = append(r.ps, c(name, text, ids)...)
	}
	return r.ps
}

// checkRefs reports every "structure" or "structures" value under v that is not a structure id.
func checkRefs(r *tomlReader, v any, field string, ids map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			f := field + "." + k
			switch k {
			case "structure":
				checkRef(r, x[k], f, ids)
			case "structures":
				for i, e := range r.strList(x, k, f) {
					checkRef(r, e, fmt.Sprintf("%s[%d]", f, i), ids)
				}
			default:
				checkRefs(r, x[k], f, ids)
			}
		}
	case []map[string]any:
		for i, e := range x {
			checkRefs(r, e, fmt.Sprintf("%s[%d]", field, i), ids)
		}
	case []any:
		for i, e := range x {
			checkRefs(r, e, fmt.Sprintf("%s[%d]", field, i), ids)
		}
	}
}

func checkRef(r *tomlReader, v any, field string, ids map[string]bool) {
	s, ok := v.(string)
	switch {
	case !ok:
		r.bad(field, "expected a structure id in quotes, got %s", tomlKind(v))
	case !ids[s]:
		r.bad(field, "%q is not a structure in this pack", s)
	}
}
