package learning

import (
	"fmt"
	"sort"
	"time"
)

// AxisItem is a structure's place along an axis (e.g. lateral to medial),
// for ordering it against others.
type AxisItem struct {
	ID     string
	Pos    float64 // centre along the axis
	Extent float64 // size along the axis
}

// SequenceTie is the fraction of the smaller of two neighbours' extents
// within which their centres count as level (see OrderAlong).
const SequenceTie = 0.25

// OrderAlong sorts items by Pos, lowest first, into ranks. Neighbours whose
// centres are no further apart than tie times the smaller of their extents
// share a rank (and so do chains of them): where geometry cannot settle an order,
// either order is accepted. Items with the same Pos keep their given order
// within a rank.
func OrderAlong(items []AxisItem, tie float64) [][]string {
	s := append([]AxisItem(nil), items...)
	sort.SliceStable(s, func(i, j int) bool { return s[i].Pos < s[j].Pos })
	var out [][]string
	for i, it := range s {
		if i > 0 && it.Pos-s[i-1].Pos <= tie*min(it.Extent, s[i-1].Extent) {
			out[len(out)-1] = append(out[len(out)-1], it.ID)
			continue
		}
		out = append(out, []string{it.ID})
	}
	return out
}

// SequenceScore is how well a sequence was put in order.
type SequenceScore struct {
	N int // items
	// PositionErrors counts items not at a position their rank allows
	// (an item of a shared rank may take any of the rank's positions).
	PositionErrors int
	// Discordant counts pairs in the wrong relative order: the Kendall tau
	// distance, with pairs of the same rank never discordant.
	Discordant int
	Pairs      int     // pairs whose order is defined (of different ranks)
	Accuracy   float64 // 1 − Discordant/Pairs: the share of pairs in order
	// Tau is Kendall's rank correlation 1 − 2·Discordant/Pairs: 1 in order, about 0 for a
	// random order, −1 reversed.
	Tau   float64
	Exact bool // no position errors
	Time  time.Duration
	Score float64 // 0 to 100
}

// SequenceItemTime is the time per item at which an exact answer earns half
// marks.
const SequenceItemTime = 3 * time.Second

// ScoreSequence compares got, the learner's order, with want, the ranks
// from first to last (OrderAlong's output). got must hold each item of want
// exactly once.
//
// The score is 100 · max(Tau, 0) · τ/(τ + t), with τ = N · SequenceItemTime
// and t the time taken: an exact answer in τ earns 50. Tau, not Accuracy,
// so that an order no better than chance earns nothing however fast (a
// random order has half its pairs right).
func ScoreSequence(want [][]string, got []string, took time.Duration) (SequenceScore, error) {
	rank := map[string]int{}
	first := map[int]int{} // rank → its first position
	pos := 0
	for r, group := range want {
		first[r] = pos
		for _, id := range group {
			if _, dup := rank[id]; dup {
				return SequenceScore{}, fmt.Errorf("learning: sequence: %q twice in the order", id)
			}
			rank[id] = r
			pos++
		}
	}
	if len(got) != len(rank) {
		return SequenceScore{}, fmt.Errorf("learning: sequence: answer has %d items, want %d", len(got), len(rank))
	}
	seen := map[string]bool{}
	ranks := make([]int, len(got))
	s := SequenceScore{N: len(got), Time: took}
	for i, id := range got {
		r, ok := rank[id]
		if !ok || seen[id] {
			return SequenceScore{}, fmt.Errorf("learning: sequence: answer item %q is unknown or repeated", id)
		}
		seen[id] = true
		ranks[i] = r
		if i < first[r] || i >= first[r]+len(want[r]) {
			s.PositionErrors++
		}
	}
	for i := range ranks {
		for j := i + 1; j < len(ranks); j++ {
			if ranks[i] != ranks[j] {
				s.Pairs++
				if ranks[i] > ranks[j] {
					s.Discordant++
				}
			}
		}
	}
	s.Accuracy, s.Tau = 1, 1
	if s.Pairs > 0 {
		s.Accuracy = 1 - float64(s.Discordant)/float64(s.Pairs)
		s.Tau = 1 - 2*float64(s.Discordant)/float64(s.Pairs)
	}
	s.Exact = s.PositionErrors == 0
	tau := time.Duration(max(s.N, 1)) * SequenceItemTime
	s.Score = max(s.Tau, 0) * timedPoints(took, tau)
	return s, nil
}
