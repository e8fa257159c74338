package render

import (
	"github.com/g3n/engine/core"
	"github.com/g3n/engine/geometry"
	"github.com/g3n/engine/gls"
	"github.com/g3n/engine/graphic"
	"github.com/g3n/engine/material"
	"github.com/g3n/engine/math32"
)

// Interaction frames of many small structures are bound by the cost of each draw call on a
// software rasteriser (several µs each, 2,160 of them on limb30), not by their few triangles.
// So while the camera moves, the opaque visible structures are merged by look (colour and
// glow) and neighbourhood (chunksOf) into one mesh each, at the levels the frame chose. The batch is kept while the looks
// are unchanged and every batched level still strays under batchSlack times the tolerance, and
// rebuilt otherwise; translucent structures, sections and full-detail frames draw structure by
// structure. Picking never uses the batch.

// coarseBatch is the merged interaction-frame geometry of one model (GL thread).
type coarseBatch struct {
	model   *glModel
	node    *core.Node
	meshes  []*graphic.Mesh
	levels  []int8 // per structure, the level merged, or -1 when drawn on its own
	visuals []visual
	builds  int // how many times it was (re)built, for tests
}

// batched reports whether structure i is drawn by the batch in this frame.
func (b *coarseBatch) batched(i int) bool {
	return b != nil && b.node.Parent() != nil && i < len(b.levels) && b.levels[i] >= 0
}

// batchable: only opaque, visible structures of interaction frames without a section.
func batchable(spec *frameSpec, i int) bool {
	v := spec.visuals[i]
	return v.visible && v.color[3] >= 1
}

// prepareBatch makes sure the batch fits spec and hangs it under the root, or takes it down
// for frames that draw structure by structure (GL thread, before apply).
func (e *Engine) prepareBatch(spec *frameSpec) {
	b := e.low.batch
	use := spec.levels != nil && !spec.section.On && !skipBatch
	if b != nil && b.node.Parent() != nil && (!use || b.model != e.current) {
		e.root.Remove(b.node)
	}
	if !use {
		return
	}
	if b == nil || !b.fits(e.current, spec) {
		if b != nil {
			b.dispose()
		}
		builds := 0
		if b != nil {
			builds = b.builds
		}
		b = buildBatch(e.current, spec)
		b.builds = builds + 1
		e.low.batch = b
		e.low.uploads += len(b.meshes)
	}
	if b.node.Parent() == nil {
		e.root.Add(b.node)
	}
}

// skipBatch draws interaction frames structure by structure (to compare in tests).
var skipBatch bool

// fits reports whether the batch can draw spec's frame: same model, same looks, and every
// structure either merged at a level no coarser than spec allows or not mergeable now.
func (b *coarseBatch) fits(g *glModel, spec *frameSpec) bool {
	if b.model != g || len(b.visuals) != len(spec.visuals) {
		return false
	}
	for i, v := range spec.visuals {
		if v != b.visuals[i] {
			return false
		}
		if b.levels[i] >= 0 && i < len(spec.loose) && b.levels[i] > spec.loose[i] {
			return false
		}
	}
	return true
}

func (b *coarseBatch) dispose() {
	if p := b.node.Parent(); p != nil {
		p.GetNode().Remove(b.node)
	}
	for _, m := range b.meshes {
		m.Dispose()
	}
}

// buildBatch merges the mergeable structures of spec by look (GL thread).
func buildBatch(g *glModel, spec *frameSpec) *coarseBatch {
	b := &coarseBatch{model: g, node: core.NewNode(), levels: make([]int8, len(spec.visuals)),
		visuals: append([]visual(nil), spec.visuals...)}
	groups := map[batchKey]*mergedGeometry{}
	var order []batchKey
	for i := range spec.visuals {
		b.levels[i] = -1
		if !batchable(spec, i) || i >= len(spec.levels) {
			continue
		}
		v := spec.visuals[i]
		k := batchKey{[6]float32{v.color[0], v.color[1], v.color[2], v.emissive[0], v.emissive[1], v.emissive[2]}, spec.model.chunk[i]}
		mg := groups[k]
		if mg == nil {
			mg = &mergedGeometry{}
			groups[k] = mg
			order = append(order, k)
		}
		b.levels[i] = levelOrFull(spec, i)
		pos, nrm, idx := partGeometry(spec.model, i, int(b.levels[i]))
		mg.add(pos, nrm, idx)
	}
	for _, k := range order {
		gm := groups[k].mesh(k.look)
		b.node.Add(gm)
		b.meshes = append(b.meshes, gm)
	}
	return b
}

// batchKey is one merged mesh: a look (colour, then glow) in one chunk of neighbouring
// structures, so that the renderer's frustum test still leaves out what is off screen when the
// learner zooms in.
type batchKey struct {
	look  [6]float32
	chunk int32
}

// chunkSize is how many neighbouring structures share a merged mesh at most.
const chunkSize = 64

// chunksOf numbers the structures' chunks: runs of chunkSize in the order of the top-level
// hierarchy's leaves, which keeps neighbours together.
func chunksOf(t *boxTree, n int) []int32 {
	c := make([]int32, n)
	for r, i := range t.items {
		c[i] = int32(r / chunkSize)
	}
	return c
}

// levelOrFull is the level spec asks for structure i, or 0 (the full mesh) when it has none.
func levelOrFull(spec *frameSpec, i int) int8 {
	l := spec.levels[i]
	if int(l) > len(spec.model.levels(i)) {
		return 0
	}
	return l
}

// partGeometry is structure i's geometry at level l (0: the full mesh).
func partGeometry(m *Model, i, l int) (pos, nrm []float32, idx []uint32) {
	if l > 0 {
		lv := &m.levels(i)[l-1]
		return lv.Positions, lv.Normals, lv.Indices
	}
	mesh := &m.Scene.Parts[i].Mesh
	return mesh.Positions, mesh.Normals, mesh.Indices
}

// mergedGeometry collects several structures' triangles into one vertex and index buffer.
type mergedGeometry struct {
	pos, nrm []float32
	idx      []uint32
}

func (mg *mergedGeometry) add(pos, nrm []float32, idx []uint32) {
	base := uint32(len(mg.pos) / 3)
	mg.pos = append(mg.pos, pos...)
	mg.nrm = append(mg.nrm, nrm...)
	for _, j := range idx {
		mg.idx = append(mg.idx, base+j)
	}
}

// mesh makes the merged geometry a mesh in look k (colour, then glow), lit like a structure.
func (mg *mergedGeometry) mesh(k [6]float32) *graphic.Mesh {
	g := geometry.NewGeometry()
	g.AddVBO(gls.NewVBO(math32.ArrayF32(mg.pos)).AddAttrib(gls.VertexPosition))
	g.AddVBO(gls.NewVBO(math32.ArrayF32(mg.nrm)).AddAttrib(gls.VertexNormal))
	g.SetIndices(math32.ArrayU32(mg.idx))
	mat := structureMaterial(&math32.Color{R: k[0], G: k[1], B: k[2]})
	mat.SetEmissiveColor(&math32.Color{R: k[3], G: k[4], B: k[5]})
	return graphic.NewMesh(g, mat)
}

// structureMaterial is how every structure is lit: its colour, a faint white highlight.
func structureMaterial(c *math32.Color) *material.Standard {
	mat := material.NewStandard(c)
	mat.SetSpecularColor(&math32.Color{R: 0.18, G: 0.18, B: 0.18})
	mat.SetShininess(24)
	return mat
}
