package render

import "testing"

// BenchmarkBuildBVH builds the picking hierarchies of the upper limb's 72 meshes (112k triangles).
func BenchmarkBuildBVH(b *testing.B) {
	m := upperLimb(b)
	tris := 0
	for i := range m.Scene.Parts {
		tris += m.Scene.Parts[i].Mesh.TriangleCount()
	}
	b.ResetTimer()
	for range b.N {
		for i := range m.Scene.Parts {
			mesh := &m.Scene.Parts[i].Mesh
			newBVH(mesh.Positions, mesh.Indices)
		}
	}
	b.ReportMetric(float64(tris)*float64(b.N)/b.Elapsed().Seconds()/1e6, "Mtri/s")
}
