package ui

import (
	"github.com/osteon/osteon/ui/kit"

	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/content/contenttest"
	"github.com/osteon/osteon/progress"
	"github.com/osteon/osteon/render"
)

// bp3dPack is the BodyParts3D upper limb imported as a pack (sides and regions included),
// loaded once per test binary; the imported folder is removed once loaded.
var bp3dPack struct {
	once sync.Once
	c    Content
	err  error
}

func bp3dContent(t *testing.T) Content {
	t.Helper()
	dir := contenttest.UpperLimb(t)
	bp3dPack.once.Do(func() {
		tmp, err := os.MkdirTemp("", "osteon-bp3d-")
		if err != nil {
			bp3dPack.err = err
			return
		}
		defer os.RemoveAll(tmp)
		out := filepath.Join(tmp, "pack")
		ctx := context.Background()
		if _, err := content.ImportBodyParts3D(ctx, dir, "", content.ImportOptions{Out: out}); err != nil {
			bp3dPack.err = err
			return
		}
		p, err := content.OpenPackPath(out)
		if err != nil {
			bp3dPack.err = err
			return
		}
		s, err := content.LoadPackScene(ctx, p)
		if err != nil {
			bp3dPack.err = err
			return
		}
		bp3dPack.c = Content{Pack: p, Scene: s, Model: render.NewModel(s)}
	})
	if bp3dPack.err != nil {
		t.Fatal(bp3dPack.err)
	}
	return bp3dPack.c
}

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

func runNow(f func()) { f() }

// newProgressTestUI builds the window on the BodyParts3D pack with a fresh store and a signed-in
// learner, without OpenGL.
func newProgressTestUI(t *testing.T) (*UI, *progress.Store, progress.Learner) {
	t.Helper()
	t.Setenv("LANG", "en_US.UTF-8")
	c := bp3dContent(t)
	u := New(test.NewTempApp(t), Config{})
	ctx := context.Background()
	st, err := progress.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	l, err := st.CreateLearner(ctx, "Ada", "")
	if err != nil {
		t.Fatal(err)
	}
	u.store = st
	u.setContent(c, "bp3d")
	return u, st, l
}

// newDrillsTest shows the Drills screen alone in the window, laid out at 1280×800.
func newDrillsTest(t *testing.T) (*drills, *fakeClock, *progress.Store, progress.Learner) {
	t.Helper()
	u, st, l := newProgressTestUI(t)
	u.setLearner(&l)
	fc := newFakeClock()
	d := newDrills(u, fc.clock(), runNow)
	u.win.SetContent(d.root)
	u.win.Resize(fyne.NewSize(1280, 800))
	u.win.Canvas().Capture()
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

// findIn scans a viewer, within id's projected box first, for a position whose pick is id.
func findIn(w *kit.Viewer, id string) (fyne.Position, bool) {
	size := w.Size()
	k := float32(w.Scale())
	x0, y0, x1, y1 := float32(2), float32(2), size.Width, size.Height
	if _, pts := projectBox(w.View(), w.View().Model().BoundsOf(id)); len(pts) > 0 {
		x0, y0, x1, y1 = size.Width, size.Height, 0, 0
		for _, p := range pts {
			x0, y0 = min(x0, float32(p.X)/k), min(y0, float32(p.Y)/k)
			x1, y1 = max(x1, float32(p.X)/k), max(y1, float32(p.Y)/k)
		}
	}
	for y := max(y0, 1); y < min(y1, size.Height); y++ {
		for x := max(x0, 1); x < min(x1, size.Width); x++ {
			px, py := w.Pixel(fyne.NewPos(x, y))
			if h, ok := w.View().Pick(px, py); ok && h.ID == id {
				return fyne.NewPos(x, y), true
			}
		}
	}
	return fyne.Position{}, false
}

func indexOf(xs []string, x string) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

func findPart(t *testing.T, u *UI, name string) string {
	t.Helper()
	for _, p := range u.Content().Scene.Parts {
		if p.Name == name {
			return p.ID
		}
	}
	t.Fatalf("no %q", name)
	return ""
}

// pageText gathers the text of the labels and rich texts under o.
func pageText(o fyne.CanvasObject) string {
	var b strings.Builder
	walkShown(o, true, func(o fyne.CanvasObject) bool {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.RichText:
			b.WriteString(w.String() + "\n")
		case *widget.Button:
			b.WriteString("[" + w.Text + "]\n")
		case *widget.Card:
			b.WriteString(w.Title + "\n" + w.Subtitle + "\n")
			return true // its content is among its renderer's objects
		default:
			return true
		}
		return false
	})
	return b.String()
}
