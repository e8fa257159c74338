package drills

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/render"
	"github.com/osteon/osteon/ui/kit"
	"github.com/osteon/osteon/ui/kit/kittest"
)

// playLocate runs a Locate run to its end, clicking each target after 1.5 s, except that the
// trials in miss are answered by clicking another structure of the region.
func playLocate(t *testing.T, d *drills, fc *fakeClock, miss map[int]bool) *locateRun {
	t.Helper()
	d.startLocate()
	r := d.locate
	d.sh.Window().Canvas().Capture() // the run page is laid out: the viewer has its size
	for range 3 {
		fc.fire() // 3, 2, 1
	}
	if r.phase != phaseAsking || len(r.targets) < minDrillSet {
		t.Fatalf("after the countdown: phase %v, %d targets", r.phase, len(r.targets))
	}
	for i, target := range r.targets {
		if r.i != i {
			t.Fatalf("asking %d, want %d", r.i, i)
		}
		click := target
		if miss[i] {
			click = r.targets[(i+1)%len(r.targets)]
		}
		pos, ok := kittest.FindIn(d.viewer, click)
		if !ok {
			t.Fatalf("%s is a target but nowhere on screen", click)
		}
		fc.t = fc.t.Add(1500 * time.Millisecond)
		test.TapAt(d.viewer, pos)
		if got := r.trials[i]; got.Hit() == miss[i] || got.Target != target {
			t.Fatalf("trial %d: %+v, miss %v", i, got, miss[i])
		}
		if d.view.State(target) != render.Highlighted {
			t.Errorf("trial %d: the answer is not lit up", i)
		}
		test.TapAt(d.viewer, pos) // clicks during the feedback pause are ignored
		fc.fire()
	}
	return r
}

func TestLocateRun(t *testing.T) {
	d, fc, st, l := newDrillsTest(t)
	selectTitle(t, d.locateSel, "Right wrist")
	r := playLocate(t, d, fc, map[int]bool{1: true})
	if len(r.trials) != len(r.targets) || d.locate != nil {
		t.Fatalf("%d trials for %d targets; run still current: %v", len(r.trials), len(r.targets), d.locate != nil)
	}
	// Structures outside the region were ghosted during the run.
	if s := d.view.State(findPart(t, d.sh, "Right humerus")); s != render.Ghosted {
		t.Errorf("right humerus %v during a wrist drill", s)
	}
	s := learning.ScoreLocate(r.trials)
	n := len(r.targets)
	// Every trial but the first (no known start) is measured, except the miss if it was
	// aimed far from its target.
	if s.Hits != n-1 || s.Throughput <= 0 || len(s.Fitts) < n-2 || len(s.Fitts) > n-1 || !s.Effective {
		t.Errorf("score %+v", s)
	}
	bests, err := st.PersonalBests(context.Background(), l.ID)
	if err != nil || len(bests) != 1 {
		t.Fatalf("bests %v, %v", bests, err)
	}
	b := bests[0]
	if b.DrillID != "bodyparts3d-upper-limb/locate/right/upper_limb/wrist" || b.Runs != 1 ||
		b.BestThroughput != s.Throughput || b.BestAccuracy != s.Accuracy {
		t.Errorf("best %+v, want throughput %v accuracy %v", b, s.Throughput, s.Accuracy)
	}
	hist, _ := st.DrillHistory(context.Background(), l.ID, b.DrillID, 0)
	var detail struct {
		Clicks []struct {
			Target, Clicked string
			MS              int64
		}
	}
	if err := json.Unmarshal(hist[0].Detail, &detail); err != nil || len(detail.Clicks) != n || detail.Clicks[0].MS != 1500 {
		t.Errorf("detail %s (%v)", hist[0].Detail, err)
	}
	page := kittest.Text(d.root)
	for _, want := range []string{"Score", " of 100", "Saved.", "sets your personal best", "appears after 3 runs", "(1 so far)", "Missed",
		"What throughput means", "Higher is better"} {
		if !strings.Contains(page, want) {
			t.Errorf("result page lacks %q:\n%s", want, page)
		}
	}
	// Two more runs give a learning curve.
	playLocate(t, d, fc, nil)
	playLocate(t, d, fc, nil)
	page = kittest.Text(d.root)
	if !strings.Contains(page, "plateau of about") {
		t.Errorf("after 3 runs the page shows no curve:\n%s", page)
	}
}

func TestLocateStopRecordsNothing(t *testing.T) {
	d, fc, st, l := newDrillsTest(t)
	selectTitle(t, d.locateSel, "Right wrist")
	d.startLocate()
	d.sh.Window().Canvas().Capture()
	fc.fire()
	fc.fire()
	fc.fire()
	d.viewer.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if d.locate != nil || !strings.Contains(d.notice.Text, "not recorded") {
		t.Fatalf("after Esc: run %v, notice %q", d.locate, d.notice.Text)
	}
	fc.fire() // nothing left to run
	if bests, _ := st.PersonalBests(context.Background(), l.ID); len(bests) != 0 {
		t.Errorf("a stopped run was recorded: %v", bests)
	}
}

