package content

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"strings"
)

// Limits that keep a hostile file from making the loader allocate without bound.
const (
	maxAccessorCount = 1 << 26 // elements in one accessor
	maxNodeDepth     = 256
)

type gltfDoc struct {
	Asset struct {
		Version   string          `json:"version"`
		Copyright string          `json:"copyright"`
		Generator string          `json:"generator"`
		Extras    json.RawMessage `json:"extras"`
	} `json:"asset"`
	Scene  *int `json:"scene"`
	Scenes []struct {
		Name  string `json:"name"`
		Nodes []int  `json:"nodes"`
	} `json:"scenes"`
	Nodes              []gltfNode       `json:"nodes"`
	Meshes             []gltfMesh       `json:"meshes"`
	Accessors          []gltfAccessor   `json:"accessors"`
	BufferViews        []gltfBufferView `json:"bufferViews"`
	Buffers            []gltfBuffer     `json:"buffers"`
	Materials          []gltfMaterial   `json:"materials"`
	ExtensionsRequired []string         `json:"extensionsRequired"`
}

type gltfNode struct {
	Name        string          `json:"name"`
	Mesh        *int            `json:"mesh"`
	Children    []int           `json:"children"`
	Matrix      []float64       `json:"matrix"`
	Translation []float64       `json:"translation"`
	Rotation    []float64       `json:"rotation"`
	Scale       []float64       `json:"scale"`
	Extras      json.RawMessage `json:"extras"`
}

type gltfMesh struct {
	Name       string `json:"name"`
	Primitives []struct {
		Attributes map[string]int `json:"attributes"`
		Indices    *int           `json:"indices"`
		Material   *int           `json:"material"`
		Mode       *int           `json:"mode"`
	} `json:"primitives"`
}

type gltfAccessor struct {
	BufferView    *int            `json:"bufferView"`
	ByteOffset    int64           `json:"byteOffset"`
	ComponentType int             `json:"componentType"`
	Count         int64           `json:"count"`
	Type          string          `json:"type"`
	Sparse        json.RawMessage `json:"sparse"`
}

type gltfBufferView struct {
	Buffer     int   `json:"buffer"`
	ByteOffset int64 `json:"byteOffset"`
	ByteLength int64 `json:"byteLength"`
	ByteStride int64 `json:"byteStride"`
}

type gltfBuffer struct {
	URI        string `json:"uri"`
	ByteLength int64  `json:"byteLength"`
}

type gltfMaterial struct {
	PBR struct {
		BaseColorFactor []float64 `json:"baseColorFactor"`
	} `json:"pbrMetallicRoughness"`
}

// LoadGLTF reads a glTF 2.0 scene (.glb or .gltf) called name from fsys. Buffers given by a
// relative URI are read from fsys beside it.
func LoadGLTF(fsys fs.FS, name string) (*Scene, error) {
	return loadGLTFScratch(fsys, name)
}

// ParseGLTF decodes a glTF 2.0 scene from data, binary (GLB) or JSON. name is used in messages and
// to resolve relative buffer URIs in fsys, which may be nil when the file has no external buffers.
// data is never changed, and the scene's arrays are its own. (LoadGLTF, Load and OpenFile read
// the file into a reused buffer and copy out what the meshes keep; for a file too big for that,
// the meshes use the bytes they read in place.)
func ParseGLTF(data []byte, name string, fsys fs.FS) (*Scene, error) {
	s, _, err := parseGLTFNamed(data, name, fsys)
	return s, err
}

// parseGLTFNamed is ParseGLTF that also returns the node name of each part, for pack mesh
// references ("file.glb#node").
func parseGLTFNamed(data []byte, name string, fsys fs.FS) (*Scene, []string, error) {
	return parseGLTFKeys(data, name, fsys, ExtrasKeys{})
}

// parseGLTFOwned is parseGLTFNamed for data that nothing else uses: the file's bytes read by
// the caller only to parse them. The meshes may keep and change those bytes in place (tightly
// packed float and uint32 arrays), which saves copying most of the file.
func parseGLTFOwned(data []byte, name string, fsys fs.FS) (*Scene, []string, error) {
	return parseGLTF(data, name, fsys, ExtrasKeys{}, true)
}

// parseGLTFKeys is parseGLTFNamed reading names and ids from the extras keys given.
func parseGLTFKeys(data []byte, name string, fsys fs.FS, keys ExtrasKeys) (*Scene, []string, error) {
	return parseGLTF(data, name, fsys, keys, false)
}

