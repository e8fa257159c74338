package main

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// This file reads a GLB back independently of the encoder, checking the
// container as it goes, so the tests judge the committed file itself.

type rAccessor struct {
	BufferView    *int      `json:"bufferView"`
	ByteOffset    int       `json:"byteOffset"`
	ComponentType int       `json:"componentType"`
	Count         int       `json:"count"`
	Type          string    `json:"type"`
	Min           []float64 `json:"min"`
	Max           []float64 `json:"max"`
}

type rView struct {
	Buffer     int `json:"buffer"`
	ByteOffset int `json:"byteOffset"`
	ByteLength int `json:"byteLength"`
	ByteStride int `json:"byteStride"`
}

type rPrim struct {
	Attributes map[string]int `json:"attributes"`
	Indices    *int           `json:"indices"`
	Material   *int           `json:"material"`
	Mode       *int           `json:"mode"`
}

type rDoc struct {
	Asset struct {
		Version   string         `json:"version"`
		Copyright string         `json:"copyright"`
		Extras    map[string]any `json:"extras"`
	} `json:"asset"`
	Scene  *int `json:"scene"`
	Scenes []struct {
		Nodes []int `json:"nodes"`
	} `json:"scenes"`
	Nodes []struct {
		Name     string         `json:"name"`
		Mesh     *int           `json:"mesh"`
		Children []int          `json:"children"`
		Extras   map[string]any `json:"extras"`
		Scale    []float64      `json:"scale"`
		Matrix   []float64      `json:"matrix"`
	} `json:"nodes"`
	Meshes []struct {
		Primitives []rPrim `json:"primitives"`
	} `json:"meshes"`
	Materials []struct {
		PBR struct {
			BaseColorFactor []float64 `json:"baseColorFactor"`
		} `json:"pbrMetallicRoughness"`
		AlphaMode string `json:"alphaMode"`
	} `json:"materials"`
	Accessors   []rAccessor `json:"accessors"`
	BufferViews []rView     `json:"bufferViews"`
	Buffers     []struct {
		ByteLength int    `json:"byteLength"`
		URI        string `json:"uri"`
	} `json:"buffers"`
}

// rNode is a structure node read back, positions in millimetres.
type rNode struct {
	Name   string
	Extras map[string]any
	Pos    []Vec3
	Nrm    []Vec3
	Idx    []uint32
	Mat    int
}

type glbFile struct {
	Size  int
	Doc   rDoc
	Bin   []byte
	Nodes []rNode
}

// splitGLB checks the header and chunk layout and returns JSON and BIN.
func splitGLB(data []byte) ([]byte, []byte, error) {
	le := binary.LittleEndian
	if len(data) < 20 || string(data[:4]) != "glTF" {
		return nil, nil, errors.New("not a GLB: bad magic")
	}
	if v := le.Uint32(data[4:]); v != 2 {
		return nil, nil, fmt.Errorf("GLB version %d, want 2", v)
	}
	if n := le.Uint32(data[8:]); int(n) != len(data) {
		return nil, nil, fmt.Errorf("header length %d, file is %d bytes", n, len(data))
	}
	jl := int(le.Uint32(data[12:]))
	if le.Uint32(data[16:]) != 0x4E4F534A || jl%4 != 0 || 20+jl > len(data) {
		return nil, nil, fmt.Errorf("bad JSON chunk (length %d)", jl)
	}
	js := data[20 : 20+jl]
	rest := data[20+jl:]
	if len(rest) < 8 || le.Uint32(rest[4:]) != 0x004E4942 {
		return nil, nil, errors.New("missing BIN chunk")
	}
	bl := int(le.Uint32(rest))
	if bl%4 != 0 || 8+bl != len(rest) {
		return nil, nil, fmt.Errorf("BIN chunk length %d does not fill the file (%d left)", bl, len(rest)-8)
	}
	return js, rest[8:], nil
}

