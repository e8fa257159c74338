package learning

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// Structure is what practice needs to know of one structure of a pack. The
// caller fills it from the pack and the model (learning imports neither):
// names for questions and answers, system and region for scope and
// interleaving, and the bounding box for "which structures are near".
type Structure struct {
	ID       string
	Name     string // English
	Latin    string // Terminologia Anatomica
	Synonyms []string
	Names    map[string]string // other languages, by BCP 47 tag
	System   string
	Region   string
	Side     string // "left", "right", "midline" or "" (then read from the name)
	// Concept groups meshes that show one thing (concept.go); "" groups by name and side.
	Concept string
	// OnModel: the structure has a mesh and is drawn solid by default (not
	// hidden, not a translucent layer such as skin), so a learner can find
	// it and see it highlighted.
	OnModel bool
	// Unfindable: the geometry says it cannot be seen and clicked even with
	// whatever hides it ghosted (render.Model.Exposure decides: no ray from 14
	// directions reaches it, peeling what lies in front, as for a structure
	// whose faces always coincide with another's). No Find question is asked
	// about it; it can still be highlighted and named.
	Unfindable bool
	Center     [3]float64 // centre of its bounding box, in the model's frame
	Radius     float64    // half the box's diagonal
}

// MCQ is an authored multiple-choice item of a pack.
type MCQ struct {
	Pack        string // the pack's id; the item's id is "mcq:<pack>/<ID>"
	ID          string // the item's id in its pack
	Prompt      string
	Choices     []string
	Answer      int      // index of the right choice in Choices
	Structures  []string // what it is about: framed, lit in the feedback, evidence for mastery
	Highlight   []string // lit while the question is asked
	Explanation string
	FixedOrder  bool // show the choices in the authored order
}

// Item is one question a learner can be asked: its identity (which keys
// its memory and history) and what scope and interleaving need to know.
type Item struct {
	ID        ItemID
	Structure string // the structure asked about; an MCQ's first structure, or ""
	Region    string // the structure's region ("" if none)
	System    string
	Skills    []SkillID    // what an answer is evidence for
	MCQ       *MCQ         // the authored item, for KindMCQ
	Pin       *PinQuestion // the tour pin, for KindPin
}

// Kind is the item's kind.
func (it Item) Kind() ItemKind { return it.ID.Kind() }

// Bank holds a pack's structures and every item generated from them.
type Bank struct {
	structures []Structure
	byID       map[string]int
	items      []Item
	itemIndex  map[ItemID]int
	scale      float64 // typical distance between structures, for nearness
	names      []nameForms
	conceptOf  []string         // each structure's concept key
	members    map[string][]int // concept key -> its structures on the model
}

// NewBank generates the items of a pack: for every structure on the model,
// "find it" (when there are at least two to click on), "name it by
// choosing" (when another structure's name can stand beside it) and "name
// it by typing"; and one item per authored multiple-choice question.
// Structures with an empty or repeated id are skipped, as are MCQs whose
// answer is not one of at least two choices.
func NewBank(structures []Structure, mcqs []MCQ) *Bank {
	b := &Bank{byID: map[string]int{}, itemIndex: map[ItemID]int{}}
	for _, s := range structures {
		if s.ID == "" || strings.ContainsFunc(s.ID, unicode.IsSpace) {
			continue
		}
		if _, dup := b.byID[s.ID]; dup {
			continue
		}
		if s.Side == "" {
			s.Side = SideOf(s.Name) // "Distal phalanx of right thumb"
		}
		b.byID[s.ID] = len(b.structures)
		b.structures = append(b.structures, s)
	}
	b.names = make([]nameForms, len(b.structures))
	for i := range b.structures {
		b.names[i] = formsOf(&b.structures[i])
	}
	b.scale = typicalSpacing(b.structures)
	b.indexConcepts()
	b.generate()
	for i := range mcqs {
		b.addMCQ(mcqs[i])
	}
	return b
}

func (b *Bank) generate() {
	onModel := 0
	for _, s := range b.structures {
		if s.OnModel {
			onModel++
		}
	}
	for i, s := range b.structures {
		if !s.OnModel || !b.representative(i) {
			continue
		}
		if onModel >= 2 && !s.Unfindable {
			b.add(KindFind, s)
		}
		if b.hasCandidate(i) {
			b.add(KindNameChoice, s)
		}
		if strings.TrimSpace(s.Name) != "" {
			b.add(KindNameTyped, s)
		}
	}
}

