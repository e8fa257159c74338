package kit

import (
	"math"
	"sort"
	"strings"
)

// DistinctWords finds, for each name, the words that tell it apart from a near-identical name
// of the list: where two names differ in one word only ("Long head of left biceps brachii",
// "Long head of right biceps brachii"), that word of each. The result holds, per name, the
// positions of those words among strings.Fields(name). It costs one map entry per word.
func DistinctWords(names []string) []map[int]bool {
	out := make([]map[int]bool, len(names))
	type at struct{ name, word int }
	groups := map[string][]at{}
	for i, n := range names {
		words := strings.Fields(strings.ToLower(n))
		for k := range words {
			key := strings.Join(words[:k], " ") + "\x00" + strings.Join(words[k+1:], " ")
			groups[key] = append(groups[key], at{i, k})
		}
	}
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		for _, a := range g {
			if out[a.name] == nil {
				out[a.name] = map[int]bool{}
			}
			out[a.name][a.word] = true
		}
	}
	return out
}

// ShortenWords fits name to width by leaving out whole words, those nearest its middle first,
// never the words in keep (positions among strings.Fields(name), from DistinctWords); each run
// of left-out words shows as "…". What still does not fit is cut in the middle (MiddleEllipsis).
func ShortenWords(name string, keep map[int]bool, width float32, measure func(string) float32) string {
	if measure(name) <= width {
		return name
	}
	words := strings.Fields(name)
	centre := float64(len(words)-1) / 2
	var order []int
	for k := range words {
		if !keep[k] {
			order = append(order, k)
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return dist(order[i], centre) < dist(order[j], centre) })
	dropped := map[int]bool{}
	text := name
	for _, k := range order {
		dropped[k] = true
		if text = joinKept(words, dropped); measure(text) <= width {
			return text
		}
	}
	return MiddleEllipsis(text, width, measure)
}

func dist(k int, centre float64) float64 { return math.Abs(float64(k) - centre) }

// joinKept joins the words not dropped, one "…" for each run of dropped ones.
func joinKept(words []string, dropped map[int]bool) string {
	var parts []string
	for k, w := range words {
		switch {
		case !dropped[k]:
			parts = append(parts, w)
		case k == 0 || !dropped[k-1]:
			parts = append(parts, "…")
		}
	}
	return strings.Join(parts, " ")
}
