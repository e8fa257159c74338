package content

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/osteon/osteon/content/contenttest"
)

// upperLimbOBJ lists the upper-limb OBJ files and their total size.
func upperLimbOBJ(b *testing.B) (dir string, files []string, size int64) {
	dir = contenttest.UpperLimb(b)
	files, err := filepath.Glob(filepath.Join(dir, "meshes", "obj", "*.obj"))
	if err != nil || len(files) != 72 {
		b.Fatalf("%d OBJ files, %v", len(files), err)
	}
	for _, f := range files {
		st, err := os.Stat(f)
		if err != nil {
			b.Fatal(err)
		}
		size += st.Size()
	}
	return dir, files, size
}

// BenchmarkReadOBJFiles is the baseline: os.ReadFile of the same 72 OBJ files.
func BenchmarkReadOBJFiles(b *testing.B) {
	_, files, size := upperLimbOBJ(b)
	b.SetBytes(size)
	for b.Loop() {
		for _, f := range files {
			if _, err := os.ReadFile(f); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkImportBodyParts3D imports the upper limb (72 OBJ files and structures.csv) into a
// pack folder: read, parse and copy every mesh, write and check pack.toml.
func BenchmarkImportBodyParts3D(b *testing.B) {
	dir, _, size := upperLimbOBJ(b)
	tmp := b.TempDir()
	b.SetBytes(size)
	n := 0
	for b.Loop() {
		n++
		out := filepath.Join(tmp, fmt.Sprint(n))
		if _, err := ImportBodyParts3D(context.Background(), dir, "", ImportOptions{Out: out}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		os.RemoveAll(out)
		b.StartTimer()
	}
}

// BenchmarkLoadPackScene opens the imported upper-limb pack and assembles its render-ready
// scene: 72 structures, every mesh parsed into upload-ready arrays.
func BenchmarkLoadPackScene(b *testing.B) {
	dir, _, size := upperLimbOBJ(b)
	out := filepath.Join(b.TempDir(), "pack")
	if _, err := ImportBodyParts3D(context.Background(), dir, "", ImportOptions{Out: out}); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	for b.Loop() {
		p, err := OpenPackPath(out)
		if err != nil {
			b.Fatal(err)
		}
		s, err := LoadPackScene(context.Background(), p)
		if err != nil || len(s.Parts) != 72 {
			b.Fatalf("%d parts, %v", len(s.Parts), err)
		}
	}
}

// BenchmarkReadGLBFile is the baseline for BenchmarkLoadPackSceneGLB: os.ReadFile of
// upper_limb_all.glb.
func BenchmarkReadGLBFile(b *testing.B) {
	glb := filepath.Join(contenttest.UpperLimb(b), "upper_limb_all.glb")
	st, err := os.Stat(glb)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Size())
	for b.Loop() {
		if _, err := os.ReadFile(glb); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadPackSceneGLB loads the same 72 structures from a pack made by the glTF importer:
// one binary file, every structure a node of it.
func BenchmarkLoadPackSceneGLB(b *testing.B) {
	glb := filepath.Join(contenttest.UpperLimb(b), "upper_limb_all.glb")
	st, err := os.Stat(glb)
	if err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "pack")
	if _, err := ImportGLTF(context.Background(), glb, ImportOptions{Out: out}); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Size())
	for b.Loop() {
		p, err := OpenPackPath(out)
		if err != nil {
			b.Fatal(err)
		}
		s, err := LoadPackScene(context.Background(), p)
		if err != nil || len(s.Parts) != 72 {
			b.Fatalf("%d parts, %v", len(s.Parts), err)
		}
	}
}
