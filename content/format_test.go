package content

import (
	"context"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// formatExample reads the example pack out of FORMAT.md: each fenced block that follows a
// "<!-- file: NAME -->" line is the file NAME.
func formatExample(t *testing.T) (fstest.MapFS, string) {
	t.Helper()
	doc, err := os.ReadFile("FORMAT.md")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile("(?s)<!-- file: (\\S+) -->\n```[a-z]*\n(.*?)```")
	fsys := fstest.MapFS{}
	for _, m := range re.FindAllStringSubmatch(string(doc), -1) {
		fsys[m[1]] = &fstest.MapFile{Data: []byte(m[2])}
	}
	if len(fsys) != 4 {
		t.Fatalf("FORMAT.md has %d example files, want 4", len(fsys))
	}
	return fsys, string(doc)
}

func TestFormatExample(t *testing.T) {
	fsys, _ := formatExample(t)
	p, err := OpenPack(fsys, "FORMAT.md example")
	if err != nil {
		t.Fatal(err)
	}
	if ps := ValidatePack(context.Background(), p, nil); len(ps) > 0 {
		t.Fatalf("the example in FORMAT.md does not validate:\n%v", ps)
	}
	s, err := LoadPackScene(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Structures) != 3 || len(s.Parts) != 2 || !s.Schematic {
		t.Fatalf("%d structures, %d parts", len(p.Structures), len(s.Parts))
	}
	h := s.Part("FMA23130")
	if h == nil || h.Names["fr"] != "Humérus droit" || h.Parent != "right-shoulder" || h.Mesh.TriangleCount() != 4 {
		t.Fatalf("humerus: %+v", h)
	}
	// mm, Z up: the first tetrahedron spans x 0..100, y 0..100, z 0..300 mm.
	if b := h.Mesh.Bounds(); b != (Box{Min: Vec3{0, 0, -0.1}, Max: Vec3{0.1, 0.3, 0}}) {
		t.Errorf("humerus bounds %v", b)
	}
	if sc := s.Part("FMA13395"); sc == nil || !sc.Ghosted || sc.Credit != "Shape: Osteon documentation" {
		t.Errorf("scapula: %+v", sc)
	}
}

// TestFormatDocumentsEveryKey keeps the key tables in FORMAT.md equal to the keys the parser
// knows.
func TestFormatDocumentsEveryKey(t *testing.T) {
	_, doc := formatExample(t)
	table := func(heading string) []string {
		i := strings.Index(doc, heading+"\n")
		if i < 0 {
			t.Fatalf("FORMAT.md has no %q", heading)
		}
		var keys []string
		for _, line := range strings.Split(doc[i:], "\n")[2:] {
			if line != "" && !strings.HasPrefix(line, "|") {
				break
			}
			for _, m := range regexp.MustCompile("^\\| (`[a-z_]+`(?:, `[a-z_]+`)*) \\|").FindAllStringSubmatch(line, -1) {
				for _, k := range strings.Split(m[1], ", ") {
					keys = append(keys, strings.Trim(k, "`"))
				}
			}
		}
		sort.Strings(keys)
		return keys
	}
	known := func(set map[string]bool) []string {
		var out []string
		for k := range set {
			out = append(out, k)
		}
		sort.Strings(out)
		return out
	}
	if diff := cmp.Diff(known(manifestKeys), table("### Top-level keys")); diff != "" {
		t.Errorf("top-level keys (-parser +FORMAT.md):\n%s", diff)
	}
	if diff := cmp.Diff(known(structureKeys), table("### [[structures]] keys")); diff != "" {
		t.Errorf("structure keys (-parser +FORMAT.md):\n%s", diff)
	}
}
