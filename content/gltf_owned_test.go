package content

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"unsafe"

	"github.com/google/go-cmp/cmp"
	"github.com/osteon/osteon/content/contenttest"
)

// tdoc builds small GLB files for the tests of arrays used in place.
type tdoc struct {
	bin                 []byte
	views, accs, meshes []any
	nodes               []any
	roots               []int
}

// view adds a buffer view of data at the end of the binary chunk, first padding the chunk to a
// multiple of 4 plus skew bytes.
func (d *tdoc) view(data []byte, stride, skew int) int {
	for len(d.bin)%4 != skew {
		d.bin = append(d.bin, 0xEE)
	}
	v := map[string]any{"buffer": 0, "byteOffset": len(d.bin), "byteLength": len(data)}
	if stride > 0 {
		v["byteStride"] = stride
	}
	d.bin = append(d.bin, data...)
	d.views = append(d.views, v)
	return len(d.views) - 1
}

func (d *tdoc) acc(view, offset, comp, count int, typ string) int {
	d.accs = append(d.accs, map[string]any{"bufferView": view, "byteOffset": offset, "componentType": comp, "count": count, "type": typ})
	return len(d.accs) - 1
}

// mesh adds a mesh of primitives, each a map of attribute name to accessor plus "indices".
func (d *tdoc) mesh(prims ...map[string]int) int {
	var ps []any
	for _, p := range prims {
		attrs := map[string]any{}
		prim := map[string]any{"attributes": attrs}
		for k, v := range p {
			if k == "indices" {
				prim[k] = v
			} else {
				attrs[k] = v
			}
		}
		ps = append(ps, prim)
	}
	d.meshes = append(d.meshes, map[string]any{"primitives": ps})
	return len(d.meshes) - 1
}

func (d *tdoc) node(mesh int, fields map[string]any) {
	n := map[string]any{"name": "n" + string(rune('a'+len(d.nodes))), "mesh": mesh}
	for k, v := range fields {
		n[k] = v
	}
	d.nodes = append(d.nodes, n)
	d.roots = append(d.roots, len(d.nodes)-1)
}

func (d *tdoc) glb(t testing.TB) []byte {
	t.Helper()
	doc := map[string]any{
		"asset":       map[string]any{"version": "2.0"},
		"buffers":     []any{map[string]any{"byteLength": len(d.bin)}},
		"bufferViews": d.views, "accessors": d.accs, "meshes": d.meshes, "nodes": d.nodes,
		"scenes": []any{map[string]any{"nodes": d.roots}},
	}
	js, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return packGLB(js, d.bin)
}

func le[T float32 | uint32 | uint16](v ...T) []byte {
	var b bytes.Buffer
	binary.Write(&b, binary.LittleEndian, v)
	return b.Bytes()
}

// triangle data: two triangles over four vertices, with unit normals.
var (
	quadPos = []float32{0, 0, 0, 1, 0, 0, 1, 2, 0, 0, 2, 3}
	quadNor = []float32{0, 0, 1, 0, 0, 1, 0, 0.6, 0.8, 0, 0.6, 0.8}
	quadIdx = []uint32{0, 1, 2, 0, 2, 3}
)

// parseBoth parses data the copying way (checking data is left as it was) and the owned way (on
// a copy), requires the same scene from both, and returns it and the owned copy's bytes after.
func parseBoth(t *testing.T, data []byte) (*Scene, []byte) {
	t.Helper()
	before := bytes.Clone(data)
	want, err := ParseGLTF(data, "t.glb", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, before) {
		t.Fatal("ParseGLTF changed the caller's bytes")
	}
	own := bytes.Clone(data)
	got, _, err := parseGLTFOwned(own, "t.glb", nil)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want.Parts, got.Parts); diff != "" {
		t.Fatalf("owned parse differs from copying parse (-copy +owned):\n%s", diff)
	}
	return got, own
}

// inFile reports whether s's memory lies inside file.
func inFile[T any](s []T, file []byte) bool {
	if len(s) == 0 || len(file) == 0 {
		return false
	}
	p, lo := uintptr(unsafe.Pointer(&s[0])), uintptr(unsafe.Pointer(&file[0]))
	return p >= lo && p < lo+uintptr(len(file))
}

func near(t *testing.T, what string, got, want []float32) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values, want %d", what, len(got), len(want))
	}
	for i := range got {
		if math.Abs(float64(got[i]-want[i])) > 1e-6 {
			t.Fatalf("%s: %v, want %v", what, got, want)
		}
	}
}

