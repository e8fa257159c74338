package content

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
)

// OBJOptions say how to place an OBJ file's coordinates in the scene frame (Y up, metres).
type OBJOptions struct {
	Scale float32 // multiplies every position; 0 means 1
	ZUp   bool    // the file has Z up (BodyParts3D does): rotate -90° about X
}

// DetectOBJOptions reads the comment lines at the top of an OBJ file for its frame, as
// BodyParts3D writes it ("# frame: ... millimetres, Z up ..."). With no such comment it assumes
// metres and Y up, the Wavefront convention.
func DetectOBJOptions(data []byte) OBJOptions {
	var o OBJOptions
	for _, line := range headerComments(data) {
		l := strings.ToLower(line)
		if strings.Contains(l, "millimet") {
			o.Scale = 0.001
		}
		if strings.Contains(l, "z up") || strings.Contains(l, "z-up") {
			o.ZUp = true
		}
	}
	return o
}

func headerComments(data []byte) []string {
	var out []string
	for len(data) > 0 && len(out) < 64 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		if line[0] != '#' {
			break
		}
		out = append(out, cleanText(string(line[1:])))
	}
	return out
}

var nameWithFMA = regexp.MustCompile(`^(.+?)\s*\((FMA\d+)\)$`)

// objParser holds the state of one parse: global vertex pools (OBJ indices are global across
// objects) and the part being built.
type objParser struct {
	file  string
	opt   OBJOptions
	v, vn []float32
	out   Scene
	cur   *Part
	remap map[uint64]uint32
	slot  []uint64 // per position: (normal+1)<<32 | (vertex+1) of its first use in the part
	line  int
	poly  []uint32
	name  string   // object or group name of the part being built
	names []string // object or group name of each part in out.Parts
	count objCounts
}

// ParseOBJ reads a Wavefront OBJ file. Each `o` (or `g`, when the file has no `o`) starts a
// structure; faces are triangulated as fans; vertices with the same position and normal are
// shared. Texture coordinates, materials, lines and points are ignored.
func ParseOBJ(data []byte, name string, opt OBJOptions) (*Scene, error) {
	s, _, err := parseOBJNamed(data, name, opt)
	return s, err
}

// parseOBJNamed is ParseOBJ that also returns the object (or group) name of each part, for pack
// mesh references ("file.obj#object").
func parseOBJNamed(data []byte, name string, opt OBJOptions) (*Scene, []string, error) {
	if opt.Scale == 0 {
		opt.Scale = 1
	}
	p := &objParser{file: name, opt: opt, count: countOBJ(data)}
	p.v = make([]float32, 0, 3*p.count.v)
	p.vn = make([]float32, 0, 3*p.count.vn)
	p.out.Source = name
	header := headerComments(data)
	useG := p.count.o == 0
	for len(data) > 0 {
		p.line++
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if err := p.parseLine(line, useG); err != nil {
			return nil, nil, err
		}
	}
	p.finishPart()
	if len(p.out.Parts) == 0 {
		return nil, nil, &Error{File: name, Msg: "no faces: not an OBJ mesh, or an empty one"}
	}
	p.applyHeader(header)
	disambiguate(p.out.Parts)
	return &p.out, p.names, nil
}

func (p *objParser) errorf(field, format string, args ...any) error {
	return &Error{File: p.file, Line: p.line, Field: field, Msg: fmt.Sprintf(format, args...)}
}

func (p *objParser) parseLine(line []byte, useG bool) error {
	line = bytes.TrimSpace(line)
	if len(line) < 2 || line[0] == '#' {
		return nil
	}
	key, rest := nextField(line)
	if len(rest) == 0 {
		return nil
	}
	rest = bytes.TrimSpace(rest)
	switch string(key) {
	case "v":
		return p.readVec(&p.v, rest, "v", p.opt.Scale)
	case "vn":
		return p.readVec(&p.vn, rest, "vn", 1)
	case "f":
		return p.face(rest)
	case "o":
		p.startPart(string(rest))
	case "g":
		if useG {
			p.startPart(string(rest))
		}
	}
	return nil
}

func (p *objParser) readVec(dst *[]float32, rest []byte, field string, scale float32) error {
	var xyz [3]float32
	for k := 0; k < 3; k++ {
		var num []byte
		num, rest = nextField(rest)
		if len(num) == 0 {
			return p.errorf(field, "needs three numbers")
		}
		f, ok := parseFloat32(num)
		if !ok {
			return p.errorf(field, "%q is not a finite number", num)
		}
		xyz[k] = f * scale
	}
	if p.opt.ZUp {
		xyz = [3]float32{xyz[0], xyz[2], -xyz[1]}
	}
	*dst = append(*dst, xyz[0], xyz[1], xyz[2])
	return nil
}

