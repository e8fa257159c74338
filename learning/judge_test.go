package learning

import (
	"testing"
	"time"
)

func TestJudge(t *testing.T) {
	b := handBank()
	ask := func(kind ItemKind) Question {
		return b.Ask(Item{ID: ItemID(string(kind) + ":FMA24437"), Structure: "FMA24437"}, nil)
	}
	choice := ask(KindNameChoice)
	wrongChoice := (choice.Answer + 1) % len(choice.Choices)
	tests := []struct {
		name    string
		q       Question
		a       Answer
		resp    time.Duration
		correct bool
		grade   Grade
	}{
		{"find: the target clicked, fast", ask(KindFind), Answer{Picked: "FMA24437", Choice: -1}, 2 * time.Second, true, Easy},
		{"find: a neighbour clicked", ask(KindFind), Answer{Picked: "FMA24435", Choice: -1}, 2 * time.Second, false, Again},
		{"find: nothing clicked", ask(KindFind), Answer{Choice: -1}, 2 * time.Second, false, Again},
		{"find: gave up", ask(KindFind), Answer{GaveUp: true, Choice: -1}, time.Second, false, Again},
		{"typed: Latin name, slow", ask(KindNameTyped), Answer{Typed: "os lunatum", Choice: -1}, 25 * time.Second, true, Hard},
		{"typed: wrong bone", ask(KindNameTyped), Answer{Typed: "scaphoid", Choice: -1}, 5 * time.Second, false, Again},
		{"choice: the right one", choice, Answer{Choice: choice.Answer}, 5 * time.Second, true, Good},
		{"choice: another one", choice, Answer{Choice: wrongChoice}, 5 * time.Second, false, Again},
		{"choice: none", choice, Answer{Choice: -1}, 5 * time.Second, false, Again},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j := b.Judge(tt.q, tt.a, tt.resp)
			if j.Correct != tt.correct || j.Grade != tt.grade {
				t.Errorf("Judge = %+v; want correct %v, grade %v", j, tt.correct, tt.grade)
			}
			if want := GradeItem(tt.q.Item.Kind(), j.Correct, tt.resp); j.Grade != want {
				t.Errorf("grade %v differs from GradeItem's %v", j.Grade, want)
			}
		})
	}
}
