package packs

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/assets"
	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/ui/kit"
	"github.com/osteon/osteon/ui/kit/kittest"
)

// packsTest is the app with the Packs screen showing, over private learner and system folders.
type packsTest struct {
	sh          *kittest.Shell
	s           *packsScreen
	learner     string // the learner's packs folder
	system      string // the system-wide packs folder
	listed      chan struct{}
	contentSeen chan struct{}
}

func newPacksTest(t *testing.T) *packsTest {
	t.Helper()
	t.Setenv("LANG", "en_US.UTF-8")
	data, system := t.TempDir(), t.TempDir()
	t.Setenv(content.EnvData, data)
	t.Setenv(content.EnvSystemPacks, system)
	sh := kittest.New(t)
	pt := &packsTest{sh: sh, learner: filepath.Join(data, "packs"), system: system,
		listed: make(chan struct{}, 8), contentSeen: make(chan struct{}, 8)}
	sh.Lib = &content.Library{Builtin: assets.BuiltinPack(), SystemDirs: []string{system},
		SystemInstallDir: system, LearnerDir: pt.learner}
	pt.list(t)
	pt.s = New(sh, kit.InPlace())
	sh.PacksChanged().Subscribe(func([]*content.Pack) { pt.listed <- struct{}{} })
	sh.ContentChanged().Subscribe(func(kit.Content) { pt.contentSeen <- struct{}{} })
	sh.Mount(pt.s)
	return pt
}

// list lists the packs again, as the app does at start, and shows them.
func (pt *packsTest) list(t *testing.T) {
	t.Helper()
	pt.sh.RefreshPacks()
	for len(pt.listed) > 0 {
		<-pt.listed
	}
}

// wait waits for the background listing (the shell's RefreshPacks) or pack load the screen started.
func wait(t *testing.T, ch chan struct{}, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(20 * time.Second):
		t.Fatalf("timed out waiting for %s", what)
	}
}

// writePack writes a small valid pack (two bones in one OBJ file) into a new folder under dir.
func writePack(t *testing.T, dir, id, version string) string {
	t.Helper()
	root := filepath.Join(dir, id+"-"+version)
	manifest := fmt.Sprintf(`format = 1
id = %q
version = %q
title = "Test bones %s"
description = "Two bones for the Packs screen tests."
authors = ["Osteon tests"]
license = "CC0-1.0"
attribution = "Shapes drawn for Osteon's tests"
homepage = "https://example.org/bones"
languages = ["en", "la"]

[obj]
units = "mm"
up = "z"

[[structures]]
id = "FMA23130"
name = "Right humerus"
system = "skeletal"
region = "arm"
mesh = "meshes/bones.obj#humerus"

[[structures]]
id = "FMA13395"
name = "Right scapula"
system = "skeletal"
region = "shoulder"
mesh = "meshes/bones.obj#scapula"

[[structures]]
id = "deltoid"
name = "Right deltoid"
system = "muscular"
region = "shoulder"
mesh = "meshes/bones.obj#scapula"
`, id, version, id)
	obj := "v 0 0 0\nv 100 0 0\nv 0 100 0\nv 0 0 300\nv 200 0 300\nv 300 0 300\nv 200 100 300\nv 200 0 400\n" +
		"o humerus\nf 1 3 2\nf 1 2 4\nf 2 3 4\nf 3 1 4\no scapula\nf 5 7 6\nf 5 6 8\nf 6 7 8\nf 7 5 8\n"
	writeFiles(t, root, map[string]string{"pack.toml": manifest, "meshes/bones.obj": obj})
	return root
}

func writeFiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// install puts a pack in place directly (as the CLI would), then lists again.
func (pt *packsTest) install(t *testing.T, src string, system bool) *content.Pack {
	t.Helper()
	p, err := pt.sh.Library().Install(context.Background(), src, content.InstallOptions{System: system})
	if err != nil {
		t.Fatal(err)
	}
	pt.list(t)
	return p
}

// snapshot lists every file under dir with its size and time, to prove nothing changed.
func snapshot(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil {
			out = append(out, fmt.Sprintf("%s %d %v", p, info.Size(), info.ModTime().UnixNano()))
		}
		return nil
	})
	sort.Strings(out)
	return out
}

// texts collects the text a user sees in o and everything inside it.
func texts(o fyne.CanvasObject) string {
	var b strings.Builder
	kittest.Walk(o, true, func(o fyne.CanvasObject) bool {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.Button:
			b.WriteString("[" + w.Text + "]\n")
		case *widget.RichText:
			for _, s := range w.Segments {
				if l, ok := s.(*widget.ListSegment); ok {
					for _, it := range l.Items {
						b.WriteString(it.Textual() + "\n")
					}
					continue
				}
				b.WriteString(s.Textual() + "\n")
			}
		case *canvas.Text:
			b.WriteString(w.Text + "\n")
		default:
			return true
		}
		return false
	})
	return b.String()
}

// button finds the visible button labelled text inside o.
func button(o fyne.CanvasObject, text string) *widget.Button {
	var found *widget.Button
	kittest.Walk(o, true, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
		return found == nil
	})
	return found
}

// dialogText is the text of the dialog on top, or "" when none shows.
func (pt *packsTest) dialogText() string {
	top := pt.sh.Window().Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	return texts(top)
}

