package content

import "fmt"

// successors lists the turns a turn can lead to: its branches' and its options' next turns.
// With safe, critical options are left out.
func successors(c *Consultation, turns map[string]int, i int, safe bool) []int {
	var out []int
	for _, b := range c.Turns[i].Branches {
		if j, ok := turns[b.Next]; ok {
			out = append(out, j)
		}
	}
	for _, o := range c.Turns[i].Options {
		if j, ok := turns[o.Next]; ok && !(safe && o.Critical) {
			out = append(out, j)
		}
	}
	return out
}

// reach marks the turns reachable from start following successors.
func reach(c *Consultation, turns map[string]int, start int, safe bool) []bool {
	seen := make([]bool, len(c.Turns))
	stack := []int{start}
	seen[start] = true
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, j := range successors(c, turns, i, safe) {
			if !seen[j] {
				seen[j] = true
				stack = append(stack, j)
			}
		}
	}
	return seen
}

// reachesEnd marks the turns from which an ending turn (one with no options) can be reached.
func reachesEnd(c *Consultation, turns map[string]int, safe bool) []bool {
	ok := make([]bool, len(c.Turns))
	for i, t := range c.Turns {
		ok[i] = len(t.Options) == 0
	}
	for changed := true; changed; {
		changed = false
		for i := range c.Turns {
			if ok[i] {
				continue
			}
			for _, j := range successors(c, turns, i, safe) {
				if ok[j] {
					ok[i], changed = true, true
					break
				}
			}
		}
	}
	return ok
}

// checkGraph reports unreachable turns, turns caught in a loop with no way out, and a
// conversation with no way to its end that avoids every critical reply.
func (cr *consultReader) checkGraph(c *Consultation, f string, turns map[string]int) {
	seen := reach(c, turns, 0, false)
	ends := reachesEnd(c, turns, false)
	hasEnd := false
	for i, t := range c.Turns {
		field := fmt.Sprintf("%s.turns[%d]", f, i)
		hasEnd = hasEnd || (len(t.Options) == 0 && seen[i])
		switch {
		case !seen[i]:
			cr.bad(field, "turn %q cannot be reached from the first turn %q: no option or branch leads to it", t.ID, c.Turns[0].ID)
		case !ends[i]:
			cr.bad(field, "turn %q is in a loop with no way out: no sequence of replies from it reaches a turn that ends the conversation (one with no options)", t.ID)
		}
	}
	if !hasEnd {
		cr.bad(f+".turns", "the conversation never ends: give at least one reachable turn with no options")
		return
	}
	if !reachesEnd(c, turns, true)[0] {
		cr.bad(f+".turns", "no way to pass: every way from the first turn to an ending goes through a critical option")
	}
}
