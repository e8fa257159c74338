package content

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/osteon/osteon/content/contenttest"
)

// hraNodeExtras reads the extras of the node called node in one of the shared HRA files.
func hraNodeExtras(t *testing.T, file, node string) json.RawMessage {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(contenttest.HRAFemale(t), file))
	if err != nil {
		t.Fatal(err)
	}
	js, _, err := splitGLB(data, file)
	if err != nil {
		t.Fatal(err)
	}
	var doc gltfDoc
	if err := json.Unmarshal(js, &doc); err != nil {
		t.Fatal(err)
	}
	for _, n := range doc.Nodes {
		if n.Name == node {
			return n.Extras
		}
	}
	t.Fatalf("%s has no node %q", file, node)
	return nil
}

func TestStructureFromRealHRANodes(t *testing.T) {
	tests := []struct {
		what, file, node string
		want             Structure
	}{
		{"heart valve", "VH_F_Heart.glb", "VH_F_mitral_valve", Structure{ID: "UBERON:0002135", Name: "Mitral valve",
			Extras: map[string]string{"ontology_id": "UBERON:0002135", "organ": "heart"}}},
		{"papillary muscle with an FMA id", "VH_F_Heart.glb", "VH_F_papillary_muscle_of_heart_ant", Structure{
			ID: "FMA:7264", Name: "Anterior papillary muscle of left ventricle", Side: "left",
			Extras: map[string]string{"ontology_id": "FMA:7264", "organ": "heart"}}},
		{"renal pyramid", "VH_F_Kidney_L.glb", "VH_F_renal_pyramid_L_c", Structure{ID: "UBERON:0004200",
			Name: "Left renal pyramid", Side: "left", Extras: map[string]string{"ontology_id": "UBERON:0004200", "organ": "kidney"}}},
		{"pelvic compact bone", "VH_F_Pelvis.glb", "VH_F_ilium_compact_bone_R", Structure{ID: "UBERON:0001439",
			Name: "Right compact bone tissue", Side: "right", Extras: map[string]string{"ontology_id": "UBERON:0001439", "organ": "pelvis"}}},
		{"knee part, id without a colon", "VH_F_Knee_L.glb", "VH_F_meniscus_L", Structure{ID: "FMA:64019",
			Name: "Left articular disk of knee joint", Side: "left", Extras: map[string]string{"ontology_id": "FMA:64019", "organ": "knee"}}},
		{"knee part without label or id", "VH_F_Knee_R.glb", "VH_F_anterior_cruciate_enthesis_R", Structure{
			ID: "VH_F_anterior_cruciate_enthesis_R", Name: "Right anterior cruciate enthesis", Side: "right"}},
		{"ontologyid and IRI disagree: ontologyid wins", "VH_F_Small_Intestine.glb", "VH_F_duodenum_superior", Structure{
			ID: "FMA:7206", Name: "Superior part of duodenum", Extras: map[string]string{"ontology_id": "FMA:7206", "organ": "small intestine"}}},
	}
	for _, tc := range tests {
		t.Run(tc.what, func(t *testing.T) {
			got, warns := structureFromNodeKeys(tc.node, hraNodeExtras(t, tc.file, tc.node), 0, ExtrasKeys{})
			if len(warns) > 0 {
				t.Errorf("warnings: %q", warns)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("%s#%s (-want +got):\n%s", tc.file, tc.node, diff)
			}
		})
	}
}

