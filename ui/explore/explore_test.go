package explore

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/content/contenttest"
	"github.com/osteon/osteon/render"
	"github.com/osteon/osteon/ui/kit"
	"github.com/osteon/osteon/ui/kit/kittest"
)

// newTestUI builds the window on the real BodyParts3D upper limb, without OpenGL: picking, the
// list and the info panel need none.
func newTestUI(t *testing.T) *explore {
	t.Helper()
	dir := contenttest.UpperLimb(t)
	sh := kittest.New(t)
	e := New(sh)
	s, err := content.OpenFile(filepath.Join(dir, "upper_limb_all.glb"))
	if err != nil {
		t.Fatal(err)
	}
	sh.SetContent(kit.Content{Scene: s, Model: render.NewModel(s)})
	sh.Mount(e) // lays out and sizes the viewer's frames
	return e
}

// treeLeaves lists the structure ids the tree shows under open branches.
func treeLeaves(e *explore) []string {
	var out []string
	var walk func(uid string)
	walk = func(uid string) {
		for _, c := range e.cat.children(uid) {
			if isBranch(c) {
				walk(c)
			} else {
				out = append(out, strings.TrimPrefix(c, uidPart))
			}
		}
	}
	walk("")
	return out
}

func TestSearchFiltersList(t *testing.T) {
	e := newTestUI(t)
	if n := len(treeLeaves(e)); n != 72 {
		t.Fatalf("list shows %d structures, want 72", n)
	}
	test.Type(e.search, "right HUMERUS")
	got := treeLeaves(e)
	if len(got) != 1 || e.cat.byID[got[0]].Name != "Right humerus" {
		t.Fatalf("search 'right HUMERUS' shows %v", got)
	}
	if !strings.Contains(e.count.Text, "1 of 72") {
		t.Errorf("count says %q", e.count.Text)
	}
	e.search.SetText("phalanx index")
	for _, id := range treeLeaves(e) {
		if n := strings.ToLower(e.cat.byID[id].Name); !strings.Contains(n, "phalanx") || !strings.Contains(n, "index") {
			t.Errorf("%q shown for 'phalanx index'", n)
		}
	}
	if n := len(treeLeaves(e)); n != 6 {
		t.Errorf("'phalanx index' shows %d structures, want 6 (3 phalanges x 2 sides)", n)
	}
	e.search.SetText("no such bone")
	if n := len(treeLeaves(e)); n != 0 {
		t.Errorf("nonsense search shows %d", n)
	}
	e.search.SetText("")
	if n := len(treeLeaves(e)); n != 72 {
		t.Errorf("cleared search shows %d", n)
	}
}

func TestListSelectionHighlightsModel(t *testing.T) {
	e := newTestUI(t)
	id := findStructure(t, e, "Right radius")
	before := e.view.Pose()
	e.tree.Select(uidPart + id)
	if got := e.view.State(id); got != render.Highlighted {
		t.Fatalf("state after list selection %v, want Highlighted", got)
	}
	if !strings.Contains(richText(e.info), "Right radius") {
		t.Errorf("info panel: %q", richText(e.info))
	}
	// The camera is on its way to frame the radius.
	want, _ := e.view.FramePose(before.Yaw, before.Pitch, id)
	if want.Target == before.Target {
		t.Fatal("radius framing would not move the camera: test proves nothing")
	}
	other := findStructure(t, e, "Right ulna")
	e.tree.Select(uidPart + other)
	if e.view.State(id) != render.Normal || e.view.State(other) != render.Highlighted {
		t.Errorf("after selecting the ulna: radius %v, ulna %v", e.view.State(id), e.view.State(other))
	}
}

func TestModelTapSelectsList(t *testing.T) {
	e := newTestUI(t)
	id := findStructure(t, e, "Right humerus")
	pos, ok := findOnScreen(e, id)
	if !ok {
		t.Fatal("the right humerus is nowhere on screen")
	}
	test.TapAt(e.viewer, pos)
	if e.selected != id {
		t.Fatalf("tap at %v selected %q, want %q", pos, e.selected, id)
	}
	if e.view.State(id) != render.Highlighted {
		t.Errorf("state %v", e.view.State(id))
	}
	if !strings.Contains(richText(e.info), "Right humerus") {
		t.Errorf("info panel: %q", richText(e.info))
	}
	// Tapping empty space clears the selection everywhere.
	test.TapAt(e.viewer, fyne.NewPos(2, 2))
	if e.selected != "" || e.view.State(id) != render.Normal {
		t.Errorf("after tapping empty space: selected %q, state %v", e.selected, e.view.State(id))
	}
}

