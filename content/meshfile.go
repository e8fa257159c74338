package content

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"strings"
)

// meshFile is one parsed mesh file of a pack, with the source name (glTF node, OBJ object or
// group) of each part.
type meshFile struct {
	scene *Scene
	names []string
}

// meshKey identifies a parse of a mesh file: the same OBJ may be read in two frames.
type meshKey struct {
	file  string
	frame OBJFrame
}

// frameFor is the OBJ frame of a structure: its own, else the pack's.
func (m *Manifest) frameFor(s *StructureEntry) OBJFrame {
	f := m.OBJ
	if s.OBJ.Units != "" {
		f.Units = s.OBJ.Units
	}
	if s.OBJ.Up != "" {
		f.Up = s.OBJ.Up
	}
	if file, _, _ := strings.Cut(s.Mesh, "#"); strings.ToLower(path.Ext(file)) != ".obj" {
		f = OBJFrame{} // not an OBJ: one parse serves every structure
	}
	return f
}

// objOptions turns a frame into parser options, reading what the frame leaves open from the
// file's header comments.
func objOptions(data []byte, f OBJFrame) OBJOptions {
	o := DetectOBJOptions(data)
	if s, ok := validUnits[f.Units]; ok && f.Units != "" {
		o.Scale = s
	}
	if f.Up != "" {
		o.ZUp = f.Up == "z"
	}
	return o
}

// loadMesh reads and parses one mesh file of the pack. Problems name the file as p.Name does.
// A glTF file is read into a reused buffer where it fits one (readScratch) and parsed copying
// what it keeps; else its meshes use the file's bytes in place.
func (p *Pack) loadMesh(k meshKey) (*meshFile, int64, error) {
	ext := strings.ToLower(path.Ext(k.file))
	own := func() ([]byte, error) { return readLimited(p.FS, k.file, maxModelFile) }
	var data []byte
	release, pooled := func() {}, false
	var err error
	if ext == ".glb" || ext == ".gltf" {
		data, release, pooled, err = readScratch(p.FS, k.file, maxModelFile, own)
	} else {
		data, err = own()
	}
	if err != nil {
		return nil, 0, &Error{File: p.Name(k.file), Msg: notReadable(err)}
	}
	defer release() // nothing parsed refers to data when it was pooled
	var mf meshFile
	switch {
	case ext == ".obj":
		mf.scene, mf.names, err = parseOBJNamed(data, k.file, objOptions(data, k.frame))
	case ext == ".glb" || ext == ".gltf" || bytes.HasPrefix(data, []byte("glTF")):
		mf.scene, mf.names, err = parseGLTF(data, k.file, p.FS, ExtrasKeys{}, !pooled) // only len(data) is used after
	default:
		err = &Error{File: k.file, Msg: "not a mesh file Osteon reads (.glb, .gltf or .obj)"}
	}
	if err != nil {
		var e *Error
		if errors.As(err, &e) && e.File == k.file {
			e.File = p.Name(k.file)
		}
		return nil, int64(len(data)), err
	}
	return &mf, int64(len(data)), nil
}

// find returns the parts a mesh reference's node selects: every part when node is empty, else
// the part whose source name is node, else the part whose structure id is node.
func (mf *meshFile) find(node string) ([]int, error) {
	if node == "" {
		all := make([]int, len(mf.scene.Parts))
		for i := range all {
			all[i] = i
		}
		return all, nil
	}
	var hits []int
	for i, n := range mf.names {
		if n == node {
			hits = append(hits, i)
		}
	}
	if len(hits) > 1 {
		return nil, fmt.Errorf("%d nodes are named %q; a mesh reference needs a unique name", len(hits), node)
	}
	if len(hits) == 0 {
		for i := range mf.scene.Parts {
			if mf.scene.Parts[i].ID == node {
				hits = append(hits, i)
			}
		}
	}
	if len(hits) == 0 {
		return nil, fmt.Errorf("no mesh node named %q (the file has %s)", node, sample(mf.names, 5))
	}
	return hits, nil
}

// sample lists up to n names for a message.
func sample(names []string, n int) string {
	var out []string
	for _, s := range names {
		if s != "" && len(out) < n {
			out = append(out, fmt.Sprintf("%q", s))
		}
	}
	if len(out) == 0 {
		return "no named nodes"
	}
	if len(names) > len(out) {
		out = append(out, fmt.Sprintf("… %d in all", len(names)))
	}
	return strings.Join(out, ", ")
}
