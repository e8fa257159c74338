package learning

import (
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// kidneyFixture: eleven-like repeated meshes of one concept per side, as the HRA kidneys come.
func kidneyFixture() []Structure {
	at := func(x float64) [3]float64 { return [3]float64{x, 0, 0} }
	var ss []Structure
	for i, id := range []string{"pyr_L_a", "pyr_L_b", "pyr_L_c"} {
		ss = append(ss, Structure{ID: id, Name: "Left renal pyramid", Concept: "UBERON:0004200-left", Side: "left",
			System: "urinary", OnModel: true, Center: at(10 + float64(i)), Radius: 1})
	}
	for i, id := range []string{"pyr_R_a", "pyr_R_b"} {
		ss = append(ss, Structure{ID: id, Name: "Right renal pyramid", Concept: "UBERON:0004200-right", Side: "right",
			System: "urinary", OnModel: true, Center: at(-10 - float64(i)), Radius: 1})
	}
	return append(ss,
		Structure{ID: "cap_L", Name: "Left kidney capsule", Side: "left", System: "urinary", OnModel: true, Center: at(12), Radius: 3},
		Structure{ID: "col_L", Name: "Left renal column", Side: "left", System: "urinary", OnModel: true, Center: at(11), Radius: 2},
		Structure{ID: "hil_L", Name: "Left hilum of kidney", Side: "left", System: "urinary", OnModel: true, Center: at(9), Radius: 1},
		Structure{ID: "cor_L", Name: "Left outer cortex of kidney", Side: "left", System: "urinary", OnModel: true, Center: at(13), Radius: 3},
		// Two meshes that read alike though the pack gives no concept: one concept all the same.
		Structure{ID: "fund_a", Name: "Fundus of urinary bladder", System: "urinary", OnModel: true, Center: at(0), Radius: 1},
		Structure{ID: "fund_b", Name: "Fundus of urinary bladder", System: "urinary", OnModel: true, Center: at(0.5), Radius: 1},
		Structure{ID: "group", Name: "Left renal medulla", Side: "left", System: "urinary"},
	)
}

func TestConceptItems(t *testing.T) {
	b := NewBank(kidneyFixture(), nil)
	var finds []string
	for _, it := range b.Items() {
		if it.Kind() == KindFind {
			finds = append(finds, it.Structure)
		}
	}
	want := []string{"pyr_L_a", "pyr_R_a", "cap_L", "col_L", "hil_L", "cor_L", "fund_a"}
	if diff := cmp.Diff(want, finds); diff != "" {
		t.Errorf("one find item per concept (-want +got):\n%s", diff)
	}
	it, _ := b.Item("find:pyr_L_a")
	q := b.Ask(it, nil)
	if q.Prompt != "Find the left renal pyramid" {
		t.Errorf("prompt %q", q.Prompt)
	}
	for id, want := range map[string]bool{"pyr_L_a": true, "pyr_L_c": true, "pyr_R_a": false, "cap_L": false, "": false} {
		if q.Finds(id) != want {
			t.Errorf("a click on %q answers %v, want %v", id, q.Finds(id), want)
		}
	}
	if diff := cmp.Diff([]string{"pyr_L_a", "pyr_L_b", "pyr_L_c"}, q.Reveal); diff != "" {
		t.Errorf("reveal (-want +got):\n%s", diff)
	}
	fit, _ := b.Item("find:fund_a")
	if fq := b.Ask(fit, nil); !fq.Finds("fund_b") {
		t.Error("two meshes named alike: a click on the other does not answer")
	}
}

// TestConceptChoicesAnswerable: no name-choice question offers a distractor that reads like its
// answer or shows the same concept, however the choices are drawn.
func TestConceptChoicesAnswerable(t *testing.T) {
	b := NewBank(kidneyFixture(), nil)
	rng := rand.New(rand.NewPCG(3, 4))
	for _, it := range b.Items() {
		if it.Kind() != KindNameChoice {
			continue
		}
		for range 50 {
			q := b.Ask(it, rng)
			seen := map[string]bool{}
			answer := b.Instances(q.Target)
			for _, c := range q.Choices {
				n := NormalizeName(c.Text)
				if seen[n] {
					t.Fatalf("%s: two choices read %q", it.ID, c.Text)
				}
				seen[n] = true
				if c.Structure != q.Target && cmp.Equal(b.Instances(c.Structure), answer) {
					t.Fatalf("%s: distractor %s is an instance of the answer", it.ID, c.Structure)
				}
			}
		}
	}
}
