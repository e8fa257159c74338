package learning

import "time"

// Items fall in groups, asked in this order (see Session); weak and new
// items are split into bands of mastery a quarter wide, so that
// interleaving picks among items about as weak, never a much stronger one
// over a weak one.
const (
	bands        = 4
	groupWeak    = 0 // + band
	groupDue     = groupWeak + bands
	groupNew     = groupDue + 1     // + band
	groupNewLate = groupNew + bands // typing a structure not yet met
	groupAhead   = groupNewLate + 1
	groupCount   = groupAhead + 1
	groupNone    = -1
)

func band(estimate float64) int { return min(max(int(estimate*bands), 0), bands-1) }

// Tiers of interleaving within a class: another region and a structure not
// asked lately; a structure not asked lately; anything.
const (
	tierFresh = iota
	tierOtherStructure
	tierAny
	tierCount
)

// rank orders items within a class, lowest first.
type rank [3]float64

func (a rank) less(b rank) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

// choose returns the index of the entry to ask next, or -1.
func (s *Session) choose(now time.Time) int {
	var best [groupCount][tierCount]int
	var bestRank [groupCount][tierCount]rank
	for c := range best {
		for t := range best[c] {
			best[c][t] = -1
		}
	}
	gap := min(recentWindow-1, len(s.entries)-1)
	for i := range s.entries {
		e := &s.entries[i]
		if e.lastAsked >= 0 && s.asked-e.lastAsked <= gap {
			continue
		}
		c, r := s.classify(e, now)
		if c == groupNone {
			continue
		}
		// The lowest tier with a candidate wins, so each entry competes in its own tier only.
		if t := s.tier(e); best[c][t] < 0 || r.less(bestRank[c][t]) {
			best[c][t], bestRank[c][t] = i, r
		}
	}
	for c := range best {
		for t := range best[c] {
			if best[c][t] >= 0 {
				return best[c][t]
			}
		}
	}
	return -1
}

// tier is how well asking e now interleaves.
func (s *Session) tier(e *entry) int {
	st := e.item.Structure
	for _, r := range s.recent {
		if st != "" && r == st {
			return tierAny
		}
	}
	if s.asked > 0 && e.item.Region == s.lastArea {
		return tierOtherStructure
	}
	return tierFresh
}

// classify puts an entry in its group with its rank there.
func (s *Session) classify(e *entry, now time.Time) (int, rank) {
	due := e.seen && e.card.IsDue(now)
	scope := s.opt.Scope.Kind
	switch {
	case due:
		return groupDue, rank{float64(e.card.Due.UnixMilli()), e.tie}
	case scope == ScopeDue:
		return groupNone, rank{}
	case !e.seen:
		return s.newGroup(e)
	case e.answered > 0:
		return groupNone, rank{}
	case scope == ScopeWeakest:
		if m := e.est; m.Evidence > 0 && m.Estimate < MasteryThreshold {
			return groupWeak + band(m.Estimate), rank{m.Estimate, float64(e.card.Due.UnixMilli()), e.tie}
		}
	}
	return groupAhead, rank{float64(e.card.Due.UnixMilli()), e.tie}
}

// newGroup places a new item: typing about a structure not yet met comes
// last; the others by the band of their structure's mastery, then the
// estimate itself, the region's, and at random (so kinds and structures
// mix).
func (s *Session) newGroup(e *entry) (int, rank) {
	st := e.est.Estimate
	r := rank{st, e.regEst, e.tie}
	if e.typed && !s.touched[e.item.Structure] {
		return groupNewLate, r
	}
	return groupNew + band(st), r
}