var compSize = map[int]int{5120: 1, 5121: 1, 5122: 2, 5123: 2, 5125: 4, 5126: 4}
var typeSize = map[string]int{"SCALAR": 1, "VEC2": 2, "VEC3": 3, "VEC4": 4}

// accessorBytes returns the tightly packed bytes of accessor a after
// checking that they lie inside their view and buffer.
func accessorBytes(doc *rDoc, bin []byte, a int) ([]byte, rAccessor, error) {
	if a < 0 || a >= len(doc.Accessors) {
		return nil, rAccessor{}, fmt.Errorf("accessor %d out of range", a)
	}
	acc := doc.Accessors[a]
	cs, ts := compSize[acc.ComponentType], typeSize[acc.Type]
	if cs == 0 || ts == 0 || acc.BufferView == nil || *acc.BufferView >= len(doc.BufferViews) {
		return nil, acc, fmt.Errorf("accessor %d: bad type or view", a)
	}
	v := doc.BufferViews[*acc.BufferView]
	if v.Buffer != 0 || v.ByteStride != 0 || v.ByteOffset+v.ByteLength > len(bin) {
		return nil, acc, fmt.Errorf("accessor %d: view outside the buffer", a)
	}
	n := acc.Count * cs * ts
	if acc.ByteOffset%cs != 0 || (v.ByteOffset+acc.ByteOffset)%cs != 0 {
		return nil, acc, fmt.Errorf("accessor %d: misaligned", a)
	}
	if acc.Count <= 0 || acc.ByteOffset+n > v.ByteLength {
		return nil, acc, fmt.Errorf("accessor %d: %d bytes do not fit its view of %d", a, n, v.ByteLength)
	}
	start := v.ByteOffset + acc.ByteOffset
	return bin[start : start+n], acc, nil
}

func readVec3(doc *rDoc, bin []byte, a int, scale float64) ([]Vec3, rAccessor, error) {
	b, acc, err := accessorBytes(doc, bin, a)
	if err != nil {
		return nil, acc, err
	}
	if acc.ComponentType != 5126 || acc.Type != "VEC3" {
		return nil, acc, fmt.Errorf("accessor %d: want float VEC3", a)
	}
	out := make([]Vec3, acc.Count)
	f := func(i int) float64 { return float64(math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))) }
	for i := range out {
		out[i] = V(f(3*i)*scale, f(3*i+1)*scale, f(3*i+2)*scale)
	}
	return out, acc, nil
}

func readIndices(doc *rDoc, bin []byte, a int) ([]uint32, error) {
	b, acc, err := accessorBytes(doc, bin, a)
	if err != nil {
		return nil, err
	}
	if acc.Type != "SCALAR" || (acc.ComponentType != 5123 && acc.ComponentType != 5125) {
		return nil, fmt.Errorf("accessor %d: indices must be uint16 or uint32 scalars", a)
	}
	out := make([]uint32, acc.Count)
	for i := range out {
		if acc.ComponentType == 5123 {
			out[i] = uint32(binary.LittleEndian.Uint16(b[2*i:]))
		} else {
			out[i] = binary.LittleEndian.Uint32(b[4*i:])
		}
	}
	return out, nil
}

// parseGLB reads every mesh node; the checks it makes are the structural
// test's first half.
func parseGLB(data []byte) (*glbFile, error) {
	js, bin, err := splitGLB(data)
	if err != nil {
		return nil, err
	}
	g := &glbFile{Size: len(data), Bin: bin}
	if err := json.Unmarshal(js, &g.Doc); err != nil {
		return nil, fmt.Errorf("JSON chunk: %w", err)
	}
	if len(g.Doc.Buffers) != 1 || g.Doc.Buffers[0].URI != "" || g.Doc.Buffers[0].ByteLength > len(bin) {
		return nil, errors.New("want one embedded buffer that fits the BIN chunk")
	}
	for _, n := range g.Doc.Nodes {
		if n.Mesh == nil {
			continue
		}
		node, err := readNode(&g.Doc, bin, n.Name, n.Extras, *n.Mesh)
		if err != nil {
			return nil, fmt.Errorf("node %q: %w", n.Name, err)
		}
		g.Nodes = append(g.Nodes, node)
	}
	return g, nil
}

