package content

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/osteon/osteon/content/contenttest"
)

type csvRow struct {
	File, ID, Name, System string
	Triangles              int
}

func readStructuresCSV(t *testing.T, dir string) []csvRow {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "structures.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var rows []csvRow
	for _, r := range recs[1:] {
		n, _ := strconv.Atoi(r[6])
		rows = append(rows, csvRow{File: r[0], ID: r[1], Name: r[2], System: r[4], Triangles: n})
	}
	return rows
}

func TestLoadUpperLimbGLB(t *testing.T) {
	dir := contenttest.UpperLimb(t)
	s, err := OpenFile(filepath.Join(dir, "upper_limb_all.glb"))
	if err != nil {
		t.Fatal(err)
	}
	// structures.csv gives both flexor digitorum superficialis the generic FMA38469; the
	// loader tells them apart by side and keeps the FMA id as the prefix.
	want := map[string]csvRow{}
	for _, r := range readStructuresCSV(t, dir) {
		r.File = ""
		want[r.Name] = r
	}
	got := map[string]csvRow{}
	ids := map[string]bool{}
	for _, p := range s.Parts {
		got[p.Name] = csvRow{ID: strings.TrimSuffix(strings.TrimSuffix(p.ID, "-left"), "-right"), Name: p.Name, System: p.System, Triangles: p.Mesh.TriangleCount()}
		ids[p.ID] = true
	}
	if len(want) != 72 || len(ids) != 72 {
		t.Fatalf("structures.csv names %d structures, the GLB %d unique ids; want 72 each", len(want), len(ids))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("structures (-want +got):\n%s", diff)
	}
	if !strings.Contains(s.Attribution, "BodyParts3D") {
		t.Errorf("attribution %q does not credit BodyParts3D", s.Attribution)
	}
	// PROVENANCE.md: X -323.9…323.9, Y -195.4…5.1, Z 653.1…1355.4 mm, Z up; in glTF Y up, metres.
	b := s.Bounds()
	wantBox := Box{Min: Vec3{-0.3239, 0.6531, -0.0051}, Max: Vec3{0.3239, 1.3554, 0.1954}}
	for k := 0; k < 3; k++ {
		if math.Abs(float64(b.Min[k]-wantBox.Min[k])) > 2e-4 || math.Abs(float64(b.Max[k]-wantBox.Max[k])) > 2e-4 {
			t.Fatalf("bounds %v, want %v (metres, Y up)", b, wantBox)
		}
	}
	for _, p := range s.Parts {
		for i, n := 0, p.Mesh.Normals; i < len(n); i += 3 {
			l := math.Sqrt(float64(n[i]*n[i] + n[i+1]*n[i+1] + n[i+2]*n[i+2]))
			if math.Abs(l-1) > 1e-3 {
				t.Fatalf("%s: normal %d has length %v", p.ID, i/3, l)
			}
		}
	}
}