func (b *Bank) add(kind ItemKind, s Structure) {
	id, err := NewItemID(kind, s.ID)
	if err != nil {
		return
	}
	b.itemIndex[id] = len(b.items)
	b.items = append(b.items, Item{ID: id, Structure: s.ID, Region: s.Region, System: s.System,
		Skills: skillsOf([]Structure{s})})
}

func (b *Bank) addMCQ(q MCQ) {
	if q.Answer < 0 || q.Answer >= len(q.Choices) || len(q.Choices) < 2 || strings.TrimSpace(q.Prompt) == "" {
		return
	}
	id, err := NewItemID(KindMCQ, q.Pack+"/"+q.ID)
	if err != nil {
		return
	}
	if _, dup := b.itemIndex[id]; dup {
		return
	}
	var about []Structure
	for _, sid := range q.Structures {
		if i, ok := b.byID[sid]; ok {
			about = append(about, b.structures[i])
		}
	}
	it := Item{ID: id, MCQ: &q, Skills: skillsOf(about)}
	if len(about) > 0 {
		it.Structure, it.Region, it.System = about[0].ID, about[0].Region, about[0].System
	}
	b.itemIndex[id] = len(b.items)
	b.items = append(b.items, it)
}

// skillsOf lists the structure, region and system skills of structures,
// each once.
func skillsOf(ss []Structure) []SkillID {
	var out []SkillID
	seen := map[SkillID]bool{}
	add := func(kind SkillKind, key string) {
		if kind != SkillStructure {
			key = skillKey(key)
		}
		if key == "" {
			return
		}
		id, err := NewSkillID(kind, key)
		if err != nil || seen[id] {
			return
		}
		seen[id] = true
		out = append(out, id)
	}
	for _, s := range ss {
		add(SkillStructure, s.ID)
	}
	for _, s := range ss {
		add(SkillRegion, s.Region)
	}
	for _, s := range ss {
		add(SkillSystem, s.System)
	}
	return out
}

// skillKey makes a region or system usable in a SkillID: lower case, white
// space turned into '-'.
func skillKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.Join(strings.Fields(s), "-")
}

// RegionSkill is the SkillID of a region, as items carry it.
func RegionSkill(region string) SkillID { return SkillID(string(SkillRegion) + ":" + skillKey(region)) }

// SystemSkill is the SkillID of a system, as items carry it.
func SystemSkill(system string) SkillID { return SkillID(string(SkillSystem) + ":" + skillKey(system)) }

// StructureSkill is the SkillID of a structure.
func StructureSkill(id string) SkillID { return SkillID(string(SkillStructure) + ":" + id) }

// Items lists every item, structures in the order given, then the MCQs.
func (b *Bank) Items() []Item { return b.items }

// Item returns the item with this id.
func (b *Bank) Item(id ItemID) (Item, bool) {
	i, ok := b.itemIndex[id]
	if !ok {
		return Item{}, false
	}
	return b.items[i], true
}

// Structures lists the structures, in the order given.
func (b *Bank) Structures() []Structure { return b.structures }

// Structure returns the structure with this id.
func (b *Bank) Structure(id string) (Structure, bool) {
	i, ok := b.byID[id]
	if !ok {
		return Structure{}, false
	}
	return b.structures[i], true
}

// Regions lists the regions that have items, sorted.
func (b *Bank) Regions() []string { return b.distinct(func(it Item) string { return it.Region }) }

// Systems lists the systems that have items, sorted.
func (b *Bank) Systems() []string { return b.distinct(func(it Item) string { return it.System }) }

func (b *Bank) distinct(f func(Item) string) []string {
	seen := map[string]bool{}
	var out []string
	for _, it := range b.items {
		if k := f(it); k != "" && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// String describes the bank, for tests and logs.
func (b *Bank) String() string {
	n := map[ItemKind]int{}
	for _, it := range b.items {
		n[it.Kind()]++
	}
	return fmt.Sprintf("%d structures; %d find, %d name-choice, %d name-typed, %d mcq", len(b.structures),
		n[KindFind], n[KindNameChoice], n[KindNameTyped], n[KindMCQ])
}

func sortedValues(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = m[k]
	}
	return out
}