func TestSequenceRunByKeyboard(t *testing.T) {
	d, fc, st, l := newDrillsTest(t)
	selectTitle(t, d.seqSel, "Bones of the right wrist")
	d.startSequence()
	r := d.seq
	list := r.list
	var want []string
	for _, g := range r.set.order {
		want = append(want, g...)
	}
	if len(want) != 8 {
		t.Fatalf("the right wrist has %d bones in its order, want 8", len(want))
	}
	key := func(k fyne.KeyName) { list.TypedKey(&fyne.KeyEvent{Name: k}) }
	// Selection sort by keys: choose the bone that belongs at p, then Shift+Up it into place.
	for p, id := range want {
		at := indexOf(list.items, id)
		for list.cursor < at {
			key(fyne.KeyDown)
		}
		for list.cursor > at {
			key(fyne.KeyUp)
		}
		list.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		for list.cursor > p {
			key(fyne.KeyUp)
		}
		list.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	}
	if diff := strings.Join(list.items, ","); diff != strings.Join(want, ",") {
		t.Fatalf("list %v, want %v", list.items, want)
	}
	fc.t = fc.t.Add(12 * time.Second)
	key(fyne.KeyReturn)
	bests, _ := st.PersonalBests(context.Background(), l.ID)
	if len(bests) != 1 || bests[0].BestAccuracy != 1 || !strings.Contains(bests[0].DrillID, "/sequence/") {
		t.Fatalf("bests %+v", bests)
	}
	// 8 bones in 12 s against τ = 24 s: 100·24/36.
	if got := bests[0].BestScore; got < 66.6 || got > 66.7 {
		t.Errorf("score %v, want 66.7", got)
	}
	if page := kittest.Text(d.root); !strings.Contains(page, "Every structure in its place") || strings.Contains(page, "✗") {
		t.Errorf("result page:\n%s", page)
	}
}

func TestSequenceSwapScoredAndEscStops(t *testing.T) {
	d, fc, st, l := newDrillsTest(t)
	selectTitle(t, d.seqSel, "Right … metacarpal bone")
	d.startSequence()
	list := d.seq.list
	// Put it right, then swap the first two: 2 out of place, 1 pair of 10 discordant.
	var want []string
	for _, g := range d.seq.set.order {
		want = append(want, g...)
	}
	copy(list.items, want)
	list.choose(0)
	list.move(1)
	fc.t = fc.t.Add(5 * time.Second)
	d.seq.submit()
	hist, _ := st.DrillHistory(context.Background(), l.ID, d.sequenceID(d.sets[d.seqSel.SelectedIndex()]), 0)
	if len(hist) != 1 || hist[0].Accuracy != 0.9 {
		t.Fatalf("history %+v", hist)
	}
	if page := kittest.Text(d.root); !strings.Contains(page, "Out of place: 2") || !strings.Contains(page, "✗ 1.") {
		t.Errorf("result page:\n%s", page)
	}
	d.startSequence()
	d.seq.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if d.seq != nil || !strings.Contains(d.notice.Text, "not recorded") {
		t.Errorf("Esc: run %v, notice %q", d.seq, d.notice.Text)
	}
	if hist, _ := st.DrillHistory(context.Background(), l.ID, d.sequenceID(d.sets[d.seqSel.SelectedIndex()]), 0); len(hist) != 1 {
		t.Errorf("a stopped run was recorded: %d runs", len(hist))
	}
}

func TestDrillsNeedAProfile(t *testing.T) {
	u, _, _ := newProgressTestUI(t)
	d := newDrills(u, newFakeClock().clock(), kit.InPlace())
	if page := kittest.Text(d.root); !strings.Contains(page, "Choose a profile") {
		t.Errorf("without a learner the screen says:\n%s", page)
	}
}

func TestLeavingDrillsStopsTheRun(t *testing.T) {
	d, fc, st, l := newDrillsTest(t)
	selectTitle(t, d.locateSel, "Right wrist")
	d.startLocate()
	d.sh.Window().Canvas().Capture()
	fc.fire()
	d.sh.(*kittest.Shell).Show(kit.Practice) // the learner goes to Practice
	if d.locate != nil || !strings.Contains(d.notice.Text, "when you left Drills") {
		t.Fatalf("after leaving: run %v, notice %q", d.locate, d.notice.Text)
	}
	fc.fire()
	fc.fire()
	if bests, _ := st.PersonalBests(context.Background(), l.ID); len(bests) != 0 {
		t.Errorf("recorded %v", bests)
	}
}

// tetra is a small solid at c, for synthetic scenes.
func tetra(c [3]float32) content.Mesh {
	var pos []float32
	for _, v := range [][3]float32{{0, 0, 0}, {0.01, 0, 0}, {0, 0.01, 0}, {0, 0, 0.01}} {
		pos = append(pos, c[0]+v[0], c[1]+v[1], c[2]+v[2])
	}
	return content.Mesh{Positions: pos, Normals: make([]float32, len(pos)), Indices: []uint32{0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3}}
}

func TestDrillsOnATinyModel(t *testing.T) {
	u, _, l := newProgressTestUI(t)
	u.SetLearner(&l)
	s := &content.Scene{Title: "Two bones", Parts: []content.Part{
		{Structure: content.Structure{ID: "a", Name: "Bone A", Side: "right", Region: "wrist"}, Mesh: tetra([3]float32{-0.2, 0, 0})},
		{Structure: content.Structure{ID: "b", Name: "Bone B", Side: "right", Region: "wrist"}, Mesh: tetra([3]float32{-0.1, 0, 0})},
		{Structure: content.Structure{ID: "c", Name: "No mesh", Side: "right", Region: "wrist"}},
	}}
	u.SetContent(kit.Content{Scene: s, Model: render.NewModel(s)})
	d := newDrills(u, newFakeClock().clock(), kit.InPlace())
	if len(d.scopes) != 0 || len(d.sets) != 0 {
		t.Errorf("scopes %v, sets %v from two bones", d.scopes, d.sets)
	}
	d.startLocate() // nothing to start: no scope
	d.startSequence()
	if d.locate != nil || d.seq != nil {
		t.Error("a run started with nothing to ask")
	}
	if page := kittest.Text(d.root); !strings.Contains(page, "no set of 3 to 8 structures") {
		t.Errorf("page:\n%s", page)
	}
}