// TestOBJMatchesGLB loads each structure's OBJ (millimetres, Z up) and checks it lands exactly
// where the same structure sits in the combined GLB (metres, Y up).
func TestOBJMatchesGLB(t *testing.T) {
	dir := contenttest.UpperLimb(t)
	all, err := OpenFile(filepath.Join(dir, "upper_limb_all.glb"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range readStructuresCSV(t, dir) {
		s, err := OpenFile(filepath.Join(dir, r.File))
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Parts) != 1 {
			t.Fatalf("%s: %d parts, want 1", r.File, len(s.Parts))
		}
		p := s.Parts[0]
		if p.ID != r.ID || p.Name != r.Name || p.Mesh.TriangleCount() != r.Triangles {
			t.Errorf("%s: got %s %q %d triangles, want %s %q %d", r.File, p.ID, p.Name, p.Mesh.TriangleCount(), r.ID, r.Name, r.Triangles)
		}
		var g *Part
		for i := range all.Parts {
			if all.Parts[i].Name == r.Name {
				g = &all.Parts[i]
			}
		}
		if g == nil {
			t.Fatalf("%s not in the GLB", r.ID)
		}
		ob, gb := p.Mesh.Bounds(), g.Mesh.Bounds()
		for k := 0; k < 3; k++ {
			if math.Abs(float64(ob.Min[k]-gb.Min[k])) > 1e-5 || math.Abs(float64(ob.Max[k]-gb.Max[k])) > 1e-5 {
				t.Fatalf("%s: OBJ bounds %v, GLB bounds %v", r.ID, ob, gb)
			}
		}
		if !strings.Contains(s.Attribution, "BodyParts3D") {
			t.Errorf("%s: attribution %q", r.File, s.Attribution)
		}
	}
}

// glbDoc builds a small GLB: one node per extras entry, each a unit triangle.
func glbDoc(t testing.TB, extras ...string) []byte {
	t.Helper()
	var bin bytes.Buffer
	for _, f := range []float32{0, 0, 0, 1, 0, 0, 0, 1, 0} {
		binary.Write(&bin, binary.LittleEndian, f)
	}
	binary.Write(&bin, binary.LittleEndian, []uint16{0, 1, 2, 0})
	doc := map[string]any{
		"asset":       map[string]any{"version": "2.0", "copyright": "test credit"},
		"buffers":     []any{map[string]any{"byteLength": bin.Len()}},
		"bufferViews": []any{map[string]any{"buffer": 0, "byteLength": 36}, map[string]any{"buffer": 0, "byteOffset": 36, "byteLength": 6}},
		"accessors": []any{
			map[string]any{"bufferView": 0, "componentType": 5126, "count": 3, "type": "VEC3"},
			map[string]any{"bufferView": 1, "componentType": 5123, "count": 3, "type": "SCALAR"},
		},
		"meshes": []any{map[string]any{"primitives": []any{map[string]any{"attributes": map[string]any{"POSITION": 0}, "indices": 1}}}},
	}
	var nodes []any
	var roots []int
	for i, e := range extras {
		n := map[string]any{"name": "node_" + strconv.Itoa(i), "mesh": 0, "translation": []float64{float64(i), 0, 0}}
		if e != "" {
			n["extras"] = json.RawMessage(e)
		}
		nodes = append(nodes, n)
		roots = append(roots, i)
	}
	doc["nodes"] = nodes
	doc["scenes"] = []any{map[string]any{"nodes": roots}}
	js, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return packGLB(js, bin.Bytes())
}

func packGLB(js, bin []byte) []byte {
	for len(js)%4 != 0 {
		js = append(js, ' ')
	}
	for len(bin)%4 != 0 {
		bin = append(bin, 0)
	}
	var out bytes.Buffer
	total := 12 + 8 + len(js) + 8 + len(bin)
	binary.Write(&out, binary.LittleEndian, []uint32{0x46546C67, 2, uint32(total), uint32(len(js)), 0x4E4F534A})
	out.Write(js)
	binary.Write(&out, binary.LittleEndian, []uint32{uint32(len(bin)), 0x004E4942})
	out.Write(bin)
	return out.Bytes()
}

func TestGLTFExtras(t *testing.T) {
	data := glbDoc(t,
		`{"fma_id":"FMA23130","name_en":"Right humerus","name_la":"Humerus","system":"Skeletal","region":"arm","synonyms":["arm bone"],"color":"#ff0000","default_state":"ghost","innervation":"n/a","side":"right","bp3d":"BP9192"}`,
		``,
		`{"name_en":"Duplicate","fma_id":"FMA1"}`,
		`{"fma_id":"FMA1","color":"red","system":["bad"]}`,
	)
	s, err := ParseGLTF(data, "t.glb", nil)
	if err != nil {
		t.Fatal(err)
	}
	got := make([]Structure, len(s.Parts))
	for i, p := range s.Parts {
		got[i] = p.Structure
	}
	want := []Structure{
		{ID: "FMA23130", Name: "Right humerus", NameLatin: "Humerus", Synonyms: []string{"arm bone"}, System: "skeletal", Region: "arm", Side: "right",
			Color: Color{255, 0, 0, 255}, Ghosted: true, Innervation: "n/a", Extras: map[string]string{"bp3d": "BP9192"}},
		{ID: "node_1", Name: "Node 1"},
		{ID: "FMA1", Name: "Duplicate"},
		{ID: "FMA1#2", Name: "Node 3", Extras: map[string]string{"source_id": "FMA1"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("structures (-want +got):\n%s", diff)
	}
	if len(s.Warnings) != 2 {
		t.Errorf("warnings %q, want 2 (bad colour, bad system)", s.Warnings)
	}
	if p := s.Part("node_1"); p == nil || p.Mesh.Positions[0] != 1 {
		t.Errorf("translation not applied: %+v", p)
	}
}

func TestGLTFBadInput(t *testing.T) {
	good := glbDoc(t, `{}`)
	js, bin, _ := splitGLB(good, "x")
	edit := func(f func(m map[string]any)) []byte {
		var m map[string]any
		json.Unmarshal(js, &m)
		f(m)
		b, _ := json.Marshal(m)
		return packGLB(b, bin)
	}
	acc := func(m map[string]any, i int) map[string]any { return m["accessors"].([]any)[i].(map[string]any) }
	tests := []struct {
		name, want string
		data       []byte
	}{
		{"not gltf", "not a glTF file", []byte("hello")},
		{"truncated", "truncated", good[:len(good)-10]},
		{"short header", "truncated GLB header", good[:14]},
		{"bad json", "line 1", packGLB([]byte(`{"asset":`), nil)},
		{"version", "asset.version", edit(func(m map[string]any) { m["asset"] = map[string]any{"version": "1.0"} })},
		{"count", "accessors[0]", edit(func(m map[string]any) { acc(m, 0)["count"] = 1000 })},
		{"negative count", "accessors[0].count", edit(func(m map[string]any) { acc(m, 0)["count"] = -1 })},
		{"index range", "index 128", edit(func(m map[string]any) {
			acc(m, 1)["bufferView"] = 0
			acc(m, 1)["byteOffset"] = 12
			acc(m, 1)["componentType"] = 5121
		})},
		{"positions type", "must be float VEC3", edit(func(m map[string]any) { acc(m, 0)["type"] = "VEC2" })},
		{"missing buffer file", "missing buffer file", edit(func(m map[string]any) { m["buffers"].([]any)[0].(map[string]any)["uri"] = "gone.bin" })},
		{"cycle", "cycle", edit(func(m map[string]any) { m["nodes"].([]any)[0].(map[string]any)["children"] = []int{0} })},
		{"mesh index", "nodes[0].mesh", edit(func(m map[string]any) { m["nodes"].([]any)[0].(map[string]any)["mesh"] = 9 })},
		{"required extension", "KHR_draco_mesh_compression", edit(func(m map[string]any) { m["extensionsRequired"] = []string{"KHR_draco_mesh_compression"} })},
		{"no meshes", "no triangle meshes", edit(func(m map[string]any) { delete(m["nodes"].([]any)[0].(map[string]any), "mesh") })},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseGLTF(tc.data, "bad.glb", fstest.MapFS{})
			if err == nil || !strings.Contains(err.Error(), "bad.glb") || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one naming bad.glb and %q", err, tc.want)
			}
		})
	}
}

