package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/osteon/osteon/assets"
	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/content/contenttest"
)

// runPackT runs the pack commands against l and returns the exit code, stdout and stderr.
func runPackT(t *testing.T, l *content.Library, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := runPack(context.Background(), l, args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func mustPack(t *testing.T, l *content.Library, args ...string) string {
	t.Helper()
	code, out, errOut := runPackT(t, l, args...)
	if code != packExitOK {
		t.Fatalf("osteon pack %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errOut)
	}
	return out
}

func packTestLibrary(t *testing.T) *content.Library {
	root := t.TempDir()
	return &content.Library{
		SystemDirs:       []string{filepath.Join(root, "sys1"), filepath.Join(root, "sys2")},
		SystemInstallDir: filepath.Join(root, "sys1"),
		LearnerDir:       filepath.Join(root, "learner"),
	}
}

// builtinCopy writes the built-in pack to a folder, with change applied to its pack.toml.
func builtinCopy(t *testing.T, change func(manifest string) string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "pack")
	err := fs.WalkDir(assets.BuiltinPack(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(assets.BuiltinPack(), p)
		if err != nil {
			return err
		}
		if p == "pack.toml" {
			data = []byte(change(string(data)))
		}
		os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755)
		return os.WriteFile(filepath.Join(dir, p), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestPackCLIUpperLimb walks the instructor's path: import the BodyParts3D upper limb, validate
// it, install it system-wide, list it with its credit, refuse a learner's removal, remove it as
// staff.
func TestPackCLIUpperLimb(t *testing.T) {
	dir := contenttest.UpperLimb(t)
	l := packTestLibrary(t)
	zip := filepath.Join(t.TempDir(), "upper-limb.zip")
	code, out, errOut := runPackT(t, l, "import", "bodyparts3d", "--out", zip, "--id", "upper-limb", "--title", "Upper limb", dir)
	if code != packExitOK || !strings.Contains(errOut, "importing 12/72 ") || !strings.Contains(out, "72 structures (64 skeletal, 8 muscular), licence CC-BY-4.0") ||
		!strings.Contains(out, "next: osteon pack validate "+zip) {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	if out := mustPack(t, l, "validate", zip); !strings.Contains(out, "ok: upper-limb 1.0.0, 72 structures") {
		t.Errorf("validate: %s", out)
	}
	if out := mustPack(t, l, "install", zip, "--system"); !strings.Contains(out, "installed upper-limb 1.0.0 (system) in "+filepath.Join(l.SystemDirs[0], "upper-limb")) {
		t.Errorf("install: %s", out)
	}
	var list []listJSON
	if err := json.Unmarshal([]byte(mustPack(t, l, "list", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].Origin != "system" || list[0].Structures != 72 || !strings.Contains(list[0].Attribution, "BodyParts3D") {
		t.Errorf("list: %+v", list)
	}
	code, _, errOut = runPackT(t, l, "remove", "upper-limb")
	if code != packExitFailure || !strings.Contains(errOut, "installed system-wide in "+l.SystemDirs[0]) {
		t.Errorf("learner remove of a system pack: exit %d %s", code, errOut)
	}
	mustPack(t, l, "remove", "--system", "upper-limb")
	if out := mustPack(t, l, "list"); !strings.Contains(out, "no packs installed") {
		t.Errorf("list after remove: %s", out)
	}
}

func TestPackCLIBrokenPacks(t *testing.T) {
	l := packTestLibrary(t)
	for name, tc := range map[string]struct{ change, want string }{
		"bad toml":     {`title = "Osteon schematic upper limb"`, fmt.Sprintf("pack.toml:%d: title: TOML syntax", builtinLine(t, "title = "))},
		"missing mesh": {`mesh = "upper_limb.glb#Humerus"`, `mesh file "nope.glb" is not in the pack`},
	} {
		path := builtinCopy(t, func(m string) string {
			if name == "bad toml" {
				return strings.Replace(m, tc.change, `title = "Osteon`, 1)
			}
			return strings.Replace(m, tc.change, `mesh = "nope.glb#Humerus"`, 1)
		})
		for _, cmd := range []string{"validate", "install"} {
			code, out, errOut := runPackT(t, l, cmd, path)
			if code != packExitFailure || !strings.Contains(errOut, tc.want) {
				t.Errorf("%s %s: exit %d, want 1 and %q\n%s%s", name, cmd, code, tc.want, out, errOut)
			}
		}
		code, out, _ := runPackT(t, l, "validate", "--json", path)
		var res []validateJSON
		if err := json.Unmarshal([]byte(out), &res); err != nil || code != packExitFailure || len(res) != 1 || res[0].Valid {
			t.Errorf("%s: validate --json: exit %d, %v\n%s", name, code, err, out)
		}
	}
	if ents, _ := os.ReadDir(l.LearnerDir); len(ents) > 1 {
		t.Errorf("refused installs left %d entries in the packs folder", len(ents))
	}
}

func TestPackCLIUsage(t *testing.T) {
	l := packTestLibrary(t)
	for _, args := range [][]string{
		{}, {"frobnicate"}, {"install"}, {"install", "a", "b"}, {"validate"}, {"list", "extra"}, {"list", "--bogus"},
		{"remove"}, {"import"}, {"import", "stl", "x"}, {"import", "gltf", "x.glb"}, {"export"}, {"get"}, {"get", "a", "b"},
		{"catalog", "x"},
	} {
		code, _, errOut := runPackT(t, l, args...)
		if code != packExitUsage || !strings.Contains(errOut, "usage: osteon pack") {
			t.Errorf("%q: exit %d, want 2 with usage; stderr %q", args, code, errOut)
		}
	}
	if code, out, _ := runPackT(t, l, "help"); code != packExitOK || !strings.Contains(out, "Examples:") || !strings.Contains(out, "get [--mirror URL]") {
		t.Errorf("help: exit %d", code)
	}
}

func TestPackCLIExportAndEnvironment(t *testing.T) {
	root := t.TempDir()
	t.Setenv(content.EnvData, filepath.Join(root, "data"))
	t.Setenv(content.EnvSystemPacks, filepath.Join(root, "lab"))
	t.Setenv("XDG_DATA_DIRS", filepath.Join(root, "xdg"))
	var out, errOut bytes.Buffer
	if code := cmdPack(context.Background(), []string{"install", "--system", builtinCopy(t, func(m string) string { return m })}, &out, &errOut); code != packExitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if _, err := os.Stat(filepath.Join(root, "lab", "osteon-builtin", "pack.toml")); err != nil {
		t.Errorf("--system did not install into $%s: %v", content.EnvSystemPacks, err)
	}
	zip := filepath.Join(root, "b.zip")
	if code := cmdPack(context.Background(), []string{"export", "--out", zip, "osteon-builtin"}, &out, &errOut); code != packExitOK || !strings.Contains(out.String(), "exported osteon-builtin") {
		t.Fatalf("export: exit %d: %s%s", code, out.String(), errOut.String())
	}
	if code, _, errOut := runPackT(t, packTestLibrary(t), "export", "nope"); code != packExitFailure || !strings.Contains(errOut, `no installed pack has the id "nope"`) {
		t.Errorf("export of an unknown id: %d %s", code, errOut)
	}
}

// TestPackCLIImportFolderAndGet: import the shared female organ folder as one pack; get the
// female set from a 127.0.0.1 server named by $OSTEON_CATALOG_MIRROR, with a progress bar.
func TestPackCLIImportFolderAndGet(t *testing.T) {
	models := contenttest.HRAFemale(t)
	l := packTestLibrary(t)
	out := filepath.Join(t.TempDir(), "female")
	code, stdout, errOut := runPackT(t, l, "import", "gltf", "--out", out, "--license", "CC-BY-4.0", "--attribution", "HRA v1.2", models)
	if code != packExitOK || !strings.Contains(errOut, "importing 100% writing 286 structures from 20 files") ||
		!strings.Contains(stdout, "286 structures (107 urinary, 68 skeletal, 61 digestive, 23 reproductive, 18 cardiovascular, 9 lymphatic)") {
		t.Fatalf("import: exit %d\n%s%s", code, stdout, errOut)
	}
	srv := httptestFileServer(t, models)
	t.Setenv(content.EnvCatalogMirror, srv)
	code, stdout, errOut = runPackT(t, l, "get", "hra-v1.2-female")
	if code != packExitOK || !strings.Contains(errOut, "fetching [####################] 100% 14.0 MB of 14.0 MB") ||
		!strings.Contains(stdout, "installed hra-v1.2-female 1.0.0 (learner)") || !strings.Contains(stdout, "credit: Human Reference Atlas") {
		t.Fatalf("get: exit %d\n%s%s", code, stdout, errOut)
	}
	if code, _, errOut := runPackT(t, l, "get", "nonesuch"); code != packExitFailure || !strings.Contains(errOut, `the catalog has no set "nonesuch"`) {
		t.Errorf("unknown set: %d %s", code, errOut)
	}
	if out := mustPack(t, l, "catalog"); !strings.Contains(out, "hra-v1.2-female  20     14.0 MB  CC-BY-4.0") {
		t.Errorf("catalog:\n%s", out)
	}
}

// builtinLine is the line of the built-in manifest that starts with prefix.
func builtinLine(t *testing.T, prefix string) int {
	t.Helper()
	data, err := fs.ReadFile(assets.BuiltinPack(), "pack.toml")
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, prefix) {
			return i + 1
		}
	}
	t.Fatalf("no line starting %q in the built-in pack.toml", prefix)
	return 0
}
