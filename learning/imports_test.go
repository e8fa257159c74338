package learning

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestImports keeps learning pure: the standard library and go-fsrs only
// (no UI, no SQL, nothing internal).
func TestImports(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			first, _, _ := strings.Cut(p, "/")
			stdlib := !strings.Contains(first, ".")
			if p == "database/sql" || strings.HasPrefix(p, "database/") ||
				!stdlib && p != "github.com/open-spaced-repetition/go-fsrs/v4" {
				t.Errorf("%s imports %s", name, p)
			}
		}
	}
}