func TestGLTFExternalAndDataBuffers(t *testing.T) {
	good := glbDoc(t, `{}`)
	js, bin, _ := splitGLB(good, "x")
	var m map[string]any
	json.Unmarshal(js, &m)
	m["buffers"].([]any)[0].(map[string]any)["uri"] = "sub%20dir/mesh.bin"
	ext, _ := json.Marshal(m)
	m["buffers"].([]any)[0].(map[string]any)["uri"] = "data:application/octet-stream;base64," + base64.StdEncoding.EncodeToString(bin)
	inline, _ := json.Marshal(m)
	fsys := fstest.MapFS{"models/scene.gltf": {Data: ext}, "models/sub dir/mesh.bin": {Data: bin}, "models/inline.gltf": {Data: inline}}
	for _, name := range []string{"models/scene.gltf", "models/inline.gltf"} {
		s, err := Load(fsys, name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if s.Parts[0].Mesh.TriangleCount() != 1 {
			t.Fatalf("%s: %d triangles", name, s.Parts[0].Mesh.TriangleCount())
		}
	}
}

func FuzzParseGLTF(f *testing.F) {
	f.Add(glbDoc(f, `{"fma_id":"FMA1","color":"#00ff00"}`, ``))
	js, _, _ := splitGLB(glbDoc(f, `{}`), "x")
	f.Add(js)
	f.Add([]byte("glTF\x02\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		before := bytes.Clone(data)
		s, err := ParseGLTF(data, "fuzz.glb", fstest.MapFS{})
		checkOwnedSame(t, data, before, s, err)
		if err == nil {
			for _, p := range s.Parts {
				for _, i := range p.Mesh.Indices {
					if int(i) >= p.Mesh.VertexCount() {
						t.Fatalf("index %d past %d vertices", i, p.Mesh.VertexCount())
					}
				}
			}
		}
	})
}

func FuzzStructureFromNode(f *testing.F) {
	f.Add("n", `{"fma_id":"FMA1","name_en":"X","synonyms":["a","b"],"color":"#aabbcc"}`)
	f.Add("", `{"synonyms":"a;b","system":3,"color":"#zz"}`)
	f.Add("a_b", `[1,2]`)
	f.Fuzz(func(t *testing.T, name, extras string) {
		st, _ := structureFromNode(name, json.RawMessage(extras), 3)
		if st.ID == "" || st.Name == "" {
			t.Fatalf("empty id or name: %+v", st)
		}
	})
}
