package content

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/osteon/osteon/content/contenttest"
)

const hraCredit = "Human Reference Atlas 3D Reference Object Library v1.2, HuBMAP / CCF, Indiana University, licensed under CC BY 4.0"

// importHRAFemale imports the shared female organ folder into a temporary pack folder.
func importHRAFemale(t testing.TB) (*ImportResult, string) {
	t.Helper()
	dir := contenttest.HRAFemale(t)
	out := filepath.Join(t.TempDir(), "hra-female")
	files, err := GLTFFiles([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	res, err := ImportGLTFSet(context.Background(), files, ImportOptions{Out: out, ID: "hra-female", Attribution: hraCredit})
	if err != nil {
		t.Fatal(err)
	}
	return res, out
}

// hraNodeFacts reads, for every mesh node of the shared files, whether the source gives it a
// standard id and a side in its name.
func hraNodeFacts(t *testing.T) map[string][2]bool {
	t.Helper()
	dir := contenttest.HRAFemale(t)
	files, _ := filepath.Glob(filepath.Join(dir, "*.glb"))
	out := map[string][2]bool{}
	side := regexp.MustCompile(`(^|_)(L|R|left|right)(_|$)`)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		js, _, _ := splitGLB(data, f)
		var doc gltfDoc
		if err := json.Unmarshal(js, &doc); err != nil {
			t.Fatal(err)
		}
		for _, n := range doc.Nodes {
			var ex struct {
				OntologyID string `json:"ontologyid"`
			}
			json.Unmarshal(n.Extras, &ex)
			if n.Mesh != nil {
				out[n.Name] = [2]bool{NormalizeOntologyID(ex.OntologyID) != "", side.MatchString(n.Name)}
			}
		}
	}
	return out
}

func TestImportHRAFemaleFolder(t *testing.T) {
	res, out := importHRAFemale(t)
	if len(res.Warnings) > 0 {
		t.Errorf("warnings: %q", res.Warnings)
	}
	p, err := OpenPackPath(out)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if ps := ValidatePack(context.Background(), p, nil); len(ps) > 0 {
		t.Fatalf("the imported pack does not validate: %v", ps)
	}
	facts := hraNodeFacts(t)
	byID := map[string]*StructureEntry{}
	meshes, other := 0, 0
	machine := regexp.MustCompile(`_|^VH|^SBU|^[a-z]`)
	for i := range p.Structures {
		s := &p.Structures[i]
		byID[s.ID] = s
		if machine.MatchString(s.Name) || len(s.Name) < 3 {
			t.Errorf("%s: name %q is not written as a person writes it", s.ID, s.Name)
		}
		if s.System == "" {
			other++
		}
		if s.Mesh == "" {
			continue
		}
		meshes++
		f, ok := facts[s.Extras["source_id"]]
		if !ok {
			t.Errorf("%s: source_id %q is not a node of the files", s.ID, s.Extras["source_id"])
		}
		if f[0] && NormalizeOntologyID(s.Extras["ontology_id"]) == "" {
			t.Errorf("%s: the source gives a standard id, the pack has none", s.ID)
		}
		if f[1] && s.Side == "" {
			t.Errorf("%s: the node name gives a side, the pack has none", s.ID)
		}
	}
	if meshes != 232 {
		t.Errorf("%d mesh structures, want 232", meshes)
	}
	if float64(other) > 0.05*float64(len(p.Structures)) {
		t.Errorf("%d of %d structures have no system", other, len(p.Structures))
	}
	checkHRAHierarchy(t, byID)
	checkHRAConceptsAndColours(t, p.Structures)
}

// checkHRAHierarchy follows a renal pyramid up to its kidney, and checks an organ group.
func checkHRAHierarchy(t *testing.T, byID map[string]*StructureEntry) {
	t.Helper()
	var chain []string
	for id := "VH_F_renal_pyramid_L_a"; id != ""; {
		s := byID[id]
		if s == nil {
			t.Fatalf("no structure %q (chain %q)", id, chain)
		}
		chain = append(chain, s.Name+" ("+s.System+")")
		id = s.Parent
	}
	want := []string{"Left renal pyramid (urinary)", "Left renal pyramid (urinary)", "Left renal medulla (urinary)", "Left kidney (urinary)"}
	if strings.Join(chain, " < ") != strings.Join(want, " < ") {
		t.Errorf("part-of chain %q, want %q", chain, want)
	}
	if s := byID["UBERON:0002135"]; s == nil || s.Name != "Mitral valve" || s.Parent != "VH_F_valve" || s.System != "cardiovascular" || s.Region != "thorax/heart" {
		t.Errorf("mitral valve: %+v", s)
	}
	if s := byID["VH_F_knee_L"]; s == nil || s.Name != "Left knee" || s.Parent != "" || s.System != "skeletal" {
		t.Errorf("left knee group: %+v", s)
	}
}

func checkHRAConceptsAndColours(t *testing.T, ss []StructureEntry) {
	t.Helper()
	concept := map[string][]string{}
	heart := map[string]bool{}
	kidney := map[string]bool{}
	for _, s := range ss {
		if s.Concept != "" {
			concept[s.Concept] = append(concept[s.Concept], s.Name)
		}
		switch s.Extras["organ"] {
		case "heart":
			if s.Mesh != "" {
				heart[s.Color] = true
			}
		case "kidney":
			if s.Mesh != "" && s.Side == "left" {
				kidney[s.Color] = true
			}
		}
	}
	if n := concept["UBERON:0004200-left"]; len(n) != 11 || n[0] != "Left renal pyramid" {
		t.Errorf("left renal pyramids: %q", n)
	}
	if n := concept["UBERON:0001439-right"]; len(n) != 3 {
		t.Errorf("right compact bone tissue: %q", n)
	}
	for c, names := range concept {
		for _, n := range names {
			if n != names[0] {
				t.Errorf("concept %s has two names: %q", c, names)
			}
		}
	}
	if len(heart) != 14 {
		t.Errorf("the heart's 14 parts come in %d colours", len(heart))
	}
	if len(kidney) != 3 {
		t.Errorf("the left kidney comes in %d colours; the source has 3", len(kidney))
	}
}

// rewriteGLB changes the JSON of a GLB made by glbDoc.
func rewriteGLB(t *testing.T, data []byte, change func(doc map[string]any)) []byte {
	t.Helper()
	js, bin, err := splitGLB(data, "x")
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(js, &doc); err != nil {
		t.Fatal(err)
	}
	change(doc)
	js, _ = json.Marshal(doc)
	return packGLB(js, bin)
}

func TestImportGLTFSetBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	metres := write("a.glb", glbDoc(t, `{"label":"thing one"}`))
	millimetres := write("b.glb", rewriteGLB(t, glbDoc(t, `{"label":"thing two"}`), func(doc map[string]any) {
		doc["nodes"].([]any)[0].(map[string]any)["scale"] = []float64{1000, 1000, 1000}
	}))
	cycle := write("c.glb", rewriteGLB(t, glbDoc(t, `{}`, `{}`), func(doc map[string]any) {
		nodes := doc["nodes"].([]any)
		nodes[0].(map[string]any)["children"] = []int{1}
		nodes[1].(map[string]any)["children"] = []int{0}
		doc["scenes"] = []any{map[string]any{"nodes": []int{0}}}
	}))
	res, err := ImportGLTFSet(context.Background(), []string{metres, millimetres}, ImportOptions{Out: filepath.Join(dir, "p1"), License: "CC0-1.0"})
	if err != nil {
		t.Fatal(err)
	}
	if w := strings.Join(res.Warnings, "\n"); !strings.Contains(w, "b.glb is 1000 times the size of "+metres) {
		t.Errorf("warnings %q, want one naming both files", w)
	}
	_, err = ImportGLTFSet(context.Background(), []string{metres, cycle}, ImportOptions{Out: filepath.Join(dir, "p2"), License: "CC0-1.0"})
	if err == nil || !strings.Contains(err.Error(), cycle) || !strings.Contains(err.Error(), "cycle") {
		t.Errorf("cycle: %v", err)
	}
	if _, serr := os.Stat(filepath.Join(dir, "p2")); !os.IsNotExist(serr) {
		t.Errorf("a refused import left %s behind", filepath.Join(dir, "p2"))
	}
}
