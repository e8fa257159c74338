package content

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const smallManifest = `# A small pack.
format = 1
id = "demo"
version = "1.2.0"
title = "Demo"
license = "CC-BY-4.0"
attribution = "Demo credit"
languages = ["en", "la"]
min_app_version = "0.1.0"
procedures = ["procedures/a.toml"]

[obj]
units = "mm"
up = "z"

[[structures]]
id = "FMA1"
name = "Arm"
description = """
Two lines,
with "quotes" and a [bracket]."""

[[structures]]
id = "FMA2"
name = "Humerus"
name_la = "Humerus"
synonyms = [
  "arm bone",
  "upper arm bone",
]
names = { fr = "Humérus" }
parent = "FMA1"
mesh = "meshes/humerus.obj"
color = "#e3dac9"

[structures.extras]
bp3d = "BP9192"
weight = 3
`

func TestParseManifest(t *testing.T) {
	m, ps := ParseManifest([]byte(smallManifest), "pack.toml")
	if len(ps) > 0 {
		t.Fatalf("problems: %v", ps)
	}
	want := &Manifest{
		File: "pack.toml", Format: 1, ID: "demo", Version: "1.2.0", Title: "Demo", License: "CC-BY-4.0",
		Attribution: "Demo credit", Languages: []string{"en", "la"}, MinAppVersion: "0.1.0",
		Procedures: []string{"procedures/a.toml"}, OBJ: OBJFrame{Units: "mm", Up: "z"},
		Structures: []StructureEntry{
			{Line: 16, ID: "FMA1", Name: "Arm", Description: "Two lines,\nwith \"quotes\" and a [bracket]."},
			{Line: 23, ID: "FMA2", Name: "Humerus", NameLatin: "Humerus", Synonyms: []string{"arm bone", "upper arm bone"},
				Names: map[string]string{"fr": "Humérus"}, Parent: "FMA1", Mesh: "meshes/humerus.obj", Color: "#e3dac9",
				Extras: map[string]string{"bp3d": "BP9192", "weight": "3"}},
		},
	}
	if diff := cmp.Diff(want, m, cmp.AllowUnexported(Manifest{}), cmp.FilterPath(func(p cmp.Path) bool {
		return p.String() == "lines"
	}, cmp.Ignore())); diff != "" {
		t.Errorf("manifest (-want +got):\n%s", diff)
	}
	lines := map[string]int{"id": 3, "obj.up": 14, "structures[1].mesh": 33, "structures[1].color": 34,
		"structures[1].extras.weight": 38, "structures[1].names.fr": 31, "structures[0].description": 19}
	for f, l := range lines {
		if got := m.lines.line(f); got != l {
			t.Errorf("line of %s = %d, want %d", f, got, l)
		}
	}
}

// edit replaces old by new in the small manifest, failing when old is not there.
func edit(t *testing.T, src, old, new string) string {
	t.Helper()
	if !strings.Contains(src, old) {
		t.Fatalf("%q not in the manifest", old)
	}
	return strings.Replace(src, old, new, 1)
}