func quadDoc() (*tdoc, int) {
	d := &tdoc{}
	p := d.acc(d.view(le(quadPos...), 0, 0), 0, compFloat, 4, "VEC3")
	n := d.acc(d.view(le(quadNor...), 0, 0), 0, compFloat, 4, "VEC3")
	i := d.acc(d.view(le(quadIdx...), 0, 0), 0, compUInt, 6, "SCALAR")
	return d, d.mesh(map[string]int{"POSITION": p, "NORMAL": n, "indices": i})
}

func TestGLTFInstancedMeshTwoTransforms(t *testing.T) {
	d, m := quadDoc()
	d.node(m, map[string]any{"translation": []float64{10, 0, 0}})
	d.node(m, map[string]any{"scale": []float64{-1, 1, 1}}) // mirrors: winding reversed
	d.node(m, nil)
	s, own := parseBoth(t, d.glb(t))
	if len(s.Parts) != 3 {
		t.Fatalf("%d parts, want 3", len(s.Parts))
	}
	a, b, c := s.Parts[0].Mesh, s.Parts[1].Mesh, s.Parts[2].Mesh
	near(t, "translated positions", a.Positions, []float32{10, 0, 0, 11, 0, 0, 11, 2, 0, 10, 2, 3})
	near(t, "translated normals", a.Normals, quadNor)
	if !cmp.Equal(a.Indices, quadIdx) {
		t.Errorf("translated indices %v", a.Indices)
	}
	near(t, "mirrored positions", b.Positions, []float32{0, 0, 0, -1, 0, 0, -1, 2, 0, 0, 2, 3})
	near(t, "mirrored normals", b.Normals, quadNor)
	if want := []uint32{0, 2, 1, 0, 3, 2}; !cmp.Equal(b.Indices, want) {
		t.Errorf("mirrored indices %v, want %v", b.Indices, want)
	}
	near(t, "untransformed positions", c.Positions, quadPos)
	if !cmp.Equal(c.Indices, quadIdx) {
		t.Errorf("untransformed indices %v", c.Indices)
	}
	// The owned parse uses the file's bytes for one instance only.
	inPlace := 0
	for _, p := range s.Parts {
		if inFile(p.Mesh.Positions, own) {
			inPlace++
		}
	}
	if inPlace != 1 {
		t.Errorf("%d of 3 instances use the file's positions in place, want 1", inPlace)
	}
}

func TestGLTFSharedAccessorAcrossPrimitives(t *testing.T) {
	d := &tdoc{}
	p := d.acc(d.view(le(quadPos...), 0, 0), 0, compFloat, 4, "VEC3")
	i := d.acc(d.view(le(quadIdx...), 0, 0), 0, compUInt, 6, "SCALAR")
	m := d.mesh(map[string]int{"POSITION": p, "indices": i}, map[string]int{"POSITION": p, "indices": i})
	m2 := d.mesh(map[string]int{"POSITION": p, "indices": i})
	d.node(m2, map[string]any{"translation": []float64{0, 0, 1}}) // uses p in place, moves it last
	d.node(m, map[string]any{"scale": []float64{2, 2, 2}})        // must read p as it was
	d.node(m2, nil)
	s, _ := parseBoth(t, d.glb(t))
	near(t, "first use", s.Parts[0].Mesh.Positions, []float32{0, 0, 1, 1, 0, 1, 1, 2, 1, 0, 2, 4})
	twice := []float32{0, 0, 0, 2, 0, 0, 2, 4, 0, 0, 4, 6}
	near(t, "two primitives' positions", s.Parts[1].Mesh.Positions, append(append([]float32{}, twice...), twice...))
	if want := []uint32{0, 1, 2, 0, 2, 3, 4, 5, 6, 4, 6, 7}; !cmp.Equal(s.Parts[1].Mesh.Indices, want) {
		t.Errorf("indices %v, want %v", s.Parts[1].Mesh.Indices, want)
	}
	near(t, "last use", s.Parts[2].Mesh.Positions, quadPos)
}

