package content

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// checkProblems fails unless err is nil or every problem it holds names a file and what is wrong.
func checkProblems(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	var ps Problems
	if !errors.As(err, &ps) {
		return // an I/O error, not a rejection of the input
	}
	for _, p := range ps {
		if p.File == "" || p.Msg == "" {
			t.Fatalf("problem without a file or message: %+v", p)
		}
	}
}

// FuzzInstallZip feeds archives to the zip reader and the installer: nothing panics, every
// rejection names the file, a refused install changes nothing, and nothing is written outside
// the packs folder.
func FuzzInstallZip(f *testing.F) {
	f.Add(zipOf(f, demoFS(f), ""))
	f.Add(zipOf(f, demoFS(f), "top/"))
	f.Add(makeZip(f, zipEntry{name: "pack.toml", data: []byte(demoManifest)}, zipEntry{name: "../x", data: []byte("x")}))
	f.Add(makeZip(f, zipEntry{name: "pack.toml", data: []byte(demoManifest)}, zipEntry{name: "l", mode: os.ModeSymlink, data: []byte("/")}))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		root := t.TempDir()
		dir := filepath.Join(root, "packs")
		if _, err := InstallPack(context.Background(), mustOpen(t, demoVersion(t, "0.0.1")), dir, InstallOptions{}); err != nil {
			t.Fatal(err)
		}
		before := tree(t, root)
		p, err := openZip(bytes.NewReader(data), int64(len(data)), "fuzz.zip", testLimits)
		checkProblems(t, err)
		if err != nil {
			return
		}
		_, err = InstallPack(context.Background(), p, dir, InstallOptions{Force: true})
		checkProblems(t, err)
		after := tree(t, root)
		for name := range after {
			if !strings.HasPrefix(name, "packs/") && name != "./" && name != "packs/" {
				t.Fatalf("%s written outside the packs folder", name)
			}
		}
		if err != nil {
			if diff := cmp.Diff(before, after); diff != "" {
				t.Fatalf("a refused install changed the packs folder:\n%s", diff)
			}
			return
		}
		for name := range after {
			if name != "./" && name != "packs/" && name != "packs/"+lockName && !strings.HasPrefix(name, "packs/"+p.ID+"/") && !strings.HasPrefix(name, "packs/demo/") {
				t.Fatalf("install left %s", name)
			}
		}
	})
}

// FuzzImportBodyParts3D feeds parts lists and OBJ files to the importer: nothing panics, every
// rejection names a file, nothing is written on refusal or outside the output, and what it
// writes validates.
func FuzzImportBodyParts3D(f *testing.F) {
	f.Add([]byte("fma_id,name_en,system,file\nFMA1,Left thing,skeletal,a.obj\nFMA1,Right thing,skeletal,b.obj\n"), []byte(quadOBJ))
	f.Add([]byte("id\tname\nFMA2\tSquare\n"), []byte(quadOBJ))
	f.Add([]byte("fma_id,name_en,file\nFMA3,X,../../etc/passwd\n"), []byte("v 0 0 0\n"))
	f.Add([]byte("name_en\nA\n"), []byte(""))
	f.Fuzz(func(t *testing.T, csv, obj []byte) {
		root := t.TempDir()
		src := filepath.Join(root, "src")
		os.MkdirAll(src, 0o755)
		os.WriteFile(filepath.Join(src, "structures.csv"), csv, 0o644)
		os.WriteFile(filepath.Join(src, "a.obj"), obj, 0o644)
		os.WriteFile(filepath.Join(src, "FMA2.obj"), obj, 0o644)
		os.WriteFile(filepath.Join(src, "b.obj"), []byte(quadOBJ), 0o644)
		before := tree(t, src)
		out := filepath.Join(root, "out")
		_, err := ImportBodyParts3D(context.Background(), src, "", ImportOptions{Out: out, License: "CC0-1.0"})
		checkFuzzedImport(t, root, out, err)
		if diff := cmp.Diff(before, tree(t, src)); diff != "" {
			t.Fatalf("the import changed its source:\n%s", diff)
		}
	})
}

