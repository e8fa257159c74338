package content

import (
	"math"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/osteon/osteon/content/contenttest"
)

// boundsByIndex is Mesh.Bounds as it was: every index in turn.
func boundsByIndex(m *Mesh) Box {
	b := EmptyBox()
	for _, i := range m.Indices {
		p := m.Positions[3*i : 3*i+3]
		b = b.Extend(Vec3{p[0], p[1], p[2]})
	}
	return b
}

func TestMeshBoundsSameAsEveryIndex(t *testing.T) {
	var meshes []Mesh
	for _, f := range []string{filepath.Join(contenttest.UpperLimb(t), "upper_limb_all.glb"), filepath.Join(contenttest.HRAFemale(t), "VH_F_Heart.glb")} {
		s, err := OpenFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range s.Parts {
			meshes = append(meshes, p.Mesh)
		}
	}
	pos := make([]float32, 3*200)
	for i := range pos {
		pos[i] = float32(math.Sin(float64(i))) * float32(i)
	}
	meshes = append(meshes,
		Mesh{},
		Mesh{Positions: pos}, // no triangles: empty box
		Mesh{Positions: pos, Indices: []uint32{5, 70, 199}},        // most vertices unused
		Mesh{Positions: pos, Indices: []uint32{0, 64, 127, 63, 1}}, // word edges
		Mesh{Positions: []float32{1, 2, 3, float32(math.Copysign(0, -1)), 0, 0}, Indices: []uint32{1, 0, 1}},
	)
	all := make([]uint32, 200)
	for i := range all {
		all[i] = uint32(199 - i)
	}
	meshes = append(meshes, Mesh{Positions: pos, Indices: all}, Mesh{Positions: pos[:3*128], Indices: all[72:]})
	for i, m := range meshes {
		want, got := boundsByIndex(&m), m.Bounds()
		if !cmp.Equal(want, got, cmp.Comparer(func(a, b float32) bool { return math.Float32bits(a) == math.Float32bits(b) })) {
			t.Fatalf("mesh %d: bounds %v, want %v", i, got, want)
		}
	}
}

// BenchmarkMeshBounds is Mesh.Bounds of every part of the upper limb, as render.NewModel asks for
// them, taking turns with the old way (every index in turn): ms-per-file and
// speedup-vs-every-index.
func BenchmarkMeshBounds(b *testing.B) {
	s, err := OpenFile(filepath.Join(contenttest.UpperLimb(b), "upper_limb_all.glb"))
	if err != nil {
		b.Fatal(err)
	}
	var newT, oldT time.Duration
	for b.Loop() {
		start := time.Now()
		for i := range s.Parts {
			s.Parts[i].Mesh.Bounds()
		}
		newT += time.Since(start)
		start = time.Now()
		for i := range s.Parts {
			boundsByIndex(&s.Parts[i].Mesh)
		}
		oldT += time.Since(start)
	}
	b.ReportMetric(newT.Seconds()*1e3/float64(b.N), "ms-per-file")
	b.ReportMetric(oldT.Seconds()/newT.Seconds(), "speedup-vs-every-index")
}
