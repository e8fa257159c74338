package content

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// writeFS writes a MapFS into a new folder and returns it.
func writeFS(t testing.TB, fsys fstest.MapFS) string {
	t.Helper()
	dir := t.TempDir()
	for name, f := range fsys {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// demoVersion is the demo pack at another version.
func demoVersion(t testing.TB, version string) fstest.MapFS {
	fsys := demoFS(t)
	fsys["pack.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(demoManifest, `version = "1.0.0"`, `version = "`+version+`"`, 1))}
	return fsys
}

// tree lists every path under dir with the content of files, to compare folders.
func tree(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			out[filepath.ToSlash(rel)+"/"] = ""
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.ToSlash(rel)] = string(data)
		return nil
	})
	return out
}

func testLibrary(t *testing.T) *Library {
	root := t.TempDir()
	return &Library{
		SystemDirs:       []string{filepath.Join(root, "sys1"), filepath.Join(root, "sys2")},
		SystemInstallDir: filepath.Join(root, "sys1"),
		LearnerDir:       filepath.Join(root, "learner"),
	}
}

func TestInstallUpgradeDowngrade(t *testing.T) {
	l := testLibrary(t)
	ctx := context.Background()
	var last int64
	var steps int
	progress := func(done, total int64, what string) {
		if done < last || done > total {
			t.Errorf("progress %d/%d after %d (%s)", done, total, last, what)
		}
		last = done
		steps++
	}
	p, err := l.Install(ctx, writeFS(t, demoVersion(t, "1.0.0")), InstallOptions{Progress: progress})
	if err != nil {
		t.Fatal(err)
	}
	if p.Origin != OriginLearner || p.Dir != filepath.Join(l.LearnerDir, "demo") || p.Version != "1.0.0" || steps < 5 {
		t.Fatalf("installed %s %s at %s (%v), %d progress calls", p.ID, p.Version, p.Dir, p.Origin, steps)
	}
	if _, err := l.Install(ctx, writeFS(t, demoVersion(t, "1.1.0")), InstallOptions{}); err != nil {
		t.Fatal(err)
	}
	want := tree(t, writeFS(t, demoVersion(t, "1.1.0")))
	if diff := cmp.Diff(want, tree(t, filepath.Join(l.LearnerDir, "demo"))); diff != "" {
		t.Errorf("upgraded pack differs from its source (-want +got):\n%s", diff)
	}
	if names := dirNames(t, l.LearnerDir); !cmp.Equal(names, []string{"demo"}) {
		t.Errorf("packs folder holds %v, want only demo", names)
	}
	_, err = l.Install(ctx, writeFS(t, demoVersion(t, "0.9.0")), InstallOptions{})
	if err == nil || !strings.Contains(err.Error(), "version 1.1.0 is installed") {
		t.Fatalf("downgrade: %v", err)
	}
	if p, err := l.Install(ctx, writeFS(t, demoVersion(t, "0.9.0")), InstallOptions{Force: true}); err != nil || p.Version != "0.9.0" {
		t.Fatalf("forced downgrade: %v", err)
	}
}

