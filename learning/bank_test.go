package learning

import (
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func itemIDs(b *Bank) []ItemID {
	var out []ItemID
	for _, it := range b.Items() {
		out = append(out, it.ID)
	}
	return out
}

func TestNewBankItems(t *testing.T) {
	on := func(id, name string) Structure {
		return Structure{ID: id, Name: name, System: "skeletal", Region: "arm", OnModel: true}
	}
	mcq := MCQ{Pack: "p", ID: "q1", Prompt: "Which?", Choices: []string{"A", "B"}, Answer: 1,
		Structures: []string{"A1", "nowhere"}}
	tests := []struct {
		name       string
		structures []Structure
		mcqs       []MCQ
		want       []ItemID
	}{
		{name: "no structures", want: nil},
		{name: "one structure: only typing (nothing to choose among or click beside)",
			structures: []Structure{on("A1", "Radius")}, want: []ItemID{"name-typed:A1"}},
		{name: "two structures: every kind",
			structures: []Structure{on("A1", "Radius"), on("A2", "Ulna")},
			want:       []ItemID{"find:A1", "name-choice:A1", "name-typed:A1", "find:A2", "name-choice:A2", "name-typed:A2"}},
		{name: "a left/right pair only: no choosing between twins",
			structures: []Structure{on("L", "Left humerus"), on("R", "Right humerus")},
			want:       []ItemID{"find:L", "name-typed:L", "find:R", "name-typed:R"}},
		{name: "a structure without a mesh gets no model questions",
			structures: []Structure{on("A1", "Radius"), {ID: "G", Name: "Forearm bones"}},
			want:       []ItemID{"name-typed:A1"}},
		{name: "repeated and empty ids are skipped",
			structures: []Structure{on("A1", "Radius"), on("A1", "Again"), on("", "Nameless id"), on("A 2", "Space")},
			want:       []ItemID{"name-typed:A1"}},
		{name: "unnamed structure: find and choice, no typing",
			structures: []Structure{on("A1", ""), on("A2", "Ulna")},
			want:       []ItemID{"find:A1", "name-choice:A1", "find:A2", "name-typed:A2"}},
		{name: "MCQs follow; bad ones are dropped",
			structures: []Structure{on("A1", "Radius")},
			mcqs: []MCQ{mcq, {Pack: "p", ID: "bad-answer", Prompt: "?", Choices: []string{"A", "B"}, Answer: 2},
				{Pack: "p", ID: "one-choice", Prompt: "?", Choices: []string{"A"}},
				{Pack: "p", ID: "no prompt", Prompt: " ", Choices: []string{"A", "B"}}, mcq},
			want: []ItemID{"name-typed:A1", "mcq:p/q1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := NewBank(tt.structures, tt.mcqs)
			if diff := cmp.Diff(tt.want, itemIDs(b)); diff != "" {
				t.Errorf("items (-want +got):\n%s", diff)
			}
		})
	}
}

func TestItemSkillsAndLookup(t *testing.T) {
	b := NewBank([]Structure{
		{ID: "A1", Name: "Radius", System: "Skeletal", Region: "upper limb/forearm", OnModel: true},
		{ID: "A2", Name: "Ulna", System: "skeletal", Region: "upper limb/forearm", OnModel: true},
	}, []MCQ{{Pack: "p", ID: "q", Prompt: "?", Choices: []string{"x", "y"}, Structures: []string{"A2", "A1"}}})
	it, ok := b.Item("find:A1")
	if !ok {
		t.Fatal("no find:A1")
	}
	want := []SkillID{"structure:A1", "region:upper-limb/forearm", "system:skeletal"}
	if diff := cmp.Diff(want, it.Skills); diff != "" {
		t.Errorf("skills (-want +got):\n%s", diff)
	}
	m, _ := b.Item("mcq:p/q")
	want = []SkillID{"structure:A2", "structure:A1", "region:upper-limb/forearm", "system:skeletal"}
	if diff := cmp.Diff(want, m.Skills); diff != "" {
		t.Errorf("mcq skills (-want +got):\n%s", diff)
	}
	if m.Structure != "A2" || m.Kind() != KindMCQ {
		t.Errorf("mcq item %+v", m)
	}
	for _, sk := range append(it.Skills, m.Skills...) {
		if _, err := ParseSkillID(string(sk)); err != nil {
			t.Errorf("skill %q: %v", sk, err)
		}
	}
	if _, ok := b.Item("find:nowhere"); ok {
		t.Error("found an item that does not exist")
	}
	if diff := cmp.Diff([]string{"upper limb/forearm"}, b.Regions()); diff != "" {
		t.Errorf("regions: %s", diff)
	}
	if diff := cmp.Diff([]string{"Skeletal", "skeletal"}, b.Systems()); diff != "" {
		t.Errorf("systems: %s", diff)
	}
}

func TestHandBankCounts(t *testing.T) {
	b := handBank()
	// 12 structures on the model; skin and the group are not.
	if got, want := b.String(), "14 structures; 12 find, 12 name-choice, 12 name-typed, 0 mcq"; got != want {
		t.Errorf("bank %q, want %q", got, want)
	}
}

func TestDistractorsAreConfusableNeighbours(t *testing.T) {
	b := handBank()
	got := b.Distractors("FMA24435", 3, nil)             // right scaphoid
	want := []string{"FMA24437", "FMA24443", "FMA24445"} // lunate, trapezium, trapezoid
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("distractors for the right scaphoid (-want +got):\n%s", diff)
	}
	// The nerve's nearest are bones, but an artery (another cord) beats the ulna, which is as
	// near.
	got = b.Distractors("osteon:ulnar-nerve", 2, nil)
	want = []string{"FMA23130", "osteon:radial-artery"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("distractors for the ulnar nerve (-want +got):\n%s", diff)
	}
}

