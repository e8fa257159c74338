package content

import (
	"context"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/osteon/osteon/content/contenttest"
)

// csvStructures reads structures.csv as id -> row, the id made unique the way packs make it.
func csvStructures(t *testing.T, dir string) map[string]csvRow {
	rows := readStructuresCSV(t, dir)
	count := map[string]int{}
	for _, r := range rows {
		count[r.ID]++
	}
	out := map[string]csvRow{}
	for _, r := range rows {
		id := r.ID
		if count[id] > 1 {
			id += "-" + sideFromName(r.Name)
		}
		r.File, r.Triangles = "", 0
		out[id] = r
	}
	return out
}

// checkUpperLimbPack checks an imported upper-limb pack against structures.csv and the GLB:
// ids, names and systems, credit on every structure, it validates, installs, and loads into a
// scene whose every structure sits where the GLB has it.
func checkUpperLimbPack(t *testing.T, dir, out string, wantRegion bool) *Scene {
	t.Helper()
	p, err := OpenPackPath(out)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if ps := ValidatePack(context.Background(), p, nil); len(ps) > 0 {
		t.Fatalf("the imported pack does not validate: %v", ps)
	}
	compareWithCSV(t, dir, p, wantRegion)
	if p.License != "CC-BY-4.0" || !strings.Contains(p.Attribution, "BodyParts3D") || !strings.Contains(p.Attribution, "CC BY-SA 2.1 Japan") {
		t.Errorf("licence %q, attribution %q", p.License, p.Attribution)
	}
	l := &Library{LearnerDir: filepath.Join(t.TempDir(), "packs")}
	inst, err := l.Install(context.Background(), out, InstallOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := LoadPackScene(context.Background(), inst)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Parts) != 72 || s.Attribution != p.Attribution {
		t.Fatalf("scene: %d parts, attribution %q", len(s.Parts), s.Attribution)
	}
	sameFrameAsGLB(t, dir, s)
	return s
}

// compareWithCSV checks the pack's structures against structures.csv: ids, names, systems,
// credit on every one.
func compareWithCSV(t *testing.T, dir string, p *Pack, wantRegion bool) {
	t.Helper()
	want := csvStructures(t, dir)
	got := map[string]csvRow{}
	for _, s := range p.Structures {
		if s.Mesh == "" {
			continue // a group node of the glTF scene
		}
		src := s.Extras["source_id"] // the id BodyParts3D gave, where the import changed it
		if strings.Contains(s.Mesh, ".glb#") {
			src = s.Extras["ontology_id"] // source_id is the node name; a changed id is kept here
		}
		got[s.ID] = csvRow{ID: firstNonEmpty(src, s.ID), Name: s.Name, System: s.System}
		if !strings.Contains(s.Credit, "BodyParts3D") {
			t.Errorf("%s: credit %q does not name BodyParts3D", s.ID, s.Credit)
		}
		if wantRegion && !strings.HasPrefix(s.Region, "upper_limb/") {
			t.Errorf("%s: region %q", s.ID, s.Region)
		}
	}
	if len(want) != 72 || len(got) != 72 {
		t.Fatalf("%d structures in the csv, %d with meshes in the pack; want 72", len(want), len(got))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("structures (-csv +pack):\n%s", diff)
	}
}

// sameFrameAsGLB checks every part's bounds against the same structure in upper_limb_all.glb.
func sameFrameAsGLB(t *testing.T, dir string, s *Scene) {
	t.Helper()
	all, err := OpenFile(filepath.Join(dir, "upper_limb_all.glb"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range s.Parts {
		g := all.Part(p.ID)
		if g == nil {
			t.Fatalf("%s is not in the GLB", p.ID)
		}
		a, b := p.Mesh.Bounds(), g.Mesh.Bounds()
		for k := 0; k < 3; k++ {
			if math.Abs(float64(a.Min[k]-b.Min[k])) > 1e-5 || math.Abs(float64(a.Max[k]-b.Max[k])) > 1e-5 {
				t.Fatalf("%s: pack bounds %v, GLB bounds %v", p.ID, a, b)
			}
		}
	}
}

func TestImportBodyParts3D(t *testing.T) {
	dir := contenttest.UpperLimb(t)
	out := filepath.Join(t.TempDir(), "upper-limb")
	var calls int
	res, err := ImportBodyParts3D(context.Background(), dir, "", ImportOptions{Out: out, ID: "bp3d-upper-limb", Title: "Upper limb",
		Progress: func(done, total int64, what string) {
			if calls++; total != 72 || done > total || !strings.Contains(what, "/72") && done != total {
				t.Errorf("progress %d/%d %q", done, total, what)
			}
		}})
	if err != nil {
		t.Fatal(err)
	}
	if calls != 73 || res.Manifest.OBJ != (OBJFrame{Units: "mm", Up: "z"}) {
		t.Errorf("%d progress calls, frame %+v", calls, res.Manifest.OBJ)
	}
	checkUpperLimbPack(t, dir, out, true)
}

func TestImportBodyParts3DZip(t *testing.T) {
	dir := contenttest.UpperLimb(t)
	out := filepath.Join(t.TempDir(), "upper-limb.zip")
	if _, err := ImportBodyParts3D(context.Background(), dir, "", ImportOptions{Out: out}); err != nil {
		t.Fatal(err)
	}
	s := checkUpperLimbPack(t, dir, out, true)
	if s.Title != "BodyParts3D upper limb" {
		t.Errorf("default title %q", s.Title)
	}
}

func TestImportGLTF(t *testing.T) {
	dir := contenttest.UpperLimb(t)
	out := filepath.Join(t.TempDir(), "upper-limb-glb")
	res, err := ImportGLTF(context.Background(), filepath.Join(dir, "upper_limb_all.glb"), ImportOptions{Out: out})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) > 0 || res.Manifest.ID != "upper_limb_all" || res.Manifest.Title != "BodyParts3D upper limb" {
		t.Errorf("warnings %q, id %q, title %q", res.Warnings, res.Manifest.ID, res.Manifest.Title)
	}
	s := checkUpperLimbPack(t, dir, out, false)
	if p := s.Part("FMA23130"); p == nil || p.Side != "right" || p.Credit == "" {
		t.Errorf("right humerus: %+v", p)
	}
}

// TestImportersAgree: the OBJ import and the GLB import of the same data give the same
// structures with the same geometry.
func TestImportersAgree(t *testing.T) {
	dir := contenttest.UpperLimb(t)
	load := func(out string) *Scene {
		p, err := OpenPackPath(out)
		if err != nil {
			t.Fatal(err)
		}
		s, err := LoadPackScene(context.Background(), p)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	if _, err := ImportBodyParts3D(context.Background(), dir, "", ImportOptions{Out: a}); err != nil {
		t.Fatal(err)
	}
	if _, err := ImportGLTF(context.Background(), filepath.Join(dir, "upper_limb_all.glb"), ImportOptions{Out: b}); err != nil {
		t.Fatal(err)
	}
	sa, sb := load(a), load(b)
	for _, pa := range sa.Parts {
		pb := sb.Part(pa.ID)
		if pb == nil || pa.Name != pb.Name || pa.System != pb.System || pa.Side != pb.Side ||
			pa.Mesh.TriangleCount() != pb.Mesh.TriangleCount() {
			t.Fatalf("%s: OBJ pack %+v, GLB pack %+v", pa.ID, pa.Structure, pb)
		}
	}
}