// FuzzImportGLTF feeds glTF files to the glTF importer.
func FuzzImportGLTF(f *testing.F) {
	f.Add(glbDoc(f, `{"fma_id":"FMA1","name_en":"Left x","side":"left"}`, `{"fma_id":"FMA1","side":"right","parent":"node_0"}`))
	f.Add(glbDoc(f, `{"id":"a b#c"}`, `{}`))
	f.Add([]byte(`{"asset":{"version":"2.0"},"buffers":[{"uri":"../x.bin","byteLength":1}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		root := t.TempDir()
		src := filepath.Join(root, "scene.glb")
		os.WriteFile(src, data, 0o644)
		out := filepath.Join(root, "out")
		_, err := ImportGLTF(context.Background(), src, ImportOptions{Out: out, License: "CC0-1.0"})
		checkFuzzedImport(t, root, out, err)
	})
}

func checkFuzzedImport(t *testing.T, root, out string, err error) {
	t.Helper()
	checkProblems(t, err)
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		if n := e.Name(); n != "src" && n != "scene.glb" && n != "out" {
			t.Fatalf("the import left %s beside its output", n)
		}
	}
	if err != nil {
		if _, serr := os.Stat(out); serr == nil {
			t.Fatalf("a refused import wrote %s (%v)", out, err)
		}
		return
	}
	p, err := OpenPackPath(out)
	if err != nil {
		t.Fatalf("the imported pack does not open: %v", err)
	}
	if ps := ValidatePack(context.Background(), p, nil); len(ps) > 0 {
		t.Fatalf("the imported pack does not validate: %v", ps)
	}
	if _, err := LoadPackScene(context.Background(), p); err != nil {
		t.Fatalf("the imported pack does not load: %v", err)
	}
}

// FuzzZipEntryNames builds valid archives from fuzzed entry names, modes and sizes, so the
// checks on names and types meet many more cases than raw bytes reach; an accepted archive is
// installed, and nothing may land outside the packs folder.
func FuzzZipEntryNames(f *testing.F) {
	for _, n := range []string{"../x", "a/../../x", "/etc/x", `..\x`, "C:/x", "a//b", "./a", "meshes/", "pack.toml", "ok.txt"} {
		f.Add(n, uint32(0), 3)
	}
	f.Add("l", uint32(os.ModeSymlink|0o777), 3)
	f.Add("d", uint32(os.ModeDevice|0o600), 0)
	f.Fuzz(func(t *testing.T, name string, mode uint32, size int) {
		if size < 0 || size > 1<<16 {
			return
		}
		es := []zipEntry{{name: "pack.toml", data: []byte(demoManifest)}}
		for n, file := range demoFS(t) {
			if n != "pack.toml" {
				es = append(es, zipEntry{name: n, data: file.Data})
			}
		}
		es = append(es, zipEntry{name: name, data: bytes.Repeat([]byte("x"), size), mode: os.FileMode(mode)})
		var buf []byte
		func() {
			defer func() { recover() }() // archive/zip refuses some names and modes itself
			buf = makeZip(t, es...)
		}()
		if buf == nil {
			return
		}
		root := t.TempDir()
		dir := filepath.Join(root, "packs")
		p, err := openZip(bytes.NewReader(buf), int64(len(buf)), "fuzz.zip", testLimits)
		checkProblems(t, err)
		if err != nil {
			return
		}
		_, err = InstallPack(context.Background(), p, dir, InstallOptions{})
		checkProblems(t, err)
		for n := range tree(t, root) {
			if n != "./" && n != "packs/" && n != "packs/"+lockName && !strings.HasPrefix(n, "packs/demo/") {
				t.Fatalf("entry %q: %s written outside the pack's folder (install error %v)", name, n, err)
			}
		}
	})
}
