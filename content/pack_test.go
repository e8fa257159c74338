package content

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

const demoManifest = `format = 1
id = "demo"
version = "1.0.0"
title = "Demo pack"
license = "CC-BY-4.0"
attribution = "Demo credit"
procedures = ["procedures/basic.toml"]
quiz = ["quiz/basic.toml"]

[obj]
units = "mm"
up = "z"

[[structures]]
id = "FMA1"
name = "Arm"
system = "skeletal"

[[structures]]
id = "FMA2"
name = "Square"
parent = "FMA1"
mesh = "meshes/square.obj"
color = "#102030"
credit = "Square credit"

[[structures]]
id = "FMA3"
name = "Right humerus"
name_la = "Humerus"
parent = "FMA1"
mesh = "meshes/scene.glb#node_0"
default_state = "ghost"

[[structures]]
id = "FMA4"
name = "Second"
mesh = "meshes/scene.glb#node_1"
`

const demoProcedures = `[[procedures]]
id = "p1"
title = "Palpate the humerus"
structures = ["FMA3"]

[[procedures.steps]]
id = "find"
instruction = "Find the square"
location = { structure = "FMA2" }
`

const demoQuiz = `[[items]]
id = "q1"
prompt = "Which is the humerus?"
choices = ["Right humerus", "Square"]
answer = "Right humerus"
structures = ["FMA3", "FMA2"]
`

// demoFS is a small valid pack: an OBJ, a GLB with two nodes, a procedures and a quiz file.
func demoFS(t testing.TB) fstest.MapFS {
	return fstest.MapFS{
		"pack.toml":             {Data: []byte(demoManifest)},
		"meshes/square.obj":     {Data: []byte(quadOBJ)},
		"meshes/scene.glb":      {Data: glbDoc(t, `{"fma_id":"FMA23130","name_en":"From extras","system":"Skeletal","region":"arm","bp3d":"BP1"}`, `{}`)},
		"procedures/basic.toml": {Data: []byte(demoProcedures)},
		"quiz/basic.toml":       {Data: []byte(demoQuiz)},
		"LICENSE.txt":           {Data: []byte("CC BY 4.0")},
	}
}

func openDemo(t *testing.T, fsys fstest.MapFS) (*Pack, Problems) {
	t.Helper()
	p, err := OpenPack(fsys, "demo")
	if p == nil {
		return nil, AsProblems(err, "demo")
	}
	return p, ValidatePack(context.Background(), p, nil)
}

func TestValidatePackGood(t *testing.T) {
	p, ps := openDemo(t, demoFS(t))
	if len(ps) > 0 {
		t.Fatalf("problems: %v", ps)
	}
	want := []string{"LICENSE.txt", "meshes/scene.glb", "meshes/square.obj", "pack.toml", "procedures/basic.toml", "quiz/basic.toml"}
	if diff := cmp.Diff(want, p.Files); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]SystemCount{{"other", 3}, {"skeletal", 1}}, p.SystemCounts()); diff != "" {
		t.Errorf("system counts (-want +got):\n%s", diff)
	}
}

