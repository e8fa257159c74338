package content

import (
	"fmt"
	"math"
)

const (
	compUByte  = 5121
	compUShort = 5123
	compUInt   = 5125
	compFloat  = 5126
)

func (g *gltfLoader) warn(format string, args ...any) {
	g.out.Warnings = append(g.out.Warnings, fmt.Sprintf(format, args...))
}

// addPart turns node ni, which has a mesh, into a structure with its geometry in world space.
func (g *gltfLoader) addPart(ni int, world mat4) error {
	n := &g.doc.Nodes[ni]
	mi := *n.Mesh
	if mi < 0 || mi >= len(g.doc.Meshes) {
		return errorf(g.file, fmt.Sprintf("nodes[%d].mesh", ni), "mesh %d does not exist (%d meshes)", mi, len(g.doc.Meshes))
	}
	var mesh Mesh
	var col Color
	for pi, p := range g.doc.Meshes[mi].Primitives {
		pf := fmt.Sprintf("meshes[%d].primitives[%d]", mi, pi)
		mode := 4
		if p.Mode != nil {
			mode = *p.Mode
		}
		if mode < 4 || mode > 6 {
			g.warn("%s: %s: mode %d (points or lines) skipped", g.file, pf, mode)
			continue
		}
		if err := g.appendPrimitive(&mesh, pf, p.Attributes, p.Indices, mode); err != nil {
			return err
		}
		if col.A == 0 && p.Material != nil {
			col = g.materialColor(*p.Material)
		}
	}
	if mesh.TriangleCount() == 0 {
		g.warn("%s: nodes[%d]: mesh %d has no triangles; skipped", g.file, ni, mi)
		return nil
	}
	st, warns := structureFromNodeKeys(n.Name, n.Extras, ni, g.keys)
	for _, w := range warns {
		g.warn("%s: nodes[%d].%s", g.file, ni, w)
	}
	if st.Color.A == 0 {
		st.Color = col
	}
	if world != identity() {
		g.transform = append(g.transform, transform{len(g.out.Parts), world})
	}
	g.out.Parts = append(g.out.Parts, Part{Structure: st, Mesh: mesh})
	g.nodeNames = append(g.nodeNames, n.Name)
	return nil
}

// disambiguate makes ids unique. Sources such as BodyParts3D give both sides of a structure the
// same generic FMA id; those become "FMA38469-left" and "FMA38469-right". Any other repeat gets
// "#2", "#3", ... in file order. A changed id's original stays in Extras["source_id"].
func disambiguate(parts []Part) {
	byID := map[string][]int{}
	for i := range parts {
		byID[parts[i].ID] = append(byID[parts[i].ID], i)
	}
	taken := map[string]bool{}
	for id := range byID {
		taken[id] = true
	}
	for i := range parts {
		group := byID[parts[i].ID]
		if len(group) < 2 {
			continue
		}
		id := parts[i].ID
		sides := map[string]bool{}
		for _, j := range group {
			sides[parts[j].Side] = true
		}
		if !sides[""] && len(sides) == len(group) && !taken[id+"-"+parts[i].Side] {
			parts[i].ID = id + "-" + parts[i].Side
			parts[i].Extras = mergeText(parts[i].Extras, map[string]string{keySourceID: id})
			continue
		}
		if group[0] == i {
			continue
		}
		for n := 2; ; n++ {
			if cand := fmt.Sprintf("%s#%d", id, n); !taken[cand] {
				parts[i].ID = cand
				parts[i].Extras = mergeText(parts[i].Extras, map[string]string{keySourceID: id})
				taken[cand] = true
				break
			}
		}
	}
}

func (g *gltfLoader) appendPrimitive(m *Mesh, pf string, attrs map[string]int, indices *int, mode int) error {
	pi, ok := attrs["POSITION"]
	if !ok {
		return errorf(g.file, pf+".attributes.POSITION", "primitive has no positions")
	}
	pos, err := g.floatVec3(pi, pf+".attributes.POSITION")
	if err != nil {
		return err
	}
	nv := len(pos) / 3
	var nor []float32
	if ni, ok := attrs["NORMAL"]; ok {
		if nor, err = g.floatVec3(ni, pf+".attributes.NORMAL"); err != nil {
			return err
		}
		if len(nor) != len(pos) {
			g.warn("%s: %s.attributes.NORMAL: %d normals for %d positions; recomputed", g.file, pf, len(nor)/3, nv)
			nor = nil
		}
	}
	var idx []uint32
	if indices != nil {
		if idx, err = g.indices(*indices, pf+".indices", nv); err != nil {
			return err
		}
	} else {
		idx = make([]uint32, nv)
		for i := range idx {
			idx[i] = uint32(i)
		}
	}
	idx = toTriangles(idx, mode)
	if nor == nil {
		nor = computeNormals(pos, idx)
	}
	if m.VertexCount() == 0 && len(m.Indices) == 0 {
		// The first primitive: its arrays are new, so the mesh takes them.
		m.Positions, m.Normals, m.Indices = pos, nor, idx
		return nil
	}
	base := uint32(m.VertexCount())
	m.Positions = append(m.Positions, pos...)
	m.Normals = append(m.Normals, nor...)
	for _, i := range idx {
		m.Indices = append(m.Indices, base+i)
	}
	return nil
}

// toTriangles turns strip (5) and fan (6) index lists into plain triangles.
func toTriangles(idx []uint32, mode int) []uint32 {
	switch mode {
	case 5:
		var out []uint32
		for i := 0; i+2 < len(idx); i++ {
			if i%2 == 0 {
				out = append(out, idx[i], idx[i+1], idx[i+2])
			} else {
				out = append(out, idx[i+1], idx[i], idx[i+2])
			}
		}
		return out
	case 6:
		var out []uint32
		for i := 1; i+1 < len(idx); i++ {
			out = append(out, idx[0], idx[i], idx[i+1])
		}
		return out
	}
	n := len(idx) / 3 * 3
	return idx[:n:n] // the capacity too: idx may be the file's bytes, which appends must not reach
}

func (g *gltfLoader) materialColor(mi int) Color {
	if mi < 0 || mi >= len(g.doc.Materials) {
		return Color{}
	}
	f := g.doc.Materials[mi].PBR.BaseColorFactor
	if len(f) != 4 {
		return Color{}
	}
	c := [4]uint8{}
	for k := range c {
		c[k] = uint8(math.Round(255 * math.Max(0, math.Min(1, f[k]))))
	}
	if c[3] == 0 {
		c[3] = 1
	}
	return Color{c[0], c[1], c[2], c[3]}
}
