package content

import (
	"fmt"
	"strconv"
	"strings"
)

// Condition is a test on a conversation's state: comparisons joined by "and", like
// "trust < 0 and anxiety >= 3". The zero Condition always holds.
type Condition struct {
	Source string
	Terms  []Comparison
}

// Comparison compares a state variable with a whole number.
type Comparison struct {
	Var   string
	Op    string // one of < <= > >= == !=
	Value int
}

// maxTerms bounds the comparisons of one condition.
const maxTerms = 8

var compareOps = []string{"<=", ">=", "==", "!=", "<", ">"}

// ParseCondition reads a condition. Variables are checked against the scenario's state
// elsewhere; here only the form is.
func ParseCondition(src string) (Condition, error) {
	c := Condition{Source: src}
	parts := strings.Split(src, " and ")
	if len(parts) > maxTerms {
		return c, fmt.Errorf("%d comparisons; the limit is %d", len(parts), maxTerms)
	}
	for _, p := range parts {
		cmp, err := parseComparison(strings.TrimSpace(p))
		if err != nil {
			return c, err
		}
		c.Terms = append(c.Terms, cmp)
	}
	return c, nil
}

func parseComparison(s string) (Comparison, error) {
	for _, op := range compareOps {
		name, num, ok := strings.Cut(s, op)
		if !ok {
			continue
		}
		name, num = strings.TrimSpace(name), strings.TrimSpace(num)
		if !stateNamePattern.MatchString(name) {
			return Comparison{}, fmt.Errorf("%q: the left side must be a state variable, like \"trust < 0\"", s)
		}
		n, err := strconv.Atoi(num)
		if err != nil || n < -1000 || n > 1000 {
			return Comparison{}, fmt.Errorf("%q: the right side must be a whole number from -1000 to 1000", s)
		}
		return Comparison{Var: name, Op: op, Value: n}, nil
	}
	return Comparison{}, fmt.Errorf("%q is not a comparison: write a state variable, one of < <= > >= == !=, and a whole number, joined by \"and\"", s)
}

// Holds reports whether the condition holds in state (a variable not in it counts as 0).
func (c Condition) Holds(state map[string]int) bool {
	for _, t := range c.Terms {
		v := state[t.Var]
		var ok bool
		switch t.Op {
		case "<":
			ok = v < t.Value
		case "<=":
			ok = v <= t.Value
		case ">":
			ok = v > t.Value
		case ">=":
			ok = v >= t.Value
		case "==":
			ok = v == t.Value
		case "!=":
			ok = v != t.Value
		}
		if !ok {
			return false
		}
	}
	return true
}
