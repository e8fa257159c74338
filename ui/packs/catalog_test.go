package packs

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/content/contenttest"
	"github.com/osteon/osteon/ui/kit/kittest"
)

// TestCatalogGet: the Packs screen lists the catalog's sets with size, licence and credit; Get
// fetches the female organs from a 127.0.0.1 mirror, installs them and lists the new pack.
func TestCatalogGet(t *testing.T) {
	models := contenttest.HRAFemale(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.ServeFile(w, r, filepath.Join(models, path.Base(r.URL.Path)))
	}))
	defer srv.Close()
	t.Setenv(content.EnvCatalogMirror, srv.URL)
	pt := newPacksTest(t)
	text := kittest.Text(pt.s.catalog.box)
	for _, want := range []string{"Human Reference Atlas v1.2: female organs · 20 files · 14.0 MB · CC-BY-4.0",
		"male organs · 18 files · 18.9 MB", "Credit: Human Reference Atlas 3D Reference Object Library v1.2"} {
		if !strings.Contains(text, want) {
			t.Errorf("catalog shows %q, want %q", text, want)
		}
	}
	test.Tap(pt.s.catalog.buttons[0])
	if _, err := os.Stat(filepath.Join(pt.learner, "hra-v1.2-female", "pack.toml")); err != nil {
		t.Fatalf("not installed: %v (status %q)", err, pt.s.catalog.status.Text)
	}
	if pt.s.catalog.progress.Value != 1 {
		t.Errorf("progress %.2f at the end", pt.s.catalog.progress.Value)
	}
	pt.list(t)
	if pt.s.pack("hra-v1.2-female") == nil || pt.s.selected != "hra-v1.2-female" {
		t.Errorf("the new pack is not listed and selected (selected %q)", pt.s.selected)
	}
}
