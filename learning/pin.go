package learning

import (
	"math/rand/v2"
	"strings"
)

// KindPin is a question asked at a pin of a tour ("What is at this pin?"), answered by choosing
// the structure the pin is on among confusable neighbours.
const KindPin ItemKind = "pin"

// PinQuestion is a pin that carries a question, as a tour file gives it.
type PinQuestion struct {
	Pack      string     // the pack id
	Tour      string     // the tour's name within the pack, or its file name
	ID        string     // the pin's id within the tour
	Structure string     // the structure that answers
	Point     [3]float64 // where the pin is (mm, the scene frame), for the view to draw
	Prompt    string     // the question; "What is at this pin?" when empty
	Note      string     // shown with the feedback
}

// DefaultPinPrompt is asked when a pin's question is left empty.
const DefaultPinPrompt = "What is at this pin?"

// AddPinQuestions adds an item per pin question whose structure is in the bank, scheduled and
// counted towards mastery like the pack's other items (its structure, region and system), and
// returns how many it added. Pins on unknown structures and repeated ids are skipped.
func (b *Bank) AddPinQuestions(qs []PinQuestion) int {
	n := 0
	for i := range qs {
		q := qs[i]
		si, ok := b.byID[q.Structure]
		if !ok || q.ID == "" {
			continue
		}
		id, err := NewItemID(KindPin, q.Pack+"/"+q.Tour+"#"+q.ID)
		if err != nil {
			continue
		}
		if _, dup := b.itemIndex[id]; dup {
			continue
		}
		s := b.structures[si]
		b.itemIndex[id] = len(b.items)
		b.items = append(b.items, Item{ID: id, Structure: s.ID, Region: s.Region, System: s.System,
			Skills: skillsOf([]Structure{s}), Pin: &q})
		n++
	}
	return n
}

// askPin makes a pin item a choice among the structure and its distractors; the view frames
// the structure's surroundings and draws the pin.
func (b *Bank) askPin(q *Question, rng *rand.Rand) {
	p := q.Item.Pin
	s, ok := b.Structure(q.Item.Structure)
	if p == nil || !ok {
		return
	}
	q.Prompt = strings.TrimSpace(p.Prompt)
	if q.Prompt == "" {
		q.Prompt = DefaultPinPrompt
	}
	q.Explanation = p.Note
	q.Frame = b.findFrame(s.ID)
	q.Reveal = []string{s.ID}
	q.Choices = []Choice{{Text: s.Name, Structure: s.ID}}
	for _, id := range b.Distractors(s.ID, ChoiceCount-1, rng) {
		d, _ := b.Structure(id)
		q.Choices = append(q.Choices, Choice{Text: d.Name, Structure: id})
	}
	q.Answer = shuffleChoices(q.Choices, 0, rng)
}