func (p *objParser) startPart(name string) {
	p.finishPart()
	name = cleanText(name)
	st := Structure{ID: firstNonEmpty(name, fmt.Sprintf("object%d", len(p.out.Parts)+1))}
	st.Name = firstNonEmpty(prettyName(name), st.ID)
	p.cur = &Part{Structure: st}
	p.name = name
	if c := p.count; c.o+c.g <= 1 && len(p.out.Parts) == 0 {
		// One object: size its arrays once (BodyParts3D writes v//vn with equal indices).
		m := &p.cur.Mesh
		m.Positions, m.Normals = make([]float32, 0, 3*c.v), make([]float32, 0, 3*c.v)
		m.Indices = make([]uint32, 0, 3*c.f)
		p.slot = make([]uint64, c.v)
	} else {
		p.slot = nil
	}
	p.remap = map[uint64]uint32{}
}

func (p *objParser) finishPart() {
	if p.cur == nil || p.cur.Mesh.TriangleCount() == 0 {
		p.cur = nil
		return
	}
	m := &p.cur.Mesh
	if m.Normals == nil {
		m.Normals = computeNormals(m.Positions, m.Indices)
	} else if len(m.Normals) != len(m.Positions) {
		m.Normals = computeNormals(m.Positions, m.Indices)
	}
	p.out.Parts = append(p.out.Parts, *p.cur)
	p.names = append(p.names, p.name)
	p.cur = nil
}

// face reads "f a b c ..." where each corner is v, v/vt, v/vt/vn or v//vn.
func (p *objParser) face(rest []byte) error {
	if p.cur == nil {
		p.startPart("")
	}
	p.poly = p.poly[:0]
	nv, nn := len(p.v)/3, len(p.vn)/3
	for {
		var corner []byte
		corner, rest = nextField(rest)
		if len(corner) == 0 {
			break
		}
		vi, ni, err := p.corner(corner, nv, nn)
		if err != nil {
			return err
		}
		p.poly = append(p.poly, p.vertex(vi, ni))
	}
	if len(p.poly) < 3 {
		return p.errorf("f", "a face needs at least three corners")
	}
	m := &p.cur.Mesh
	for i := 1; i+1 < len(p.poly); i++ {
		m.Indices = append(m.Indices, p.poly[0], p.poly[i], p.poly[i+1])
	}
	return nil
}

func (p *objParser) corner(c []byte, nv, nn int) (vi, ni int, err error) {
	v, rest := c, []byte(nil)
	if i := bytes.IndexByte(c, '/'); i >= 0 {
		v, rest = c[:i], c[i+1:]
	}
	vi, err = p.index(v, nv, "f")
	if err != nil {
		return 0, 0, err
	}
	ni = -1
	if i := bytes.IndexByte(rest, '/'); i >= 0 && i+1 < len(rest) {
		if ni, err = p.index(rest[i+1:], nn, "f (normal)"); err != nil {
			return 0, 0, err
		}
	}
	return vi, ni, nil
}

func (p *objParser) index(b []byte, n int, field string) (int, error) {
	if len(b) == 0 {
		return 0, p.errorf(field, "empty index")
	}
	i, ok := parseIndex(b)
	if !ok {
		return 0, p.errorf(field, "%q is not an index", b)
	}
	if i < 0 {
		i = n + i + 1
	}
	if i < 1 || i > n {
		return 0, p.errorf(field, "index %s is out of range (%d defined so far)", b, n)
	}
	return i - 1, nil
}

// vertex returns the part-local index of the (position, normal) pair, adding it when new.
func (p *objParser) vertex(vi, ni int) uint32 {
	// First the slot per position (one object: most positions have one normal), then the map.
	fast := vi < len(p.slot)
	if fast {
		if e := p.slot[vi]; e != 0 {
			if int(e>>32)-1 == ni {
				return uint32(e) - 1
			}
			fast = false
		}
	}
	key := uint64(vi)<<32 | uint64(uint32(ni))
	if !fast {
		if idx, ok := p.remap[key]; ok {
			return idx
		}
	}
	m := &p.cur.Mesh
	idx := uint32(m.VertexCount())
	m.Positions = append(m.Positions, p.v[3*vi:3*vi+3]...)
	if ni >= 0 {
		m.Normals = append(m.Normals, p.vn[3*ni:3*ni+3]...)
	} else {
		m.Normals = nil // any corner without a normal: compute them all
	}
	if fast {
		p.slot[vi] = uint64(ni+1)<<32 | uint64(idx+1)
	} else {
		p.remap[key] = idx
	}
	return idx
}

// applyHeader takes credit and, for a one-structure file, a "Name (FMAnnnn)" title from the
// leading comments.
func (p *objParser) applyHeader(header []string) {
	for _, h := range header {
		l := strings.ToLower(h)
		if p.out.Attribution == "" && (strings.Contains(l, "licen") || strings.Contains(l, "(c)") || strings.Contains(h, "©") || strings.Contains(l, "copyright")) {
			p.out.Attribution = h
		}
	}
	if len(p.out.Parts) == 1 && len(header) > 0 {
		if m := nameWithFMA.FindStringSubmatch(header[0]); m != nil {
			p.out.Parts[0].Name = m[1]
			p.out.Parts[0].ID = m[2]
			p.out.Parts[0].Side = sideFromName(m[1])
		}
	}
	if p.out.Title == "" && len(p.out.Parts) == 1 {
		p.out.Title = p.out.Parts[0].Name
	}
}
