package ui

import (
	"archive/zip"
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
)

// packsTest is the app with the Packs screen showing, over private learner and system folders.
type packsTest struct {
	u           *UI
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
	a := test.NewTempApp(t)
	u := New(a, Config{Builtin: assets.BuiltinPack()})
	pt := &packsTest{u: u, learner: filepath.Join(data, "packs"), system: system,
		listed: make(chan struct{}, 8), contentSeen: make(chan struct{}, 8)}
	u.library = &content.Library{Builtin: assets.BuiltinPack(), SystemDirs: []string{system},
		SystemInstallDir: system, LearnerDir: pt.learner}
	pt.list(t)
	pt.s = newPacksScreen(u, func(f func()) { f() })
	u.onPacks(func([]*content.Pack) { pt.listed <- struct{}{} })
	u.onContent(func(Content) { pt.contentSeen <- struct{}{} })
	u.shell.screens[5].build = func() fyne.CanvasObject { return pt.s.root }
	u.shell.show(5)
	u.win.Resize(fyne.NewSize(1280, 800))
	u.win.Canvas().Capture()
	return pt
}

// list lists the packs again, as the app does at start, and shows them.
func (pt *packsTest) list(t *testing.T) {
	t.Helper()
	packs, err := pt.u.library.List(context.Background())
	pt.u.packs, pt.u.packsErr = packs, err
	for _, f := range pt.u.packListeners {
		f(packs)
	}
	for len(pt.listed) > 0 {
		<-pt.listed
	}
}

// wait waits for the background listing (u.refreshPacks) or pack load the screen started.
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
	p, err := pt.u.library.Install(context.Background(), src, content.InstallOptions{System: system})
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
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
			return
		case *widget.Button:
			b.WriteString("[" + w.Text + "]\n")
			return
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
			return
		case *canvas.Text:
			b.WriteString(w.Text + "\n")
			return
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
			return
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}

// button finds the visible button labelled text inside o.
func button(o fyne.CanvasObject, text string) *widget.Button {
	var found *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || found != nil || !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *widget.Button:
			if w.Text == text {
				found = w
			}
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return found
}

// dialogText is the text of the dialog on top, or "" when none shows.
func (pt *packsTest) dialogText() string {
	top := pt.u.win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	return texts(top)
}

func (pt *packsTest) tapDialog(t *testing.T, label string) {
	t.Helper()
	top := pt.u.win.Canvas().Overlays().Top()
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
		got[p.ID] = originName(p.Origin) + " " + p.Version
	}
	want := map[string]string{"bones": "yours 1.1.0", "arm": "system-wide 2.0.0", "osteon-builtin": "built-in 0.1.0"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("listed %v, want %v", got, want)
	}
	pt.u.win.Canvas().Capture()
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
	pt.u.current = Content{Pack: builtin}
	pt.list(t)
	if pt.s.selected != "osteon-builtin" {
		t.Fatalf("selected %q at start, want the current pack", pt.s.selected)
	}
	pt.u.win.Canvas().Capture()
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
	pt.u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyUp}) // nothing focused: the window passes it on
	if pt.s.selected != "osteon-builtin" {
		t.Fatalf("Up selected %q", pt.s.selected)
	}
	pt.s.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	pt.s.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if pt.u.shell.current != 0 {
		t.Fatalf("Enter left the shell on screen %d, want Explore", pt.u.shell.current)
	}
	wait(t, pt.contentSeen, "the pack to open")
	if c := pt.u.current.Pack; c == nil || c.ID != "bones" {
		t.Fatalf("Explore shows %+v", c)
	}
	if info := richText(pt.u.explore.info); !strings.Contains(info, "Shapes drawn for Osteon's tests") {
		t.Errorf("Explore's info panel lacks the credit: %q", info)
	}
}

func TestPacksInstallWithProgress(t *testing.T) {
	pt := newPacksTest(t)
	src := writePack(t, t.TempDir(), "bones", "1.0.0")
	pt.s.install.start(src)
	wait(t, pt.listed, "the list after the install")
	i := pt.s.install
	if i.updates < 2 || i.progress.Value != 1 || !strings.Contains(i.progressText.Text, "installed bones") {
		t.Errorf("progress: %d updates, bar at %v, text %q", i.updates, i.progress.Value, i.progressText.Text)
	}
	if i.progressBox.Visible() || i.zipButton.Disabled() {
		t.Error("progress still shows, or the install buttons are still disabled")
	}
	p := pt.s.pack("bones")
	if p == nil || p.Origin != content.OriginLearner || p.Dir != filepath.Join(pt.learner, "bones") {
		t.Fatalf("installed pack listed as %+v", p)
	}
	if pt.s.selected != "bones" {
		t.Errorf("selected %q after the install, want the new pack", pt.s.selected)
	}
	if d := pt.dialogText(); !strings.Contains(d, "Test bones bones 1.0.0 is installed for you, with 3 structures.") {
		t.Fatalf("success dialog: %q", d)
	}
	pt.tapDialog(t, "Open in Explore")
	wait(t, pt.contentSeen, "the pack to open")
	if c := pt.u.current.Pack; c == nil || c.ID != "bones" || pt.u.shell.current != 0 {
		t.Fatalf("after Open in Explore: pack %+v, screen %d", c, pt.u.shell.current)
	}
}