// dirNames lists a folder, without the packs folder's lock file.
func dirNames(t testing.TB, dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.Name() != lockName {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out
}

func TestInstallInvalidChangesNothing(t *testing.T) {
	l := testLibrary(t)
	ctx := context.Background()
	if _, err := l.Install(ctx, writeFS(t, demoVersion(t, "1.0.0")), InstallOptions{}); err != nil {
		t.Fatal(err)
	}
	before := tree(t, l.LearnerDir)
	bad := demoVersion(t, "2.0.0")
	delete(bad, "meshes/square.obj")
	_, err := l.Install(ctx, writeFS(t, bad), InstallOptions{})
	var ps Problems
	if !errors.As(err, &ps) || !strings.Contains(ps.Error(), `mesh file "meshes/square.obj" is not in the pack`) {
		t.Fatalf("error %v, want the missing mesh", err)
	}
	if diff := cmp.Diff(before, tree(t, l.LearnerDir)); diff != "" {
		t.Errorf("a refused install changed the packs folder (-before +after):\n%s", diff)
	}
}

func TestListShadowsAndRemove(t *testing.T) {
	l := testLibrary(t)
	l.Builtin = demoVersion(t, "1.0.0")
	ctx := context.Background()
	if _, err := l.Install(ctx, writeFS(t, demoVersion(t, "2.0.0")), InstallOptions{System: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := InstallPack(ctx, mustOpen(t, demoVersion(t, "1.5.0")), l.SystemDirs[1], InstallOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Install(ctx, writeFS(t, demoVersion(t, "2.0.0")), InstallOptions{}); err != nil {
		t.Fatal(err)
	}
	list, err := l.List(ctx)
	if err != nil || len(list) != 1 {
		t.Fatalf("list %v, %v", list, err)
	}
	type copyOf struct {
		Origin  Origin
		Version string
		Dir     string
	}
	got := []copyOf{{list[0].Origin, list[0].Version, list[0].Dir}}
	for _, s := range list[0].Shadows {
		got = append(got, copyOf{s.Origin, s.Version, s.Dir})
	}
	want := []copyOf{ // equal versions: learner beats system; then by version
		{OriginLearner, "2.0.0", filepath.Join(l.LearnerDir, "demo")},
		{OriginSystem, "2.0.0", filepath.Join(l.SystemDirs[0], "demo")},
		{OriginSystem, "1.5.0", filepath.Join(l.SystemDirs[1], "demo")},
		{OriginBuiltin, "1.0.0", ""},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("copies (-want +got):\n%s", diff)
	}
	if err := l.Remove("demo"); err != nil {
		t.Fatal(err)
	}
	err = l.Remove("demo")
	if !errors.Is(err, ErrSystemManaged) || !strings.Contains(err.Error(), l.SystemDirs[1]) {
		t.Fatalf("removing a system pack: %v", err)
	}
	for _, d := range l.SystemDirs {
		if err := RemoveFrom(d, "demo"); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.Remove("demo"); !errors.Is(err, ErrBuiltin) {
		t.Fatalf("removing the built-in pack: %v", err)
	}
	if err := l.Remove("nope"); !errors.Is(err, ErrNotInstalled) {
		t.Fatalf("removing an unknown pack: %v", err)
	}
}

func mustOpen(t testing.TB, fsys fstest.MapFS) *Pack {
	p, err := OpenPack(fsys, "test")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRecoverDir(t *testing.T) {
	dir := t.TempDir()
	mk := func(name, content string) {
		os.MkdirAll(filepath.Join(dir, name), 0o755)
		os.WriteFile(filepath.Join(dir, name, "pack.toml"), []byte(content), 0o644)
	}
	mk("a", "new a")
	mk(".osteon-old-0123456789abcdef-a", "old a")           // update landed: remove
	mk(".osteon-old-1123456789abcdef-b", "old b")           // update did not land: restore
	mk(".osteon-tmp-2123456789abcdef-b", "half b")          // unfinished copy: remove
	mk(".osteon-del-3123456789abcdef-c", "removed c")       // unfinished removal: remove
	mk(".osteon-old-nothexnothexnoth-d", "not ours")        // not a leftover name: keep
	os.WriteFile(filepath.Join(dir, ".hidden"), nil, 0o644) // keep
	if err := RecoverDir(dir); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"./": "", "a/": "", "a/pack.toml": "new a", "b/": "", "b/pack.toml": "old b",
		".osteon-old-nothexnothexnoth-d/": "", ".osteon-old-nothexnothexnoth-d/pack.toml": "not ours", ".hidden": ""}
	got := tree(t, dir)
	delete(got, lockName)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("after recovery (-want +got):\n%s", diff)
	}
	if err := RecoverDir(filepath.Join(dir, "missing")); err != nil {
		t.Errorf("missing folder: %v", err)
	}
}

// TestConcurrentInstalls: installs and recoveries racing on one packs folder (the app and the
// CLI at once) all succeed and leave exactly one complete pack.
func TestConcurrentInstalls(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "packs")
	versions := []string{"1.0.0", "1.0.1", "1.0.2", "1.0.3", "1.0.4", "1.0.5"}
	trees := map[string]map[string]string{}
	for _, v := range versions {
		trees[v] = tree(t, writeFS(t, demoVersion(t, v)))
	}
	errs := make(chan error, 2*len(versions))
	for _, v := range versions {
		p := mustOpen(t, demoVersion(t, v))
		go func() {
			_, err := InstallPack(context.Background(), p, dir, InstallOptions{Force: true})
			errs <- err
		}()
		go func() { errs <- RecoverDir(dir) }()
	}
	for range 2 * len(versions) {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	if names := dirNames(t, dir); !cmp.Equal(names, []string{"demo"}) {
		t.Fatalf("packs folder holds %v", names)
	}
	installed, err := OpenPack(os.DirFS(filepath.Join(dir, "demo")), "installed")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(trees[installed.Version], tree(t, filepath.Join(dir, "demo"))); diff != "" {
		t.Fatalf("the installed pack is not exactly version %s:\n%s", installed.Version, diff)
	}
}