func (pt *packsTest) tapDialog(t *testing.T, label string) {
	t.Helper()
	top := pt.sh.Window().Canvas().Overlays().Top()
	b := button(top, label)
	if b == nil {
		t.Fatalf("no %q button in the dialog: %q", label, texts(top))
	}
	test.Tap(b)
}

func TestPacksListsOriginsAndShadows(t *testing.T) {
	pt := newPacksTest(t)
	src := t.TempDir()
	pt.install(t, writePack(t, src, "bones", "1.0.0"), true)  // system-wide, older
	pt.install(t, writePack(t, src, "bones", "1.1.0"), false) // the learner's, newer: it wins
	pt.install(t, writePack(t, src, "arm", "2.0.0"), true)
	writeFiles(t, filepath.Join(pt.learner, "broken"), map[string]string{"pack.toml": "id = \"broken\"\nversion = 1.0\n"})
	pt.list(t)

	got := map[string]string{}
	for _, p := range pt.s.packs() {
		got[p.ID] = kit.OriginName(p.Origin) + " " + p.Version
	}
	want := map[string]string{"bones": "yours 1.1.0", "arm": "system-wide 2.0.0", "osteon-builtin": "built-in 0.1.0"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("listed %v, want %v", got, want)
	}
	pt.sh.Window().Canvas().Capture()
	rows := texts(pt.s.list)
	for _, w := range []string{"Test bones bones", "bones · version 1.1.0 · yours", "arm · version 2.0.0 · system-wide",
		"osteon-builtin · version 0.1.0 · built-in", "Licence CC0-1.0 · Shapes drawn for Osteon's tests"} {
		if !strings.Contains(rows, w) {
			t.Errorf("list does not show %q:\n%s", w, rows)
		}
	}

	pt.s.selectPack("bones")
	details := texts(pt.s.details)
	for _, w := range []string{"Version: 1.1.0", "Yours: installed for you only", "Licence: CC0-1.0", "Shapes drawn for Osteon's tests",
		"Authors: Osteon tests", "https://example.org/bones", "Languages: en, la", "3 structures: 2 skeletal, 1 muscular.",
		"Folder: " + filepath.Join(pt.learner, "bones"), "Other copies",
		"Version 1.0.0, system-wide, in " + filepath.Join(pt.system, "bones")} {
		if !strings.Contains(details, w) {
			t.Errorf("details do not say %q:\n%s", w, details)
		}
	}
	if pt.s.removeButton.Disabled() {
		t.Error("Remove is disabled for the learner's own pack")
	}

	// The broken folder is reported, with its file, line and field.
	if !pt.s.problemsBox.Visible() {
		t.Fatal("no notice of the unreadable pack")
	}
	pt.s.showReadProblems()
	probs := texts(pt.s.details)
	for _, w := range []string{"Packs that could not be read", filepath.Join(pt.learner, "broken", "pack.toml"), "Line 2"} {
		if !strings.Contains(probs, w) {
			t.Errorf("problems do not say %q:\n%s", w, probs)
		}
	}
}

func TestPacksCurrentMarkedAndKeys(t *testing.T) {
	pt := newPacksTest(t)
	pt.install(t, writePack(t, t.TempDir(), "bones", "1.0.0"), false)
	builtin := pt.s.pack("osteon-builtin")
	pt.sh.Cur = kit.Content{Pack: builtin}
	pt.list(t)
	if pt.s.selected != "osteon-builtin" {
		t.Fatalf("selected %q at start, want the current pack", pt.s.selected)
	}
	pt.sh.Window().Canvas().Capture()
	if rows := texts(pt.s.list); strings.Count(rows, "Open now") != 1 {
		t.Errorf("the current pack is not marked once:\n%s", rows)
	}
	if !strings.Contains(texts(pt.s.details), "Open in Explore now.") || pt.s.openButton.Text != "Show in Explore" {
		t.Errorf("details of the current pack: %q, button %q", texts(pt.s.details), pt.s.openButton.Text)
	}
	// Built-in packs cannot be removed; Delete says so and removes nothing.
	if !pt.s.removeButton.Disabled() {
		t.Error("Remove is enabled for the built-in pack")
	}
	pt.s.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if d := pt.dialogText(); !strings.Contains(d, "comes with Osteon and cannot be removed") {
		t.Errorf("Delete on the built-in pack: %q", d)
	}
	pt.tapDialog(t, "OK")

	// The list is sorted by title: the built-in "Osteon…" then "Test bones…"; Up goes back.
	pt.s.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if pt.s.selected != "bones" {
		t.Fatalf("Down selected %q", pt.s.selected)
	}
	pt.sh.Window().Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyUp}) // nothing focused: the window passes it on
	if pt.s.selected != "osteon-builtin" {
		t.Fatalf("Up selected %q", pt.s.selected)
	}
	pt.s.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	pt.s.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if pt.sh.Current() != kit.Explore {
		t.Fatalf("Enter left the shell on screen %s, want Explore", pt.sh.Current())
	}
	wait(t, pt.contentSeen, "the pack to open")
	if c := pt.sh.Content().Pack; c == nil || c.ID != "bones" {
		t.Fatalf("Explore shows %+v", c)
	}
}