func TestHideIsolateGhostUndo(t *testing.T) {
	e := newTestUI(t)
	id := findStructure(t, e, "Right scapula")
	e.tree.Select(uidPart + id)
	e.rune('h')
	if e.view.State(id) != render.Hidden {
		t.Fatalf("H: state %v", e.view.State(id))
	}
	e.undoLast()
	if e.view.State(id) != render.Highlighted {
		t.Fatalf("undo: state %v", e.view.State(id))
	}
	e.rune('i')
	other := findStructure(t, e, "Left scapula")
	if e.view.State(id) != render.Highlighted || e.view.State(other) != render.Hidden {
		t.Fatalf("I: %v %v", e.view.State(id), e.view.State(other))
	}
	// Ghost after Isolate ghosts the others, as it says (they had stayed hidden under "Others
	// ghosted": issue 15 item 7); Undo hides them again.
	e.rune('g')
	if e.view.State(other) != render.Ghosted || !strings.HasPrefix(e.status.Text, "Others ghosted around Right scapula, including 71 that were hidden") {
		t.Fatalf("G after I: %v, status %q", e.view.State(other), e.status.Text)
	}
	e.undoLast()
	if e.view.State(other) != render.Hidden {
		t.Fatalf("undo after G: %v", e.view.State(other))
	}
	e.rune('a')
	if e.view.State(other) != render.Normal {
		t.Fatalf("A: %v", e.view.State(other))
	}
	e.rune('g')
	if e.view.State(other) != render.Ghosted {
		t.Fatalf("G: %v", e.view.State(other))
	}
	// With nothing selected, H explains instead of doing nothing silently.
	e.selectStructure("", false)
	e.rune('h')
	if !strings.Contains(e.status.Text, "Select a structure first") {
		t.Errorf("status %q", e.status.Text)
	}
}

func findStructure(t *testing.T, e *explore, name string) string {
	t.Helper()
	for _, st := range e.cat.structures {
		if st.Name == name {
			return st.ID
		}
	}
	t.Fatalf("no %q", name)
	return ""
}

// findOnScreen scans the viewer for a position whose pick is id.
func findOnScreen(e *explore, id string) (fyne.Position, bool) {
	s := e.viewer.Size()
	for y := float32(4); y < s.Height; y += 4 {
		for x := float32(4); x < s.Width; x += 4 {
			px, py := e.viewer.Pixel(fyne.NewPos(x, y))
			if h, ok := e.view.Pick(px, py); ok && h.ID == id {
				return fyne.NewPos(x, y), true
			}
		}
	}
	return fyne.Position{}, false
}

func richText(p *infoPanel) string {
	var b strings.Builder
	for _, s := range p.text.Segments {
		b.WriteString(s.Textual())
		b.WriteString("\n")
	}
	return b.String()
}

// TestTapNearThinStructure: a tap just off a structure's edge, on empty space, still picks it.
func TestTapNearThinStructure(t *testing.T) {
	e := newTestUI(t)
	id := findStructure(t, e, "Right clavicle")
	pos, ok := findOnScreen(e, id)
	if !ok {
		t.Fatal("the right clavicle is nowhere on screen")
	}
	// Walk up from a point on the clavicle to the first empty pixel above its edge.
	edge := pos
	for {
		next := fyne.NewPos(edge.X, edge.Y-1)
		px, py := e.viewer.Pixel(next)
		if _, hit := e.view.Pick(px, py); !hit {
			edge = next
			break
		}
		if next.Y < 0 {
			t.Fatal("no empty space above the clavicle")
		}
		edge = next
	}
	off := fyne.NewPos(edge.X, edge.Y-1) // two units off the edge, on empty space
	if px, py := e.viewer.Pixel(off); func() bool { _, hit := e.view.Pick(px, py); return hit }() {
		t.Fatalf("%v is not empty space", off)
	}
	test.TapAt(e.viewer, off)
	if e.selected != id {
		t.Fatalf("tap 2 units off the clavicle's edge selected %q, want %q", e.selected, id)
	}
}
