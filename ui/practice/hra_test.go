package practice

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/content/contenttest"
	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/render"
	"github.com/osteon/osteon/ui/kit"
)

// hraContent imports the shared HRA female organs as one pack and loads it.
func hraContent(t *testing.T) kit.Content {
	t.Helper()
	dir := contenttest.HRAFemale(t)
	files, err := content.GLTFFiles([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "hra")
	ctx := context.Background()
	if _, err := content.ImportGLTFSet(ctx, files, content.ImportOptions{Out: out, ID: "hra-female", License: "CC-BY-4.0", Attribution: "HRA v1.2"}); err != nil {
		t.Fatal(err)
	}
	p, err := content.OpenPackPath(out)
	if err != nil {
		t.Fatal(err)
	}
	s, err := content.LoadPackScene(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	return kit.Content{Pack: p, Scene: s, Model: render.NewModel(s)}
}

// answerable fails unless q can be answered right and only right: a find question accepts every
// structure on the model that reads like its target; a choice question has no two choices that
// read alike and no distractor that is an instance of the answer.
func answerable(t *testing.T, b *learning.Bank, q learning.Question) {
	t.Helper()
	target, _ := b.Structure(q.Target)
	switch q.Item.Kind() {
	case learning.KindFind:
		for _, s := range b.Structures() {
			if s.OnModel && learning.NormalizeName(s.Name) == learning.NormalizeName(target.Name) && !q.Finds(s.ID) {
				t.Errorf("%q: a click on %s (%q), which reads the same, would be judged wrong", q.Prompt, s.ID, s.Name)
			}
		}
	case learning.KindNameChoice:
		seen := map[string]bool{}
		for _, c := range q.Choices {
			n := learning.NormalizeName(c.Text)
			if seen[n] {
				t.Errorf("%s: two choices read %q", q.Item.ID, c.Text)
			}
			seen[n] = true
			if c.Structure != q.Target && contains(b.Instances(q.Target), c.Structure) {
				t.Errorf("%s: the distractor %s is an instance of the answer", q.Item.ID, c.Structure)
			}
		}
	}
}

// TestPracticeHRAOnlyAnswerable: every question the imported HRA female organs give is
// answerable, and a Practice session on them (Fyne test driver) answers each question right,
// a find question by clicking another instance of the concept where there is one.
func TestPracticeHRAOnlyAnswerable(t *testing.T) {
	c := hraContent(t)
	h := newPracticeHarness(t, c)
	p := h.p
	h.key(fyne.KeyReturn)
	if p.run == nil {
		t.Fatal("Enter did not start a session")
	}
	b := p.run.bank
	for _, it := range b.Items() {
		answerable(t, b, b.Ask(it, nil))
	}
	h.layout()
	asked, other := 0, 0
	for ; p.run != nil && !p.run.summary; asked++ {
		if asked > 40 {
			t.Fatal("the session does not end")
		}
		q := p.run.q
		answerable(t, b, q)
		h.tick(4 * time.Second)
		if q.Item.Kind() == learning.KindFind && len(q.Reveal) > 1 {
			p.picked(renderHit(q.Reveal[len(q.Reveal)-1]), true) // another renal pyramid answers too
			other++
			h.expect(true, "")
		} else {
			h.answerRight(q)
		}
		h.tick(3 * time.Second)
		h.key(fyne.KeyReturn)
	}
	if asked < 10 {
		t.Errorf("%d questions asked", asked)
	}
	t.Logf("%d questions, %d found by another instance of their concept", asked, other)
}

// TestPracticeJudgesFindByConcept: Practice's judge takes a click on any left renal pyramid as
// the answer to "Find the left renal pyramid", and a right one as wrong.
func TestPracticeJudgesFindByConcept(t *testing.T) {
	h := newPracticeHarness(t, hraContent(t))
	h.key(fyne.KeyReturn)
	b := h.p.run.bank
	var q learning.Question
	for _, it := range b.Items() {
		if s, _ := b.Structure(it.Structure); it.Kind() == learning.KindFind && s.Name == "Left renal pyramid" {
			q = b.Ask(it, nil)
		}
	}
	if len(q.Reveal) != 11 || q.Prompt != "Find the left renal pyramid" {
		t.Fatalf("question %q with %d instances", q.Prompt, len(q.Reveal))
	}
	for _, id := range q.Reveal {
		if ok, _ := b.Judge(q, learning.Answer{Choice: -1, Picked: id}); !ok {
			t.Errorf("a click on %s is judged wrong", id)
		}
	}
	if ok, _ := b.Judge(q, learning.Answer{Choice: -1, Picked: "VH_F_renal_pyramid_R_a"}); ok {
		t.Error("a click on a right renal pyramid is judged right")
	}
}