func TestPacksInstallSystemWide(t *testing.T) {
	pt := newPacksTest(t)
	i := pt.s.install
	if i.system.Disabled() {
		t.Fatal("the writable system folder is not offered")
	}
	i.system.SetChecked(true)
	i.start(writePack(t, t.TempDir(), "bones", "1.0.0"))
	wait(t, pt.listed, "the list after the install")
	if p := pt.s.pack("bones"); p == nil || p.Origin != content.OriginSystem {
		t.Fatalf("listed %+v", p)
	}
	if d := pt.dialogText(); !strings.Contains(d, "installed for everyone on this computer") {
		t.Errorf("success dialog: %q", d)
	}

	// A folder this user cannot write is explained, with the administrator's command.
	i.setSystemWritable("/usr/share/osteon/packs", false)
	if !i.system.Disabled() || i.system.Checked || !strings.Contains(i.systemNote.Text, "osteon pack install --system FILE") {
		t.Errorf("unwritable system folder: disabled %v, checked %v, note %q", i.system.Disabled(), i.system.Checked, i.systemNote.Text)
	}
	if writableDir(filepath.Join(pt.system, "a", "b")) != true || writableDir("") {
		t.Error("writableDir is wrong about a folder that can be made, or about none")
	}
}

func TestPacksRefuseBrokenPacks(t *testing.T) {
	pt := newPacksTest(t)
	pt.install(t, writePack(t, t.TempDir(), "bones", "1.0.0"), false)
	src := t.TempDir()
	badTOML := filepath.Join(src, "bad-toml")
	writeFiles(t, badTOML, map[string]string{"pack.toml": "format = 1\nid = \"bad\"\nversion = \"1.0.0\"\ntitle = \"Bad\"\nlicense = \"CC0-1.0\"\n[[structures]]\nid = \"x\"\nname = \"X\n"})
	invalid := writePack(t, src, "bones", "2.0.0")
	man := filepath.Join(invalid, "pack.toml")
	text, _ := os.ReadFile(man)
	text = []byte(strings.Replace(strings.Replace(string(text), `version = "2.0.0"`, `version = "2.0"`, 1), "#scapula\"\n\n[[structures]]\nid = \"deltoid\"", "#scapula\"\ncolor = \"#zz\"\n\n[[structures]]\nid = \"deltoid\"", 1))
	os.WriteFile(man, text, 0o644)
	os.Remove(filepath.Join(invalid, "meshes", "bones.obj"))
	evil := filepath.Join(src, "evil.zip")
	writeZip(t, evil, map[string]string{"pack.toml": "id = \"evil\"\n", "../../evil.txt": "outside"})

	for _, c := range []struct {
		name, path string
		want       []string
	}{
		{"bad TOML", badTOML, []string{"bad-toml was not installed", "Nothing was installed", "1 problem in bad-toml",
			filepath.Join(badTOML, "pack.toml"), "Line 8, field structures.name: ", "TOML syntax"}},
		{"invalid pack", invalid, []string{"bones-2.0.0 was not installed", "5 problems", "Line 3, field version: ",
			"is not a semantic version", "field structures[1].color: ", "Line 36, field structures[2].mesh: ", "Mesh file \"meshes/bones.obj\" is not in the pack"}},
		{"zip with ../", evil, []string{"evil.zip was not installed", "../../evil.txt", "outside the pack"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			learner, system, packs := snapshot(t, pt.learner), snapshot(t, pt.system), pt.u.packs
			pt.s.install.start(c.path)
			d := pt.dialogText()
			for _, w := range c.want {
				if !strings.Contains(d, w) {
					t.Errorf("report does not say %q:\n%s", w, d)
				}
			}
			if fmt.Sprint(snapshot(t, pt.learner)) != fmt.Sprint(learner) || fmt.Sprint(snapshot(t, pt.system)) != fmt.Sprint(system) {
				t.Error("a refused install changed the packs folders")
			}
			if len(pt.listed) > 0 || fmt.Sprint(pt.u.packs) != fmt.Sprint(packs) {
				t.Error("a refused install listed the packs again")
			}
			if _, err := os.Stat(filepath.Join(filepath.Dir(src), "evil.txt")); err == nil {
				t.Error("the zip wrote outside the pack")
			}
			if pt.s.install.zipButton.Disabled() {
				t.Error("install buttons left disabled")
			}
			pt.tapDialog(t, "Close")
		})
	}
	if p := pt.s.pack("bones"); p == nil || p.Version != "1.0.0" {
		t.Errorf("the installed pack is now %+v", p)
	}
}

