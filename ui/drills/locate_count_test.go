package drills

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/osteon/osteon/render"
	"github.com/osteon/osteon/ui/kit"
	"github.com/osteon/osteon/ui/kit/kittest"
)

// newBuiltinDrills shows the Drills screen on the built-in limb (nerves, vessels and a skin).
func newBuiltinDrills(t *testing.T) (*drills, *fakeClock) {
	t.Helper()
	sh, _, l := newProgressTestUI(t)
	sh.SetContent(kittest.Builtin(t))
	sh.SetLearner(&l)
	fc := newFakeClock()
	d := newDrills(sh, fc.clock(), kit.InPlace())
	sh.Mount(d)
	return d, fc
}

// TestLocateAsksWhatTheListCounts: each region runs as many names as its entry in the list says
// ("Right arm (9)" ran "1 of 8": a structure hidden from the region's view was dropped), every
// target can be clicked on its turn, and after a miss the answer is really in view: nothing solid
// stands between it and the camera (issue 15 item 6).
func TestLocateAsksWhatTheListCounts(t *testing.T) {
	d, fc := newBuiltinDrills(t)
	for i, s := range d.scopes {
		opt := d.locateSel.Options[i]
		want := min(len(s.ids), drillsPerRun)
		if !strings.HasSuffix(opt, fmt.Sprintf("(%d)", want)) && !strings.HasSuffix(opt, fmt.Sprintf("(%d of %d)", want, len(s.ids))) {
			t.Errorf("option %q for %d structures", opt, len(s.ids))
		}
		d.locateSel.SetSelectedIndex(i)
		d.startLocate()
		r := d.locate
		d.sh.Window().Canvas().Capture()
		for range 3 {
			fc.fire()
		}
		if len(r.targets) != want || r.count.Text != fmt.Sprintf("1 of %d", want) {
			t.Errorf("%s: the run asks %d (%q), the list says %q", s.title, len(r.targets), r.count.Text, opt)
		}
		for j, target := range r.targets {
			if _, ok := kittest.FindIn(d.viewer, target); !ok {
				t.Errorf("%s: %s cannot be clicked on its turn", s.title, r.structName(target))
			}
			fc.t = fc.t.Add(time.Second)
			test.TapAt(d.viewer, fyne.NewPos(2, 2)) // empty space: a miss
			if r.trials[j].Hit() || !strings.Contains(r.feedback.Text, "highlighted on the model") {
				t.Errorf("%s: trial %d hit %v, feedback %q", s.title, j, r.trials[j].Hit(), r.feedback.Text)
			}
			if st := d.view.State(target); st != render.Highlighted {
				t.Errorf("%s: the missed %s is %v", s.title, r.structName(target), st)
			}
			cam := d.view.Camera()
			for _, o := range d.view.Model().Occluders(cam.Eye(), []string{target}) {
				if st := d.view.State(o); st != render.Ghosted && st != render.Hidden {
					t.Errorf("%s: the missed %s is said to be highlighted, but %s (%v) hides it", s.title, r.structName(target), r.structName(o), st)
				}
			}
			fc.fire()
		}
		if d.locate != nil {
			t.Fatalf("%s: the run did not finish", s.title)
		}
		page := kittest.Text(d.root)
		for _, w := range []string{"Score 0 of 100", "How the score works", "Fitts' throughput"} {
			if !strings.Contains(page, w) {
				t.Errorf("%s: the result page lacks %q:\n%s", s.title, w, page)
			}
		}
	}
}