// parseGLTF parses data; with owned set, the scene may keep and change data (parseGLTFOwned),
// else data is left as it was.
func parseGLTF(data []byte, name string, fsys fs.FS, keys ExtrasKeys, owned bool) (*Scene, []string, error) {
	g := &gltfLoader{file: name, fsys: fsys, keys: keys, owned: owned}
	jsonChunk, bin, err := splitGLB(data, name)
	if err != nil {
		return nil, nil, err
	}
	g.bin = bin
	if err := json.Unmarshal(jsonChunk, &g.doc); err != nil {
		return nil, nil, &Error{File: name, Msg: "not a glTF file: " + jsonError(jsonChunk, err)}
	}
	s, err := g.scene()
	if err != nil {
		return nil, nil, err
	}
	return s, g.nodeNames, nil
}

// splitGLB returns the JSON and binary chunks of a GLB file, or data itself when it is JSON.
func splitGLB(data []byte, name string) (jsonChunk, bin []byte, err error) {
	if !bytes.HasPrefix(data, []byte("glTF")) {
		trimmed := bytes.TrimLeft(data, " \t\r\n\xef\xbb\xbf")
		if len(trimmed) == 0 || trimmed[0] != '{' {
			return nil, nil, errorf(name, "", "not a glTF file (neither GLB nor JSON)")
		}
		return trimmed, nil, nil
	}
	if len(data) < 20 {
		return nil, nil, errorf(name, "header", "truncated GLB header (%d bytes)", len(data))
	}
	if v := binary.LittleEndian.Uint32(data[4:]); v != 2 {
		return nil, nil, errorf(name, "header.version", "GLB version %d; only glTF 2.0 is supported", v)
	}
	total := int64(binary.LittleEndian.Uint32(data[8:]))
	if total > int64(len(data)) {
		return nil, nil, errorf(name, "header.length", "file is truncated: header says %d bytes, file has %d", total, len(data))
	}
	if total < 20 {
		return nil, nil, errorf(name, "header.length", "length %d is too small for a GLB file", total)
	}
	rest := data[12:total]
	for i := 0; len(rest) > 0; i++ {
		if len(rest) < 8 {
			return nil, nil, errorf(name, fmt.Sprintf("chunk[%d]", i), "truncated chunk header")
		}
		n := int64(binary.LittleEndian.Uint32(rest))
		typ := binary.LittleEndian.Uint32(rest[4:])
		if n > int64(len(rest)-8) {
			return nil, nil, errorf(name, fmt.Sprintf("chunk[%d].length", i), "file is truncated: chunk of %d bytes, %d left", n, len(rest)-8)
		}
		body := rest[8 : 8+n]
		switch {
		case typ == 0x4E4F534A && jsonChunk == nil:
			jsonChunk = body
		case typ == 0x004E4942 && bin == nil:
			bin = body
		}
		rest = rest[8+n:]
	}
	if jsonChunk == nil {
		return nil, nil, errorf(name, "chunk[0]", "GLB has no JSON chunk")
	}
	return jsonChunk, bin, nil
}

func jsonError(data []byte, err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line := 1 + bytes.Count(data[:min(int(se.Offset), len(data))], []byte("\n"))
		return fmt.Sprintf("JSON syntax error on line %d: %v", line, err)
	}
	return err.Error()
}

type gltfLoader struct {
	file      string
	fsys      fs.FS
	doc       gltfDoc
	bin       []byte
	buffers   [][]byte
	out       Scene
	nodeNames []string // node name of each part in out.Parts
	keys      ExtrasKeys
	owned     bool        // the file's bytes are the loader's to keep and change
	ownedBuf  []bool      // per buffer: its bytes may become mesh arrays (claim)
	claimed   []span      // byte ranges that are some mesh's array, sorted
	transform []transform // world transforms, applied once every accessor is read
}

// transform is a part's world matrix, waiting to be applied.
type transform struct {
	part int
	m    mat4
}

func (g *gltfLoader) scene() (*Scene, error) {
	d := &g.doc
	if !strings.HasPrefix(d.Asset.Version, "2.") {
		return nil, errorf(g.file, "asset.version", "glTF version %q; only 2.x is supported", d.Asset.Version)
	}
	for _, ext := range d.ExtensionsRequired {
		return nil, errorf(g.file, "extensionsRequired", "needs extension %s, which Osteon does not support", ext)
	}
	if err := g.loadBuffers(); err != nil {
		return nil, err
	}
	s := &g.out
	s.Source = g.file
	s.Attribution = strings.TrimSpace(d.Asset.Copyright)
	g.readAssetExtras()
	roots, err := g.roots()
	if err != nil {
		return nil, err
	}
	for _, r := range roots {
		if err := g.walk(r, identity(), make([]bool, len(d.Nodes)), 0); err != nil {
			return nil, err
		}
	}
	if len(s.Parts) == 0 {
		return nil, errorf(g.file, "meshes", "the scene has no triangle meshes")
	}
	// Only now: arrays used in place must not change while other accessors may still read
	// their bytes.
	for _, t := range g.transform {
		t.m.apply(&s.Parts[t.part].Mesh)
	}
	disambiguate(s.Parts)
	out := *s // apart from the loader, which refers to the file's bytes
	return &out, nil
}