// TestDistractorsNeverRepeat draws many times for every structure: never the answer, never its
// twin or anything else on the other side, never a name twice, always as many as asked when there
// are enough.
func TestDistractorsNeverRepeat(t *testing.T) {
	b := handBank()
	rng := rand.New(rand.NewPCG(7, 7))
	for _, s := range b.Structures() {
		if !s.OnModel {
			continue
		}
		want := min(3, len(b.candidates(b.byID[s.ID])))
		for range 200 {
			ds := b.Distractors(s.ID, 3, rng)
			if len(ds) != want {
				t.Fatalf("%s: %d distractors, want %d", s.ID, len(ds), want)
			}
			names := map[string]bool{NormalizeName(s.Name): true}
			for _, d := range ds {
				st, _ := b.Structure(d)
				n := NormalizeName(st.Name)
				if names[n] || d == s.ID || WithoutSide(st.Name) == WithoutSide(s.Name) || !st.OnModel || !sameSide(st.Side, s.Side) {
					t.Fatalf("%s: distractors %v repeat a name, hold the answer or its twin, or are off the model", s.ID, ds)
				}
				names[n] = true
			}
		}
	}
}

func TestDistractorsWithFewStructures(t *testing.T) {
	two := NewBank([]Structure{{ID: "a", Name: "Radius", OnModel: true}, {ID: "b", Name: "Ulna", OnModel: true}}, nil)
	if got := two.Distractors("a", 3, nil); !cmp.Equal(got, []string{"b"}) {
		t.Errorf("two structures: %v", got)
	}
	sameName := NewBank([]Structure{{ID: "a", Name: "Radius", OnModel: true}, {ID: "b", Name: "RADIUS", OnModel: true}}, nil)
	if got := sameName.Distractors("a", 3, nil); len(got) != 0 {
		t.Errorf("a structure named like the answer was offered: %v", got)
	}
	if got := two.Distractors("nowhere", 3, nil); got != nil {
		t.Errorf("unknown structure: %v", got)
	}
	if got := NewBank(nil, nil).Neighbours("a", 3); got != nil {
		t.Errorf("empty bank neighbours: %v", got)
	}
}

func TestNeighboursAndFindFrame(t *testing.T) {
	b := handBank()
	if diff := cmp.Diff([]string{"FMA24437", "FMA24443"}, b.Neighbours("FMA24435", 2)); diff != "" {
		t.Errorf("neighbours of the right scaphoid: %s", diff)
	}
	// The wrist has five bones on the right: the whole region on that side is framed (not the
	// left scaphoid, far away), not the target alone.
	want := []string{"FMA24435", "FMA24437", "FMA24439", "FMA24443", "FMA24445"}
	if diff := cmp.Diff(want, b.findFrame("FMA24435")); diff != "" {
		t.Errorf("find frame (-want +got):\n%s", diff)
	}
	// The arm region has three structures on the model: too few, so the nearest eight join.
	if got := b.findFrame("FMA23130"); len(got) != 9 || got[0] != "FMA23130" {
		t.Errorf("arm frame %v", got)
	}
}

// TestUnfindableHasNoFindQuestion: a structure that cannot be clicked even
// with its occluders ghosted gets no Find question, but can still be named.
func TestUnfindableHasNoFindQuestion(t *testing.T) {
	ss := handFixture()
	for i := range ss {
		if ss[i].ID == "FMA24437" { // the lunate, say, inside another bone
			ss[i].Unfindable = true
		}
	}
	b := NewBank(ss, nil)
	if _, ok := b.Item("find:FMA24437"); ok {
		t.Error("a Find question about an unfindable structure")
	}
	if _, ok := b.Item("name-choice:FMA24437"); !ok {
		t.Error("no name question about it")
	}
	if _, ok := b.Item("find:FMA24435"); !ok {
		t.Error("the scaphoid lost its Find question")
	}
}
