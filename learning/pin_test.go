package learning

import (
	"math/rand/v2"
	"testing"
	"time"
)

// TestPinQuestionsJoinPractice adds a tour's pin questions to the bank: the one on an unknown
// structure is skipped, the other is scheduled like any item (asked when due, first among due
// items when most overdue), asked as a choice with the pin's structure as the answer, and
// counts towards that structure's skill.
func TestPinQuestionsJoinPractice(t *testing.T) {
	b := handBank()
	before := len(b.Items())
	n := b.AddPinQuestions([]PinQuestion{
		{Pack: "demo", Tour: "arm", ID: "p1", Structure: "FMA24435", Point: [3]float64{1, 2, 3}, Note: "A note"},
		{Pack: "demo", Tour: "arm", ID: "p2", Structure: "gone"},
		{Pack: "demo", Tour: "arm", ID: "p1", Structure: "FMA24435"}, // repeated
	})
	if n != 1 || len(b.Items()) != before+1 {
		t.Fatalf("added %d pin items (bank %d -> %d), want 1", n, before, len(b.Items()))
	}
	id := ItemID("pin:demo/arm#p1")
	it, ok := b.Item(id)
	if !ok || it.Kind() != KindPin || it.Structure != "FMA24435" {
		t.Fatalf("item %+v %v", it, ok)
	}
	st := LearnerState{Cards: map[ItemID]Card{
		"find:FMA24435": reviewCard(t0.Add(-time.Hour)),
		id:              reviewCard(t0.Add(-48 * time.Hour)),
	}}
	s := NewSession(b.Items(), st, SessionOptions{Scope: Scope{Kind: ScopeDue}, Length: 5}, t0)
	first, ok := s.Next(t0)
	if !ok || first.ID != id {
		t.Fatalf("first due item %v, want the more overdue pin question", first.ID)
	}
	q := b.Ask(first, rand.New(rand.NewPCG(1, 2)))
	if q.Prompt != DefaultPinPrompt || q.Answer < 0 || q.Choices[q.Answer].Structure != "FMA24435" || len(q.Choices) < 2 || q.Explanation != "A note" {
		t.Fatalf("question %+v", q)
	}
	if !hasSkill(first.Skills, StructureSkill("FMA24435")) {
		t.Fatalf("skills %v lack the structure's", first.Skills)
	}
}

func hasSkill(ss []SkillID, want SkillID) bool {
	for _, s := range ss {
		if s == want {
			return true
		}
	}
	return false
}