func TestParseManifestProblems(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           []string // each must appear in the problems
	}{
		{"syntax", `title = "Demo"`, `title = "Demo`, []string{"pack.toml:5: ", "TOML syntax"}},
		{"bad version", `version = "1.2.0"`, `version = "1.2"`, []string{`pack.toml:4: version: "1.2" is not a semantic version`}},
		{"newer app", `min_app_version = "0.1.0"`, `min_app_version = "9.0.0"`, []string{"pack.toml:9: min_app_version: the pack needs Osteon 9.0.0 or newer; this is " + AppVersion}},
		{"bad colour", `#e3dac9`, `#e3dac`, []string{`pack.toml:34: structures[1].color: colour "#e3dac" is not #rrggbb`}},
		{"dangling parent", `parent = "FMA1"`, `parent = "FMA9"`, []string{`pack.toml:32: structures[1].parent: "FMA9" is not a structure in this pack`}},
		{"duplicate id", `id = "FMA2"`, `id = "FMA1"`, []string{"pack.toml:24: structures[1].id: duplicate id \"FMA1\" (first used by structures[0] on line 16)"}},
		{"unknown key", `color = "#e3dac9"`, `colour = "#e3dac9"`, []string{`pack.toml:34: structures[1].colour: unknown field (did you mean "color"?)`}},
		{"wrong type", `name = "Arm"`, `name = 3`, []string{"pack.toml:18: structures[0].name: expected text in quotes, got the number 3", "structures[0].name: missing"}},
		{"list type", `synonyms = [`, `synonyms = "x"
bad = [`, []string{"pack.toml:27: structures[1].synonyms: expected a list of text"}},
		{"units", `units = "mm"`, `units = "inch"`, []string{`pack.toml:13: obj.units: "inch": use "m", "cm" or "mm"`}},
		{"mesh ext", `meshes/humerus.obj`, `meshes/humerus.stl`, []string{`structures[1].mesh: "meshes/humerus.stl" is not a mesh file`}},
		{"mesh escape", `meshes/humerus.obj`, `../humerus.obj`, []string{`structures[1].mesh: "../humerus.obj" is not a clean path`}},
		{"pack id", `id = "demo"`, `id = "Demo Pack"`, []string{`pack.toml:3: id: "Demo Pack" is not a pack id`}},
		{"format", `format = 1`, `format = 2`, []string{"pack.toml:2: format: pack format 2 is newer"}},
		{"language", `["en", "la"]`, `["en", "english!"]`, []string{`pack.toml:8: languages[1]: "english!" is not a language tag`}},
		{"cycle", `id = "FMA1"
name = "Arm"`, `id = "FMA1"
parent = "FMA2"
name = "Arm"`, []string{`structures[0].parent: parents form a cycle`, `structures[1].parent: parents form a cycle`}},
		{"several at once", "version = \"1.2.0\"\ntitle = \"Demo\"", `version = "x"
homepage = 5
title = ""`, []string{"pack.toml:4: version:", "pack.toml:5: homepage: expected text", "pack.toml:6: title: missing"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, ps := ParseManifest([]byte(edit(t, smallManifest, tc.old, tc.new)), "pack.toml")
			got := ps.Error()
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("problems:\n%s\nwant %q", got, w)
				}
			}
			for _, p := range ps {
				if p.File != "pack.toml" || p.Msg == "" {
					t.Errorf("problem %+v does not name the file and what is wrong", p)
				}
			}
		})
	}
}

func TestParseManifestEncodings(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"bom", append([]byte("\xef\xbb\xbf"), smallManifest...), ""},
		{"utf16", utf16le(smallManifest, true), "pack.toml: file is UTF-16 (little-endian) text; save it as UTF-8"},
		{"latin1", []byte(strings.Replace(smallManifest, "Humérus", "Hum\xe9rus", 1)), "pack.toml:31: invalid UTF-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, ps := ParseManifest(tc.data, "pack.toml")
			if got := fmt.Sprint(ps.Err()); tc.want == "" && len(ps) > 0 || tc.want != "" && !strings.Contains(got, tc.want) {
				t.Fatalf("problems %v, want %q", got, tc.want)
			}
		})
	}
}

func FuzzParseManifest(f *testing.F) {
	f.Add([]byte(smallManifest))
	f.Add([]byte("id = 1\n[[structures]]\nid=[1]\n[structures.x]\n"))
	f.Add([]byte("a = \"\"\"\n\\\"\"\"\nb = '''x'''\n[[structures]]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, ps := ParseManifest(data, "fuzz.toml")
		if m == nil && len(ps) == 0 {
			t.Fatal("no manifest and no problem")
		}
		for _, p := range ps {
			if p.File != "fuzz.toml" || p.Msg == "" || p.Line < 0 || p.Line > lineAt(data, len(data)) {
				t.Fatalf("bad problem %+v", p)
			}
		}
		if m != nil && len(ps) == 0 && (m.ID == "" || len(m.Structures) == 0) {
			t.Fatalf("valid manifest without id or structures: %+v", m)
		}
	})
}
