package learning

// PassesNeeded is about how many passes in a row from now would show proficiency: 0 once
// proficient or before any test.
func (p Proficiency) PassesNeeded() int {
	n := len(p.CUSUM.Trace)
	if p.Proficient || n == 0 || p.CUSUM.Limits.S <= 0 {
		return 0
	}
	return int((p.CUSUM.Trace[n-1]+p.CUSUM.Limits.H0)/p.CUSUM.Limits.S) + 1
}
