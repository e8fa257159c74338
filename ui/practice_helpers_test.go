package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/progress"
	"github.com/osteon/osteon/render"
)

// testBox is a box-shaped structure for a made-up pack.
type testBox struct {
	id, name, latin, region, side string
	min, max                      [3]float64 // metres, Y up
	noMesh, ghost                 bool
}

// testArm is three bones far enough apart to click: humerus above, radius and ulna below.
var testArm = []testBox{
	{id: "T:humerus", name: "Right humerus", latin: "Humerus", region: "upper_limb/arm", side: "right",
		min: [3]float64{-0.05, 0.50, -0.05}, max: [3]float64{0.05, 0.85, 0.05}},
	{id: "T:radius", name: "Right radius", latin: "Radius", region: "upper_limb/forearm", side: "right",
		min: [3]float64{-0.16, 0.05, -0.04}, max: [3]float64{-0.04, 0.42, 0.04}},
	{id: "T:ulna", name: "Right ulna", latin: "Ulna", region: "upper_limb/forearm", side: "right",
		min: [3]float64{0.04, 0.05, -0.04}, max: [3]float64{0.16, 0.42, 0.04}},
	{id: "T:limb", name: "Right upper limb", region: "upper_limb", noMesh: true},
}

const testQuiz = `[[items]]
id = "elbow"
prompt = "Which bones meet the humerus at the elbow?"
choices = ["Radius and ulna", "Radius only", "Scapula and clavicle"]
answer = "Radius and ulna"
structures = ["T:humerus", "T:radius", "T:ulna"]
explanation = "The humerus meets the ulna (trochlea) and the radius (capitulum)."
`

