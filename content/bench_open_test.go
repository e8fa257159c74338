package content

import (
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/osteon/osteon/content/contenttest"
)

// BenchmarkOpenGLB opens .glb files into scenes with OpenFile and, in the same iterations, reads
// the same bytes with os.ReadFile, taking turns (which goes first alternates). It reports
// load-vs-readfile (read time over open time: 1 means opening costs no more than reading),
// ms-per-file (OpenFile alone), readfile-ms-per-file and alloc-per-file-byte (bytes OpenFile allocates per byte of
// file, the file's own buffer included).
func BenchmarkOpenGLB(b *testing.B) {
	sets := []struct {
		name  string
		files func(testing.TB) []string
	}{
		{"file=upper-limb", func(tb testing.TB) []string {
			return []string{filepath.Join(contenttest.UpperLimb(tb), "upper_limb_all.glb")}
		}},
		{"file=hra-female", func(tb testing.TB) []string {
			files, err := filepath.Glob(filepath.Join(contenttest.HRAFemale(tb), "*.glb"))
			if err != nil || len(files) != 20 {
				tb.Fatalf("%d HRA files, %v", len(files), err)
			}
			return files
		}},
	}
	for _, set := range sets {
		b.Run(set.name, func(b *testing.B) { benchOpen(b, set.files(b)) })
	}
	b.Run("file=limb30", benchLimb30)
}

// benchLimb30 measures as render's BenchmarkScale does for its limb30 scene: the upper limb opened
// 30 times, as many at a time as there are cores, keeping every scene, against the best of three
// sequential os.ReadFile passes over the same 30 files. load-vs-readfile here leaves out
// render.NewModel; ms-per-file is wall time over 30.
func benchLimb30(b *testing.B) {
	file := filepath.Join(contenttest.UpperLimb(b), "upper_limb_all.glb")
	files := make([]string, 30)
	for i := range files {
		files[i] = file
	}
	var readT, openT time.Duration
	for b.Loop() {
		best := time.Duration(1 << 62)
		for range 3 {
			start := time.Now()
			for _, f := range files {
				if _, err := os.ReadFile(f); err != nil {
					b.Fatal(err)
				}
			}
			best = min(best, time.Since(start))
		}
		readT += best
		runtime.GC()
		start := time.Now()
		scenes := make([]*Scene, len(files))
		errs := make([]error, len(files))
		var wg sync.WaitGroup
		sem := make(chan struct{}, runtime.GOMAXPROCS(0))
		for i, f := range files {
			wg.Add(1)
			sem <- struct{}{}
			go func() {
				defer func() { <-sem; wg.Done() }()
				scenes[i], errs[i] = OpenFile(f)
			}()
		}
		wg.Wait()
		openT += time.Since(start)
		for _, err := range errs {
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(readT.Seconds()/openT.Seconds(), "load-vs-readfile")
	b.ReportMetric(openT.Seconds()*1e3/float64(b.N*len(files)), "ms-per-file")
	b.ReportMetric(readT.Seconds()*1e3/float64(b.N*len(files)), "readfile-ms-per-file")
}

func benchOpen(b *testing.B, files []string) {
	size := int64(0)
	for _, f := range files {
		st, err := os.Stat(f)
		if err != nil {
			b.Fatal(err)
		}
		size += st.Size()
	}
	b.SetBytes(size)
	b.ReportAllocs()
	var readT, openT time.Duration
	var alloc uint64
	var ms runtime.MemStats
	n := 0
	for b.Loop() {
		read := func() {
			start := time.Now()
			for _, f := range files {
				if _, err := os.ReadFile(f); err != nil {
					b.Fatal(err)
				}
			}
			readT += time.Since(start)
		}
		open := func() {
			runtime.ReadMemStats(&ms)
			before := ms.TotalAlloc
			start := time.Now()
			for _, f := range files {
				if _, err := OpenFile(f); err != nil {
					b.Fatal(err)
				}
			}
			openT += time.Since(start)
			runtime.ReadMemStats(&ms)
			alloc += ms.TotalAlloc - before
		}
		if n%2 == 0 {
			read()
			open()
		} else {
			open()
			read()
		}
		n++
	}
	b.ReportMetric(readT.Seconds()/openT.Seconds(), "load-vs-readfile")
	b.ReportMetric(openT.Seconds()*1e3/float64(n*len(files)), "ms-per-file")
	b.ReportMetric(readT.Seconds()*1e3/float64(n*len(files)), "readfile-ms-per-file")
	b.ReportMetric(float64(alloc)/float64(int64(n)*size), "alloc-per-file-byte")
}