func TestNormalizeOntologyID(t *testing.T) {
	for in, want := range map[string]string{
		"UBERON:0002135": "UBERON:0002135", "UBERON_0002135": "UBERON:0002135", "uberon:2135": "UBERON:0002135",
		"http://purl.obolibrary.org/obo/UBERON_0002135": "UBERON:0002135", "FMA:7264": "FMA:7264",
		"FMA64019": "FMA:64019", "fma_007264": "FMA:7264", "http://purl.org/sig/ont/fma/fma7264": "FMA:7264",
		"TA2:1234": "TA2:1234", "TA2 1234": "TA2:1234", "-": "", "": "", "MESH:D006321": "",
		"UBERON:00021350": "", "my FMA7264": "", "FMA:": "",
	} {
		if got := NormalizeOntologyID(in); got != want {
			t.Errorf("NormalizeOntologyID(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestExtrasFlagsAndBadInput(t *testing.T) {
	long := strings.Repeat("very ", 60) + "long label"
	tests := []struct {
		what, node, extras string
		keys               ExtrasKeys
		wantID, wantName   string
		wantWarn           string
	}{
		{"--name-from and --id-from", "n_1", `{"nom":"os coxal","code":"FMA_16585"}`, ExtrasKeys{NameFrom: "nom", IDFrom: "code"}, "FMA:16585", "Os coxal", ""},
		{"--id-from in an unknown form", "n_1", `{"code":"XYZ-9"}`, ExtrasKeys{IDFrom: "code"}, "n_1", "N 1", "extras.code: \"XYZ-9\" is not an FMA"},
		{"ontologyid in an unknown form", "VH_F_thing", `{"ontologyid":"MESH:D1","label":"thing"}`, ExtrasKeys{}, "VH_F_thing", "Thing", "extras.ontologyid: \"MESH:D1\""},
		{"empty label", "VH_F_spleen_hilum", `{"label":""}`, ExtrasKeys{}, "VH_F_spleen_hilum", "Spleen hilum", ""},
		{"absurdly long label", "VH_F_x_y", `{"label":"` + long + `"}`, ExtrasKeys{}, "VH_F_x_y", "X y", "extras.label: 310 characters is too long"},
		{"label as a number", "a_b", `{"label":7}`, ExtrasKeys{}, "a_b", "7", ""},
		{"title when no label", "a_b", `{"title":"gall bladder"}`, ExtrasKeys{}, "a_b", "Gall bladder", ""},
		{"id found in another key", "a_b", `{"iri":"http://purl.obolibrary.org/obo/UBERON_0002110"}`, ExtrasKeys{}, "UBERON:0002110", "A b", ""},
	}
	for _, tc := range tests {
		t.Run(tc.what, func(t *testing.T) {
			st, warns := structureFromNodeKeys(tc.node, json.RawMessage(tc.extras), 3, tc.keys)
			if st.ID != tc.wantID || st.Name != tc.wantName {
				t.Errorf("id %q name %q, want %q %q", st.ID, st.Name, tc.wantID, tc.wantName)
			}
			joined := strings.Join(warns, "\n")
			if tc.wantWarn == "" && joined != "" || !strings.Contains(joined, tc.wantWarn) {
				t.Errorf("warnings %q, want one containing %q", joined, tc.wantWarn)
			}
		})
	}
}

func TestMachineNameAndSide(t *testing.T) {
	for node, want := range map[string][2]string{
		"VH_F_renal_pyramid_L_a":                {"Renal pyramid", "left"},
		"VH_F_medial_condyle_of_left_femur_inf": {"Medial condyle of left femur inf", "left"},
		"SBU_F_Intestine_Large":                 {"Intestine Large", ""},
		"VH_M_thymus_lobe_R":                    {"Thymus lobe", "right"},
		"right_humerus":                         {"Right humerus", "right"},
		"L":                                     {"L", "left"},
	} {
		name := machineName(node)
		if name != want[0] || sideFromNode(node, name) != want[1] {
			t.Errorf("%q: name %q side %q, want %q", node, name, sideFromNode(node, name), want)
		}
	}
	for ref, want := range map[string][2]string{
		"#VHFLeftKidneyV1.1": {"kidney", "left"}, "#VHFHeartV1.1": {"heart", ""}, "#VHFLargeIntestine": {"large intestine", ""},
		"#VHMRightUreter": {"ureter", "right"}, "-": {"", ""}, "#VHFUrinaryBladder": {"urinary bladder", ""},
	} {
		if o, s := organName(ref); o != want[0] || s != want[1] {
			t.Errorf("organName(%q) = %q %q, want %q", ref, o, s, want)
		}
	}
}

// FuzzExtrasMapping: any node name and extras map to a structure with an id and a name, a side
// that is left, right or empty, and text that is valid UTF-8 of bounded length; nothing panics.
func FuzzExtrasMapping(f *testing.F) {
	f.Add("VH_F_renal_pyramid_L_a", `{"label":"renal pyramid","ontologyid":"UBERON:0004200","anatomical_structure_of":"#VHFLeftKidneyV1.1"}`, "", "")
	f.Add("VH_F_meniscus_L", `{"label":"Articular disk of knee joint","ontologyid":"FMA64019"}`, "label", "ontologyid")
	f.Add("n", `{"label":"-","ontologyid":"-","representation_of":"http://purl.org/sig/ont/fma/fma7264"}`, "x", "y")
	f.Add("", `{"label":7,"side":"up","color":"#zz"}`, "", "")
	f.Add("\x00_L", `[1,2]`, "", "")
	f.Fuzz(func(t *testing.T, node, extras, nameFrom, idFrom string) {
		st, _ := structureFromNodeKeys(node, json.RawMessage(extras), 1, ExtrasKeys{NameFrom: nameFrom, IDFrom: idFrom})
		if st.ID == "" || st.Name == "" {
			t.Fatalf("empty id %q or name %q", st.ID, st.Name)
		}
		if st.Side != "" && st.Side != "left" && st.Side != "right" && extras == "" {
			t.Fatalf("side %q", st.Side)
		}
		for _, s := range []string{st.ID, st.Name, st.Extras[keyOrgan], st.Extras[keyOntologyOut]} {
			if !utf8Valid(s) || len(s) > 2*maxExtraLen {
				t.Fatalf("bad text %q", s)
			}
		}
		if id := st.Extras[keyOntologyOut]; id != "" && NormalizeOntologyID(id) != id {
			t.Fatalf("ontology id %q is not in normal form", id)
		}
	})
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }
