package explore

import (
	"github.com/osteon/osteon/ui/kit"

	"sort"
	"strings"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/learning"
)

// catalog groups a scene's structures by system and region for the structure list, and filters
// them by a search text.
type catalog struct {
	structures []*content.Structure
	byID       map[string]*content.Structure
	systems    []string                // display names, sorted
	regions    map[string][]string     // system -> region names, sorted
	members    map[string][]string     // system+"\x00"+region -> structure ids, by name
	search     map[string]string       // id -> folded text searched
	visible    map[string]bool         // nil: no filter
	keep       map[string]map[int]bool // id -> words of its name the list never leaves out
}

const (
	uidSystem = "s:"
	uidRegion = "r:"
	uidPart   = "x:"
)

func newCatalog(s *content.Scene) *catalog {
	c := &catalog{byID: map[string]*content.Structure{}, regions: map[string][]string{},
		members: map[string][]string{}, search: map[string]string{}}
	if s == nil {
		return c
	}
	for i := range s.Parts {
		st := &s.Parts[i].Structure
		c.structures = append(c.structures, st)
		c.byID[st.ID] = st
		sys, reg := kit.SystemName(st.System), kit.RegionName(st.Region)
		key := sys + "\x00" + reg
		if _, ok := c.regions[sys]; !ok {
			c.systems = append(c.systems, sys)
		}
		if len(c.members[key]) == 0 {
			c.regions[sys] = append(c.regions[sys], reg)
		}
		c.members[key] = append(c.members[key], st.ID)
		c.search[st.ID] = learning.FoldName(strings.Join(append([]string{st.Name, st.NameLatin, st.ID, sys, reg}, st.Synonyms...), " "))
	}
	sort.Strings(c.systems)
	for sys := range c.regions {
		sort.Strings(c.regions[sys])
	}
	c.keep = map[string]map[int]bool{}
	for k := range c.members {
		ids := c.members[k]
		sort.Slice(ids, func(i, j int) bool { return c.byID[ids[i]].Name < c.byID[ids[j]].Name })
		names := make([]string, len(ids))
		for i, id := range ids {
			names[i] = c.byID[id].Name
		}
		for i, keep := range kit.DistinctWords(names) {
			c.keep[ids[i]] = keep
		}
	}
	return c
}

// filter keeps structures whose text contains every word of q; it returns how many match.
func (c *catalog) filter(q string) int {
	words := strings.Fields(learning.FoldName(q))
	if len(words) == 0 {
		c.visible = nil
		return len(c.structures)
	}
	c.visible = map[string]bool{}
	for id, text := range c.search {
		ok := true
		for _, w := range words {
			if !strings.Contains(text, w) {
				ok = false
				break
			}
		}
		if ok {
			c.visible[id] = true
		}
	}
	return len(c.visible)
}

// onlyMatch is the one structure the search matches, if it matches exactly one.
func (c *catalog) onlyMatch() (string, bool) {
	if len(c.visible) != 1 {
		return "", false
	}
	for id := range c.visible {
		return id, true
	}
	return "", false
}

func (c *catalog) shown(id string) bool { return c.visible == nil || c.visible[id] }

// children implements the tree's ChildUIDs.
func (c *catalog) children(uid string) []string {
	var out []string
	switch {
	case uid == "":
		for _, sys := range c.systems {
			if c.anyShown(sys, "") {
				out = append(out, uidSystem+sys)
			}
		}
	case strings.HasPrefix(uid, uidSystem):
		sys := uid[len(uidSystem):]
		for _, reg := range c.regions[sys] {
			if c.anyShown(sys, reg) {
				out = append(out, uidRegion+sys+"\x00"+reg)
			}
		}
	case strings.HasPrefix(uid, uidRegion):
		for _, id := range c.members[uid[len(uidRegion):]] {
			if c.shown(id) {
				out = append(out, uidPart+id)
			}
		}
	}
	return out
}

func (c *catalog) anyShown(sys, reg string) bool {
	regs := c.regions[sys]
	if reg != "" {
		regs = []string{reg}
	}
	for _, r := range regs {
		for _, id := range c.members[sys+"\x00"+r] {
			if c.shown(id) {
				return true
			}
		}
	}
	return false
}

func isBranch(uid string) bool { return !strings.HasPrefix(uid, uidPart) }

// label is the text shown for a tree node.
func (c *catalog) label(uid string) string {
	switch {
	case strings.HasPrefix(uid, uidSystem):
		return uid[len(uidSystem):]
	case strings.HasPrefix(uid, uidRegion):
		_, reg, _ := strings.Cut(uid[len(uidRegion):], "\x00")
		return reg
	case strings.HasPrefix(uid, uidPart):
		if st := c.byID[uid[len(uidPart):]]; st != nil {
			return st.Name
		}
	}
	return uid
}

// branchesOf returns the tree's system and region uids above structure id.
func (c *catalog) branchesOf(id string) (sysUID, regUID string) {
	st := c.byID[id]
	if st == nil {
		return "", ""
	}
	sys, reg := kit.SystemName(st.System), kit.RegionName(st.Region)
	return uidSystem + sys, uidRegion + sys + "\x00" + reg
}
