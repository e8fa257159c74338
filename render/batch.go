package render

import (
	"github.com/g3n/engine/core"
	"github.com/g3n/engine/graphic"
	"github.com/g3n/engine/material"
	"github.com/g3n/engine/math32"
	"github.com/osteon/osteon/content"
)

// Interaction frames of many small structures are bound by the cost of each draw call on a
// software rasteriser (several µs each, 2,160 of them on limb30), not by their few triangles.
// So while the camera moves, the opaque visible structures are merged by look (colour and
// glow) and, in big models, neighbourhood (chunksOf) into one mesh each, at the levels the frame chose. A
// chunk's meshes are kept while its looks are unchanged and every merged level still strays
// under batchSlack times the tolerance, and rebuilt otherwise; translucent structures, sections
// and full-detail frames draw structure by structure. Picking never uses the batch.

// coarseBatch is the merged interaction-frame geometry of one model, kept per chunk of
// neighbouring structures so that a change of look rebuilds only the chunks it touches (GL
// thread).
type coarseBatch struct {
	model   *glModel
	node    *core.Node
	members [][]int           // per chunk, its structures
	meshes  [][]*graphic.Mesh // per chunk, its merged meshes (one per look)
	levels  []int8            // per structure, the level merged, -1 when drawn on its own, -2 before its chunk is built
	visuals []visual
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
	use := spec.levels != nil && !spec.section.On && !skipBatch && !fewInView(spec)
	if b != nil && b.node.Parent() != nil && (!use || b.model != e.current) {
		e.root.Remove(b.node)
	}
	if !use {
		return
	}
	if b != nil && (b.model != e.current || len(b.visuals) != len(spec.visuals)) {
		b.dispose()
		b = nil
	}
	if b == nil {
		b = newBatch(e.current, spec)
		e.low.batch = b
	}
	e.low.uploads += b.update(spec)
	if b.node.Parent() == nil {
		e.root.Add(b.node)
	}
}

// skipBatch draws interaction frames structure by structure (to compare in tests).
var skipBatch bool

// batchMinInView is how many visible structures must reach into the view for merging to pay
// once the learner has zoomed in on a small part of a big model: drawing the few one by one
// leaves out everything else (limb30 zoomed on a hand: 62 structures, 10 ms one by one against
// 17 ms for the merged meshes around them).
const batchMinInView = 128

// fewInView reports whether at most batchMinInView visible structures, and under a quarter of
// them all, reach into spec's view.
func fewInView(spec *frameSpec) bool {
	vp := spec.proj.g3n()
	view := spec.view.g3n()
	vp.Multiply(&view)
	f := math32.NewFrustumFromMatrix(&vp)
	n := 0
	for i := range spec.visuals {
		if !spec.visuals[i].visible {
			continue
		}
		b := spec.model.parts[i].box
		box := math32.Box3{Min: math32.Vector3{X: b.Min[0], Y: b.Min[1], Z: b.Min[2]}, Max: math32.Vector3{X: b.Max[0], Y: b.Max[1], Z: b.Max[2]}}
		if f.IntersectsBox(&box) {
			if n++; n > batchMinInView || 4*n >= len(spec.visuals) {
				return false
			}
		}
	}
	return true
}

// newBatch is an empty batch for g's model, every chunk waiting to be built.
func newBatch(g *glModel, spec *frameSpec) *coarseBatch {
	n := len(spec.visuals)
	b := &coarseBatch{model: g, node: core.NewNode(), levels: make([]int8, n), visuals: make([]visual, n)}
	for i := range n {
		b.levels[i] = -2 // never built: stale
		c := int(spec.model.chunk[i])
		for len(b.members) <= c {
			b.members = append(b.members, nil)
		}
		b.members[c] = append(b.members[c], i)
	}
	b.meshes = make([][]*graphic.Mesh, len(b.members))
	return b
}

// update rebuilds the chunks spec does not fit and returns how many meshes it made.
func (b *coarseBatch) update(spec *frameSpec) (made int) {
	for c, members := range b.members {
		if !b.fits(members, spec) {
			made += b.build(c, spec)
		}
	}
	return made
}

// fits reports whether a chunk can draw spec's frame: the same looks, and every structure
// either merged at a level no coarser than spec allows or not mergeable now.
func (b *coarseBatch) fits(members []int, spec *frameSpec) bool {
	for _, i := range members {
		if spec.visuals[i] != b.visuals[i] || b.levels[i] == -2 {
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
	for c := range b.meshes {
		b.disposeChunk(c)
	}
}

func (b *coarseBatch) disposeChunk(c int) {
	for _, m := range b.meshes[c] {
		b.node.Remove(m)
		m.Dispose()
	}
	b.meshes[c] = nil
}

// build merges chunk c's mergeable structures by look and returns how many meshes it made.
func (b *coarseBatch) build(c int, spec *frameSpec) int {
	b.disposeChunk(c)
	groups := map[[6]float32]*mergedGeometry{}
	var order [][6]float32
	for _, i := range b.members[c] {
		b.visuals[i], b.levels[i] = spec.visuals[i], -1
		if !batchable(spec, i) || i >= len(spec.levels) {
			continue
		}
		v := spec.visuals[i]
		k := [6]float32{v.color[0], v.color[1], v.color[2], v.emissive[0], v.emissive[1], v.emissive[2]}
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
		gm := groups[k].mesh(k)
		b.node.Add(gm)
		b.meshes[c] = append(b.meshes[c], gm)
	}
	return len(order)
}

// chunkTriangles is about how many triangles of full meshes a chunk holds. Each chunk costs a
// draw call per look on top of the others, a few per cent of a drag frame on a software
// rasteriser, so models of under twice this many are one chunk (the HRA organs: 0.7 million
// triangles, 15 looks), and bigger ones are cut so that zoomed in most of them are left out.
const chunkTriangles = 500_000

// chunksOf numbers the structures' chunks: runs of about chunkTriangles triangles in the order
// of the top-level hierarchy's leaves, which keeps neighbours together.
func chunksOf(t *boxTree, s *content.Scene) []int32 {
	c := make([]int32, len(s.Parts))
	total := 0
	for i := range s.Parts {
		total += s.Parts[i].Mesh.TriangleCount()
	}
	n := max(1, total/chunkTriangles)
	per := (len(t.items) + n - 1) / n
	for r, i := range t.items {
		c[i] = int32(r / max(1, per))
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
	mat := structureMaterial(&math32.Color{R: k[0], G: k[1], B: k[2]})
	mat.SetEmissiveColor(&math32.Color{R: k[3], G: k[4], B: k[5]})
	return graphic.NewMesh(newGeometry(mg.pos, mg.nrm, mg.idx), mat)
}

// structureMaterial is how every structure is lit: its colour, a faint white highlight.
func structureMaterial(c *math32.Color) *material.Standard {
	mat := material.NewStandard(c)
	mat.SetSpecularColor(&math32.Color{R: 0.18, G: 0.18, B: 0.18})
	mat.SetShininess(24)
	return mat
}
