package content

import (
	"fmt"
	"sort"
)

func (cr *consultReader) consultation(t map[string]any, f string) Consultation {
	cr.unknown(t, consultKeys, f+".")
	c := Consultation{File: cr.file, Line: cr.lines.line(f), OtherRole: "patient", PassMark: DefaultPassMark}
	if _, ok := t["id"]; !ok && !cr.basic {
		cr.silent() // the minimal check reports it
	} else {
		c.ID = cr.id(t, f, "consultation", "\"breaking-bad-news\"")
	}
	c.Title = cr.text(t, "title", f, true)
	c.Summary = cr.text(t, "summary", f, false)
	c.Setting = cr.text(t, "setting", f, false)
	c.Professions = cr.strList(t, "professions", f+".professions")
	if len(c.Professions) == 0 {
		cr.bad(f+".professions", "missing: say who the scenario is for, like [\"medicine\", \"nursing\"]")
	}
	c.LearnerRole = cr.text(t, "learner_role", f, true)
	if s := cr.text(t, "other_role", f, false); s != "" {
		c.OtherRole = s
	}
	c.Procedure = cr.str(t, "procedure", f+".procedure")
	c.References = cr.strList(t, "references", f+".references")
	for i, s := range c.References {
		if s == "" {
			cr.bad(fmt.Sprintf("%s.references[%d]", f, i), "empty: name the framework or guidance")
		}
	}
	if n, ok := cr.num(t, "pass_mark", f+".pass_mark"); ok {
		if n <= 0 || n > 1 {
			cr.bad(f+".pass_mark", "%g: give a share above 0 and at most 1, like 0.7", n)
		} else {
			c.PassMark = n
		}
	}
	c.State = cr.state(t, f)
	for i, e := range cr.limited(t, "elements", f, maxElements) {
		c.Elements = append(c.Elements, cr.element(e, fmt.Sprintf("%s.elements[%d]", f, i)))
	}
	turns := cr.limited(t, "turns", f, maxTurns)
	if len(turns) == 0 {
		cr.bad(f+".turns", "missing: a consultation needs [[consultations.turns]], the first one starting it")
	}
	for i, tt := range turns {
		c.Turns = append(c.Turns, cr.turn(tt, fmt.Sprintf("%s.turns[%d]", f, i)))
	}
	cr.checkConsultation(&c, f)
	return c
}

// limited reads a list of tables, reporting more than limit.
func (cr *consultReader) limited(t map[string]any, key, f string, limit int) []map[string]any {
	list := cr.tableList(t, key, f+"."+key)
	if len(list) > limit {
		cr.bad(f+"."+key, "%d %s; the limit is %d", len(list), key, limit)
		list = list[:limit]
	}
	return list
}