// testPack builds a pack of boxes, with the quiz when quiz is set, and loads it as the UI would.
func testPack(t *testing.T, boxes []testBox, quiz bool) Content {
	t.Helper()
	var obj, man strings.Builder
	man.WriteString("format = 1\nid = \"test-arm\"\nversion = \"1.0.0\"\ntitle = \"Test arm\"\nlicense = \"CC0-1.0\"\n" +
		"attribution = \"Boxes drawn for a test\"\n")
	if quiz {
		man.WriteString("quiz = [\"quiz.toml\"]\n")
	}
	man.WriteString("[obj]\nunits = \"m\"\nup = \"y\"\n")
	n := 0
	for _, b := range boxes {
		fmt.Fprintf(&man, "[[structures]]\nid = %q\nname = %q\nsystem = \"skeletal\"\nregion = %q\n", b.id, b.name, b.region)
		if b.latin != "" {
			fmt.Fprintf(&man, "name_la = %q\n", b.latin)
		}
		if b.side != "" {
			fmt.Fprintf(&man, "side = %q\n", b.side)
		}
		if b.ghost {
			man.WriteString("default_state = \"ghost\"\n")
		}
		if b.noMesh {
			continue
		}
		name := strings.TrimPrefix(b.id, "T:")
		fmt.Fprintf(&man, "mesh = \"bones.obj#%s\"\n", name)
		writeBox(&obj, name, b.min, b.max, n)
		n += 8
	}
	fsys := fstest.MapFS{"pack.toml": {Data: []byte(man.String())}, "bones.obj": {Data: []byte(obj.String())},
		"quiz.toml": {Data: []byte(testQuiz)}}
	p, err := content.OpenPack(fsys, "test-arm")
	if err != nil {
		t.Fatal(err)
	}
	if ps := content.ValidatePack(context.Background(), p, nil); len(ps) > 0 {
		t.Fatalf("test pack: %v", ps)
	}
	s, err := content.LoadPackScene(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	return Content{Pack: p, Scene: s, Model: render.NewModel(s)}
}

// writeBox writes an OBJ object: a box from lo to hi, its vertices numbered after base.
func writeBox(w *strings.Builder, name string, lo, hi [3]float64, base int) {
	fmt.Fprintf(w, "o %s\n", name)
	for i := range 8 {
		x, y, z := lo[0], lo[1], lo[2]
		if i&1 != 0 {
			x = hi[0]
		}
		if i&2 != 0 {
			y = hi[1]
		}
		if i&4 != 0 {
			z = hi[2]
		}
		fmt.Fprintf(w, "v %g %g %g\n", x, y, z)
	}
	for _, f := range [][4]int{{0, 2, 3, 1}, {4, 5, 7, 6}, {0, 1, 5, 4}, {2, 6, 7, 3}, {0, 4, 6, 2}, {1, 3, 7, 5}} {
		a, b, c, d := base+f[0]+1, base+f[1]+1, base+f[2]+1, base+f[3]+1
		fmt.Fprintf(w, "f %d %d %d\nf %d %d %d\n", a, b, c, a, c, d)
	}
}

// practiceHarness is the UI on a pack with a real store and a clock the test moves.
type practiceHarness struct {
	t     *testing.T
	u     *UI
	p     *practice
	st    *progress.Store
	who   progress.Learner
	clock time.Time
}

// newPracticeHarness builds the window on c, signs a new learner in and opens Practice, with
// store work run in place and camera moves instant.
func newPracticeHarness(t *testing.T, c Content) *practiceHarness {
	t.Helper()
	t.Setenv("LANG", "en_US.UTF-8")
	a := test.NewTempApp(t)
	u := New(a, Config{})
	h := &practiceHarness{t: t, u: u, clock: time.Date(2025, 4, 1, 9, 0, 0, 0, time.UTC)}
	st, err := progress.Open(context.Background(), filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	st.Now = func() time.Time { return h.clock }
	h.st = st
	if h.who, err = st.CreateLearner(context.Background(), "Ada", ""); err != nil {
		t.Fatal(err)
	}
	u.setContent(c, "test")
	u.store = st
	u.setLearner(&h.who)
	for _, sc := range u.shell.screens {
		if sc.title == "Practice" {
			sc.build = func() fyne.CanvasObject {
				p := newPractice(u)
				p.work, p.move, p.now = func(j func()) { j() }, 0, func() time.Time { return h.clock }
				h.p = p
				p.attach()
				return p.screen
			}
		}
	}
	u.win.Resize(fyne.NewSize(1280, 800))
	if p := u.practiceOf(); p != h.p || p == nil {
		t.Fatal("the Practice screen did not build")
	}
	h.layout()
	return h
}

// layout lays the window out, so the 3D view knows its size in pixels.
func (h *practiceHarness) layout() { h.u.win.Canvas().Capture() }

// tick moves the clock on.
func (h *practiceHarness) tick(d time.Duration) { h.clock = h.clock.Add(d) }

// onScreen finds a point of the practice viewer whose pick satisfies want.
func (h *practiceHarness) onScreen(want func(id string) bool) (fyne.Position, string, bool) {
	v := h.p.viewer
	s := v.Size()
	for y := float32(3); y < s.Height; y += 3 {
		for x := float32(3); x < s.Width; x += 3 {
			px, py := v.Pixel(fyne.NewPos(x, y))
			if hit, ok := h.p.view.Pick(px, py); ok && want(hit.ID) {
				return fyne.NewPos(x, y), hit.ID, true
			}
		}
	}
	return fyne.Position{}, "", false
}

// key sends a key to whatever has the keyboard: the focused widget, else the window.
func (h *practiceHarness) key(name fyne.KeyName) {
	c := h.u.win.Canvas()
	ev := &fyne.KeyEvent{Name: name}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	c.OnTypedKey()(ev)
}

// typeRunes sends characters to whatever has the keyboard.
func (h *practiceHarness) typeRunes(s string) {
	c := h.u.win.Canvas()
	if f := c.Focused(); f != nil {
		test.Type(f, s)
		return
	}
	test.TypeOnCanvas(c, s)
}

// feedbackText is the feedback shown, as plain text.
func (h *practiceHarness) feedbackText() string {
	var b strings.Builder
	for _, s := range h.p.question.feedback.Segments {
		b.WriteString(s.Textual())
		b.WriteString("\n")
	}
	return b.String()
}

// screenText is every label and rich text on the Practice screen, for checks on what it says.
func (h *practiceHarness) screenText() string {
	var b strings.Builder
	walkShown(h.p.screen, false, func(o fyne.CanvasObject) bool {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.RichText:
			for _, s := range w.Segments {
				b.WriteString(s.Textual() + "\n")
			}
		case *widget.Button:
			b.WriteString("[" + w.Text + "]\n")
		case *widget.RadioGroup:
			b.WriteString(strings.Join(w.Options, " | ") + "\n")
		}
		return true
	})
	return b.String()
}

// findButton finds a button by its text in what o shows (dialogs included when o is an overlay).
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	var found *widget.Button
	walkShown(o, false, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
		return found == nil
	})
	return found
}

func renderHit(id string) render.Hit { return render.Hit{ID: id} }

// findText is every label's and rich text's text in what o shows.
func findText(o fyne.CanvasObject) string {
	var b strings.Builder
	walkShown(o, false, func(o fyne.CanvasObject) bool {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + " ")
		case *widget.RichText:
			for _, s := range w.Segments {
				b.WriteString(s.Textual() + " ")
			}
		}
		return true
	})
	return b.String()
}