func readNode(doc *rDoc, bin []byte, name string, extras map[string]any, mesh int) (rNode, error) {
	if mesh >= len(doc.Meshes) || len(doc.Meshes[mesh].Primitives) != 1 {
		return rNode{}, errors.New("want exactly one primitive")
	}
	p := doc.Meshes[mesh].Primitives[0]
	if p.Mode == nil || *p.Mode != 4 || p.Indices == nil || p.Material == nil || *p.Material >= len(doc.Materials) {
		return rNode{}, errors.New("primitive needs mode 4, indices and a material")
	}
	posA, okP := p.Attributes["POSITION"]
	nrmA, okN := p.Attributes["NORMAL"]
	if !okP || !okN || len(p.Attributes) != 2 {
		return rNode{}, errors.New("want exactly POSITION and NORMAL")
	}
	pos, acc, err := readVec3(doc, bin, posA, 1000)
	if err != nil {
		return rNode{}, err
	}
	if err := checkBounds(pos, acc); err != nil {
		return rNode{}, err
	}
	nrm, nacc, err := readVec3(doc, bin, nrmA, 1)
	if err != nil {
		return rNode{}, err
	}
	idx, err := readIndices(doc, bin, *p.Indices)
	if err != nil {
		return rNode{}, err
	}
	if nacc.Count != acc.Count || len(idx)%3 != 0 || len(idx) == 0 {
		return rNode{}, fmt.Errorf("%d normals for %d positions, %d indices", nacc.Count, acc.Count, len(idx))
	}
	for _, i := range idx {
		if int(i) >= len(pos) {
			return rNode{}, fmt.Errorf("index %d >= vertex count %d", i, len(pos))
		}
	}
	return rNode{Name: name, Extras: extras, Pos: pos, Nrm: nrm, Idx: idx, Mat: *p.Material}, nil
}

// checkBounds compares accessor min/max (metres) with the data (mm).
func checkBounds(pos []Vec3, acc rAccessor) error {
	if len(acc.Min) != 3 || len(acc.Max) != 3 {
		return errors.New("POSITION needs min and max")
	}
	lo := []float64{math.Inf(1), math.Inf(1), math.Inf(1)}
	hi := []float64{math.Inf(-1), math.Inf(-1), math.Inf(-1)}
	for _, p := range pos {
		for k, v := range [3]float64{p.X, p.Y, p.Z} {
			v = float64(float32(v / 1000))
			lo[k], hi[k] = math.Min(lo[k], v), math.Max(hi[k], v)
		}
	}
	for k := 0; k < 3; k++ {
		if float32(acc.Min[k]) != float32(lo[k]) || float32(acc.Max[k]) != float32(hi[k]) {
			return fmt.Errorf("min/max %v %v do not match the data %v %v", acc.Min, acc.Max, lo, hi)
		}
	}
	return nil
}

var (
	committedOnce sync.Once
	committed     *glbFile
	committedErr  error
)

// committedModel reads the shipped model once.
func committedModel(t *testing.T) *glbFile {
	t.Helper()
	committedOnce.Do(func() {
		data, err := os.ReadFile(filepath.Join("..", "builtin", "upper_limb.glb"))
		if err != nil {
			committedErr = err
			return
		}
		committed, committedErr = parseGLB(data)
	})
	if committedErr != nil {
		t.Fatalf("read committed model: %v", committedErr)
	}
	return committed
}

// node returns the named structure or fails the test.
func (g *glbFile) node(t *testing.T, name string) rNode {
	t.Helper()
	for _, n := range g.Nodes {
		if n.Name == name {
			return n
		}
	}
	t.Fatalf("no structure named %q", name)
	return rNode{}
}
