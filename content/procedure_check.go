package content

import (
	"fmt"
	"strings"
)

// checkProcedure checks what spans a procedure's steps and errors: unique ids, order
// constraints (known steps, groups kept together, no cycles), errors tied to a step, and that
// every step can be passed.
func (pr *procReader) checkProcedure(p *Procedure, f string) {
	if len(p.Steps) == 0 {
		return // reported when read
	}
	index := pr.checkIDs(p, f)
	pr.checkGroups(p, f)
	for i, s := range p.Steps {
		for k, a := range s.After {
			field := fmt.Sprintf("%s.steps[%d].after[%d]", f, i, k)
			switch _, ok := index[a]; {
			case a == s.ID:
				pr.bad(field, "no way to pass this step: it cannot come after itself")
			case !ok:
				pr.bad(field, "%q is not a step of this procedure%s", a, suggest(a, index))
			}
		}
	}
	pr.checkErrors(p, f, index)
	pr.checkPassable(p, f)
	if cycle := findCycle(p); len(cycle) > 0 {
		pr.bad(cycleField(p, f, cycle), "no way to pass these steps: the order constraints form a cycle: %s", cycleText(p, cycle))
	}
}

// checkIDs reports duplicate step and error ids and returns the steps by id.
func (pr *procReader) checkIDs(p *Procedure, f string) map[string]int {
	index := map[string]int{}
	for i, s := range p.Steps {
		if s.ID == "" {
			continue
		}
		if j, dup := index[s.ID]; dup {
			pr.bad(fmt.Sprintf("%s.steps[%d].id", f, i), "duplicate step id %q (first used by %s.steps[%d])", s.ID, f, j)
			continue
		}
		index[s.ID] = i
	}
	errs := map[string]int{}
	for i, e := range p.Errors {
		field := fmt.Sprintf("%s.errors[%d].id", f, i)
		if j, dup := errs[e.ID]; dup && e.ID != "" {
			pr.bad(field, "duplicate error id %q (first used by %s.errors[%d])", e.ID, f, j)
		} else if _, clash := index[e.ID]; clash {
			pr.bad(field, "%q is already a step id: give the error its own id", e.ID)
		}
		errs[e.ID] = i
	}
	return index
}

// checkGroups reports a group whose steps are not next to each other.
func (pr *procReader) checkGroups(p *Procedure, f string) {
	closed := map[string]bool{}
	for i, s := range p.Steps {
		if i > 0 && p.Steps[i-1].Group != s.Group && p.Steps[i-1].Group != "" {
			closed[p.Steps[i-1].Group] = true
		}
		if s.Group != "" && closed[s.Group] {
			pr.bad(fmt.Sprintf("%s.steps[%d].group", f, i),
				"group %q is split: the steps of a group must be next to each other (step %q comes between)", s.Group, p.Steps[i-1].ID)
			closed[s.Group] = false // report each split once
		}
	}
}

// checkErrors ties each common error to the step it is offered at.
func (pr *procReader) checkErrors(p *Procedure, f string, index map[string]int) {
	for i, e := range p.Errors {
		field := fmt.Sprintf("%s.errors[%d]", f, i)
		switch {
		case e.At == "" && e.InsteadOf == "":
			pr.bad(field, "missing: say at = \"step-id\" (offered while that step is due) or instead_of = \"step-id\" (done in its place)")
		case e.At != "" && e.InsteadOf != "":
			pr.bad(field+".instead_of", "give at or instead_of, not both")
		default:
			key, step := "at", e.At
			if e.InsteadOf != "" {
				key, step = "instead_of", e.InsteadOf
			}
			if _, ok := index[step]; !ok {
				pr.bad(field+"."+key, "%q is not a step of this procedure%s", step, suggest(step, index))
			}
		}
	}
}

