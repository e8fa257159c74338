package drills

import (
	"github.com/osteon/osteon/ui/kit"
	"github.com/osteon/osteon/ui/kit/kittest"

	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/progress"
)

// fakeClock runs drill timers when the test says so.
type fakeClock struct {
	t       time.Time
	pending []*fakeTimer
}

type fakeTimer struct {
	f       func()
	stopped bool
}

func newFakeClock() *fakeClock {
	return &fakeClock{t: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) clock() drillClock {
	return drillClock{
		now: func() time.Time { return c.t },
		after: func(_ time.Duration, f func()) func() {
			tm := &fakeTimer{f: f}
			c.pending = append(c.pending, tm)
			return func() { tm.stopped = true }
		},
		every: func(time.Duration, func()) func() { return func() {} },
	}
}

// fire runs the timers pending now (not those they start).
func (c *fakeClock) fire() {
	p := c.pending
	c.pending = nil
	for _, tm := range p {
		if !tm.stopped {
			tm.f()
		}
	}
}

// newProgressTestUI is a test shell on the BodyParts3D pack with a fresh store and a learner
// (not yet signed in), without OpenGL.
func newProgressTestUI(t *testing.T) (*kittest.Shell, *progress.Store, progress.Learner) {
	t.Helper()
	sh := kittest.New(t)
	st, l := sh.OpenStore()
	sh.SetContent(kittest.BP3D(t))
	return sh, st, l
}

// newDrillsTest shows the Drills screen alone in the window, laid out at 1280×800.
func newDrillsTest(t *testing.T) (*drills, *fakeClock, *progress.Store, progress.Learner) {
	t.Helper()
	sh, st, l := newProgressTestUI(t)
	sh.SetLearner(&l)
	fc := newFakeClock()
	d := newDrills(sh, fc.clock(), kit.InPlace())
	sh.Mount(d)
	return d, fc, st, l
}

func selectTitle(t *testing.T, s *widget.Select, prefix string) {
	t.Helper()
	for i, o := range s.Options {
		if strings.HasPrefix(o, prefix) {
			s.SetSelectedIndex(i)
			return
		}
	}
	t.Fatalf("no option %q in %v", prefix, s.Options)
}

func indexOf(xs []string, x string) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

func findPart(t *testing.T, sh Shell, name string) string {
	t.Helper()
	for _, p := range sh.Content().Scene.Parts {
		if p.Name == name {
			return p.ID
		}
	}
	t.Fatalf("no %q", name)
	return ""
}
