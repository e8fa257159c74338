package learning

import "strings"

// Verdict judges a typed name.
type Verdict struct {
	Correct bool
	// Exact: what was typed is one of the accepted names in normal form
	// (case, accents, punctuation and a side the question gives aside);
	// a correct answer that is not exact had slips that were forgiven.
	Exact bool
	// Matched is the accepted name nearest to what was typed, as the pack
	// writes it (English, Latin, a synonym or another language); for a wrong
	// answer, the English name.
	Matched string
	// Other is the id of another structure the answer names instead, or is
	// nearer to, when it is wrong.
	Other string
	// WrongSide: the answer names the structure, but on the other side.
	WrongSide bool
	// NeedsSide: the answer names the structure without saying which side,
	// and the question did not give it.
	NeedsSide bool
	// Empty: nothing was typed.
	Empty bool
}

// JudgeTyped judges a name typed for structure target. Accepted are its
// English, Latin and other-language names and synonyms, in any case and
// with or without accents and punctuation, and with slips forgiven up to
// [Tolerance] of the name's length. The side may be left out when the
// question gives it (sideGiven), and may always be stated when it agrees.
// An answer as near to another structure's name as to the target's is not
// accepted: "trapezoid" is not a slip for "trapezium".
func (b *Bank) JudgeTyped(target, typed string, sideGiven bool) Verdict {
	ti, ok := b.byID[target]
	tn := NormalizeName(typed)
	if tn == "" {
		return Verdict{Empty: true}
	}
	if !ok {
		return Verdict{}
	}
	q := newTypedName(tn)
	tgt := &b.structures[ti]
	twin := b.twin(ti)
	if (q.side == "left" || q.side == "right") && (tgt.Side == "left" || tgt.Side == "right") && q.side != tgt.Side {
		v := Verdict{WrongSide: true}
		if twin >= 0 {
			v.Other = b.structures[twin].ID
		}
		return v
	}
	m := b.nameDistance(ti, q)
	v := Verdict{Matched: tgt.Name}
	if m.form >= 0 {
		v.Matched = b.names[ti].source[m.form]
	}
	near := m.form >= 0 && m.d <= Tolerance(m.n)
	if near && twin >= 0 && !sideGiven && q.side == "" {
		return Verdict{NeedsSide: true, Matched: tgt.Name}
	}
	other, dOther := b.nearestOther(ti, twin, q, m.d)
	switch {
	case m.d == 0:
		v.Correct, v.Exact = true, true
	case near && m.d < dOther:
		v.Correct = true
	}
	if !v.Correct {
		v.Matched = tgt.Name
		if other >= 0 && dOther <= m.d {
			v.Other = b.structures[other].ID
		}
	}
	return v
}

// typedName is a typed answer in normal form, as typed and without a
// generic word ("scaphoid bone" is also "scaphoid"), each with and without
// its side words.
type typedName struct {
	full, sideless []string
	side           string
}

func newTypedName(tn string) typedName {
	var q typedName
	for _, v := range variants(tn) {
		sl, side := stripSide(v)
		q.full, q.sideless = append(q.full, v), append(q.sideless, sl)
		q.side = side
	}
	return q
}

// match is how near a typed answer came to a structure's names: the edit
// distance, which form of the names (-1 for none), and the length in
// runes of what it was compared with.
type match struct{ d, form, n int }

// nameDistance is the best match of q to a name of structure j. A form is
// compared with its side words too, and without them when q gives no side
// or j's; at equal distance a comparison with the side words wins.
func (b *Bank) nameDistance(j int, q typedName) match {
	f := &b.names[j]
	side := b.structures[j].Side
	best, bestSideless := match{d: 1 << 30, form: -1}, true
	consider := func(d, k int, s string, sideless bool) {
		if d < best.d || d == best.d && bestSideless && !sideless {
			best, bestSideless = match{d: d, form: k, n: len([]rune(s))}, sideless
		}
	}
	for k := range f.full {
		for i := range q.full {
			consider(boundedDistance(q.full[i], f.full[k], best.d), k, f.full[k], false)
			if q.side == "" || q.side == side {
				consider(boundedDistance(q.sideless[i], f.sideless[k], best.d), k, f.sideless[k], true)
			}
		}
	}
	return best
}

// boundedDistance is editDistance, or a number above bound when the
// lengths alone show it must be.
func boundedDistance(a, b string, bound int) int {
	if la, lb := len([]rune(a)), len([]rune(b)); la-lb > bound || lb-la > bound {
		return bound + 1
	}
	return editDistance(a, b)
}

// nearestOther is the structure other than ti and its twin whose name is
// nearest to q, with that distance; -1 when none is within limit.
func (b *Bank) nearestOther(ti, twin int, q typedName, limit int) (int, int) {
	best, bestD := -1, limit+1
	for j := range b.structures {
		if j == ti || j == twin {
			continue
		}
		if m := b.nameDistance(j, q); m.d < bestD {
			best, bestD = j, m.d
		}
	}
	if best < 0 {
		return -1, 1 << 30
	}
	return best, bestD
}

// twin is the structure with ti's English name on the other side, or -1.
func (b *Bank) twin(ti int) int {
	for j := range b.structures {
		if j != ti && b.names[j].english == b.names[ti].english && b.structures[j].Side != b.structures[ti].Side {
			return j
		}
	}
	return -1
}

// SideOf reads the side a name gives ("left", "right" or "").
func SideOf(name string) string {
	_, s := stripSide(NormalizeName(name))
	if s == "both" {
		return ""
	}
	return s
}

// WithoutSide is a name with its side words taken out, in normal form.
func WithoutSide(name string) string {
	s, _ := stripSide(NormalizeName(name))
	return strings.TrimSpace(s)
}
