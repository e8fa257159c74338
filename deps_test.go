package main

import (
	"encoding/json"
	"io"
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/osteon/osteon"

// importRules keeps DESIGN.md's import directions: which project packages and which outside
// modules each package may import directly. Test-only helpers (…test packages) are exempt.
var importRules = map[string]struct {
	internal []string // project packages allowed
	external []string // import path prefixes allowed besides the standard library
	noStd    []string // standard library prefixes not allowed (learning stays free of SQL)
}{
	"":         {internal: []string{"ui", "render", "content", "learning", "progress", "assets"}, external: []string{"fyne.io/"}},
	"ui":       {internal: []string{"render", "content", "learning", "progress", "assets"}, external: []string{"fyne.io/", "golang.org/x/text/", "github.com/go-gl/glfw/"}},
	"render":   {internal: []string{"content"}, external: []string{"github.com/g3n/engine/", "github.com/go-gl/glfw/"}},
	"content":  {external: []string{"github.com/BurntSushi/toml"}},
	"learning": {internal: []string{"content"}, external: []string{"github.com/open-spaced-repetition/go-fsrs/", "golang.org/x/text/"}, noStd: []string{"database/"}},
	"progress": {internal: []string{"learning"}, external: []string{"modernc.org/sqlite"}},
	"assets":   {},
}

type pkgInfo struct {
	ImportPath string
	Imports    []string
	Standard   bool
}

func listPackages(t *testing.T) []pkgInfo {
	t.Helper()
	out, err := exec.Command("go", "list", "-json", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	var pkgs []pkgInfo
	for {
		var p pkgInfo
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

func TestImportDirections(t *testing.T) {
	pkgs := listPackages(t)
	if len(pkgs) < 4 {
		t.Fatalf("go list found only %d packages", len(pkgs))
	}
	for _, p := range pkgs {
		rel := strings.TrimPrefix(strings.TrimPrefix(p.ImportPath, module), "/")
		top, _, _ := strings.Cut(rel, "/")
		if strings.HasSuffix(rel, "test") || strings.Contains(rel, "/gen") {
			continue // test helpers and generator programs
		}
		rule, ok := importRules[top]
		if !ok {
			t.Errorf("package %s is outside the agreed layout (DESIGN.md)", p.ImportPath)
			continue
		}
		for _, imp := range p.Imports {
			if isStd(imp) || imp == "C" || imp == "unsafe" {
				if hasPrefix(rule.noStd, imp) {
					t.Errorf("%s imports %s, which is not allowed for %s", p.ImportPath, imp, nameOf(top))
				}
				continue
			}
			if strings.HasPrefix(imp, module+"/") {
				to := strings.TrimPrefix(imp, module+"/")
				toTop, _, _ := strings.Cut(to, "/")
				if toTop == top || contains(rule.internal, toTop) {
					continue
				}
				t.Errorf("%s imports %s: DESIGN.md does not allow %s -> %s", p.ImportPath, imp, nameOf(top), toTop)
				continue
			}
			if !hasPrefix(rule.external, imp) {
				t.Errorf("%s imports %s, which is not allowed for %s", p.ImportPath, imp, nameOf(top))
			}
		}
	}
}

// uiScreens are the screen packages under ui/: each imports ui/kit and no other package of ui,
// so no screen depends on another and the shell (package ui) alone puts them together.
var uiScreens = []string{"explore", "practice", "procedures", "consultations", "drills", "dashboard", "packs", "settings", "class", "tours"}

// uiInternal says which packages under ui/ each package under ui/ may import ("" is the shell).
func uiInternal(sub string) []string {
	switch {
	case sub == "":
		return append([]string{"kit", "locale"}, uiScreens...)
	case sub == "kit" || sub == "locale":
		return nil
	case contains(uiScreens, sub):
		return []string{"kit"}
	}
	return nil
}

func TestUIPackageDirections(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range listPackages(t) {
		rel := strings.TrimPrefix(strings.TrimPrefix(p.ImportPath, module), "/")
		if rel != "ui" && !strings.HasPrefix(rel, "ui/") || strings.HasSuffix(rel, "test") {
			continue
		}
		sub := strings.TrimPrefix(strings.TrimPrefix(rel, "ui"), "/")
		seen[sub] = true
		if sub != "" && sub != "kit" && sub != "locale" && !contains(uiScreens, sub) {
			t.Errorf("%s is a package under ui/ that deps_test.go does not know: a screen goes in uiScreens", p.ImportPath)
		}
		for _, imp := range p.Imports {
			to, ok := strings.CutPrefix(imp, module+"/ui")
			if !ok || (to != "" && !strings.HasPrefix(to, "/")) {
				continue
			}
			to = strings.TrimPrefix(to, "/")
			if strings.HasSuffix(to, "test") || contains(uiInternal(sub), to) {
				continue
			}
			t.Errorf("%s imports %s: a screen imports only ui/kit, ui/kit no other ui package, and only the shell puts screens together", p.ImportPath, imp)
		}
	}
	for _, want := range append([]string{"", "kit"}, uiScreens...) {
		if !seen[want] {
			t.Errorf("package ui/%s is missing", want)
		}
	}
}

func nameOf(top string) string {
	if top == "" {
		return "main"
	}
	return top
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func hasPrefix(prefixes []string, s string) bool {
	for _, p := range prefixes {
		if s == strings.TrimSuffix(p, "/") || strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