func TestValidatePackProblems(t *testing.T) {
	tests := []struct {
		name string
		edit func(fsys fstest.MapFS)
		want []string
	}{
		{"missing mesh file", func(f fstest.MapFS) { delete(f, "meshes/square.obj") },
			[]string{`demo/pack.toml:23: structures[1].mesh: mesh file "meshes/square.obj" is not in the pack`}},
		{"mesh in another folder", func(f fstest.MapFS) { f["other/square.obj"] = f["meshes/square.obj"]; delete(f, "meshes/square.obj") },
			[]string{`(did you mean "other/square.obj"?)`}},
		{"node not found", func(f fstest.MapFS) { replaceIn(t, f, "pack.toml", "#node_1", "#node_9") },
			[]string{`demo/pack.toml:38: structures[3].mesh: meshes/scene.glb: no mesh node named "node_9" (the file has "node_0", "node_1")`}},
		{"corrupt obj", func(f fstest.MapFS) { f["meshes/square.obj"] = &fstest.MapFile{Data: []byte("v 0 0 x\n")} },
			[]string{`demo/meshes/square.obj:1: v: "x" is not a finite number`, `structures[1].mesh: mesh file "meshes/square.obj" cannot be used`}},
		{"corrupt glb", func(f fstest.MapFS) { f["meshes/scene.glb"] = &fstest.MapFile{Data: []byte("glTF\x02")} },
			[]string{`demo/meshes/scene.glb: header: truncated GLB header`}},
		{"missing procedures", func(f fstest.MapFS) { delete(f, "procedures/basic.toml") },
			[]string{`demo/pack.toml:7: procedures[0]: procedures file "procedures/basic.toml" is not in the pack`}},
		{"unknown structure in procedure", func(f fstest.MapFS) { replaceIn(t, f, "procedures/basic.toml", `"FMA2"`, `"FMA99"`) },
			[]string{`demo/procedures/basic.toml:9: procedures[0].steps[0].location.structure: "FMA99" is not a structure in this pack`}},
		{"duplicate quiz id", func(f fstest.MapFS) {
			f["quiz/basic.toml"] = &fstest.MapFile{Data: []byte(demoQuiz + "\n[[items]]\nid = \"q1\"\n")}
		}, []string{`demo/quiz/basic.toml:9: items[1].id: duplicate id "q1" (first used by items[0])`}},
		{"quiz utf16", func(f fstest.MapFS) { f["quiz/basic.toml"] = &fstest.MapFile{Data: utf16le(demoQuiz, true)} },
			[]string{`demo/quiz/basic.toml: file is UTF-16 (little-endian) text`}},
		{"quiz bad toml", func(f fstest.MapFS) { f["quiz/basic.toml"] = &fstest.MapFile{Data: []byte("[[items]\n")} },
			[]string{`demo/quiz/basic.toml:2: `, "TOML syntax"}},
		{"no manifest", func(f fstest.MapFS) { delete(f, "pack.toml") },
			[]string{`demo/pack.toml: missing: a pack has pack.toml at its root`}},
		{"many at once", func(f fstest.MapFS) {
			delete(f, "meshes/square.obj")
			replaceIn(t, f, "pack.toml", `color = "#102030"`, `color = "blue"`)
			replaceIn(t, f, "quiz/basic.toml", `"FMA2"`, `"FMA0"`)
		}, []string{"square.obj\" is not in the pack", `color: colour "blue"`, `"FMA0" is not a structure`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := demoFS(t)
			tc.edit(fsys)
			_, ps := openDemo(t, fsys)
			got := ps.Error()
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("problems:\n%s\nwant %q", got, w)
				}
			}
		})
	}
}

func replaceIn(t *testing.T, fsys fstest.MapFS, file, old, new string) {
	t.Helper()
	s := string(fsys[file].Data)
	if !strings.Contains(s, old) {
		t.Fatalf("%q not in %s", old, file)
	}
	fsys[file] = &fstest.MapFile{Data: []byte(strings.Replace(s, old, new, 1))}
}

func TestLoadPackScene(t *testing.T) {
	p, ps := openDemo(t, demoFS(t))
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	s, err := LoadPackScene(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if s.Title != "Demo pack" || s.Attribution != "Demo credit" || len(s.Parts) != 3 {
		t.Fatalf("scene %q %q with %d parts", s.Title, s.Attribution, len(s.Parts))
	}
	got := []Structure{s.Parts[0].Structure, s.Parts[1].Structure, s.Parts[2].Structure}
	want := []Structure{
		{ID: "FMA2", Name: "Square", Parent: "FMA1", Color: Color{0x10, 0x20, 0x30, 0xff}, Credit: "Square credit"},
		// Manifest fields win over the GLB's extras; extras fill the rest.
		{ID: "FMA3", Name: "Right humerus", NameLatin: "Humerus", System: "skeletal", Region: "arm", Side: "right",
			Parent: "FMA1", Ghosted: true, Extras: map[string]string{"bp3d": "BP1"}},
		{ID: "FMA4", Name: "Second"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("structures (-want +got):\n%s", diff)
	}
	// The pack's [obj] frame (mm, Z up) puts the 1000 mm square at 1 m, Y up.
	if b := s.Parts[0].Mesh.Bounds(); b.Max != (Vec3{1, 1, 0}) {
		t.Errorf("square bounds %v, want max (1,1,0)", b)
	}
	if b := s.Parts[2].Mesh.Bounds(); b.Min[0] != 1 {
		t.Errorf("node_1's translation not applied: %v", b)
	}
}

func TestLoadPackSceneSharedNode(t *testing.T) {
	fsys := demoFS(t)
	replaceIn(t, fsys, "pack.toml", "#node_1", "#node_0")
	p, _ := openDemo(t, fsys)
	s, err := LoadPackScene(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	a, b := &s.Parts[1].Mesh, &s.Parts[2].Mesh
	if &a.Positions[0] == &b.Positions[0] {
		t.Fatal("two structures share one vertex array")
	}
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("same node, different meshes:\n%s", diff)
	}
}
