package drills

import (
	"github.com/osteon/osteon/ui/kit"

	"fmt"
	"sort"
	"strings"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/render"
)

// locateScope is the set of structures a Locate drill draws its names from: the whole model,
// or one side's region.
type locateScope struct {
	key   string // part of the drill id: "all", "right/upper_limb/wrist"
	title string // "Right wrist"
	ids   []string
}

// sequenceSet is a set of structures to put in order along the body's medial-lateral axis, the
// order worked out from the model's geometry.
type sequenceSet struct {
	key   string     // part of the drill id
	title string     // "Bones of the right wrist", "Right … metacarpal bone"
	axis  string     // "lateral to medial", "proximal to distal", ...
	order [][]string // ranks along the axis; structures level with each other share one
	ids   []string   // every structure of the set
}

// Limits on the drill sets offered.
const (
	minDrillSet    = 3 // fewer makes no drill
	maxSequenceSet = 8 // more is a chore to order by keyboard
)

// sideOf is a structure's side: its Side, else "left" or "right" from its name, else from where
// it lies (the body's right is −X in Osteon's anatomical frame: Y up, +Z anterior).
func sideOf(st *content.Structure, centre content.Vec3) string {
	switch s := strings.ToLower(strings.TrimSpace(st.Side)); s {
	case "left", "right":
		return s
	}
	for _, w := range strings.Fields(strings.ToLower(st.Name)) {
		if w == "left" || w == "right" {
			return w
		}
	}
	if centre[0] < 0 {
		return "right"
	}
	return "left"
}

// drillable lists the structures a drill may ask about: shown by default and with a mesh.
func drillable(m *render.Model) []*content.Part {
	var out []*content.Part
	for i := range m.Scene.Parts {
		p := &m.Scene.Parts[i]
		if p.Hidden || p.Ghosted || p.Mesh.VertexCount() == 0 || m.BoundsOf(p.ID).Empty() {
			continue
		}
		out = append(out, p)
	}
	return out
}

// sideTitle is "Right wrist", or "Wrist" for structures with no side.
func sideTitle(side, region string) string {
	if side == "" {
		return kit.RegionName(region)
	}
	return kit.Capitalise(side) + " " + strings.ToLower(kit.RegionName(region))
}

// locateScopes lists the Locate drills a model offers: the whole model, then each side's
// regions with enough structures.
func locateScopes(m *render.Model) []locateScope {
	parts := drillable(m)
	if len(parts) < minDrillSet {
		return nil
	}
	all := locateScope{key: "all", title: "Whole model"}
	groups := map[string]*locateScope{}
	for _, p := range parts {
		all.ids = append(all.ids, p.ID)
		side := sideOf(&p.Structure, m.BoundsOf(p.ID).Center())
		key := side + "/" + strings.TrimSpace(p.Region)
		g := groups[key]
		if g == nil {
			g = &locateScope{key: key, title: sideTitle(side, p.Region)}
			groups[key] = g
		}
		g.ids = append(g.ids, p.ID)
	}
	var regions []locateScope
	for _, g := range groups {
		if len(g.ids) >= minDrillSet && len(g.ids) < len(all.ids) {
			regions = append(regions, *g)
		}
	}
	sort.Slice(regions, func(i, j int) bool { return regions[i].title < regions[j].title })
	return append([]locateScope{all}, regions...)
}

// seqAxis is a direction a sequence is ordered along.
type seqAxis int

const (
	lateralMedial    seqAxis = iota // lateral to medial: X for the right side, −X for the left
	superiorInferior                // top to bottom: −Y (proximal to distal in a limb in anatomical position)
)

// along is where a structure lies along the axis, lower first.
func (a seqAxis) along(m *render.Model, id, side string) learning.AxisItem {
	b := m.BoundsOf(id)
	c := b.Center()
	if a == superiorInferior {
		return learning.AxisItem{ID: id, Pos: -float64(c[1]), Extent: float64(b.Max[1] - b.Min[1])}
	}
	x := float64(c[0])
	if side == "left" {
		x = -x
	}
	return learning.AxisItem{ID: id, Pos: x, Extent: float64(b.Max[0] - b.Min[0])}
}

// axisOf chooses the axis the structures spread along most: across the body or up and down.
// A set that spreads most from front to back gets neither (false).
func axisOf(m *render.Model, ids []string) (seqAxis, bool) {
	lo, hi := content.Vec3{1e30, 1e30, 1e30}, content.Vec3{-1e30, -1e30, -1e30}
	for _, id := range ids {
		c := m.BoundsOf(id).Center()
		for k := range 3 {
			lo[k], hi[k] = min(lo[k], c[k]), max(hi[k], c[k])
		}
	}
	x, y, z := hi[0]-lo[0], hi[1]-lo[1], hi[2]-lo[2]
	switch {
	case x >= y && x >= z:
		return lateralMedial, true
	case y > x && y >= z:
		return superiorInferior, true
	}
	return 0, false
}

