package content

import (
	"os"
	"strings"
	"testing"
)

func TestDefaultCatalog(t *testing.T) {
	c, err := DefaultCatalog()
	if err != nil {
		t.Fatal(err)
	}
	f := c.Set("hra-v1.2-female")
	m := c.Set("hra-v1.2-male")
	if f == nil || m == nil || len(f.Files) != 20 || f.License != "CC-BY-4.0" || !strings.Contains(f.Credit, "CC BY 4.0") {
		t.Fatalf("catalog: %+v", c.Sets)
	}
	if f.Size() != 13971552 {
		t.Errorf("female set size %d", f.Size())
	}
	// The embedded file list is the shared pinned list, row for row.
	shared, err := os.ReadFile("../../shared/catalog/hra-v1.2-organs.tsv")
	if err != nil {
		t.Skipf("skipping the comparison with the shared catalog: %v", err)
	}
	own, _ := catalogFS.ReadFile("catalog/files.tsv")
	if string(own) != string(shared) {
		t.Error("content/catalog/files.tsv differs from ../shared/catalog/hra-v1.2-organs.tsv")
	}
}

const (
	goodSets  = "set\ttitle\tlicense\tcredit\thomepage\nx\tX organs\tCC0-1.0\tby us\thttps://x\n"
	goodFiles = "set\tfile\tbytes\tsha256\turl\nx\ta.glb\t10\t" + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" + "\thttps://h/a.glb\n"
)

func TestParseCatalogProblems(t *testing.T) {
	tests := []struct{ what, sets, files, want string }{
		{"good", goodSets, goodFiles, ""},
		{"no header column", "set\ttitle\n", goodFiles, "sets.tsv:1: license: the header has no column"},
		{"unknown set", goodSets, strings.Replace(goodFiles, "\nx\t", "\ny\t", 1), `files.tsv:2: set: set "y" is not in`},
		{"bad size", goodSets, strings.Replace(goodFiles, "\t10\t", "\t-3\t", 1), "files.tsv:2: bytes:"},
		{"bad checksum", goodSets, strings.Replace(goodFiles, "0123", "XY23", 1), "files.tsv:2: sha256:"},
		{"bad url", goodSets, strings.Replace(goodFiles, "https://h/a.glb", "file:///etc/passwd", 1), "files.tsv:2: url:"},
		{"path in a file name", goodSets, strings.Replace(goodFiles, "\ta.glb", "\t../a.glb", 1), "files.tsv:2: file:"},
		{"not a glTF", goodSets, strings.Replace(goodFiles, "\ta.glb", "\ta.exe", 1), "only .glb and .gltf"},
		{"short row", goodSets, goodFiles + "x\tb.glb\n", "files.tsv:3: 2 columns"},
		{"twice", goodSets, goodFiles + strings.SplitN(goodFiles, "\n", 2)[1], "a.glb is listed twice"},
		{"a set without files", goodSets + "y\tY\tCC0-1.0\t\t\n", goodFiles, "set y has no files"},
	}
	for _, tc := range tests {
		c, err := ParseCatalog([]byte(tc.sets), "sets.tsv", []byte(tc.files), "files.tsv")
		switch {
		case tc.want == "" && (err != nil || len(c.Sets) != 1 || c.Sets[0].Files[0].Bytes != 10):
			t.Errorf("%s: %v", tc.what, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: got %v, want %q", tc.what, err, tc.want)
		}
	}
}

// FuzzCatalog: any text is a catalog or problems naming the file; a catalog that parses has only
// plain file names, sizes above zero, checksums in hex and http(s) URLs.
func FuzzCatalog(f *testing.F) {
	f.Add(goodSets, goodFiles)
	sets, _ := catalogFS.ReadFile("catalog/sets.tsv")
	files, _ := catalogFS.ReadFile("catalog/files.tsv")
	f.Add(string(sets), string(files))
	f.Add("set\ttitle\tlicense\tcredit\thomepage\n", "")
	f.Add("\xff", "#\n\n")
	f.Fuzz(func(t *testing.T, sets, files string) {
		c, err := ParseCatalog([]byte(sets), "sets.tsv", []byte(files), "files.tsv")
		if err != nil {
			var ps Problems
			if !asProblems(err, &ps) {
				t.Fatalf("not problems: %v", err)
			}
			for _, p := range ps {
				if p.File != "sets.tsv" && p.File != "files.tsv" || p.Msg == "" {
					t.Fatalf("problem without its file: %+v", p)
				}
			}
			return
		}
		for _, s := range c.Sets {
			for _, fl := range s.Files {
				if fl.Bytes <= 0 || strings.ContainsAny(fl.Name, `/\`) || len(fl.SHA256) != 64 ||
					!strings.HasPrefix(fl.URL, "http") {
					t.Fatalf("bad file accepted: %+v", fl)
				}
			}
		}
	})
}

func asProblems(err error, ps *Problems) bool {
	p, ok := err.(Problems)
	*ps = p
	return ok
}
