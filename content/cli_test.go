package content

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/osteon/osteon/content/contenttest"
)

// run runs the CLI against l and returns the exit code, stdout and stderr.
func run(t *testing.T, l *Library, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := l.RunCLI(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func mustRun(t *testing.T, l *Library, args ...string) string {
	t.Helper()
	code, out, errOut := run(t, l, args...)
	if code != ExitOK {
		t.Fatalf("osteon pack %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errOut)
	}
	return out
}

// TestCLIUpperLimb walks the instructor's path: import the BodyParts3D upper limb, validate it,
// install it system-wide, list it with its credit, refuse a learner's removal, remove it as
// staff.
func TestCLIUpperLimb(t *testing.T) {
	dir := contenttest.UpperLimb(t)
	l := testLibrary(t)
	zip := filepath.Join(t.TempDir(), "upper-limb.zip")
	code, out, errOut := run(t, l, "import", "bodyparts3d", "--out", zip, "--id", "upper-limb", "--title", "Upper limb", dir)
	if code != ExitOK || !strings.Contains(errOut, "importing 12/72 ") || !strings.Contains(out, "72 structures (64 skeletal, 8 muscular), licence CC-BY-4.0") {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	if out := mustRun(t, l, "pack", "validate", zip); !strings.Contains(out, "ok: upper-limb 1.0.0, 72 structures") {
		t.Errorf("validate: %s", out)
	}
	if out := mustRun(t, l, "install", zip, "--system"); !strings.Contains(out, "installed upper-limb 1.0.0 (system) in "+filepath.Join(l.SystemDirs[0], "upper-limb")) {
		t.Errorf("install: %s", out)
	}
	var list []listJSON
	if err := json.Unmarshal([]byte(mustRun(t, l, "list", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].Origin != "system" || list[0].Structures != 72 || !strings.Contains(list[0].Attribution, "BodyParts3D") ||
		!cmp.Equal(list[0].Systems, map[string]int{"skeletal": 64, "muscular": 8}) {
		t.Errorf("list: %+v", list)
	}
	code, _, errOut = run(t, l, "remove", "upper-limb")
	if code != ExitInvalid || !strings.Contains(errOut, "installed system-wide in "+l.SystemDirs[0]) {
		t.Errorf("learner remove of a system pack: exit %d %s", code, errOut)
	}
	mustRun(t, l, "remove", "--system", "upper-limb")
	if out := mustRun(t, l, "list"); !strings.Contains(out, "no packs installed") {
		t.Errorf("list after remove: %s", out)
	}
}

// brokenPacks writes packs an instructor might feed in by mistake.
func brokenPacks(t *testing.T) map[string]string {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	badTOML := demoFS(t)
	badTOML["pack.toml"].Data = []byte(strings.Replace(demoManifest, `title = "Demo pack"`, `title = "Demo pack`, 1))
	noMesh := demoFS(t)
	delete(noMesh, "meshes/square.obj")
	escape := []zipEntry{{name: "pack.toml", data: []byte(demoManifest)}, {name: "../../evil.txt", data: []byte("x")}}
	bomb := []zipEntry{{name: "pack.toml", data: []byte(demoManifest)}, {name: "meshes/square.obj", data: make([]byte, 64<<20)}}
	return map[string]string{
		"bad toml":     write("bad-toml.zip", zipOf(t, badTOML, "")),
		"missing mesh": writeFS(t, noMesh),
		"zip escape":   write("escape.zip", makeZip(t, escape...)),
		"zip bomb":     write("bomb.zip", makeZip(t, bomb...)),
	}
}

func TestCLIBrokenPacks(t *testing.T) {
	l := testLibrary(t)
	mustRun(t, l, "install", writeFS(t, demoFS(t)))
	before := tree(t, l.LearnerDir)
	want := map[string]string{
		"bad toml":     "bad-toml.zip/pack.toml:4: title: TOML syntax",
		"missing mesh": `pack.toml:23: structures[1].mesh: mesh file "meshes/square.obj" is not in the pack`,
		"zip escape":   "escape.zip: ../../evil.txt: path with '..': refused",
		"zip bomb":     "bomb.zip: meshes/square.obj: inflates",
	}
	for name, path := range brokenPacks(t) {
		t.Run(name, func(t *testing.T) {
			for _, cmd := range []string{"validate", "install"} {
				code, out, errOut := run(t, l, cmd, path)
				if code != ExitInvalid || !strings.Contains(errOut, want[name]) {
					t.Errorf("%s: exit %d, want 1 and %q\n%s%s", cmd, code, want[name], out, errOut)
				}
			}
			code, out, _ := run(t, l, "validate", "--json", path)
			var res []validateJSON
			if err := json.Unmarshal([]byte(out), &res); err != nil || code != ExitInvalid || len(res) != 1 || res[0].Valid || len(res[0].Problems) == 0 {
				t.Errorf("validate --json: exit %d, %v\n%s", code, err, out)
			}
		})
	}
	if diff := cmp.Diff(before, tree(t, l.LearnerDir)); diff != "" {
		t.Errorf("refused installs changed the packs folder:\n%s", diff)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(filepath.Dir(l.LearnerDir)), "evil.txt")); err == nil {
		t.Error("a file was written outside the packs folder")
	}
}

func TestCLIUsage(t *testing.T) {
	l := testLibrary(t)
	for _, args := range [][]string{
		{}, {"frobnicate"}, {"install"}, {"install", "a", "b"}, {"validate"}, {"list", "extra"}, {"list", "--bogus"},
		{"remove"}, {"import"}, {"import", "stl", "x"}, {"import", "gltf", "x.glb"}, {"export"},
	} {
		code, _, errOut := run(t, l, args...)
		if code != ExitUsage || !strings.Contains(errOut, "usage: osteon pack") {
			t.Errorf("%q: exit %d, want 2 with usage; stderr %q", args, code, errOut)
		}
	}
	if code, out, _ := run(t, l, "help"); code != ExitOK || !strings.Contains(out, "Examples:") {
		t.Errorf("help: exit %d", code)
	}
}

func TestCLIExportAndList(t *testing.T) {
	l := testLibrary(t)
	l.Builtin = demoVersion(t, "0.5.0")
	mustRun(t, l, "install", writeFS(t, demoVersion(t, "1.0.0")))
	zip := filepath.Join(t.TempDir(), "demo.zip")
	if out := mustRun(t, l, "export", "demo", "--out", zip); !strings.Contains(out, "exported demo 1.0.0 to "+zip) {
		t.Errorf("export: %s", out)
	}
	mustRun(t, l, "validate", zip)
	out := mustRun(t, l, "list")
	for _, want := range []string{"demo  1.0.0    learner   4           CC-BY-4.0  Demo pack", "0.5.0    built-in", "(hidden by the copy above) built-in"} {
		if !strings.Contains(out, want) {
			t.Errorf("list:\n%s\nwant %q", out, want)
		}
	}
	if code, _, errOut := run(t, l, "export", "nope"); code != ExitInvalid || !strings.Contains(errOut, `no installed pack has the id "nope"`) {
		t.Errorf("export of an unknown id: %d %s", code, errOut)
	}
}

func TestRunPackCLIUsesEnvironment(t *testing.T) {
	root := t.TempDir()
	t.Setenv(EnvData, filepath.Join(root, "data"))
	t.Setenv(EnvSystemPacks, filepath.Join(root, "lab"))
	t.Setenv("XDG_DATA_DIRS", filepath.Join(root, "xdg"))
	src := writeFS(t, demoFS(t))
	var out, errOut bytes.Buffer
	if code := RunPackCLI(context.Background(), []string{"pack", "install", "--system", src}, &out, &errOut); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if _, err := os.Stat(filepath.Join(root, "lab", "demo", "pack.toml")); err != nil {
		t.Errorf("--system did not install into $%s: %v", EnvSystemPacks, err)
	}
	if code := RunPackCLI(context.Background(), []string{"install", src}, &out, &errOut); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if _, err := os.Stat(filepath.Join(root, "data", "packs", "demo", "pack.toml")); err != nil {
		t.Errorf("install did not use $%s: %v", EnvData, err)
	}
}