// state reads the table of state variables and their starting values, in name order.
func (cr *consultReader) state(t map[string]any, f string) []StateVar {
	st := cr.table(t, "state", f+".state")
	if len(st) > maxStateVars {
		cr.bad(f+".state", "%d state variables; the limit is %d", len(st), maxStateVars)
		return nil
	}
	var out []StateVar
	for name, v := range st {
		field := f + ".state." + name
		if !stateNamePattern.MatchString(name) {
			cr.bad(field, "%q is not a state variable name: use a lower-case letter then up to 31 letters, digits or '_'", name)
			continue
		}
		n, ok := v.(int64)
		if !ok || n < -1000 || n > 1000 {
			cr.bad(field, "expected a whole number from -1000 to 1000, got %s", tomlKind(v))
			continue
		}
		out = append(out, StateVar{Name: name, Initial: int(n)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func (cr *consultReader) element(t map[string]any, f string) Element {
	cr.unknown(t, elementKeys, f+".")
	e := Element{Line: cr.lines.line(f)}
	e.ID = cr.id(t, f, "element", "\"spikes-perception\"")
	e.Framework = cr.text(t, "framework", f, true)
	e.Name = cr.text(t, "name", f, true)
	e.Critical = cr.boolean(t, "critical", f+".critical")
	return e
}

func (cr *consultReader) turn(t map[string]any, f string) Turn {
	cr.unknown(t, turnKeys, f+".")
	tu := Turn{Line: cr.lines.line(f)}
	tu.ID = cr.id(t, f, "turn", "\"opening\"")
	tu.Stage = cr.text(t, "stage", f, false)
	tu.Speaker = cr.text(t, "speaker", f, false)
	tu.Text = cr.text(t, "text", f, true)
	if ct := cr.table(t, "cues", f+".cues"); ct != nil {
		cr.unknown(ct, cueKeys, f+".cues.")
		tu.Cues = Cues{Tone: cr.text(ct, "tone", f+".cues", false), Pause: cr.text(ct, "pause", f+".cues", false),
			Present: cr.text(ct, "present", f+".cues", false), Body: cr.text(ct, "body", f+".cues", false)}
	}
	tu.EmpathyDue = cr.boolean(t, "empathy_due", f+".empathy_due")
	branches := cr.tableList(t, "branches", f+".branches")
	if len(branches) > maxBranches {
		cr.bad(f+".branches", "%d branches; the limit is %d", len(branches), maxBranches)
		branches = branches[:maxBranches]
	}
	for i, b := range branches {
		tu.Branches = append(tu.Branches, cr.branch(b, fmt.Sprintf("%s.branches[%d]", f, i)))
	}
	opts := cr.tableList(t, "options", f+".options")
	if len(opts) > 0 && (len(opts) < minOptions || len(opts) > maxOptions) {
		cr.bad(f+".options", "%d options: give %d to %d (the number keys 1 to %d choose them), or none to end the conversation here",
			len(opts), minOptions, maxOptions, maxOptions)
	}
	for i, o := range opts[:min(len(opts), maxOptions)] {
		tu.Options = append(tu.Options, cr.option(o, fmt.Sprintf("%s.options[%d]", f, i)))
	}
	return tu
}

func (cr *consultReader) branch(t map[string]any, f string) Branch {
	cr.unknown(t, branchKeys, f+".")
	b := Branch{Line: cr.lines.line(f)}
	src := cr.str(t, "when", f+".when")
	if src == "" {
		cr.bad(f+".when", "missing: give a condition on the state, like \"trust < 0\"")
	} else if cond, err := ParseCondition(src); err != nil {
		cr.bad(f+".when", "%v", err)
	} else {
		b.When = cond
	}
	b.Next = cr.str(t, "next", f+".next")
	if b.Next == "" {
		cr.bad(f+".next", "missing: name the turn this branch leads to")
	}
	return b
}

func (cr *consultReader) option(t map[string]any, f string) Option {
	cr.unknown(t, optionKeys, f+".")
	o := Option{Line: cr.lines.line(f)}
	o.ID = cr.id(t, f, "option", "\"open-question\"")
	o.Text = cr.text(t, "text", f, true)
	o.Feedback = cr.text(t, "feedback", f, true)
	o.Best = cr.boolean(t, "best", f+".best")
	o.Covers = cr.strList(t, "covers", f+".covers")
	o.Misses = cr.strList(t, "misses", f+".misses")
	o.Empathic = cr.boolean(t, "empathic", f+".empathic")
	o.Errors = cr.strList(t, "errors", f+".errors")
	for i, k := range o.Errors {
		if _, ok := ErrorKinds[k]; !ok {
			msg := fmt.Sprintf("%q is not an error kind", k)
			if s := closest(k, errorKindSet); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			cr.bad(fmt.Sprintf("%s.errors[%d]", f, i), "%s; FORMAT.md lists them", msg)
		}
	}
	o.Critical = cr.boolean(t, "critical", f+".critical")
	o.Next = cr.str(t, "next", f+".next")
	if o.Next == "" {
		cr.bad(f+".next", "missing: this option leads nowhere; name the turn that follows it")
	}
	o.Change = cr.changes(t, f)
	return o
}

var errorKindSet = func() map[string]bool {
	m := map[string]bool{}
	for k := range ErrorKinds {
		m[k] = true
	}
	return m
}()

// changes reads an option's change table ({ trust = -1 }), in name order.
func (cr *consultReader) changes(t map[string]any, f string) []StateChange {
	ct := cr.table(t, "change", f+".change")
	var out []StateChange
	for name, v := range ct {
		n, ok := v.(int64)
		if !ok || n < -1000 || n > 1000 {
			cr.bad(f+".change."+name, "expected a whole number from -1000 to 1000 to add, got %s", tomlKind(v))
			continue
		}
		out = append(out, StateChange{Var: name, Delta: int(n)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Var < out[j].Var })
	return out
}