// axisWords says which way a set runs, in the words an anatomy learner uses: a limb's
// structures run proximal to distal from top to bottom in anatomical position.
func axisWords(a seqAxis, limb bool) string {
	switch {
	case a == lateralMedial:
		return "lateral to medial"
	case limb:
		return "proximal to distal"
	}
	return "superior to inferior"
}

// limbWords mark a region as part of a limb.
var limbWords = []string{"limb", "arm", "forearm", "elbow", "wrist", "hand", "finger", "thumb", "shoulder",
	"leg", "thigh", "knee", "ankle", "foot", "toe", "hip"}

func isLimb(region, name string) bool {
	t := strings.ToLower(region + " " + name)
	for _, w := range limbWords {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// setMember is a structure that may join a sequence set, with its side.
type setMember struct {
	part *content.Part
	side string
}

// sequenceSets lists the Sequence drills a model offers, each ordered from the model's geometry
// along the axis it spreads along most (lateral to medial, or proximal to distal): the
// structures of one system in one side's region (the bones of the right wrist), and series
// whose names differ in one word (the first to fifth metacarpal bones; the proximal, middle and
// distal phalanges of a finger). A set is kept when it has 3 to 8 structures and geometry
// settles at least 3 ranks.
func sequenceSets(m *render.Model) []sequenceSet {
	groups, titles := sequenceGroups(m)
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Strings(keys) // region sets first, then series; a series that repeats one is dropped
	var out []sequenceSet
	seen := map[string]bool{}
	for _, k := range keys {
		if set, ok := orderSet(m, k, titles[k], groups[k]); ok && !seen[strings.Join(set.ids, "\x00")] {
			seen[strings.Join(set.ids, "\x00")] = true
			out = append(out, set)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].title < out[j].title })
	return out
}

// sequenceGroups gathers candidate sets by key, with their titles: one system in one side's
// region, and each series of names that differ in one word (the side aside).
func sequenceGroups(m *render.Model) (map[string][]setMember, map[string]string) {
	groups := map[string][]setMember{}
	titles := map[string]string{}
	for _, p := range drillable(m) {
		side := sideOf(&p.Structure, m.BoundsOf(p.ID).Center())
		mem := setMember{p, side}
		rk := "region/" + side + "/" + strings.TrimSpace(p.Region) + "/" + strings.TrimSpace(p.System)
		groups[rk] = append(groups[rk], mem)
		titles[rk] = systemMembers(p.System) + " of the " + strings.ToLower(sideTitle(side, p.Region))
		if p.Region == "" {
			titles[rk] = systemMembers(p.System) + " (" + side + ")"
		}
		words := strings.Fields(p.Name)
		for k := range words {
			if strings.EqualFold(words[k], side) || len(words) < 2+sideWords(words, side) {
				continue // a series needs a word that stays besides the side
			}
			tmpl := append(append(append([]string{}, words[:k]...), "…"), words[k+1:]...)
			sk := "series/" + side + "/" + strings.ToLower(strings.Join(tmpl, "-"))
			groups[sk] = append(groups[sk], mem)
			titles[sk] = strings.Join(tmpl, " ")
			if sideWords(words, side) == 0 {
				titles[sk] += " (" + side + ")"
			}
		}
	}
	return groups, titles
}

// orderSet orders a candidate group along its main axis; ok is false when the group is too
// small or too large, spreads mostly front to back, or geometry settles fewer than 3 ranks.
func orderSet(m *render.Model, key, title string, g []setMember) (sequenceSet, bool) {
	if len(g) < minDrillSet || len(g) > maxSequenceSet {
		return sequenceSet{}, false
	}
	ids := make([]string, len(g))
	limb := true
	for i, mem := range g {
		ids[i] = mem.part.ID
		limb = limb && isLimb(mem.part.Region, mem.part.Name)
	}
	axis, ok := axisOf(m, ids)
	if !ok {
		return sequenceSet{}, false
	}
	items := make([]learning.AxisItem, len(g))
	for i, mem := range g {
		items[i] = axis.along(m, mem.part.ID, mem.side)
	}
	order := learning.OrderAlong(items, learning.SequenceTie)
	if len(order) < minDrillSet {
		return sequenceSet{}, false
	}
	sort.Strings(ids)
	words := axisWords(axis, limb)
	return sequenceSet{key: strings.ReplaceAll(key+"/"+words, " ", "-"), title: title, axis: words, order: order, ids: ids}, true
}

func sideWords(words []string, side string) int {
	n := 0
	for _, w := range words {
		if strings.EqualFold(w, side) {
			n++
		}
	}
	return n
}

// systemMembers names what a system is made of: "skeletal" → "Bones".
func systemMembers(system string) string {
	switch strings.ToLower(strings.TrimSpace(system)) {
	case "skeletal":
		return "Bones"
	case "muscular":
		return "Muscles"
	case "nervous":
		return "Nerves"
	case "cardiovascular", "arterial", "venous":
		return "Vessels"
	case "":
		return "Structures"
	}
	return fmt.Sprintf("%s structures", kit.SystemName(system))
}
