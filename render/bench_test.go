package render

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/g3n/engine/core"
	"github.com/g3n/engine/experimental/collision"
	"github.com/g3n/engine/geometry"
	"github.com/g3n/engine/gls"
	"github.com/g3n/engine/graphic"
	"github.com/g3n/engine/material"
	"github.com/g3n/engine/math32"
	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/content/contenttest"
)

// BenchmarkFrame draws the real upper limb at 1280x800 and reports the draw and the read-back into
// an image separately (medians over the run), with and without 4x multisampling.
func BenchmarkFrame(b *testing.B) {
	m := upperLimb(b)
	for _, tc := range []struct {
		name    string
		samples int
	}{{"msaa=off", 1}, {"msaa=4x", 4}} {
		b.Run(tc.name, func(b *testing.B) {
			e, err := NewEngine(Options{MSAA: tc.samples})
			if err != nil {
				b.Fatal(err)
			}
			defer e.Close()
			v := NewView(e)
			defer v.Close()
			v.SetModel(m)
			v.Resize(1280, 800)
			if _, err := v.RenderNow(); err != nil { // upload outside the timing
				b.Fatal(err)
			}
			var draws, reads []time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				v.Orbit(3, 0)      // a real change each frame
				v.EndInteraction() // full detail: BenchmarkScale times interaction frames
				f, err := v.RenderNow()
				if err != nil {
					b.Fatal(err)
				}
				draws = append(draws, f.Stats.Draw)
				reads = append(reads, f.Stats.Readback)
				v.Release(f.Image)
			}
			d, r := median(draws), median(reads)
			b.ReportMetric(float64(d.Microseconds())/1000, "draw-ms")
			b.ReportMetric(float64(r.Microseconds())/1000, "readback-ms")
			b.ReportMetric(float64(r)/float64(d), "readback/draw")
			b.ReportMetric(float64(e.Info().MSAA), "samples")
		})
	}
}

func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

// pickRays are rays through a grid over the front view of the upper limb.
func pickRays(m *Model) [][2]Vec3 {
	c := NewCamera(SphereOf(m.Bounds), 1280, 800)
	var rays [][2]Vec3
	for y := 100; y < 800; y += 50 {
		for x := 200; x < 1100; x += 50 {
			o, d := c.Ray(float64(x), float64(y))
			rays = append(rays, [2]Vec3{o, d})
		}
	}
	return rays
}

// BenchmarkPick compares one pick through the per-mesh BVHs with the same pick through g3n's
// collision.Raycaster, which tests every triangle.
func BenchmarkPick(b *testing.B) {
	m := upperLimb(b)
	rays := pickRays(m)
	b.Run("bvh", func(b *testing.B) {
		all := func(int) (bool, bool) { return true, false }
		for i := 0; i < b.N; i++ {
			r := rays[i%len(rays)]
			m.Pick(r[0], r[1], all)
		}
	})
	b.Run("g3n-raycaster", func(b *testing.B) {
		var nodes []core.INode
		for i := range m.Scene.Parts {
			mesh := &m.Scene.Parts[i].Mesh
			g := geometry.NewGeometry()
			g.AddVBO(gls.NewVBO(math32.ArrayF32(mesh.Positions)).AddAttrib(gls.VertexPosition))
			g.SetIndices(math32.ArrayU32(mesh.Indices))
			gm := graphic.NewMesh(g, material.NewStandard(&math32.Color{R: 1}))
			gm.UpdateMatrixWorld()
			nodes = append(nodes, gm)
		}
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			r := rays[i%len(rays)]
			o := math32.Vector3{X: float32(r[0][0]), Y: float32(r[0][1]), Z: float32(r[0][2])}
			d := math32.Vector3{X: float32(r[1][0]), Y: float32(r[1][1]), Z: float32(r[1][2])}
			rc := collision.NewRaycaster(&o, &d)
			rc.IntersectObjects(nodes, false)
		}
	})
}

// BenchmarkLoadUpperLimb reads upper_limb_all.glb into a scene and makes its Model: what
// opening the file costs before the first frame (the picking hierarchies are built after it,
// or by the first pick that needs one).
func BenchmarkLoadUpperLimb(b *testing.B) {
	path := filepath.Join(contenttest.UpperLimb(b), "upper_limb_all.glb")
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Size())
	for i := 0; i < b.N; i++ {
		s, err := content.OpenFile(path)
		if err != nil {
			b.Fatal(err)
		}
		NewModel(s)
	}
}