// TestGLTFStridedAndUnalignedCopy: interleaved and unaligned arrays are copied and read the same
// numbers as tightly packed ones.
func TestGLTFStridedAndUnalignedCopy(t *testing.T) {
	packed, m := quadDoc()
	packed.node(m, map[string]any{"translation": []float64{1, 2, 3}})
	want, _ := parseBoth(t, packed.glb(t))

	d := &tdoc{}
	var inter []float32 // position, normal, position, normal...
	for v := 0; v < 4; v++ {
		inter = append(inter, quadPos[3*v:3*v+3]...)
		inter = append(inter, quadNor[3*v:3*v+3]...)
	}
	iv := d.view(le(inter...), 24, 0)
	p := d.acc(iv, 0, compFloat, 4, "VEC3")
	n := d.acc(iv, 12, compFloat, 4, "VEC3")
	i := d.acc(d.view(le(quadIdx...), 0, 2), 0, compUInt, 6, "SCALAR") // 2 bytes off alignment
	d.node(d.mesh(map[string]int{"POSITION": p, "NORMAL": n, "indices": i}), map[string]any{"translation": []float64{1, 2, 3}})
	got, own := parseBoth(t, d.glb(t))
	if diff := cmp.Diff(want.Parts[0].Mesh, got.Parts[0].Mesh); diff != "" {
		t.Errorf("strided and unaligned (-packed +got):\n%s", diff)
	}
	if mesh := got.Parts[0].Mesh; inFile(mesh.Positions, own) || inFile(mesh.Normals, own) || inFile(mesh.Indices, own) {
		t.Error("a strided or unaligned array is used in place")
	}

	u := &tdoc{} // unaligned positions
	up := u.acc(u.view(le(quadPos...), 0, 1), 0, compFloat, 4, "VEC3")
	ui := u.acc(u.view(le(quadIdx...), 0, 0), 0, compUInt, 6, "SCALAR")
	u.node(u.mesh(map[string]int{"POSITION": up, "indices": ui}), nil)
	got, own = parseBoth(t, u.glb(t))
	near(t, "unaligned positions", got.Parts[0].Mesh.Positions, quadPos)
	if inFile(got.Parts[0].Mesh.Positions, own) {
		t.Error("unaligned positions are used in place")
	}
}

// TestParseGLTFLeavesBytes: ParseGLTF and Load (from an fs.FS) never change the bytes they are
// given, where the owned parse (used by OpenFile) does change its own: the check can fail.
func TestParseGLTFLeavesBytes(t *testing.T) {
	d, m := quadDoc()
	d.node(m, map[string]any{"rotation": []float64{0, 0.6, 0, 0.8}, "scale": []float64{-1, 2, 2}})
	data := d.glb(t)
	before := bytes.Clone(data)
	_, own := parseBoth(t, data) // checks ParseGLTF
	if bytes.Equal(own, before) {
		t.Fatal("the owned parse left its copy as it was: arrays are not used in place, and this test checks nothing")
	}
	fsys := fstest.MapFS{"m.glb": {Data: data}}
	if _, err := Load(fsys, "m.glb"); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, before) {
		t.Fatal("Load changed the fs.FS's bytes")
	}
}

func TestGLTFBadNumbersKeepMessages(t *testing.T) {
	nan := float32(math.NaN())
	inf := float32(math.Inf(-1))
	cases := []struct {
		name, want string
		build      func(d *tdoc) (p, i int)
	}{
		{"nan position", "accessors[0]: element 2 is not a finite number", func(d *tdoc) (int, int) {
			return d.acc(d.view(le(0, 0, 0, 1, 0, 0, 1, 1, nan, 0, 1, 0), 0, 0), 0, compFloat, 4, "VEC3"),
				d.acc(d.view(le[uint32](0, 1, 2), 0, 0), 0, compUInt, 3, "SCALAR")
		}},
		{"inf at an odd place", "accessors[0]: element 2 is not a finite number", func(d *tdoc) (int, int) {
			return d.acc(d.view(le(0, 0, 0, 1, 0, 0, 1, -inf, 0), 0, 0), 0, compFloat, 3, "VEC3"),
				d.acc(d.view(le[uint32](0, 1, 2), 0, 0), 0, compUInt, 3, "SCALAR")
		}},
		{"nan in the odd tail, off 8-byte alignment", "accessors[0]: element 2 is not a finite number", func(d *tdoc) (int, int) {
			d.view(le[float32](7), 0, 0) // the positions start 4 bytes past a multiple of 8
			return d.acc(d.view(le(0, 0, 0, 1, 0, 0, 1, 1, nan), 0, 0), 0, compFloat, 3, "VEC3"),
				d.acc(d.view(le[uint32](0, 1, 2), 0, 0), 0, compUInt, 3, "SCALAR")
		}},
		{"inf strided position", "accessors[0]: element 1 is not a finite number", func(d *tdoc) (int, int) {
			return d.acc(d.view(le(0, 0, 0, 9, 1, inf, 0, 9, 1, 1, 0, 9), 16, 0), 0, compFloat, 3, "VEC3"),
				d.acc(d.view(le[uint32](0, 1, 2), 0, 0), 0, compUInt, 3, "SCALAR")
		}},
		{"uint32 index", "accessors[1]: index 7 at element 4 is past the 3 vertices", func(d *tdoc) (int, int) {
			return d.acc(d.view(le[float32](0, 0, 0, 1, 0, 0, 1, 1, 0), 0, 0), 0, compFloat, 3, "VEC3"),
				d.acc(d.view(le[uint32](0, 1, 2, 0, 7, 9), 0, 0), 0, compUInt, 6, "SCALAR")
		}},
		{"uint16 index", "accessors[1]: index 3 at element 1 is past the 3 vertices", func(d *tdoc) (int, int) {
			return d.acc(d.view(le[float32](0, 0, 0, 1, 0, 0, 1, 1, 0), 0, 0), 0, compFloat, 3, "VEC3"),
				d.acc(d.view(le[uint16](0, 3, 2, 0), 0, 0), 0, compUShort, 3, "SCALAR")
		}},
		{"unaligned uint16 index", "accessors[1]: index 5 at element 2 is past the 3 vertices", func(d *tdoc) (int, int) {
			return d.acc(d.view(le[float32](0, 0, 0, 1, 0, 0, 1, 1, 0), 0, 0), 0, compFloat, 3, "VEC3"),
				d.acc(d.view(le[uint16](0, 1, 5), 0, 1), 0, compUShort, 3, "SCALAR")
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := &tdoc{}
			p, i := c.build(d)
			d.node(d.mesh(map[string]int{"POSITION": p, "indices": i}), nil)
			data := d.glb(t)
			_, err1 := ParseGLTF(data, "bad.glb", nil)
			_, _, err2 := parseGLTFOwned(bytes.Clone(data), "bad.glb", nil)
			for _, err := range []error{err1, err2} {
				if err == nil || err.Error() != "bad.glb: "+c.want {
					t.Errorf("error %v, want %q", err, "bad.glb: "+c.want)
				}
			}
		})
	}
}

