package content

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const quadOBJ = `# Test square (FMA99)
# frame: millimetres, Z up
# (c) test credit
v 0 0 0
v 1000 0 0
v 1000 0 1000
v 0 0 1000
vn 0 -1 0
o square
f 1//1 2//1 3//1 4//1
`

func TestParseOBJ(t *testing.T) {
	s, err := ParseOBJ([]byte(quadOBJ), "sq.obj", DetectOBJOptions([]byte(quadOBJ)))
	if err != nil {
		t.Fatal(err)
	}
	p := s.Parts[0]
	got := struct {
		ID, Name, Credit string
		Pos, Nor         []float32
		Idx              []uint32
	}{p.ID, p.Name, s.Attribution, p.Mesh.Positions, p.Mesh.Normals, p.Mesh.Indices}
	// Millimetres become metres; Z up becomes Y up (x, y, z) -> (x, z, -y).
	want := got
	want.ID, want.Name, want.Credit = "FMA99", "Test square", "(c) test credit"
	want.Pos = []float32{0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0}
	want.Nor = []float32{0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1}
	want.Idx = []uint32{0, 1, 2, 0, 2, 3}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestParseOBJGroupsAndNegativeIndices(t *testing.T) {
	src := "v 0 0 0\nv 1 0 0\nv 0 1 0\ng first\nf -3 -2 -1\ng second\nf 1/5 2/6 3/7\ng first\nf 3 2 1\n"
	s, err := ParseOBJ([]byte(src), "g.obj", OBJOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range s.Parts {
		ids = append(ids, p.ID)
		if p.Mesh.TriangleCount() != 1 || len(p.Mesh.Normals) != 9 {
			t.Errorf("%s: %d triangles, %d normal floats", p.ID, p.Mesh.TriangleCount(), len(p.Mesh.Normals))
		}
	}
	if diff := cmp.Diff([]string{"first", "second", "first#2"}, ids); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
}

func TestParseOBJBadInput(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"empty", "", "no faces"},
		{"text", "hello world\nthis is not a mesh\n", "no faces"},
		{"index range", "v 0 0 0\nf 1 2 3\n", "bad.obj:2: f: index 2 is out of range"},
		{"bad number", "v 0 x 0\n", "bad.obj:1: v: \"x\" is not a finite number"},
		{"nan", "v 0 nan 0\n", "bad.obj:1: v:"},
		{"short vertex", "v 0 0\n", "bad.obj:1: v: needs three numbers"},
		{"two corners", "v 0 0 0\nv 1 0 0\nf 1 2\n", "bad.obj:3: f: a face needs at least three corners"},
		{"bad normal", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1//1 2//1 3//1\n", "bad.obj:4: f (normal): index 1 is out of range"},
		{"zero index", "v 0 0 0\nf 0 0 0\n", "index 0 is out of range"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseOBJ([]byte(tc.src), "bad.obj", OBJOptions{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
		})
	}
}

func FuzzParseOBJ(f *testing.F) {
	f.Add([]byte(quadOBJ))
	f.Add([]byte("v 0 0 0\nv 1 0 0\nv 0 1 0\ng a\nf -3 -2 -1\n"))
	f.Add([]byte("v 1 2 3\nvn 0 0 1\nf 1//1 1//1 1//1 1//1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ParseOBJ(data, "fuzz.obj", DetectOBJOptions(data))
		if err != nil {
			return
		}
		for _, p := range s.Parts {
			m := p.Mesh
			if len(m.Normals) != len(m.Positions) {
				t.Fatalf("%d normals for %d positions", len(m.Normals), len(m.Positions))
			}
			for _, i := range m.Indices {
				if int(i) >= m.VertexCount() {
					t.Fatalf("index %d past %d vertices", i, m.VertexCount())
				}
			}
		}
	})
}

// TestParseFloat32MatchesStrconv: the fast path gives strconv's float32, bit for bit.
func TestParseFloat32MatchesStrconv(t *testing.T) {
	for _, s := range []string{"0", "-0", "1", "302.807", "-174.93", "673.666", "16777215", "16777216", "0.1", "0.3333333",
		"1e5", "1.5E-3", "+2.5", "1234567.8", ".5", "5.", "0.0000000001", "123.4567891", "-", "", ".", "1..2", "nan", "inf", "1e40", "0x10"} {
		want, err := strconv.ParseFloat(s, 32)
		wantOK := err == nil && !math.IsInf(want, 0) && !math.IsNaN(want)
		got, ok := parseFloat32([]byte(s))
		if ok != wantOK || ok && math.Float32bits(got) != math.Float32bits(float32(want)) {
			t.Errorf("parseFloat32(%q) = %v, %v; strconv gives %v, %v", s, got, ok, float32(want), err)
		}
	}
}

func FuzzParseFloat32(f *testing.F) {
	f.Add("302.807")
	f.Add("-0.000123")
	f.Fuzz(func(t *testing.T, s string) {
		want, err := strconv.ParseFloat(s, 32)
		wantOK := err == nil && !math.IsInf(want, 0) && !math.IsNaN(want)
		got, ok := parseFloat32([]byte(s))
		if ok != wantOK || ok && math.Float32bits(got) != math.Float32bits(float32(want)) {
			t.Fatalf("parseFloat32(%q) = %v, %v; strconv gives %v, %v", s, got, ok, float32(want), err)
		}
	})
}
