package content

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/osteon/osteon/content/contenttest"
)

// BenchmarkImportHRAFemale imports the twenty female organ files as one pack and, in the same
// iterations, reads the same bytes with os.ReadFile: import-MB/s, readfile-MB/s and their ratio
// (import time over read time; how many times slower than just reading the bytes).
func BenchmarkImportHRAFemale(b *testing.B) {
	dir := contenttest.HRAFemale(b)
	files, err := GLTFFiles([]string{dir})
	if err != nil {
		b.Fatal(err)
	}
	size := int64(0)
	for _, f := range files {
		st, _ := os.Stat(f)
		size += st.Size()
	}
	var importT, readT time.Duration
	tmp := b.TempDir()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		for _, f := range files {
			if _, err := os.ReadFile(f); err != nil {
				b.Fatal(err)
			}
		}
		readT += time.Since(start)
		start = time.Now()
		out := filepath.Join(tmp, "p"+strconv.Itoa(i))
		if _, err := ImportGLTFSet(context.Background(), files, ImportOptions{Out: out, License: "CC-BY-4.0"}); err != nil {
			b.Fatal(err)
		}
		importT += time.Since(start)
		os.RemoveAll(out)
	}
	mb := float64(size) * float64(b.N) / 1e6
	b.ReportMetric(mb/importT.Seconds(), "import-MB/s")
	b.ReportMetric(mb/readT.Seconds(), "readfile-MB/s")
	b.ReportMetric(importT.Seconds()/readT.Seconds(), "import/readfile")
}

// BenchmarkGetHRAFemale runs pack get of the female set from a 127.0.0.1 server (download,
// checksums, import, install) and, in the same iterations, copies the same files from disk to
// disk: get-MB/s, copy-MB/s and their ratio (get time over copy time).
func BenchmarkGetHRAFemale(b *testing.B) {
	srv := newCatalogServerB(b)
	c, _ := DefaultCatalog()
	set := c.Set("hra-v1.2-female")
	var getT, copyT time.Duration
	tmp := b.TempDir()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		root := filepath.Join(tmp, strconv.Itoa(i))
		start := time.Now()
		for _, f := range set.Files {
			if err := copyBytes(filepath.Join(srv.dir, f.Name), filepath.Join(root, "copy", f.Name)); err != nil {
				b.Fatal(err)
			}
		}
		copyT += time.Since(start)
		lib := &Library{LearnerDir: filepath.Join(root, "packs")}
		start = time.Now()
		if _, err := lib.Get(context.Background(), set, GetOptions{Mirror: srv.URL}); err != nil {
			b.Fatal(err)
		}
		getT += time.Since(start)
		os.RemoveAll(root)
	}
	mb := float64(set.Size()) * float64(b.N) / 1e6
	b.ReportMetric(mb/getT.Seconds(), "get-MB/s")
	b.ReportMetric(mb/copyT.Seconds(), "copy-MB/s")
	b.ReportMetric(getT.Seconds()/copyT.Seconds(), "get/copy")
}

func copyBytes(src, dst string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
