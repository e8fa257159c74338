package content

import (
	"encoding/binary"
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
	world.apply(&mesh)
	st, warns := structureFromNodeKeys(n.Name, n.Extras, ni, g.keys)
	for _, w := range warns {
		g.warn("%s: nodes[%d].%s", g.file, ni, w)
	}
	if st.Color.A == 0 {
		st.Color = col
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

// accessorBytes checks accessor ai against its buffer view and returns the view's bytes, the
// accessor's start within them and the stride.
func (g *gltfLoader) accessorBytes(ai int, field string, elem int64) (acc *gltfAccessor, data []byte, start, stride int64, err error) {
	if ai < 0 || ai >= len(g.doc.Accessors) {
		return nil, nil, 0, 0, errorf(g.file, field, "accessor %d does not exist (%d accessors)", ai, len(g.doc.Accessors))
	}
	acc = &g.doc.Accessors[ai]
	af := fmt.Sprintf("accessors[%d]", ai)
	if acc.Count < 0 || acc.Count > maxAccessorCount {
		return nil, nil, 0, 0, errorf(g.file, af+".count", "count %d out of range", acc.Count)
	}
	if len(acc.Sparse) > 0 && string(acc.Sparse) != "null" {
		return nil, nil, 0, 0, errorf(g.file, af+".sparse", "sparse accessors are not supported")
	}
	if acc.BufferView == nil {
		return acc, make([]byte, acc.Count*elem), 0, elem, nil
	}
	vi := *acc.BufferView
	if vi < 0 || vi >= len(g.doc.BufferViews) {
		return nil, nil, 0, 0, errorf(g.file, af+".bufferView", "buffer view %d does not exist", vi)
	}
	v := &g.doc.BufferViews[vi]
	vf := fmt.Sprintf("bufferViews[%d]", vi)
	if v.Buffer < 0 || v.Buffer >= len(g.buffers) {
		return nil, nil, 0, 0, errorf(g.file, vf+".buffer", "buffer %d does not exist", v.Buffer)
	}
	buf := g.buffers[v.Buffer]
	if v.ByteOffset < 0 || v.ByteLength < 0 || v.ByteOffset > int64(len(buf)) || v.ByteLength > int64(len(buf))-v.ByteOffset {
		return nil, nil, 0, 0, errorf(g.file, vf, "range %d+%d is outside buffer %d (%d bytes)", v.ByteOffset, v.ByteLength, v.Buffer, len(buf))
	}
	data = buf[v.ByteOffset : v.ByteOffset+v.ByteLength]
	stride = elem
	if v.ByteStride > 0 {
		stride = v.ByteStride
	}
	if stride < elem || stride > 252 {
		return nil, nil, 0, 0, errorf(g.file, vf+".byteStride", "stride %d does not fit elements of %d bytes", stride, elem)
	}
	if acc.ByteOffset < 0 || (acc.Count > 0 && acc.ByteOffset+stride*(acc.Count-1)+elem > int64(len(data))) {
		return nil, nil, 0, 0, errorf(g.file, af, "%d elements from offset %d run past the end of buffer view %d (%d bytes)", acc.Count, acc.ByteOffset, vi, len(data))
	}
	return acc, data, acc.ByteOffset, stride, nil
}

func (g *gltfLoader) floatVec3(ai int, field string) ([]float32, error) {
	if ai >= 0 && ai < len(g.doc.Accessors) {
		a := &g.doc.Accessors[ai]
		if a.ComponentType != compFloat || a.Type != "VEC3" {
			return nil, errorf(g.file, fmt.Sprintf("accessors[%d]", ai), "%s must be float VEC3 (got componentType %d, type %q)", field, a.ComponentType, a.Type)
		}
	}
	acc, data, off, stride, err := g.accessorBytes(ai, field, 12)
	if err != nil {
		return nil, err
	}
	out := make([]float32, 3*acc.Count)
	for i := int64(0); i < acc.Count; i++ {
		p := data[off+i*stride:]
		for k := 0; k < 3; k++ {
			f := math.Float32frombits(binary.LittleEndian.Uint32(p[4*k:]))
			if math.IsNaN(float64(f)) || math.IsInf(float64(f), 0) {
				return nil, errorf(g.file, fmt.Sprintf("accessors[%d]", ai), "element %d is not a finite number", i)
			}
			out[3*i+int64(k)] = f
		}
	}
	return out, nil
}

func (g *gltfLoader) indices(ai int, field string, nv int) ([]uint32, error) {
	if ai < 0 || ai >= len(g.doc.Accessors) {
		return nil, errorf(g.file, field, "accessor %d does not exist (%d accessors)", ai, len(g.doc.Accessors))
	}
	var size int64
	switch g.doc.Accessors[ai].ComponentType {
	case compUByte:
		size = 1
	case compUShort:
		size = 2
	case compUInt:
		size = 4
	default:
		return nil, errorf(g.file, fmt.Sprintf("accessors[%d].componentType", ai), "%s must be unsigned integers (got %d)", field, g.doc.Accessors[ai].ComponentType)
	}
	acc, data, off, stride, err := g.accessorBytes(ai, field, size)
	if err != nil {
		return nil, err
	}
	out := make([]uint32, acc.Count)
	for i := range out {
		p := data[off+int64(i)*stride:]
		switch size {
		case 1:
			out[i] = uint32(p[0])
		case 2:
			out[i] = uint32(binary.LittleEndian.Uint16(p))
		default:
			out[i] = binary.LittleEndian.Uint32(p)
		}
		if out[i] >= uint32(nv) {
			return nil, errorf(g.file, fmt.Sprintf("accessors[%d]", ai), "index %d at element %d is past the %d vertices", out[i], i, nv)
		}
	}
	return out, nil
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
	return idx[:len(idx)/3*3]
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
