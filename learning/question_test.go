package learning

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestAskFind(t *testing.T) {
	b := handBank()
	it, _ := b.Item("find:FMA24435")
	q := b.Ask(it, nil)
	want := Question{Item: it, Prompt: "Find the right scaphoid", Answer: -1, Target: "FMA24435",
		Frame:  []string{"FMA24435", "FMA24437", "FMA24439", "FMA24443", "FMA24445"},
		Reveal: []string{"FMA24435"}}
	if diff := cmp.Diff(want, q); diff != "" {
		t.Errorf("find question (-want +got):\n%s", diff)
	}
}

func TestAskNameChoice(t *testing.T) {
	b := handBank()
	it, _ := b.Item("name-choice:FMA24435")
	q := b.Ask(it, nil)
	want := Question{Item: it, Prompt: "Which structure is highlighted?", Target: "FMA24435", Answer: 0,
		Choices: []Choice{{"Right scaphoid", "FMA24435"}, {"Right lunate", "FMA24437"},
			{"Right trapezium", "FMA24443"}, {"Right trapezoid", "FMA24445"}},
		Frame:     []string{"FMA24435", "FMA24437", "FMA24439", "FMA24443", "FMA24445"},
		Highlight: []string{"FMA24435"}, Reveal: []string{"FMA24435"}}
	if diff := cmp.Diff(want, q); diff != "" {
		t.Errorf("name-choice question (-want +got):\n%s", diff)
	}
	rng := rand.New(rand.NewPCG(1, 1))
	where := map[int]int{}
	for range 400 {
		q := b.Ask(it, rng)
		if !q.IsRight(q.Answer) || q.Choices[q.Answer].Structure != "FMA24435" || len(q.Choices) != 4 {
			t.Fatalf("shuffled question lost its answer: %+v", q)
		}
		where[q.Answer]++
	}
	for i := range 4 {
		if where[i] < 50 {
			t.Errorf("answer at position %d only %d times in 400: %v", i, where[i], where)
		}
	}
}

func TestAskTyped(t *testing.T) {
	b := handBank()
	it, _ := b.Item("name-typed:FMA23130")
	q := b.Ask(it, nil)
	if q.Prompt != "Type the name of the highlighted structure (it is on the right)" || !q.SideGiven || q.Choices != nil {
		t.Errorf("typed question %+v", q)
	}
	nb := NewBank([]Structure{{ID: "m", Name: "Sternum", Side: "midline", OnModel: true}}, nil)
	it, _ = nb.Item("name-typed:m")
	if q := nb.Ask(it, nil); q.SideGiven || q.Prompt != "Type the name of the highlighted structure" {
		t.Errorf("midline typed question %+v", q)
	}
}

func TestAskMCQ(t *testing.T) {
	m := MCQ{Pack: "p", ID: "q", Prompt: "Which nerve?", Choices: []string{"Ulnar", "Median", "Radial", "All of the above"},
		Answer: 0, Structures: []string{"osteon:ulnar-nerve", "nowhere"}, Highlight: []string{"FMA23130"},
		Explanation: "Behind the medial epicondyle."}
	fixed := m
	fixed.ID, fixed.FixedOrder, fixed.Answer = "fixed", true, 3
	b := NewBank(handFixture(), []MCQ{m, fixed})
	it, _ := b.Item("mcq:p/q")
	q := b.Ask(it, rand.New(rand.NewPCG(3, 3)))
	if q.Choices[q.Answer].Text != "Ulnar" || q.Target != "" || q.Explanation != m.Explanation {
		t.Errorf("mcq %+v", q)
	}
	if diff := cmp.Diff([]string{"osteon:ulnar-nerve"}, q.Frame); diff != "" {
		t.Errorf("frame keeps known structures only: %s", diff)
	}
	if diff := cmp.Diff([]string{"FMA23130"}, q.Context); diff != "" || len(q.Highlight) != 0 {
		t.Errorf("the highlight beside the nerve is a landmark, not lit as the answer: highlight %v, %s", q.Highlight, diff)
	}
	it, _ = b.Item("mcq:p/fixed")
	for range 20 {
		q := b.Ask(it, rand.New(rand.NewPCG(3, 3)))
		if q.Answer != 3 || q.Choices[3].Text != "All of the above" {
			t.Fatalf("fixed order moved: %+v", q)
		}
	}
}

// TestAskMCQLandmarkIsContext: an MCQ's highlight beside the structures it is about is a
// landmark (Context, not lit as the answer), and the feedback reveals the others; a highlight
// that is all the MCQ is about stays lit.
func TestAskMCQLandmarkIsContext(t *testing.T) {
	m := MCQ{Pack: "p", ID: "q", Prompt: "Which nerve passes behind the medial epicondyle?", Choices: []string{"Ulnar", "Median"},
		Structures: []string{"osteon:ulnar-nerve", "FMA23130"}, Highlight: []string{"FMA23130"}}
	only := m
	only.ID, only.Structures = "only", []string{"FMA23130"}
	b := NewBank(handFixture(), []MCQ{m, only})
	it, _ := b.Item("mcq:p/q")
	q := b.Ask(it, nil)
	if len(q.Highlight) != 0 || !slices.Equal(q.Context, []string{"FMA23130"}) || !slices.Equal(q.Reveal, []string{"osteon:ulnar-nerve"}) {
		t.Errorf("landmark MCQ: highlight %v, context %v, reveal %v", q.Highlight, q.Context, q.Reveal)
	}
	it, _ = b.Item("mcq:p/only")
	q = b.Ask(it, nil)
	if !slices.Equal(q.Highlight, []string{"FMA23130"}) || len(q.Context) != 0 || !slices.Equal(q.Reveal, []string{"FMA23130"}) {
		t.Errorf("subject MCQ: highlight %v, context %v, reveal %v", q.Highlight, q.Context, q.Reveal)
	}
}

func TestNamesForFeedback(t *testing.T) {
	b := handBank()
	want := []string{"Right humerus", "Humerus", "arm bone", "Humérus droit"}
	if diff := cmp.Diff(want, b.Names("FMA23130")); diff != "" {
		t.Errorf("names (-want +got):\n%s", diff)
	}
	if b.Names("nowhere") != nil {
		t.Error("names of an unknown structure")
	}
}

func TestLowerFirst(t *testing.T) {
	for in, want := range map[string]string{"Right humerus": "right humerus", "ACL": "ACL", "": "", "É": "é"} {
		if got := lowerFirst(in); got != want {
			t.Errorf("lowerFirst(%q) = %q", in, got)
		}
	}
}
