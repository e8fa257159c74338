package packs

import (
	"archive/zip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/ui/kit"
)

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
	if c := pt.sh.Content().Pack; c == nil || c.ID != "bones" || pt.sh.Current() != kit.Explore {
		t.Fatalf("after Open in Explore: pack %+v, screen %s", c, pt.sh.Current())
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
			learner, system, packs := snapshot(t, pt.learner), snapshot(t, pt.system), pt.sh.PackList
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
			if len(pt.listed) > 0 || fmt.Sprint(pt.sh.PackList) != fmt.Sprint(packs) {
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