func (g *gltfLoader) readAssetExtras() {
	var ex struct {
		Title     string `json:"title"`
		Schematic bool   `json:"schematic"`
	}
	if len(g.doc.Asset.Extras) > 0 && json.Unmarshal(g.doc.Asset.Extras, &ex) == nil {
		g.out.Title = ex.Title
		g.out.Schematic = ex.Schematic
	}
	if g.out.Title == "" && len(g.doc.Scenes) > 0 {
		g.out.Title = g.doc.Scenes[0].Name
	}
}

func (g *gltfLoader) roots() ([]int, error) {
	d := &g.doc
	if len(d.Scenes) > 0 {
		i := 0
		if d.Scene != nil {
			i = *d.Scene
		}
		if i < 0 || i >= len(d.Scenes) {
			return nil, errorf(g.file, "scene", "scene %d does not exist (%d scenes)", i, len(d.Scenes))
		}
		return d.Scenes[i].Nodes, nil
	}
	// No scenes: every node that is nobody's child is a root.
	child := make([]bool, len(d.Nodes))
	for _, n := range d.Nodes {
		for _, c := range n.Children {
			if c >= 0 && c < len(child) {
				child[c] = true
			}
		}
	}
	var roots []int
	for i := range d.Nodes {
		if !child[i] {
			roots = append(roots, i)
		}
	}
	return roots, nil
}

func (g *gltfLoader) walk(i int, parent mat4, seen []bool, depth int) error {
	field := fmt.Sprintf("nodes[%d]", i)
	if i < 0 || i >= len(g.doc.Nodes) {
		return errorf(g.file, field, "node does not exist (%d nodes)", len(g.doc.Nodes))
	}
	if seen[i] || depth > maxNodeDepth {
		return errorf(g.file, field, "node hierarchy has a cycle or is deeper than %d", maxNodeDepth)
	}
	seen[i] = true
	n := &g.doc.Nodes[i]
	local, err := localMatrix(n)
	if err != nil {
		return errorf(g.file, field, "%v", err)
	}
	world := parent.mul(local)
	if n.Mesh != nil {
		if err := g.addPart(i, world); err != nil {
			return err
		}
	}
	for _, c := range n.Children {
		if err := g.walk(c, world, seen, depth+1); err != nil {
			return err
		}
	}
	return nil
}

func (g *gltfLoader) loadBuffers() error {
	for i, b := range g.doc.Buffers {
		field := fmt.Sprintf("buffers[%d]", i)
		var data []byte
		owned := true // decoded here from a data URI: no one else has these bytes
		switch {
		case b.URI == "" && i == 0 && g.bin != nil:
			data, owned = g.bin, g.owned
		case b.URI == "":
			return errorf(g.file, field+".uri", "buffer has no uri and there is no GLB binary chunk")
		case strings.HasPrefix(b.URI, "data:"):
			comma := strings.IndexByte(b.URI, ',')
			if comma < 0 || !strings.Contains(b.URI[:comma], ";base64") {
				return errorf(g.file, field+".uri", "data URI is not base64")
			}
			var err error
			data, err = base64.StdEncoding.DecodeString(b.URI[comma+1:])
			if err != nil {
				return errorf(g.file, field+".uri", "bad base64 data: %v", err)
			}
		default:
			var err error
			data, err = g.readExternal(b.URI)
			if err != nil {
				return errorf(g.file, field+".uri", "%v", err)
			}
			owned = g.owned // fs.ReadFile should give a copy; trusted only when the caller read the file too
		}
		if int64(len(data)) < b.ByteLength {
			return errorf(g.file, field+".byteLength", "buffer has %d bytes, byteLength says %d (truncated?)", len(data), b.ByteLength)
		}
		g.buffers = append(g.buffers, data)
		g.ownedBuf = append(g.ownedBuf, owned)
	}
	return nil
}

func (g *gltfLoader) readExternal(uri string) ([]byte, error) {
	p, err := url.PathUnescape(uri)
	if err != nil {
		return nil, fmt.Errorf("bad URI %q", uri)
	}
	full := path.Join(path.Dir(g.file), p)
	if g.fsys == nil || strings.HasPrefix(p, "/") || !fs.ValidPath(full) {
		return nil, fmt.Errorf("external buffer %q cannot be read from here", uri)
	}
	data, err := fs.ReadFile(g.fsys, full)
	if err != nil {
		return nil, fmt.Errorf("missing buffer file %q: %v", uri, unwrapPathError(err))
	}
	return data, nil
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}
