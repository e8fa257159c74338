package content

import (
	"fmt"
	"strings"
)

// assignConcepts puts mesh structures that read alike (one name, so one side) into one concept:
// the learner cannot tell them apart, so any of them answers "find the renal pyramid". The
// concept's id is the standard id they share, with the side ("UBERON:0004200-left"), else made
// from the name. A structure alone in its concept keeps concept empty.
func assignConcepts(out []StructureEntry) {
	groups := map[string][]int{}
	var order []string
	for i := range out {
		if out[i].Mesh == "" {
			continue
		}
		k := strings.ToLower(strings.Join(strings.Fields(out[i].Name), " "))
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], i)
	}
	used := map[string]bool{}
	for _, e := range out {
		used[e.ID] = true
	}
	for _, k := range order {
		idx := groups[k]
		if len(idx) < 2 {
			continue
		}
		id := sharedOntologyID(out, idx)
		if id != "" && (out[idx[0]].Side == "left" || out[idx[0]].Side == "right") {
			id += "-" + out[idx[0]].Side
		}
		if id == "" || used[id] {
			id = "concept-" + slug(k)
		}
		for n := 2; used[id]; n++ {
			id = fmt.Sprintf("concept-%s-%d", slug(k), n)
		}
		used[id] = true
		for _, i := range idx {
			out[i].Concept = id
		}
	}
}

// sharedOntologyID is the standard id all of idx carry, or "".
func sharedOntologyID(out []StructureEntry, idx []int) string {
	id := out[idx[0]].Extras[keyOntologyOut]
	for _, i := range idx[1:] {
		if out[i].Extras[keyOntologyOut] != id {
			return ""
		}
	}
	return id
}
