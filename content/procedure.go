package content

import (
	"fmt"
	"math"
	"regexp"
	"strings"
)

// A procedures file holds [[procedures]]: clinical procedures taught step by step beside the
// model. FORMAT.md ("Procedures files") describes every key; ParseProcedures reads and checks
// one file, Pack.LoadProcedures every file of a pack.

// Procedure is one procedure as written in a procedures file.
type Procedure struct {
	File       string // the file it came from, for messages
	Line       int    // line of its [[procedures]] header; 0 when not known
	ID         string
	Title      string
	Summary    string
	Structures []string // the structures the procedure is about (optional)
	References []string // public guidelines it follows, by name
	Steps      []ProcedureStep
	Errors     []ProcedureError
}

// ProcedureStep is one step: what to do, why, where to look, and how it is ordered.
type ProcedureStep struct {
	Line        int
	ID          string
	Instruction string
	Rationale   string
	// Group names a run of consecutive steps whose order among themselves is free.
	Group string
	// After lists steps that must come before this one, besides the order of the file.
	After           []string
	Critical        bool
	ExpectedSeconds float64 // 0: not timed
	Focus           Focus
	Location        *Location // nil: the step is not about a place
}

// Focus is the anatomy a step shows: structures to highlight, to avoid (drawn in a warning
// colour), to ghost, and where the camera goes: framing structures from a direction, or a pose.
type Focus struct {
	Highlight []string
	Avoid     []string
	Ghost     []string
	Frame     []string // structures to fit in view; empty: Highlight and Avoid
	// Yaw and Pitch (degrees) give the direction the camera looks from when View is set: yaw 0
	// is the front of the body, positive yaw turns towards the body's left, positive pitch looks
	// down from above.
	Yaw, Pitch float64
	View       bool
	// Target (mm, the scene frame) and DistanceMM place the camera instead of Frame when
	// DistanceMM > 0.
	Target     [3]float64
	DistanceMM float64
}

// Location is where a step is done: a structure to click, or a point (mm, the scene frame)
// with a tolerance.
type Location struct {
	Structure   string
	Point       [3]float64
	HasPoint    bool
	ToleranceMM float64
}

// ProcedureError is a common error offered as a wrong choice, with the feedback it earns. It is
// offered while its step (At or InsteadOf) is due; InsteadOf means doing it replaces that step.
type ProcedureError struct {
	Line      int
	ID        string
	Text      string
	Feedback  string
	Critical  bool
	At        string
	InsteadOf string
}

// Step returns the step with the given id, or nil.
func (p *Procedure) Step(id string) *ProcedureStep {
	for i := range p.Steps {
		if p.Steps[i].ID == id {
			return &p.Steps[i]
		}
	}
	return nil
}

// Limits on a procedures file, so a hostile pack cannot make the app slow.
const (
	maxProcedures = 500
	maxSteps      = 200
	maxErrors     = 200
	maxProcText   = 4000 // bytes of one instruction, rationale, text or feedback
)

