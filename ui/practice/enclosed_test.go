package practice

import (
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/render"
)

// askFind starts a session and puts on screen, as Practice asks it, the find question on the
// structure that best scores highest (false: not a candidate).
func askFind(t *testing.T, h *practiceHarness, score func(s learning.Structure) (float64, bool)) learning.Question {
	t.Helper()
	p := h.p
	h.key(fyne.KeyReturn)
	if p.run == nil {
		t.Fatal("Enter did not start a session")
	}
	b := p.run.bank
	var best learning.Item
	top := math.Inf(-1)
	for _, it := range b.Items() {
		s, _ := b.Structure(it.Structure)
		if v, ok := score(s); ok && it.Kind() == learning.KindFind && v > top {
			best, top = it, v
		}
	}
	if best.ID == "" {
		t.Fatal("no find question fits")
	}
	r := p.run
	r.q, r.done = b.Ask(best, nil), false
	p.stage(p.askStaging(r.q))
	p.question.show(r)
	h.layout()
	return r.q
}

// enclosedFind is a find question on a trabecular (spongy) bone of the imported HRA female
// pelvis, which lies wholly inside compact bone.
func enclosedFind(t *testing.T, h *practiceHarness) learning.Question {
	t.Helper()
	q := askFind(t, h, func(s learning.Structure) (float64, bool) {
		return 0, strings.Contains(strings.ToLower(s.Name), "trabecular")
	})
	if !h.p.data.enclosed[q.Target] {
		t.Errorf("%s lies inside compact bone but is not listed as enclosed", q.Target)
	}
	return q
}

// clickable finds a point of the viewer whose click answers q.
func clickable(h *practiceHarness, q learning.Question) (fyne.Position, bool) {
	pos, _, ok := h.onScreen(q.Finds)
	return pos, ok
}

// TestFindEnclosedStructure: a find question on a spongy bone inside compact bone (HRA female
// organs) can be answered: no point of the view clicks it as the model stands, but Practice
// ghosts what hides it, so a point does, and the click is judged right.
func TestFindEnclosedStructure(t *testing.T) {
	h := newPracticeHarness(t, hraContent(t))
	p := h.p
	q := enclosedFind(t, h)
	if _, ok := clickable(h, q); !ok {
		t.Fatalf("%q: no point of the view clicks the answer, with %d structures ghosted", q.Prompt, countState(p.view, render.Ghosted))
	}
	p.stage(staging{frame: q.Frame}) // as Practice staged every find question before
	h.layout()
	if _, ok := clickable(h, q); ok {
		t.Fatalf("%q: the answer can be clicked without ghosting anything, so this test shows nothing", q.Prompt)
	}
	p.stage(p.askStaging(q))
	pos, ok := clickable(h, q)
	if !ok {
		t.Fatal("staging the question again did not expose the answer")
	}
	x, y := p.viewer.Pixel(pos)
	hit, ok := p.view.Pick(x, y)
	p.picked(hit, ok)
	if !p.run.done || !p.run.results[len(p.run.results)-1].correct {
		t.Fatalf("a click on %s did not answer %q right", hit.ID, q.Prompt)
	}
	h.layout()
	if _, ok := clickable(h, q); !ok {
		t.Error("the feedback does not show the answer: no point of the view picks it")
	}
}

// TestFindFeedbackFramesAnswer: after a wrong click far away on a find question about the
// smallest structure of the HRA female organs, the feedback frames the answer so that it spans at
// least a fifth of the view (not a few pixels), tints the click in the click colour and shows the
// legend with the answer and the click.
func TestFindFeedbackFramesAnswer(t *testing.T) {
	h := newPracticeHarness(t, hraContent(t))
	p := h.p
	q := askFind(t, h, func(s learning.Structure) (float64, bool) { return -s.Radius, s.OnModel && s.Radius > 0 })
	target, _ := p.run.bank.Structure(q.Target)
	wrong, far := "", 0.0
	for _, s := range p.run.bank.Structures() {
		d := math.Hypot(math.Hypot(s.Center[0]-target.Center[0], s.Center[1]-target.Center[1]), s.Center[2]-target.Center[2])
		if s.OnModel && !q.Finds(s.ID) && d > far {
			wrong, far = s.ID, d
		}
	}
	p.picked(render.Hit{ID: wrong}, true)
	h.layout()
	if !p.run.done {
		t.Fatal("the click did not answer")
	}
	cam := p.view.Camera()
	side := float64(min(cam.Width, cam.Height))
	span := projectedSpan(p.view, q.Reveal)
	t.Logf("%s (radius %.1f mm), clicked %s %.0f mm away: the answer spans %.0f of %.0f px",
		target.Name, 1000*target.Radius, wrong, 1000*far, span, side)
	if span < side/5 {
		t.Errorf("the answer spans %.0f px of a %.0f px view, want at least a fifth", span, side)
	}
	if _, ok := clickable(h, q); !ok {
		t.Error("the feedback does not show the answer: no point of the view picks it")
	}
	if got := p.view.Tint(wrong); got != render.MeaningClick.Color() {
		t.Errorf("the wrong click is tinted %v, want the click colour %v", got, render.MeaningClick.Color())
	}
	if got := p.question.legend.Text(); got != "Answer, Your click" {
		t.Errorf("legend %q", got)
	}
}

// projectedSpan is the larger side, in pixels, of the box ids project to.
func projectedSpan(v *render.View, ids []string) float64 {
	_, pts := v.ProjectBox(v.Model().BoundsOf(ids...))
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pts {
		x0, y0, x1, y1 = min(x0, p[0]), min(y0, p[1]), max(x1, p[0]), max(y1, p[1])
	}
	return max(x1-x0, y1-y0)
}

func countState(v *render.View, st render.State) int {
	n := 0
	m := v.Model()
	for i := range m.Scene.Parts {
		if v.State(m.Scene.Parts[i].ID) == st {
			n++
		}
	}
	return n
}