func writeZip(t *testing.T, name string, files map[string]string) {
	t.Helper()
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	z := zip.NewWriter(f)
	for n, text := range files {
		w, err := z.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(text))
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func TestPacksRemove(t *testing.T) {
	pt := newPacksTest(t)
	src := t.TempDir()
	pt.install(t, writePack(t, src, "bones", "1.0.0"), true)
	own := pt.install(t, writePack(t, src, "bones", "1.1.0"), false)
	pt.s.selectPack("bones")
	pt.s.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	d := pt.dialogText()
	for _, w := range []string{"Remove pack?", "Test bones bones 1.1.0", own.Dir, "Osteon will then use version 1.0.0 (system-wide)", "[Keep]"} {
		if !strings.Contains(d, w) {
			t.Errorf("confirmation does not say %q:\n%s", w, d)
		}
	}
	pt.tapDialog(t, "Remove")
	wait(t, pt.listed, "the list after removal")
	if _, err := os.Stat(own.Dir); !os.IsNotExist(err) {
		t.Fatalf("the learner's copy is still there: %v", err)
	}
	p := pt.s.pack("bones")
	if p == nil || p.Origin != content.OriginSystem || pt.s.selected != "bones" {
		t.Fatalf("after removal the list shows %+v, selected %q", p, pt.s.selected)
	}

	// The system-wide copy is not the learner's to remove: the screen says who manages it and where.
	if !pt.s.removeButton.Disabled() || !strings.Contains(pt.s.removeNote.Text, "administrator") {
		t.Errorf("system pack: Remove disabled %v, note %q", pt.s.removeButton.Disabled(), pt.s.removeNote.Text)
	}
	before := snapshot(t, pt.system)
	pt.s.key(&fyne.KeyEvent{Name: fyne.KeyDelete})
	d = pt.dialogText()
	for _, w := range []string{"cannot be removed here", "installed for everyone", p.Dir, "administrator", "sudo osteon pack remove --system bones"} {
		if !strings.Contains(d, w) {
			t.Errorf("refusal does not say %q:\n%s", w, d)
		}
	}
	if fmt.Sprint(snapshot(t, pt.system)) != fmt.Sprint(before) || len(pt.listed) > 0 {
		t.Error("the system folder changed, or the list was redone")
	}
}

func TestPacksInstallOlderAsks(t *testing.T) {
	pt := newPacksTest(t)
	src := t.TempDir()
	pt.install(t, writePack(t, src, "bones", "2.0.0"), false)
	older := writePack(t, src, "bones", "1.0.0")

	pt.s.install.start(older)
	d := pt.dialogText()
	if !strings.Contains(d, "Version 2.0.0 of Test bones bones is installed (yours), and bones-1.0.0 holds the older version 1.0.0") {
		t.Fatalf("no question before a downgrade: %q", d)
	}
	pt.tapDialog(t, "No")
	if p := pt.s.pack("bones"); p.Version != "2.0.0" || pt.s.install.progressBox.Visible() || pt.s.install.zipButton.Disabled() {
		t.Fatalf("after No: version %s, busy %v", p.Version, pt.s.install.progressBox.Visible())
	}

	pt.s.install.start(older)
	pt.tapDialog(t, "Install older version")
	wait(t, pt.listed, "the list after the install")
	if p := pt.s.pack("bones"); p.Version != "1.0.0" {
		t.Fatalf("after the forced install the list shows %s", p.Version)
	}
}

func TestHumanBytes(t *testing.T) {
	for n, want := range map[int64]string{0: "0 bytes", 1: "1 byte", 999: "999 bytes", 1000: "1.0 kB", 7_654_321: "7.7 MB", 12_500_000: "12 MB", 999_960: "1.0 MB"} {
		if got := humanBytes(n); got != want {
			t.Errorf("humanBytes(%d) = %q, want %q", n, got, want)
		}
	}
}
