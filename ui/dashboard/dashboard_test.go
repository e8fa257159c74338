package dashboard

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/progress"
	"github.com/osteon/osteon/ui/kit"
	"github.com/osteon/osteon/ui/kit/kittest"
)

// newProgressTest shows the Progress screen alone in the window for a signed-in learner.
func newProgressTest(t *testing.T) (*progressScreen, *progress.Store, progress.Learner) {
	t.Helper()
	sh := newProgressTestShell(t)
	st, l := sh.OpenStore()
	sh.SetLearner(&l)
	p := newProgressScreen(sh, kit.InPlace())
	sh.Mount(p)
	return p, st, l
}

// newProgressTestShell is a test shell on the BodyParts3D pack.
func newProgressTestShell(t *testing.T) *kittest.Shell {
	sh := kittest.New(t)
	sh.SetContent(kittest.BP3D(t))
	return sh
}

// answer records n answers to "find" a structure, as Practice does, with its skills.
func answer(t *testing.T, st *progress.Store, l progress.LearnerID, part *content.Part, correct bool, n int) {
	t.Helper()
	skills := []learning.SkillID{structureSkill(part.ID),
		learning.SkillID("region:" + part.Region), learning.SkillID("system:" + part.System)}
	for range n {
		if _, err := st.RecordAttempt(context.Background(), progress.AttemptInput{Learner: l,
			Item: learning.ItemID("find:" + part.ID), Correct: correct, Response: 2 * time.Second, Skills: skills}); err != nil {
			t.Fatal(err)
		}
	}
}

func partNamed(t *testing.T, sh Shell, name string) *content.Part {
	t.Helper()
	s := sh.Content().Scene
	for i := range s.Parts {
		if s.Parts[i].Name == name {
			return &s.Parts[i]
		}
	}
	t.Fatalf("no %q", name)
	return nil
}

func TestProgressEmptyForNewLearner(t *testing.T) {
	p, _, _ := newProgressTest(t)
	page := kittest.Text(p.root)
	if !strings.Contains(page, "Your progress starts here") || strings.Contains(page, "points") {
		t.Errorf("a new learner sees:\n%s", page)
	}
	for _, part := range p.sh.Content().Scene.Parts {
		if got := p.view.Tint(part.ID); got != noEvidence {
			t.Fatalf("%s tinted %v with no answers, want neutral grey", part.Name, got)
		}
	}
	if !strings.Contains(page, "Grey: not practised yet") {
		t.Errorf("the legend does not explain grey:\n%s", page)
	}
}

func TestProgressPaintsMastery(t *testing.T) {
	p, st, l := newProgressTest(t)
	lunate, scaphoid, humerus := partNamed(t, p.sh, "Right lunate"), partNamed(t, p.sh, "Right scaphoid"), partNamed(t, p.sh, "Right humerus")
	answer(t, st, l.ID, lunate, true, 6)
	answer(t, st, l.ID, scaphoid, false, 2)
	answer(t, st, l.ID, scaphoid, true, 1)
	// Procedure tests: 9 passes in a row cross the CUSUM's lower limit (p0 = 0.1, p1 = 0.3,
	// α = β = 0.1: s = 0.186, h0 = 1.628, so 9 successes reach −1.676).
	for range 9 {
		if _, err := st.RecordAttempt(context.Background(), progress.AttemptInput{Learner: l.ID,
			Item: "procedure-test:core/venepuncture", Correct: true, Skills: []learning.SkillID{"procedure:core/venepuncture"}}); err != nil {
			t.Fatal(err)
		}
	}
	for _, score := range []float64{40, 60, 70} {
		if _, err := st.RecordDrillRun(context.Background(), progress.DrillRunInput{Learner: l.ID,
			DrillID: "bodyparts3d-upper-limb/locate/right/upper_limb/wrist", Trials: 8, Score: score, Accuracy: 1,
			Detail: []byte(`{"title":"Locate: Right wrist"}`)}); err != nil {
			t.Fatal(err)
		}
	}
	p.Shown() // the screen refreshes when shown

	ms, _ := st.SkillMastery(context.Background(), l.ID, []learning.SkillID{structureSkill(lunate.ID), structureSkill(scaphoid.ID)})
	if got, want := p.view.Tint(lunate.ID), viridis(ms[structureSkill(lunate.ID)].Estimate); got != want || got != viridis(1) {
		t.Errorf("lunate (all right) tinted %v, want %v", got, want)
	}
	sEst := ms[structureSkill(scaphoid.ID)].Estimate
	if got := p.view.Tint(scaphoid.ID); got != viridis(sEst) || sEst <= 0 || sEst >= 0.5 {
		t.Errorf("scaphoid (1 of 3, latest right) tinted %v for estimate %v", got, sEst)
	}
	if got := p.view.Tint(humerus.ID); got != noEvidence {
		t.Errorf("humerus (never asked) tinted %v, want grey", got)
	}
	page := kittest.Text(p.root)
	for _, want := range []string{
		"2 of the 72 structures here have answers",
		"Wrist", "Skeletal", // bars by region and system
		"Proficient after 9 attempts",
		"Locate: Right wrist — best 70 over 3 runs", "plateau of about",
		"Reviews coming due",
		"First answer", // a milestone reached
		"Nobody on this computer has joined the leaderboard yet",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q:\n%s", want, page)
		}
	}
	// Opting in puts the learner on the leaderboard.
	p.setLeaderboard(true)
	if page := kittest.Text(p.root); !strings.Contains(page, "1. Ada") || !p.sh.Learner().OnLeaderboard {
		t.Errorf("after opting in:\n%s", page)
	}
	// Clicking a structure on the model says how well it is known.
	if pos, ok := kittest.FindIn(p.viewer, lunate.ID); !ok {
		t.Error("the lunate is not on screen after framing what was practised")
	} else if test.TapAt(p.viewer, pos); !strings.Contains(p.painted.Text, "Right lunate: 100% over 6 answers, mastered") {
		t.Errorf("after clicking the lunate: %q", p.painted.Text)
	}
	// "Practise my weakest" hands over to Practice.
	test.Tap(p.weakest)
	if sh := p.sh.(*kittest.Shell); sh.Weakest != 1 {
		t.Errorf("Practise my weakest asked the shell %d times", sh.Weakest)
	}
	// Another learner, with no answers, sees the empty state and a grey model.
	other, _ := st.CreateLearner(context.Background(), "Ben", "")
	p.sh.(*kittest.Shell).SetLearner(&other)
	if page := kittest.Text(p.root); !strings.Contains(page, "Your progress starts here") || p.view.Tint(lunate.ID) != noEvidence {
		t.Errorf("after switching learner the lunate is %v and the page says:\n%s", p.view.Tint(lunate.ID), page)
	}
}

func TestProgressWithoutProfile(t *testing.T) {
	sh := newProgressTestShell(t)
	sh.OpenStore()
	p := newProgressScreen(sh, kit.InPlace())
	if page := kittest.Text(p.root); !strings.Contains(page, "Choose a profile") {
		t.Errorf("without a learner:\n%s", page)
	}
}

func TestViridisEnds(t *testing.T) {
	if got := viridis(0); got != (content.Color{R: 68, G: 1, B: 84, A: 255}) {
		t.Errorf("viridis(0) = %v", got)
	}
	if got := viridis(1); got != (content.Color{R: 253, G: 231, B: 37, A: 255}) {
		t.Errorf("viridis(1) = %v", got)
	}
	if got := viridis(0.5); got != (content.Color{R: 33, G: 145, B: 140, A: 255}) {
		t.Errorf("viridis(0.5) = %v", got)
	}
}
