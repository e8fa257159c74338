package learning

import (
	"math/rand/v2"
	"testing"
)

func TestJudgeEveryKind(t *testing.T) {
	b := NewBank([]Structure{
		{ID: "A1", Name: "Radius", Latin: "Radius", System: "skeletal", Region: "forearm", OnModel: true},
		{ID: "A2", Name: "Ulna", System: "skeletal", Region: "forearm", OnModel: true},
		{ID: "A3", Name: "Humerus", System: "skeletal", Region: "arm", OnModel: true},
	}, []MCQ{{Pack: "p", ID: "q", Prompt: "Which?", Choices: []string{"Ulna", "Radius"}, Answer: 1, Structures: []string{"A1"}}})
	ask := func(id ItemID) Question {
		it, ok := b.Item(id)
		if !ok {
			t.Fatalf("no item %s", id)
		}
		return b.Ask(it, rand.New(rand.NewPCG(1, 2)))
	}
	find, typed, mcq, choice := ask("find:A1"), ask("name-typed:A1"), ask("mcq:p/q"), ask("name-choice:A1")
	for _, c := range []struct {
		name string
		q    Question
		a    Answer
		want bool
	}{
		{"find, right structure", find, Answer{Picked: "A1", Choice: -1}, true},
		{"find, other structure", find, Answer{Picked: "A2", Choice: -1}, false},
		{"find, nothing clicked", find, Answer{Choice: -1}, false},
		{"typed, with a slip", typed, Answer{Typed: "radisu", Choice: -1}, true},
		{"typed, another bone", typed, Answer{Typed: "ulna", Choice: -1}, false},
		{"mcq, the answer", mcq, Answer{Choice: mcq.Answer}, true},
		{"mcq, another choice", mcq, Answer{Choice: (mcq.Answer + 1) % len(mcq.Choices)}, false},
		{"mcq, no choice", mcq, Answer{Choice: -1}, false},
		{"name choice, the answer", choice, Answer{Choice: choice.Answer}, true},
		{"I don't know, even with the right pick", find, Answer{Picked: "A1", GaveUp: true}, false},
	} {
		got, v := b.Judge(c.q, c.a)
		if got != c.want {
			t.Errorf("%s: right %v, want %v", c.name, got, c.want)
		}
		if c.q.Item.Kind() == KindNameTyped && v.Correct != got {
			t.Errorf("%s: verdict %+v disagrees with %v", c.name, v, got)
		}
	}
}