// TestGLTFOwnedRealFiles: the owned parse and OpenFile read every mesh of the real files exactly
// as the copying parse does.
func TestGLTFOwnedRealFiles(t *testing.T) {
	files := []string{filepath.Join(contenttest.UpperLimb(t), "upper_limb_all.glb")}
	hra, err := filepath.Glob(filepath.Join(contenttest.HRAFemale(t), "*.glb"))
	if err != nil || len(hra) != 20 {
		t.Fatalf("%d HRA files, %v", len(hra), err)
	}
	for _, f := range append(files, hra...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		want, err := ParseGLTF(data, filepath.Base(f), nil)
		if err != nil {
			t.Fatal(err)
		}
		owned, _, err := parseGLTFOwned(bytes.Clone(data), filepath.Base(f), nil)
		if err != nil {
			t.Fatal(err)
		}
		opened, err := OpenFile(f) // through the reused buffer
		if err != nil {
			t.Fatal(err)
		}
		for what, got := range map[string]*Scene{"owned parse": owned, "OpenFile": opened} {
			if len(got.Parts) != len(want.Parts) {
				t.Fatalf("%s: %s: %d parts, want %d", f, what, len(got.Parts), len(want.Parts))
			}
			for i := range want.Parts {
				w, g := &want.Parts[i].Mesh, &got.Parts[i].Mesh
				if !slicesEqualBits(w.Positions, g.Positions) || !slicesEqualBits(w.Normals, g.Normals) || !cmp.Equal(w.Indices, g.Indices) {
					t.Fatalf("%s: part %s: the %s's mesh differs", filepath.Base(f), want.Parts[i].ID, what)
				}
			}
		}
	}
}

func slicesEqualBits(a, b []float32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Float32bits(a[i]) != math.Float32bits(b[i]) {
			return false
		}
	}
	return true
}

// checkOwnedSame is the fuzz check: the owned parse of a copy and Load (through the reused
// buffer, cleared afterwards) give the same scene or message, and ParseGLTF left data as it was.
func checkOwnedSame(t *testing.T, data, before []byte, s *Scene, err error) {
	if !bytes.Equal(data, before) {
		t.Fatal("ParseGLTF changed its input")
	}
	s2, _, err2 := parseGLTFOwned(bytes.Clone(data), "fuzz.glb", fstest.MapFS{})
	if (err == nil) != (err2 == nil) || (err != nil && err.Error() != err2.Error()) {
		t.Fatalf("copying parse: %v; owned parse: %v", err, err2)
	}
	if err == nil && !cmp.Equal(s.Parts, s2.Parts, cmp.Comparer(slicesEqualBits)) {
		t.Fatal("owned parse differs from copying parse")
	}
	s3, err3 := Load(fstest.MapFS{"fuzz.glb": {Data: data}}, "fuzz.glb") // the reused buffer
	if bp, _ := scratchPool.Get().(*[]byte); bp != nil {
		clear((*bp)[:cap(*bp)]) // as the next file would
		scratchPool.Put(bp)
	}
	if (err == nil) != (err3 == nil) || (err != nil && err.Error() != err3.Error()) {
		t.Fatalf("copying parse: %v; Load: %v", err, err3)
	}
	if err == nil && !cmp.Equal(s.Parts, s3.Parts, cmp.Comparer(slicesEqualBits)) {
		t.Fatal("Load differs from the copying parse")
	}
}
