package content

import (
	"fmt"
	"sync"
)

// checkConsultation checks what spans a scenario: unique ids, turns, elements and state
// variables that exist, turns that can be reached, ways out of every loop, a model reply at
// every turn, and a way to pass a Test.
func (cr *consultReader) checkConsultation(c *Consultation, f string) {
	if len(c.Turns) == 0 {
		return // reported when read
	}
	turns := idIndex(len(c.Turns), func(i int) string { return c.Turns[i].ID })
	elems := idIndex(len(c.Elements), func(i int) string { return c.Elements[i].ID })
	cr.checkDupIDs(c, f, turns, elems)
	vars := map[string]int{}
	for i, v := range c.State {
		vars[v.Name] = i
	}
	before := len(cr.ps)
	for i := range c.Turns {
		cr.checkTurn(c, i, fmt.Sprintf("%s.turns[%d]", f, i), turns, elems, vars)
	}
	if len(cr.ps) > before {
		return // the graph checks below need the references right
	}
	cr.checkGraph(c, f, turns)
	cr.checkElements(c, f)
	if len(cr.ps) == before {
		cr.runConsultationChecks(c, f)
	}
}

// idIndex maps ids to their first index.
func idIndex(n int, id func(int) string) map[string]int {
	m := make(map[string]int, n)
	for i := 0; i < n; i++ {
		if _, dup := m[id(i)]; !dup {
			m[id(i)] = i
		}
	}
	return m
}

func (cr *consultReader) checkDupIDs(c *Consultation, f string, turns, elems map[string]int) {
	for i, t := range c.Turns {
		if j := turns[t.ID]; j != i && t.ID != "" {
			cr.bad(fmt.Sprintf("%s.turns[%d].id", f, i), "duplicate turn id %q (first used by %s.turns[%d])", t.ID, f, j)
		}
		opts := idIndex(len(t.Options), func(k int) string { return t.Options[k].ID })
		for k, o := range t.Options {
			if j := opts[o.ID]; j != k && o.ID != "" {
				cr.bad(fmt.Sprintf("%s.turns[%d].options[%d].id", f, i, k), "duplicate option id %q in this turn (first used by options[%d])", o.ID, j)
			}
		}
	}
	for i, e := range c.Elements {
		if j := elems[e.ID]; j != i && e.ID != "" {
			cr.bad(fmt.Sprintf("%s.elements[%d].id", f, i), "duplicate element id %q (first used by %s.elements[%d])", e.ID, f, j)
		}
	}
}

// checkTurn checks a turn's references and that a learner can reply well to it.
func (cr *consultReader) checkTurn(c *Consultation, i int, f string, turns, elems, vars map[string]int) {
	t := c.Turns[i]
	for k, b := range t.Branches {
		bf := fmt.Sprintf("%s.branches[%d]", f, k)
		cr.turnRef(b.Next, bf+".next", turns)
		for _, term := range b.When.Terms {
			if _, ok := vars[term.Var]; !ok {
				cr.bad(bf+".when", "%q is not a state variable of this consultation%s", term.Var, suggest(term.Var, vars))
			}
		}
	}
	best, empathic := false, false
	for k, o := range t.Options {
		of := fmt.Sprintf("%s.options[%d]", f, k)
		cr.turnRef(o.Next, of+".next", turns)
		for key, list := range map[string][]string{"covers": o.Covers, "misses": o.Misses} {
			for n, e := range list {
				if _, ok := elems[e]; !ok {
					cr.bad(fmt.Sprintf("%s.%s[%d]", of, key, n), "%q is not an element of this consultation%s", e, suggest(e, elems))
				}
			}
		}
		for _, ch := range o.Change {
			if _, ok := vars[ch.Var]; !ok {
				cr.bad(of+".change."+ch.Var, "%q is not a state variable of this consultation (declare it under state)%s", ch.Var, suggest(ch.Var, vars))
			}
		}
		if o.Best && (o.Critical || len(o.Errors) > 0 || len(o.Misses) > 0) {
			cr.bad(of+".best", "a model reply cannot be critical, carry errors or miss an element")
		}
		best = best || o.Best
		empathic = empathic || o.Empathic
	}
	if len(t.Options) > 0 && !best {
		cr.bad(f+".options", "no way to pass: no option is marked best = true (the model reply Learn shows and the debrief offers)")
	}
	if len(t.Options) > 0 && t.EmpathyDue && !empathic {
		cr.bad(f+".empathy_due", "no way to pass: the turn calls for an empathic response and no option has empathic = true")
	}
}

func (cr *consultReader) turnRef(id, field string, turns map[string]int) {
	if _, ok := turns[id]; !ok && id != "" {
		cr.bad(field, "%q is not a turn of this consultation%s", id, suggest(id, turns))
	}
}

// checkElements reports elements no reply covers, and critical ones only critical replies cover.
func (cr *consultReader) checkElements(c *Consultation, f string) {
	covered, safely := map[string]bool{}, map[string]bool{}
	for _, t := range c.Turns {
		for _, o := range t.Options {
			for _, e := range o.Covers {
				covered[e] = true
				safely[e] = safely[e] || !o.Critical
			}
		}
	}
	for i, e := range c.Elements {
		field := fmt.Sprintf("%s.elements[%d]", f, i)
		switch {
		case !covered[e.ID] && e.Critical:
			cr.bad(field, "no way to pass: critical element %q is covered by no option", e.ID)
		case !covered[e.ID]:
			cr.bad(field, "element %q is covered by no option: a learner can never show it", e.ID)
		case e.Critical && !safely[e.ID]:
			cr.bad(field, "no way to pass: critical element %q is covered only by critical options", e.ID)
		}
	}
}

// ConsultationCheck is a check of a whole scenario that another package defines (learning
// checks that the model consultation passes its own Test). It returns what is wrong, or nil.
type ConsultationCheck func(c *Consultation) error

var (
	consultChecksMu sync.RWMutex
	consultChecks   []ConsultationCheck
)

// RegisterConsultationCheck adds a check run on every scenario that has no other problem. It is
// meant to be called from an init function.
func RegisterConsultationCheck(check ConsultationCheck) {
	consultChecksMu.Lock()
	defer consultChecksMu.Unlock()
	consultChecks = append(consultChecks, check)
}

func (cr *consultReader) runConsultationChecks(c *Consultation, f string) {
	consultChecksMu.RLock()
	checks := consultChecks
	consultChecksMu.RUnlock()
	for _, check := range checks {
		if err := check(c); err != nil {
			cr.bad(f, "%v", err)
		}
	}
}
