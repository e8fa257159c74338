package content

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// gltfSource is one scene file of an import, read and mapped.
type gltfSource struct {
	file    string // as given, for messages
	base    string // its name in the pack's meshes/ folder
	src     fs.FS  // its folder, for external buffers
	data    []byte
	scene   *Scene
	entries []StructureEntry // Mesh holds the node name until the pack is assembled
	tree    nodeTree
	organ   string // the organ the file shows, in the crosswalk's spelling where it knows it
	side    string
}

// GLTFFiles lists the scenes to import from args: each a .glb or .gltf file, or a folder whose
// .glb and .gltf files are taken in name order.
func GLTFFiles(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, Problems{{File: a, Msg: notReadable(err)}}
		}
		if !st.IsDir() {
			out = append(out, a)
			continue
		}
		ents, err := os.ReadDir(a)
		if err != nil {
			return nil, Problems{{File: a, Msg: notReadable(err)}}
		}
		n := len(out)
		for _, e := range ents {
			if ext := strings.ToLower(filepath.Ext(e.Name())); !e.IsDir() && (ext == ".glb" || ext == ".gltf") {
				out = append(out, filepath.Join(a, e.Name()))
			}
		}
		if len(out) == n {
			return nil, Problems{{File: a, Msg: "the folder has no .glb or .gltf file"}}
		}
	}
	return out, nil
}

// ImportGLTFSet makes one pack from several glTF scenes in one frame (a folder of organ files):
// each file's meshes keep their frame, each file becomes an organ group (its single root node, or
// a group made for it), group nodes become parent structures, and every structure gets a
// concept, a system, a region and a colour (see FORMAT.md, "glTF"). Two files whose sizes
// differ by orders of magnitude are imported with a warning naming them, as they are probably
// in different units.
func ImportGLTFSet(ctx context.Context, files []string, opt ImportOptions) (*ImportResult, error) {
	if len(files) == 0 {
		return nil, errors.New("content: import: no glTF file given")
	}
	res := &ImportResult{Out: opt.Out}
	var srcs []*gltfSource
	used := map[string]bool{}
	for i, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		opt.progress(int64(i), int64(len(files)), "reading "+f)
		s, err := readGLTFSource(f, opt.Keys, &res.Warnings)
		if err != nil {
			return nil, err
		}
		s.base = strings.TrimPrefix(meshName(used, s.base), "meshes/")
		srcs = append(srcs, s)
	}
	res.Warnings = append(res.Warnings, frameWarnings(srcs)...)
	m, err := opt.setIdentity(files, srcs)
	if err != nil {
		return nil, err
	}
	m.Structures = assemble(srcs, opt, m.Attribution)
	res.Manifest = m
	opt.progress(int64(len(files)), int64(len(files)), fmt.Sprintf("writing %d structures from %d files", len(m.Structures), len(files)))
	if err := writeGLTFSet(ctx, opt, srcs, m); err != nil {
		return nil, err
	}
	return res, nil
}

func (o *ImportOptions) progress(done, total int64, what string) {
	if o.Progress != nil {
		o.Progress(done, total, what)
	}
}

// readGLTFSource reads, checks and maps one scene file.
func readGLTFSource(file string, keys ExtrasKeys, warnings *[]string) (*gltfSource, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, err
	}
	s := &gltfSource{file: file, base: filepath.Base(abs), src: os.DirFS(filepath.Dir(abs))}
	if s.data, err = readLimited(s.src, s.base, maxModelFile); err != nil {
		return nil, Problems{{File: file, Msg: notReadable(err)}}
	}
	scene, names, err := parseGLTFKeys(s.data, s.base, s.src, keys)
	if err != nil {
		var e *Error
		if errors.As(err, &e) && e.File == s.base {
			e.File = file
		}
		return nil, AsProblems(err, file)
	}
	s.scene = scene
	entries, ps := gltfEntries(scene, names, file, warnings)
	if len(ps) > 0 {
		return nil, ps
	}
	s.entries = entries
	if s.tree, ps = readNodeTree(s.data, file); len(ps) > 0 {
		return nil, ps
	}
	s.organ, s.side = fileOrgan(s)
	return s, nil
}

// fileOrgan is the organ most of the file's structures name, else the one its file name names.
func fileOrgan(s *gltfSource) (organ, side string) {
	count := map[string]int{}
	for _, e := range s.entries {
		if o := e.Extras[keyOrgan]; o != "" {
			count[o]++
		}
	}
	for o, n := range count {
		if n > count[organ] || n == count[organ] && o < organ {
			organ = o
		}
	}
	stem := strings.TrimSuffix(s.base, filepath.Ext(s.base))
	side = sideFromNode(stem, "")
	if organ == "" {
		organ = strings.ToLower(machineName(stem))
	}
	if k := OrganKey(organ); k != "" {
		organ = k
	}
	return organ, side
}

