package render

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"testing"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/content/contenttest"
)

// hraDir is the shared Human Reference Atlas female organs, relative to the repository root.
const hraDir = "../../shared/testdata/hra-female-organs/models"

// scaleScene is a whole-body-sized scene made from the shared real meshes: the files it is read
// from (one entry per copy) and how far each copy is moved.
type scaleScene struct {
	name  string
	files []string
	shift [][3]float32
}

// limb30 is the BodyParts3D upper limb read 30 times and laid out in a 6 x 5 grid: 2,160 parts,
// about 3.37 million triangles, every part on screen when the whole grid is framed.
func limb30(tb testing.TB) scaleScene {
	tb.Helper()
	path := filepath.Join(contenttest.UpperLimb(tb), "upper_limb_all.glb")
	b := upperLimb(tb).Bounds
	dx, dy := 1.1*(b.Max[0]-b.Min[0]), 1.05*(b.Max[1]-b.Min[1])
	s := scaleScene{name: "limb30"}
	for i := range 30 {
		s.files = append(s.files, path)
		s.shift = append(s.shift, [3]float32{float32(i%6) * dx, float32(i/6) * dy, 0})
	}
	return s
}

// hraFemale is the twenty shared HRA female organ files, which share one frame.
func hraFemale(tb testing.TB) scaleScene {
	tb.Helper()
	paths, _ := filepath.Glob(filepath.Join(hraDir, "*.glb"))
	if len(paths) != 20 {
		if os.Getenv("OSTEON_REQUIRE_TESTDATA") == "1" {
			tb.Fatalf("test data folder %s: %d .glb files, want 20", hraDir, len(paths))
		}
		tb.Skipf("skipping: test data folder %s not found or incomplete (%d files)", hraDir, len(paths))
	}
	sort.Strings(paths)
	return scaleScene{name: "hra-female", files: paths, shift: make([][3]float32, len(paths))}
}

// bytes is the total size of the files read.
func (s scaleScene) bytes(tb testing.TB) int64 {
	var n int64
	for _, f := range s.files {
		st, err := os.Stat(f)
		if err != nil {
			tb.Fatal(err)
		}
		n += st.Size()
	}
	return n
}

// open parses every file (in parallel, as a pack's files are) and joins them into one scene,
// each copy's ids made unique.
func (s scaleScene) open() (*content.Scene, error) {
	scenes := make([]*content.Scene, len(s.files))
	errs := make([]error, len(s.files))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, f := range s.files {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			scenes[i], errs[i] = content.OpenFile(f)
		}()
	}
	wg.Wait()
	out := &content.Scene{Title: s.name}
	for i, sc := range scenes {
		if errs[i] != nil {
			return nil, errs[i]
		}
		for _, p := range sc.Parts {
			if d := s.shift[i]; d != [3]float32{} {
				for v := 0; v < len(p.Mesh.Positions); v += 3 {
					p.Mesh.Positions[v] += d[0]
					p.Mesh.Positions[v+1] += d[1]
					p.Mesh.Positions[v+2] += d[2]
				}
			}
			p.ID = fmt.Sprintf("%s#%d", p.ID, i)
			out.Parts = append(out.Parts, p)
		}
	}
	return out, nil
}

// triangles counts the scene's triangles.
func triangles(s *content.Scene) int {
	n := 0
	for i := range s.Parts {
		n += s.Parts[i].Mesh.TriangleCount()
	}
	return n
}
