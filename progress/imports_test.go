package progress

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestImports: progress may use the standard library, modernc's SQLite and
// package learning; never fyne, g3n or the other app packages.
func TestImports(t *testing.T) {
	allowed := []string{"modernc.org/sqlite", "github.com/osteon/osteon/learning"}
	files, _ := filepath.Glob("*.go")
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
	next:
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			first, _, _ := strings.Cut(p, "/")
			if !strings.Contains(first, ".") {
				continue
			}
			for _, a := range allowed {
				if p == a || strings.HasPrefix(p, a+"/") {
					continue next
				}
			}
			t.Errorf("%s imports %s", name, p)
		}
	}
}
