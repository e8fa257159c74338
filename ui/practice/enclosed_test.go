package practice

import (
	"image/color"
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/render"
	"github.com/osteon/osteon/ui/kit"
	"github.com/osteon/osteon/ui/kit/kittest"
)

// askFind starts a session and puts on screen, as Practice asks it, the find question on the
// structure that best scores highest (false: not a candidate).
func askFind(t *testing.T, h *practiceHarness, score func(s learning.Structure) (float64, bool)) learning.Question {
	t.Helper()
	return askKind(t, h, learning.KindFind, score)
}

// askKind is askFind for questions of kind.
func askKind(t *testing.T, h *practiceHarness, kind learning.ItemKind, score func(s learning.Structure) (float64, bool)) learning.Question {
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
		if v, ok := score(s); ok && it.Kind() == kind && v > top {
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
// least an eighth of the view (not a few pixels), tints the click in the click colour and shows the
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
	if span < side/8 {
		t.Errorf("the answer spans %.0f px of a %.0f px view, want at least an eighth", span, side)
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
	shown := visibleFills(p.screen)
	for _, m := range []render.Meaning{render.MeaningAnswer, render.MeaningClick} {
		if !shown[kit.MeaningColor(m)] {
			t.Errorf("no swatch in the colour of %q on screen beside the tinted model", m.Label())
		}
	}
	if shown[kit.MeaningColor(render.MeaningContext)] || shown[kit.MeaningColor(render.MeaningAvoid)] {
		t.Error("the legend explains colours the model does not show")
	}
}

// visibleFills are the fill colours of the rectangles o shows (a legend's swatches among them).
func visibleFills(o fyne.CanvasObject) map[color.NRGBA]bool {
	out := map[color.NRGBA]bool{}
	kittest.Walk(o, true, func(o fyne.CanvasObject) bool {
		if r, ok := o.(*canvas.Rectangle); ok {
			if c, ok := r.FillColor.(color.NRGBA); ok {
				out[c] = true
			}
		}
		return true
	})
	return out
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

// TestLandmarkIsNotTheAnswersColour: an MCQ that lights a landmark beside what it asks about
// draws the landmark in the landmark colour, not the answer's green, and says so in the legend;
// its feedback lights the answer green and keeps the landmark in its own colour.
func TestLandmarkIsNotTheAnswersColour(t *testing.T) {
	h := newPracticeHarness(t, kittest.Pack(t, kittest.Arm, false))
	p := h.p
	p.view.SetModel(h.sh.Content().Model)
	b := learning.NewBank(nil, []learning.MCQ{{Pack: "p", ID: "q", Prompt: "Which bone lies beside the landmark?",
		Choices: []string{"Ulna", "Radius"}, Structures: []string{"T:ulna", "T:humerus"}, Highlight: []string{"T:humerus"}}})
	h.key(fyne.KeyReturn)
	r := p.run
	r.q, r.done = b.Ask(b.Items()[0], nil), false
	r.q.Frame, r.q.Reveal, r.q.Context = []string{"T:ulna", "T:humerus"}, []string{"T:ulna"}, []string{"T:humerus"}
	p.stage(p.askStaging(r.q))
	p.question.show(r)
	if st, c := p.view.State("T:humerus"), p.view.Tint("T:humerus"); st == render.Highlighted || c != render.MeaningContext.Color() {
		t.Errorf("while asking, the landmark is %v tinted %v, want the landmark colour", st, c)
	}
	if got := p.question.legend.Text(); got != "Landmark" {
		t.Errorf("legend while asking %q", got)
	}
	p.answer(learning.Answer{Choice: r.q.Answer})
	if st, c := p.view.State("T:humerus"), p.view.Tint("T:humerus"); st == render.Highlighted || c != render.MeaningContext.Color() {
		t.Errorf("in the feedback, the landmark is %v tinted %v", st, c)
	}
	if p.view.State("T:ulna") != render.Highlighted {
		t.Error("the answer is not lit")
	}
	if got := p.question.legend.Text(); got != "Answer, Landmark" {
		t.Errorf("legend in the feedback %q", got)
	}
}

// TestNameQuestionShowsTheStructureInItsPlace: asked to name the smallest structure of the HRA
// female organs, the camera comes close enough that it is not a few pixels wide (a twelfth of the
// view or more) yet not so close that nothing around it shows (under half the view).
func TestNameQuestionShowsTheStructureInItsPlace(t *testing.T) {
	h := newPracticeHarness(t, hraContent(t))
	p := h.p
	q := askKind(t, h, learning.KindNameChoice, func(s learning.Structure) (float64, bool) { return -s.Radius, s.OnModel && s.Radius > 0 })
	cam := p.view.Camera()
	side := float64(min(cam.Width, cam.Height))
	span := projectedSpan(p.view, q.Highlight)
	t.Logf("%s: spans %.0f of %.0f px", q.Target, span, side)
	if span < side/12 || span > side/2 {
		t.Errorf("the structure to name spans %.0f px of a %.0f px view, want a twelfth to a half", span, side)
	}
}
