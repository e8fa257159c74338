package content

import (
	"fmt"
	"path/filepath"
	"strings"
)

// assembly collects the structures of an import: each with the source and node it came from and
// its parent as an index, so that ids can change before parents are written.
type assembly struct {
	out    []StructureEntry
	node   []string // source node name ("" for a made-up organ group)
	parent []int    // index in out, -1 for none
	src    []int    // index of the source file
	tnode  []int    // index of the node in its file, -1 for none
}

func (a *assembly) add(e StructureEntry, node string, src, tnode int) int {
	a.out = append(a.out, e)
	a.tnode = append(a.tnode, tnode)
	a.node = append(a.node, node)
	a.parent = append(a.parent, -1)
	a.src = append(a.src, src)
	return len(a.out) - 1
}

// assemble makes the pack's structures from the sources: groups, meshes, unique ids, parents,
// concepts, placements and colours.
func assemble(srcs []*gltfSource, opt ImportOptions, credit string) []StructureEntry {
	a := &assembly{}
	for si, s := range srcs {
		a.addSource(si, s, credit, len(srcs) > 1)
	}
	a.uniqueIDs()
	for i, p := range a.parent {
		if p >= 0 {
			a.out[i].Parent = a.out[p].ID
		}
	}
	for i := range a.out {
		s := srcs[a.src[i]]
		organ := firstNonEmpty(a.out[i].Extras[keyOrgan], s.organ)
		place := PlaceStructure(a.out[i].Extras[keyOntologyOut], organ)
		e := &a.out[i]
		e.System = strings.ToLower(firstNonEmpty(e.System, opt.System, place.System))
		e.Region = firstNonEmpty(e.Region, organRegion(place.Region, OrganKey(organ)))
		e.Extras = setText(e.Extras, keyOrgan, organ)
	}
	assignConcepts(a.out)
	for si := range srcs {
		var idx []int
		for i := range a.out {
			if a.src[i] == si && a.out[i].Mesh != "" {
				idx = append(idx, i)
			}
		}
		colourOrgan(a.out, idx)
	}
	return a.out
}

// addSource adds one file's structures: its mesh nodes, the group nodes above them, and, in a
// set of files, an organ group when the file has no single root.
func (a *assembly) addSource(si int, s *gltfSource, credit string, organGroup bool) {
	ref := make([]int, len(s.tree.names)) // node -> index in out, -1 for none
	for i := range ref {
		ref[i] = -1
	}
	byNode := map[string]int{}
	for i, n := range s.tree.names {
		if _, dup := byNode[n]; !dup && n != "" {
			byNode[n] = i
		}
	}
	byID := map[string]int{}
	var mine []int
	for _, e := range s.entries {
		node := e.Mesh
		e.Mesh = "meshes/" + s.base + "#" + node
		e.Credit = firstNonEmpty(e.Credit, credit)
		if e.Extras[keyOntologyOut] == "" { // the loader made a shared id unique: keep the shared one
			e.Extras = setText(e.Extras, keyOntologyOut, e.Extras[keySourceID])
		}
		e.Extras = setText(e.Extras, keySourceID, node)
		ni, ok := byNode[node]
		if !ok {
			ni = -1
		}
		i := a.add(e, node, si, ni)
		byID[e.ID], mine = i, append(mine, i)
		if ni >= 0 {
			ref[ni] = i
		}
	}
	organ := -1
	if organGroup && len(s.tree.roots()) != 1 {
		stem := strings.TrimSuffix(s.base, filepath.Ext(s.base))
		name := firstNonEmpty(withSide(humanName(s.organ), s.side), machineName(stem))
		organ = a.add(StructureEntry{ID: cleanID(stem, "organ"), Name: name, Side: s.side}, "", si, -1)
	}
	for _, i := range mine {
		a.linkParent(i, s, ref, byID, organ)
	}
}

// linkParent sets structure i's parent: the one its extras named, else its nearest ancestor
// node, adding the group structures on the way; the top one goes under the made-up organ group.
func (a *assembly) linkParent(i int, s *gltfSource, ref []int, byID map[string]int, organ int) {
	if p := a.out[i].Parent; p != "" {
		a.out[i].Parent = ""
		if j, ok := byID[p]; ok {
			a.parent[i] = j
			return
		}
	}
	child := i
	if ni := a.tnode[i]; ni >= 0 {
		for p := s.tree.parent[ni]; p >= 0; p = s.tree.parent[p] {
			if ref[p] >= 0 {
				a.parent[child] = ref[p]
				return
			}
			ref[p] = a.addGroup(s, p, a.src[i])
			a.parent[child] = ref[p]
			child = ref[p]
		}
	}
	if organ >= 0 && child != organ {
		a.parent[child] = organ
	}
}

// addGroup adds a structure for a group node: named from its node name, without a mesh.
func (a *assembly) addGroup(s *gltfSource, node, si int) int {
	name := s.tree.names[node]
	side := sideFromNode(name, "")
	e := StructureEntry{ID: cleanID(name, fmt.Sprintf("node%d", node)), Name: withSide(machineName(name), side), Side: side}
	if e.Name == "" {
		e.Name = firstNonEmpty(withSide(humanName(s.organ), s.side), e.ID)
	}
	e.Extras = setText(nil, keySourceID, name)
	return a.add(e, name, si, node)
}

// uniqueIDs makes ids unique across the files: a standard id that several structures share
// gives way to each one's node name (the id stays in extras as ontology_id); what still clashes
// is numbered.
func (a *assembly) uniqueIDs() {
	count := map[string]int{}
	for _, e := range a.out {
		count[e.ID]++
	}
	taken := map[string]bool{}
	for i := range a.out {
		if e := &a.out[i]; count[e.ID] > 1 && a.node[i] != "" {
			if e.Mesh != "" && e.Extras[keyOntologyOut] == "" {
				e.Extras = setText(e.Extras, keyOntologyOut, e.ID)
			}
			e.ID = cleanID(a.node[i], e.ID)
		}
	}
	for i := range a.out {
		id := a.out[i].ID
		for n := 2; taken[id]; n++ {
			id = fmt.Sprintf("%s-%d", a.out[i].ID, n)
		}
		taken[id] = true
		a.out[i].ID = id
	}
}

// cleanID makes a node name into a structure id, or returns fallback.
func cleanID(s, fallback string) string {
	id := strings.Trim(badIDChars.ReplaceAllString(strings.ReplaceAll(s, "#", "-"), "_"), "_.:-")
	if len(id) > 128 {
		id = id[:128]
	}
	if id == "" || !structureIDPattern.MatchString(id) {
		return fallback
	}
	return id
}

// setText sets m[k] = v on a copy, unless v is empty.
func setText(m map[string]string, k, v string) map[string]string {
	if v == "" {
		return m
	}
	return mergeText(m, map[string]string{k: v})
}

// organRegion puts the organ under its region ("abdomen" and "kidney" make "abdomen/kidney"), so
// that lists grouped by system and region show each organ; a region that already ends in the
// organ ("lower_limb/knee", "pelvis") stays as it is.
func organRegion(region, organ string) string {
	if organ == "" || region == "" {
		return region
	}
	organ = strings.ReplaceAll(organ, " ", "_")
	if region == organ || strings.HasSuffix(region, "/"+organ) {
		return region
	}
	return region + "/" + organ
}