var (
	procIDPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,63}$`)
	procKeys      = keySet("id", "title", "summary", "structures", "references", "steps", "errors")
	stepKeys      = keySet("id", "instruction", "rationale", "group", "after", "critical", "expected_seconds", "focus", "location")
	focusKeys     = keySet("highlight", "avoid", "ghost", "frame", "yaw", "pitch", "target", "distance_mm")
	locationKeys  = keySet("structure", "point", "tolerance_mm")
	errorKeys     = keySet("id", "text", "feedback", "critical", "at", "instead_of")
)

// ParseProcedures reads a procedures file named file; ids holds the pack's structure ids (nil
// skips the structure checks). It returns the procedures that have no problems, and every
// problem found, each naming the file, line and field, so one broken procedure leaves the
// others usable.
func ParseProcedures(data []byte, file string, ids map[string]bool) ([]Procedure, Problems) {
	return parseProcedures(data, file, ids, true)
}

// parseProcedures is ParseProcedures; without basic it leaves out what the minimal check of
// every procedures file already reports (entry ids, "structure" and "structures" keys).
func parseProcedures(data []byte, file string, ids map[string]bool, basic bool) ([]Procedure, Problems) {
	raw, lines, ps := decodeTOMLFile(data, file)
	if raw == nil {
		return nil, ps
	}
	pr := &procReader{tomlReader: tomlReader{file: file, lines: lines}, ids: ids, basic: basic}
	pr.unknown(raw, keySet("procedures"), "")
	tables := pr.tableList(raw, "procedures", "procedures")
	if _, ok := raw["procedures"]; !ok {
		pr.bad("procedures", "missing: a procedures file holds [[procedures]] tables")
	}
	if len(tables) > maxProcedures {
		pr.bad("procedures", "%d procedures; the limit is %d", len(tables), maxProcedures)
		tables = tables[:maxProcedures]
	}
	var out []Procedure
	seen := map[string]string{}
	for i, t := range tables {
		f := fmt.Sprintf("procedures[%d]", i)
		before := len(pr.ps)
		p := pr.procedure(t, f)
		if p.ID != "" {
			if first := seen[p.ID]; first != "" {
				if basic {
					pr.bad(f+".id", "duplicate id %q (first used by %s)", p.ID, first)
				} else {
					pr.ps = append(pr.ps, nil) // already reported; still not usable
				}
			} else {
				seen[p.ID] = f
			}
		}
		if len(pr.ps) == before {
			out = append(out, p)
		}
	}
	return out, withoutSilent(pr.ps)
}

// procReader reads procedures, recording problems like tomlReader.
type procReader struct {
	tomlReader
	ids   map[string]bool
	basic bool
}

// silent records that something is wrong without a message (the minimal check reports it).
func (pr *procReader) silent() { pr.ps = append(pr.ps, nil) }

func (pr *procReader) procedure(t map[string]any, f string) Procedure {
	pr.unknown(t, procKeys, f+".")
	p := Procedure{File: pr.file, Line: pr.lines.line(f)}
	p.ID = pr.id(t, f, "procedure", "\"venepuncture\"")
	p.Title = pr.text(t, "title", f, true)
	p.Summary = pr.text(t, "summary", f, false)
	p.Structures = pr.refList(t, "structures", f, true)
	p.References = pr.strList(t, "references", f+".references")
	for i, s := range p.References {
		if s == "" {
			pr.bad(fmt.Sprintf("%s.references[%d]", f, i), "empty: name the guideline")
		}
	}
	steps := pr.tableList(t, "steps", f+".steps")
	if _, ok := t["steps"]; !ok {
		pr.bad(f+".steps", "missing: a procedure needs [[procedures.steps]]")
	} else if len(steps) == 0 {
		pr.bad(f+".steps", "a procedure needs at least one step")
	}
	if len(steps) > maxSteps {
		pr.bad(f+".steps", "%d steps; the limit is %d", len(steps), maxSteps)
		steps = steps[:maxSteps]
	}
	for i, st := range steps {
		p.Steps = append(p.Steps, pr.step(st, fmt.Sprintf("%s.steps[%d]", f, i)))
	}
	errs := pr.tableList(t, "errors", f+".errors")
	if len(errs) > maxErrors {
		pr.bad(f+".errors", "%d errors; the limit is %d", len(errs), maxErrors)
		errs = errs[:maxErrors]
	}
	for i, e := range errs {
		p.Errors = append(p.Errors, pr.commonError(e, fmt.Sprintf("%s.errors[%d]", f, i)))
	}
	pr.checkProcedure(&p, f)
	return p
}

// id reads an entry's id; what names the entry in messages.
func (pr *procReader) id(t map[string]any, f, what, example string) string {
	id := pr.str(t, "id", f+".id")
	switch {
	case id == "" && what == "procedure" && !pr.basic:
		pr.silent()
	case id == "":
		pr.bad(f+".id", "missing: every %s needs an id, like %s", what, example)
	case !procIDPattern.MatchString(id):
		pr.bad(f+".id", "%q is not a %s id: use 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit", id, what)
	}
	return id
}

// text reads a text field, required or not, within the length limit.
func (pr *procReader) text(t map[string]any, key, f string, required bool) string {
	s := pr.str(t, key, f+"."+key)
	switch {
	case s == "" && required:
		if _, present := t[key]; present {
			pr.bad(f+"."+key, "empty: write the %s", strings.ReplaceAll(key, "_", " "))
		} else {
			pr.bad(f+"."+key, "missing")
		}
	case len(s) > maxProcText:
		pr.bad(f+"."+key, "%d bytes; the limit is %d", len(s), maxProcText)
	}
	return s
}

// refList reads a list of structure ids. minimal says the minimal check already reports
// unknown ones under this key.
func (pr *procReader) refList(t map[string]any, key, f string, minimal bool) []string {
	list := pr.strList(t, key, f+"."+key)
	for i, id := range list {
		pr.ref(id, fmt.Sprintf("%s.%s[%d]", f, key, i), minimal)
	}
	return list
}

func (pr *procReader) ref(id, field string, minimal bool) {
	if pr.ids == nil || pr.ids[id] {
		return
	}
	if minimal && !pr.basic {
		pr.silent()
		return
	}
	pr.bad(field, "%q is not a structure in this pack", id)
}

func (pr *procReader) boolean(t map[string]any, key, field string) bool {
	before := len(pr.ps)
	b := pr.tomlReader.boolean(t, key, field)
	if len(pr.ps) > before {
		return false
	}
	return b
}

// num reads a number (whole or not); ok is false when it is absent or wrong.
func (pr *procReader) num(t map[string]any, key, field string) (float64, bool) {
	v, present := t[key]
	if !present {
		return 0, false
	}
	switch x := v.(type) {
	case int64:
		return float64(x), true
	case float64:
		if !math.IsNaN(x) && !math.IsInf(x, 0) {
			return x, true
		}
	}
	pr.bad(field, "expected a number, got %s", tomlKind(v))
	return 0, false
}

// vec reads a list of three numbers.
func (pr *procReader) vec(t map[string]any, key, field string) ([3]float64, bool) {
	var out [3]float64
	v, present := t[key]
	if !present {
		return out, false
	}
	list, ok := v.([]any)
	if !ok || len(list) != 3 {
		pr.bad(field, "expected three numbers [x, y, z] in millimetres, got %s", tomlKind(v))
		return out, false
	}
	for i, e := range list {
		n, ok := pr.num(map[string]any{"v": e}, "v", fmt.Sprintf("%s[%d]", field, i))
		if !ok {
			return out, false
		}
		out[i] = n
	}
	return out, true
}

func (pr *procReader) step(t map[string]any, f string) ProcedureStep {
	pr.unknown(t, stepKeys, f+".")
	s := ProcedureStep{Line: pr.lines.line(f)}
	s.ID = pr.id(t, f, "step", "\"hand-hygiene\"")
	s.Instruction = pr.text(t, "instruction", f, true)
	s.Rationale = pr.text(t, "rationale", f, false)
	s.Group = pr.str(t, "group", f+".group")
	s.After = pr.strList(t, "after", f+".after")
	s.Critical = pr.boolean(t, "critical", f+".critical")
	if n, ok := pr.num(t, "expected_seconds", f+".expected_seconds"); ok {
		if n <= 0 || n > 3600 {
			pr.bad(f+".expected_seconds", "%g seconds: give a time above 0 and at most 3600", n)
		} else {
			s.ExpectedSeconds = n
		}
	}
	if ft := pr.table(t, "focus", f+".focus"); ft != nil {
		s.Focus = pr.focus(ft, f+".focus")
	}
	if lt := pr.table(t, "location", f+".location"); lt != nil {
		s.Location = pr.location(lt, f+".location")
	}
	return s
}

func (pr *procReader) focus(t map[string]any, f string) Focus {
	pr.unknown(t, focusKeys, f+".")
	var fc Focus
	fc.Highlight = pr.refList(t, "highlight", f, false)
	fc.Avoid = pr.refList(t, "avoid", f, false)
	fc.Ghost = pr.refList(t, "ghost", f, false)
	fc.Frame = pr.refList(t, "frame", f, false)
	yaw, okY := pr.num(t, "yaw", f+".yaw")
	pitch, okP := pr.num(t, "pitch", f+".pitch")
	if okY && (yaw < -360 || yaw > 360) {
		pr.bad(f+".yaw", "%g degrees: give -360 to 360", yaw)
	}
	if okP && (pitch < -85 || pitch > 85) {
		pr.bad(f+".pitch", "%g degrees: give -85 to 85 (straight up or down cannot be looked from)", pitch)
	}
	fc.Yaw, fc.Pitch, fc.View = yaw, pitch, okY || okP
	target, okT := pr.vec(t, "target", f+".target")
	dist, okD := pr.num(t, "distance_mm", f+".distance_mm")
	if _, hasT := t["target"]; hasT != (t["distance_mm"] != nil) {
		pr.bad(f, "a camera pose needs both target and distance_mm")
	}
	if okD && (dist <= 0 || dist > 100000) {
		pr.bad(f+".distance_mm", "%g mm: give a distance above 0", dist)
		okD = false
	}
	if okT && okD {
		fc.Target, fc.DistanceMM = target, dist
		if len(fc.Frame) > 0 {
			pr.bad(f+".frame", "give frame or a camera pose (target and distance_mm), not both")
		}
	}
	return fc
}

func (pr *procReader) location(t map[string]any, f string) *Location {
	pr.unknown(t, locationKeys, f+".")
	loc := &Location{}
	loc.Structure = pr.str(t, "structure", f+".structure")
	if loc.Structure != "" {
		pr.ref(loc.Structure, f+".structure", true)
	}
	loc.Point, loc.HasPoint = pr.vec(t, "point", f+".point")
	tol, okTol := pr.num(t, "tolerance_mm", f+".tolerance_mm")
	switch {
	case loc.Structure != "" && t["point"] != nil:
		pr.bad(f, "give a structure or a point, not both")
	case loc.Structure == "" && t["point"] == nil:
		pr.bad(f, "missing: a location needs a structure or a point")
	case loc.HasPoint && (!okTol || tol <= 0):
		pr.bad(f+".tolerance_mm", "no way to pass this step: a point needs tolerance_mm above 0 (a click never lands exactly on it)")
	}
	if okTol && (tol < 0 || tol > 1000) {
		pr.bad(f+".tolerance_mm", "%g mm: give 0 to 1000", tol)
	}
	loc.ToleranceMM = max(tol, 0)
	return loc
}

func (pr *procReader) commonError(t map[string]any, f string) ProcedureError {
	pr.unknown(t, errorKeys, f+".")
	e := ProcedureError{Line: pr.lines.line(f)}
	e.ID = pr.id(t, f, "error", "\"no-hand-hygiene\"")
	e.Text = pr.text(t, "text", f, true)
	e.Feedback = pr.text(t, "feedback", f, true)
	e.Critical = pr.boolean(t, "critical", f+".critical")
	e.At = pr.str(t, "at", f+".at")
	e.InsteadOf = pr.str(t, "instead_of", f+".instead_of")
	return e
}
