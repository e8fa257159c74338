package render

import (
	"testing"
	"time"

	"github.com/g3n/engine/core"
	"github.com/g3n/engine/graphic"
	"github.com/g3n/engine/math32"
)

// plainModel is m drawn the way the engine drew every frame before levels of detail, sections
// and batching: one g3n mesh with g3n's standard material per structure. BenchmarkScale's rest
// frames are compared with it ("today's full draw" in issue 10).
func plainModel(b *testing.B, e *Engine, m *Model) *Model {
	p := NewModel(m.Scene)
	if err := e.run(func() { e.models[p] = plainUpload(p) }); err != nil {
		b.Fatal(err)
	}
	return p
}

func plainUpload(m *Model) *glModel {
	g := &glModel{node: core.NewNode()}
	for i := range m.Scene.Parts {
		mesh := &m.Scene.Parts[i].Mesh
		mat := structureMaterial(&math32.Color{R: 0.8, G: 0.8, B: 0.8})
		gm := graphic.NewMesh(newGeometry(mesh.Positions, mesh.Normals, mesh.Indices), mat)
		g.node.Add(gm)
		g.parts = append(g.parts, &glPart{mesh: gm, mat: mat})
	}
	return g
}

// restAndPlain times full-detail frames of v and of the plain drawing of its model, taking
// turns, from the same pose; it returns both medians.
func restAndPlain(b *testing.B, e *Engine, v *View, n int) (rest, plain time.Duration) {
	pv := NewView(e)
	defer pv.Close()
	pm := plainModel(b, e, v.Model())
	defer e.run(func() { e.forget(pm) })
	pv.Resize(v.Camera().Width, v.Camera().Height)
	pv.SetModel(pm)
	pv.SetPose(v.Pose(), 0)
	frame := func(v *View) time.Duration {
		v.EndInteraction()
		for { // the plain model's first frames appear progressively
			t := time.Now()
			f, err := v.RenderNow()
			if err != nil {
				b.Fatal(err)
			}
			v.Release(f.Image)
			if f.Stats.Pending == 0 {
				return time.Since(t)
			}
		}
	}
	frame(pv) // upload
	var rs, ps []time.Duration
	for range n {
		rs = append(rs, frame(v))
		ps = append(ps, frame(pv))
	}
	return median(rs), median(ps)
}
