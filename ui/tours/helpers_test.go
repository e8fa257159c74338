package tours

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/render"
	"github.com/osteon/osteon/ui/kit"
	"github.com/osteon/osteon/ui/kit/kittest"
)

// testShell is kittest's shell with a stand-in for Explore's view, which the editor captures.
type testShell struct {
	*kittest.Shell
	explore  *render.View
	selected string
}

func (t *testShell) CaptureExplore() content.TourStop {
	st := t.explore.CaptureStop()
	st.Selection = t.selected
	return st
}

// toursTest is the Tours screen over the test arm installed as the learner's own pack.
type toursTest struct {
	t   testing.TB
	sh  *testShell
	s   *Screen
	lib *content.Library
}

func newToursTest(t testing.TB) *toursTest {
	t.Helper()
	sh := &testShell{Shell: kittest.New(t)}
	arm := kittest.Pack(t, kittest.Arm, false)
	src := filepath.Join(t.TempDir(), "test-arm")
	copyFS(t, arm.Pack.FS, src)
	sh.Lib = &content.Library{LearnerDir: filepath.Join(t.TempDir(), "packs")}
	if _, err := sh.Lib.Install(context.Background(), src, content.InstallOptions{}); err != nil {
		t.Fatal(err)
	}
	sh.RefreshPacks()
	sh.OpenPack(sh.PackList[0])
	sh.explore = render.NewView(nil)
	sh.explore.SetModel(sh.Cur.Model)
	sh.explore.Resize(800, 600)
	s := New(sh, kit.InPlace())
	sh.Mount(s)
	return &toursTest{t: t, sh: sh, s: s, lib: sh.Lib}
}

func copyFS(t testing.TB, fsys fs.FS, dir string) {
	t.Helper()
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		out := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		return os.WriteFile(out, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// tap taps the visible button under root whose text starts with label.
func tap(t *testing.T, root fyne.CanvasObject, label string) {
	t.Helper()
	var found *widget.Button
	kittest.Walk(root, true, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && found == nil && strings.HasPrefix(b.Text, label) {
			found = b
		}
		return found == nil
	})
	if found == nil {
		t.Fatalf("no button %q in:\n%s", label, kittest.Text(root))
	}
	test.Tap(found)
}

// entries are the visible text fields under root, in order.
func entries(root fyne.CanvasObject) []*widget.Entry {
	var out []*widget.Entry
	kittest.Walk(root, true, func(o fyne.CanvasObject) bool {
		if e, ok := o.(*widget.Entry); ok {
			out = append(out, e)
			return false
		}
		return true
	})
	return out
}

// typeInto replaces what entry holds with text, as typing would.
func typeInto(e *widget.Entry, text string) {
	e.SetText("")
	test.Type(e, text)
}

// key types a key with nothing focused, as the shell passes it to the screen.
func (tt *toursTest) key(k fyne.KeyName) { tt.s.TypedKey(&fyne.KeyEvent{Name: k}) }

// dialog is the dialog on top of the window, or fails.
func (tt *toursTest) dialog() fyne.CanvasObject {
	tt.t.Helper()
	top := tt.sh.Window().Canvas().Overlays().Top()
	if top == nil {
		tt.t.Fatal("no dialog is open")
	}
	return top
}