// checkPassable reports steps a learner could never pass: a choice that reads like another
// choice, or a place to click that is also a structure to avoid.
func (pr *procReader) checkPassable(p *Procedure, f string) {
	texts := map[string]string{}
	for i, s := range p.Steps {
		field := fmt.Sprintf("%s.steps[%d]", f, i)
		if k := normText(s.Instruction); k != "" {
			if other, dup := texts[k]; dup {
				pr.bad(field+".instruction", "no way to pass this step: its instruction is the same as %s's, so the two choices cannot be told apart", other)
			} else {
				texts[k] = fmt.Sprintf("step %q", s.ID)
			}
		}
		if l := s.Location; l != nil && l.Structure != "" {
			for _, a := range s.Focus.Avoid {
				if a == l.Structure {
					pr.bad(field+".location.structure", "no way to pass this step: %q is where to click and also a structure to avoid", a)
				}
			}
		}
	}
	for i, e := range p.Errors {
		if other, dup := texts[normText(e.Text)]; dup && e.Text != "" {
			pr.bad(fmt.Sprintf("%s.errors[%d].text", f, i), "no way to pass: this error reads the same as %s, so the right and the wrong choice cannot be told apart", other)
		}
	}
}

func normText(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// suggest offers a close step id.
func suggest(id string, index map[string]int) string {
	known := map[string]bool{}
	for k := range index {
		known[k] = true
	}
	if s := closest(id, known); s != "" {
		return fmt.Sprintf(" (did you mean %q?)", s)
	}
	return ""
}

// StepPrerequisites gives, for each step, the indices of the steps that must come directly
// before it: the steps of the previous block (a block is a run of consecutive steps sharing a
// group, or one step without a group), plus the steps its After names. Unknown names are left
// out. learning.Compile applies the same rule.
func StepPrerequisites(steps []ProcedureStep) [][]int {
	index := map[string]int{}
	for i, s := range steps {
		if _, dup := index[s.ID]; !dup {
			index[s.ID] = i
		}
	}
	out := make([][]int, len(steps))
	var prev, cur []int
	for i, s := range steps {
		if i > 0 && (s.Group == "" || s.Group != steps[i-1].Group) {
			prev, cur = cur, nil
		}
		cur = append(cur, i)
		out[i] = append(out[i], prev...)
		for _, a := range s.After {
			if j, ok := index[a]; ok && j != i {
				out[i] = append(out[i], j)
			}
		}
	}
	return out
}

// findCycle returns the steps of one cycle in the order constraints, each needing the next
// to come first and the last needing the first, or nil.
func findCycle(p *Procedure) []int {
	pre := StepPrerequisites(p.Steps)
	const (
		white = iota
		grey
		black
	)
	color := make([]int, len(pre))
	var stack, found []int
	var visit func(i int) bool
	visit = func(i int) bool {
		color[i] = grey
		stack = append(stack, i)
		for _, j := range pre[i] {
			switch color[j] {
			case grey:
				for a := range stack {
					if stack[a] == j {
						found = append([]int(nil), stack[a:]...)
					}
				}
				return true
			case white:
				if visit(j) {
					return true
				}
			}
		}
		stack = stack[:len(stack)-1]
		color[i] = black
		return false
	}
	for i := range pre {
		if color[i] == white && visit(i) {
			return found
		}
	}
	return nil
}

// cycleText says a cycle in words: "a" after "b", "b" after "a".
func cycleText(p *Procedure, cycle []int) string {
	parts := make([]string, len(cycle))
	for k, i := range cycle {
		parts[k] = fmt.Sprintf("%q after %q", p.Steps[i].ID, p.Steps[cycle[(k+1)%len(cycle)]].ID)
	}
	return strings.Join(parts, ", ")
}

// cycleField names the field to fix: the after list of a step in the cycle.
func cycleField(p *Procedure, f string, cycle []int) string {
	for _, i := range cycle {
		if len(p.Steps[i].After) > 0 {
			return fmt.Sprintf("%s.steps[%d].after", f, i)
		}
	}
	return fmt.Sprintf("%s.steps[%d]", f, cycle[0])
}
