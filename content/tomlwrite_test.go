package content

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

var ignoreLines = cmp.Options{cmpopts.IgnoreUnexported(Manifest{}), cmpopts.IgnoreFields(StructureEntry{}, "Line")}

func TestMarshalManifestRoundTrip(t *testing.T) {
	m, ps := ParseManifest([]byte(smallManifest), "pack.toml")
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	m.Structures[0].Credit = "line one\nline \"two\"\t\\ é \x01"
	m.Structures[0].Extras = map[string]string{"odd key": "v", "a-b": ""}
	m.Authors = []string{"A", "B"}
	m.Schematic = true
	text := MarshalManifest(m)
	back, ps := ParseManifest(text, "pack.toml")
	if len(ps) > 0 {
		t.Fatalf("%v\n%s", ps, text)
	}
	if diff := cmp.Diff(m, back, ignoreLines); diff != "" {
		t.Errorf("round trip (-want +got):\n%s\n%s", diff, text)
	}
}

func FuzzQuoteTOML(f *testing.F) {
	for _, s := range []string{"", "a", "\"\\\n\t\r", "\x00\x1f\x7f", "é\xff"} {
		f.Add(s, "key")
	}
	f.Fuzz(func(t *testing.T, value, key string) {
		m := &Manifest{ID: "x", Structures: []StructureEntry{{ID: "a", Name: value, Extras: map[string]string{key: value}}}}
		back, ps := ParseManifest(MarshalManifest(m), "f")
		if back == nil {
			t.Fatalf("not TOML: %v\n%s", ps, MarshalManifest(m))
		}
		want := strings.TrimSpace(strings.ToValidUTF8(value, "\uFFFD"))
		if got := back.Structures[0].Name; got != want || back.Structures[0].Extras[strings.ToValidUTF8(key, "\uFFFD")] != want {
			t.Fatalf("name %q came back as %q", want, got)
		}
	})
}
