package learning

import (
	"math"
	"math/rand/v2"
	"slices"
	"sort"
)

// Distractors are the wrong choices beside a name: structures a learner
// could mistake for the answer. They are ranked by confusability:
//
//	score = distance/scale + system + 0.3·[other region] − 0.8·similarity
//
// where distance is between bounding-box centres, scale is the spread of
// the model (so the score does not depend on units), system is 0 for the
// same body system, 0.3 for systems whose structures look alike on a model
// (nerves and vessels are all thin branching cords) and 0.6 otherwise, and
// similarity is the
// share of words the English names have in common ("distal phalanx of index
// finger" and "middle phalanx of index finger" share three of five). Lower
// is more confusable. The same structure on the other side ("Left radius"
// beside "Right radius") is never a distractor, nor is any structure whose
// name reads the same as the answer's or another choice's, so a name is
// never offered twice; nor is a structure of the other side, which its
// name would give away.

// systemLook groups body systems whose structures look alike on a model.
var systemLook = map[string]string{"nervous": "cord", "cardiovascular": "cord", "lymphatic": "cord",
	"arterial": "cord", "venous": "cord", "skeletal": "bone", "articular": "bone"}

// typicalSpacing is the spread of the structures on the model: the largest
// distance of a centre from their mean, or 1 when there is none.
func typicalSpacing(ss []Structure) float64 {
	var mean [3]float64
	n := 0
	for _, s := range ss {
		if s.OnModel {
			for k := range 3 {
				mean[k] += s.Center[k]
			}
			n++
		}
	}
	if n == 0 {
		return 1
	}
	for k := range 3 {
		mean[k] /= float64(n)
	}
	r := 0.0
	for _, s := range ss {
		if s.OnModel {
			r = max(r, dist(s.Center, mean))
		}
	}
	if !(r > 0) || math.IsInf(r, 0) {
		return 1
	}
	return r
}

func dist(a, b [3]float64) float64 {
	dx, dy, dz := a[0]-b[0], a[1]-b[1], a[2]-b[2]
	return math.Sqrt(dx*dx + dy*dy + dz*dz)
}

// candidates lists the structures that may stand as distractors beside
// structure i: on the model, named, not i's other-side twin, not named
// like i.
func (b *Bank) candidates(i int) []int {
	var out []int
	for j := range b.structures {
		if b.canStandBeside(i, j) {
			out = append(out, j)
		}
	}
	return out
}

func (b *Bank) canStandBeside(i, j int) bool {
	a, c := &b.names[i], &b.names[j]
	return j != i && b.structures[j].OnModel && c.display != "" && c.english != a.english && c.display != a.display &&
		!b.sameConcept(i, j) && b.representative(j) &&
		sameSide(b.structures[i].Side, b.structures[j].Side)
}

// hasCandidate reports whether structure i has at least one distractor.
func (b *Bank) hasCandidate(i int) bool {
	for j := range b.structures {
		if b.canStandBeside(i, j) {
			return true
		}
	}
	return false
}

// confusability scores candidate j against answer i; lower is more
// confusable.
func (b *Bank) confusability(i, j int) float64 {
	a, c := &b.structures[i], &b.structures[j]
	s := dist(a.Center, c.Center) / b.scale
	switch {
	case a.System == c.System:
	case systemLook[a.System] != "" && systemLook[a.System] == systemLook[c.System]:
		s += 0.3
	default:
		s += 0.6
	}
	if a.Region != c.Region {
		s += 0.3
	}
	return s - 0.8*wordSimilarity(b.names[i].words, b.names[j].words)
}

// Distractors returns up to n structure ids to offer beside structure id,
// most confusable first in rank but drawn with some chance from the top 2n,
// so that a learner does not learn the set of choices instead of the
// anatomy. No two share a name, and none is named like the answer. rng
// nil takes the n most confusable.
func (b *Bank) Distractors(id string, n int, rng *rand.Rand) []string {
	i, ok := b.byID[id]
	if !ok || n <= 0 {
		return nil
	}
	cands := b.candidates(i)
	score := make(map[int]float64, len(cands))
	for _, j := range cands {
		score[j] = b.confusability(i, j)
	}
	sort.SliceStable(cands, func(x, y int) bool { return score[cands[x]] < score[cands[y]] })
	pool := cands[:min(len(cands), 2*n)]
	used := map[string]bool{b.names[i].display: true}
	var out []string
	for len(out) < n && len(pool) > 0 {
		k := 0
		if rng != nil {
			k = weightedRank(len(pool), rng)
		}
		j := pool[k]
		pool = append(pool[:k:k], pool[k+1:]...)
		name := b.names[j].display
		if used[name] {
			continue
		}
		used[name] = true
		out = append(out, b.structures[j].ID)
	}
	return out
}

// weightedRank draws an index below n with weight 1/(rank+1), so the most
// confusable are the likeliest.
func weightedRank(n int, rng *rand.Rand) int {
	total := 0.0
	for k := range n {
		total += 1 / float64(k+1)
	}
	x := rng.Float64() * total
	for k := range n {
		x -= 1 / float64(k+1)
		if x < 0 {
			return k
		}
	}
	return n - 1
}

// Neighbours returns up to n structures on the model nearest to id (by
// bounding-box centre), nearest first, without id itself.
func (b *Bank) Neighbours(id string, n int) []string {
	i, ok := b.byID[id]
	if !ok || n <= 0 {
		return nil
	}
	type near struct {
		j int
		d float64
	}
	var all []near
	for j, s := range b.structures {
		if j != i && s.OnModel {
			all = append(all, near{j, dist(s.Center, b.structures[i].Center)})
		}
	}
	sort.SliceStable(all, func(x, y int) bool { return all[x].d < all[y].d })
	out := make([]string, 0, min(n, len(all)))
	for _, a := range all[:min(n, len(all))] {
		out = append(out, b.structures[a.j].ID)
	}
	return out
}

// findFrame is what the camera shows for "find id" and "name id": its whole
// region on its side when that is a handful to a few dozen structures, with
// the target's four nearest neighbours (to see where the region is), else
// id and its nearest eight, so the target is among neighbours rather than
// alone in the middle.
func (b *Bank) findFrame(id string) []string {
	s, ok := b.Structure(id)
	if !ok {
		return nil
	}
	var region []string
	if s.Region != "" {
		for _, o := range b.structures {
			if o.OnModel && o.Region == s.Region && sameSide(o.Side, s.Side) {
				region = append(region, o.ID)
			}
		}
	}
	near := b.Neighbours(id, 8)
	if len(region) < 4 || len(region) > 40 {
		return append([]string{id}, near...)
	}
	for _, n := range near[:min(len(near), 4)] { // a little of what lies around, to see where it is
		if !slices.Contains(region, n) {
			region = append(region, n)
		}
	}
	return region
}

// sameSide reports whether two structures are on the same side, counting
// one without a side (or on the midline) as on both.
func sameSide(a, b string) bool {
	lat := func(s string) bool { return s == "left" || s == "right" }
	return a == b || !lat(a) || !lat(b)
}