// frameWarnings names files whose size is a hundred times another's: a sign of other units.
func frameWarnings(srcs []*gltfSource) []string {
	var small, big *gltfSource
	var rs, rb float32
	for _, s := range srcs {
		r := s.scene.Bounds().Radius()
		if !(r > 0) {
			continue
		}
		if small == nil || r < rs {
			small, rs = s, r
		}
		if big == nil || r > rb {
			big, rb = s, r
		}
	}
	if small == nil || rb < 100*rs {
		return nil
	}
	return []string{fmt.Sprintf("%s is %.0f times the size of %s (%g against %g across): the files are probably not in one frame (other units?); the pack shows them as they are",
		big.file, rb/rs, small.file, 2*rb, 2*rs)}
}

// setIdentity fills the pack's identity; the id and title default to the folder's or file's name.
func (o *ImportOptions) setIdentity(files []string, srcs []*gltfSource) (*Manifest, error) {
	name, title, credit := files[0], srcs[0].scene.Title, srcs[0].scene.Attribution
	if len(files) > 1 {
		name, title = filepath.Dir(files[0]), ""
		if b := filepath.Base(name); b == "models" || b == "." {
			name = filepath.Dir(name)
		}
		for _, s := range srcs[1:] {
			if s.scene.Attribution != credit {
				credit = ""
			}
		}
	}
	m, ps := o.identity(name, title, credit)
	if len(ps) > 0 {
		return nil, ps
	}
	for _, s := range srcs {
		m.Schematic = m.Schematic || s.scene.Schematic
	}
	return m, nil
}

// writeGLTFSet writes every scene file, their external buffers and pack.toml.
func writeGLTFSet(ctx context.Context, opt ImportOptions, srcs []*gltfSource, m *Manifest) error {
	w, err := newPackWriter(opt.Out)
	if err != nil {
		return fmt.Errorf("content: import: %w", err)
	}
	for _, s := range srcs {
		if err := ctx.Err(); err != nil {
			w.abort()
			return err
		}
		if err := writeSceneFiles(w, s); err != nil {
			w.abort()
			return err
		}
	}
	if err := w.writeFile(ManifestName, MarshalManifest(m)); err != nil {
		w.abort()
		return fmt.Errorf("content: import: %w", err)
	}
	return finishPack(ctx, w, true)
}

func writeSceneFiles(w *packWriter, s *gltfSource) error {
	uris, err := externalBuffers(s.data)
	if err != nil {
		return Problems{{File: s.file, Field: "buffers", Msg: err.Error()}}
	}
	if err := w.writeFile("meshes/"+s.base, s.data); err != nil {
		return fmt.Errorf("content: import %s: %w", s.file, err)
	}
	for _, u := range uris {
		b, err := readLimited(s.src, u, maxModelFile)
		if err != nil {
			return Problems{{File: u, Msg: notReadable(err)}}
		}
		if err := w.writeFile("meshes/"+u, b); err != nil {
			return fmt.Errorf("content: import %s: %w", s.file, err)
		}
	}
	return nil
}

// nodeTree is a glTF file's node hierarchy: each node's name, parent (-1 for none) and whether
// it has a mesh.
type nodeTree struct {
	names  []string
	parent []int
	mesh   []bool
}

// readNodeTree reads the hierarchy; a node that is the child of two nodes, or of itself through
// others, is a problem naming the node.
func readNodeTree(data []byte, file string) (nodeTree, Problems) {
	var t nodeTree
	js, _, err := splitGLB(data, file)
	if err != nil {
		return t, AsProblems(err, file)
	}
	var doc struct {
		Nodes []gltfNode `json:"nodes"`
	}
	if err := json.Unmarshal(js, &doc); err != nil {
		return t, Problems{{File: file, Msg: "not a glTF file: " + err.Error()}}
	}
	n := len(doc.Nodes)
	t = nodeTree{names: make([]string, n), parent: make([]int, n), mesh: make([]bool, n)}
	for i := range t.parent {
		t.parent[i] = -1
		t.names[i], t.mesh[i] = doc.Nodes[i].Name, doc.Nodes[i].Mesh != nil
	}
	var ps Problems
	for i, nd := range doc.Nodes {
		for _, c := range nd.Children {
			switch {
			case c < 0 || c >= n:
				ps.add(file, 0, fmt.Sprintf("nodes[%d].children", i), "node %d does not exist (%d nodes)", c, n)
			case t.parent[c] >= 0 || c == i:
				ps.add(file, 0, fmt.Sprintf("nodes[%d].children", i), "node %d is already the child of node %d: a node has one parent", c, t.parent[c])
			default:
				t.parent[c] = i
			}
		}
	}
	for i := range t.parent {
		if t.inCycle(i) {
			ps.add(file, 0, fmt.Sprintf("nodes[%d].children", i), "the node hierarchy has a cycle through node %d (%q)", i, t.names[i])
			break
		}
	}
	return t, ps
}

func (t nodeTree) inCycle(i int) bool {
	for j, steps := t.parent[i], 0; j >= 0; j, steps = t.parent[j], steps+1 {
		if j == i || steps > len(t.parent) {
			return true
		}
	}
	return false
}

// roots lists the nodes without a parent.
func (t nodeTree) roots() []int {
	var out []int
	for i, p := range t.parent {
		if p < 0 {
			out = append(out, i)
		}
	}
	return out
}
