package content

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/osteon/osteon/content/contenttest"
)

// catalogServer serves the shared HRA female files at the catalog's paths on 127.0.0.1, with
// Range support; change, when set, may alter what one request gets.
type catalogServer struct {
	*httptest.Server
	dir    string
	mu     sync.Mutex
	ranges []string // the Range header of each request, "" for none
	change func(w http.ResponseWriter, r *http.Request, data []byte) bool
}

func newCatalogServer(t *testing.T) *catalogServer { return newCatalogServerB(t) }

func newCatalogServerB(t testing.TB) *catalogServer {
	t.Helper()
	s := &catalogServer{dir: contenttest.HRAFemale(t)}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.ranges = append(s.ranges, r.Header.Get("Range"))
		change := s.change
		s.mu.Unlock()
		data, err := os.ReadFile(filepath.Join(s.dir, path.Base(r.URL.Path)))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		if change != nil && change(w, r, data) {
			return
		}
		http.ServeContent(w, r, path.Base(r.URL.Path), time.Time{}, strings.NewReader(string(data)))
	}))
	t.Cleanup(s.Close)
	if !strings.HasPrefix(s.URL, "http://127.0.0.1:") {
		t.Fatalf("test server at %s, not on 127.0.0.1", s.URL)
	}
	return s
}

// femaleSet is the built-in catalog's female set, or the named files of it.
func femaleSet(t *testing.T, names ...string) *CatalogSet {
	t.Helper()
	c, err := DefaultCatalog()
	if err != nil {
		t.Fatal(err)
	}
	set := *c.Set("hra-v1.2-female")
	if len(names) > 0 {
		var keep []CatalogFile
		for _, f := range set.Files {
			for _, n := range names {
				if f.Name == n {
					keep = append(keep, f)
				}
			}
		}
		set.Files = keep
	}
	return &set
}

func getLibrary(t *testing.T) (*Library, string) {
	root := t.TempDir()
	return &Library{LearnerDir: filepath.Join(root, "packs")}, filepath.Join(root, "downloads")
}

func TestGetWholeSetFromMirror(t *testing.T) {
	srv := newCatalogServer(t)
	lib, downloads := getLibrary(t)
	set := femaleSet(t)
	var last, calls int64
	p, err := lib.Get(context.Background(), set, GetOptions{Mirror: srv.URL, Downloads: downloads,
		Progress: func(done, total int64, what string) {
			if done < last || total != set.Size() {
				t.Errorf("progress %d/%d after %d", done, total, last)
			}
			last, calls = done, calls+1
		}})
	if err != nil {
		t.Fatal(err)
	}
	if p.ID != "hra-v1.2-female" || p.License != "CC-BY-4.0" || !strings.Contains(p.Attribution, "Human Reference Atlas") {
		t.Errorf("pack %s, licence %q, credit %q", p.ID, p.License, p.Attribution)
	}
	meshes := 0
	for _, s := range p.Structures {
		if s.Mesh != "" {
			meshes++
		}
	}
	if meshes != 232 || last != set.Size() || calls < 20 {
		t.Errorf("%d meshes; progress ended at %d of %d after %d calls", meshes, last, set.Size(), calls)
	}
	// A second get finds the verified files and fetches nothing.
	n := len(srv.ranges)
	if _, err := lib.Get(context.Background(), set, GetOptions{Mirror: srv.URL, Downloads: downloads, Install: InstallOptions{Force: true}}); err != nil {
		t.Fatal(err)
	}
	if len(srv.ranges) != n {
		t.Errorf("a second get made %d requests", len(srv.ranges)-n)
	}
}

func TestGetResumesAnInterruptedDownload(t *testing.T) {
	srv := newCatalogServer(t)
	lib, downloads := getLibrary(t)
	set := femaleSet(t, "VH_F_Heart.glb", "VH_F_Ovary_L.glb")
	cut := true
	srv.change = func(w http.ResponseWriter, r *http.Request, data []byte) bool {
		if !cut || !strings.HasSuffix(r.URL.Path, "VH_F_Heart.glb") {
			return false
		}
		cut = false
		w.Header().Set("Content-Length", itoa(len(data)))
		w.Write(data[:len(data)/3])
		w.(http.Flusher).Flush()
		panic(http.ErrAbortHandler) // the connection drops a third of the way
	}
	_, err := lib.Get(context.Background(), set, GetOptions{Mirror: srv.URL, Downloads: downloads})
	if err == nil || !strings.Contains(err.Error(), "run again to resume") {
		t.Fatalf("interrupted: %v", err)
	}
	part := filepath.Join(downloads, set.Name, "VH_F_Heart.glb.part")
	st, serr := os.Stat(part)
	if serr != nil || st.Size() == 0 || st.Size() >= set.Files[0].Bytes {
		t.Fatalf("partial file: %v %v", st, serr)
	}
	if _, err := os.Stat(filepath.Join(lib.LearnerDir, set.Name)); !os.IsNotExist(err) {
		t.Fatal("something was installed after a broken download")
	}
	p, err := lib.Get(context.Background(), set, GetOptions{Mirror: srv.URL, Downloads: downloads})
	if err != nil {
		t.Fatal(err)
	}
	if want := "bytes=" + itoa(int(st.Size())) + "-"; !contains(srv.ranges, want) {
		t.Errorf("requests %q: none resumed with %q", srv.ranges, want)
	}
	if len(p.Structures) < 15 {
		t.Errorf("%d structures", len(p.Structures))
	}
}

func TestGetRefusesBadBytes(t *testing.T) {
	tests := []struct {
		what, want string
		change     func(data []byte) []byte
	}{
		{"a corrupted byte", "checksum mismatch", func(d []byte) []byte {
			d = append([]byte(nil), d...)
			d[len(d)/2] ^= 0x40
			return d
		}},
		{"a wrong size", "wrong size", func(d []byte) []byte { return append(append([]byte(nil), d...), "junk"...) }},
	}
	for _, tc := range tests {
		t.Run(tc.what, func(t *testing.T) {
			srv := newCatalogServer(t)
			lib, downloads := getLibrary(t)
			set := femaleSet(t, "VH_F_Ovary_L.glb", "VH_F_Thymus.glb")
			srv.change = func(w http.ResponseWriter, r *http.Request, data []byte) bool {
				if !strings.HasSuffix(r.URL.Path, "VH_F_Thymus.glb") {
					return false
				}
				w.Write(tc.change(data))
				return true
			}
			_, err := lib.Get(context.Background(), set, GetOptions{Mirror: srv.URL, Downloads: downloads})
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "VH_F_Thymus.glb") {
				t.Fatalf("got %v, want an error saying %q and naming the file", err, tc.want)
			}
			if _, err := os.Stat(filepath.Join(lib.LearnerDir, set.Name)); !os.IsNotExist(err) {
				t.Error("a pack was installed from bad bytes")
			}
			left, _ := filepath.Glob(filepath.Join(downloads, set.Name, "VH_F_Thymus*"))
			if len(left) > 0 {
				t.Errorf("bad bytes kept: %q", left)
			}
		})
	}
}

func TestGetOffline(t *testing.T) {
	srv := newCatalogServer(t)
	url := srv.URL
	srv.Close()
	lib, downloads := getLibrary(t)
	_, err := lib.Get(context.Background(), femaleSet(t, "VH_F_Ovary_L.glb"), GetOptions{Mirror: url, Downloads: downloads})
	if err == nil || !strings.Contains(err.Error(), "cannot reach 127.0.0.1") || !strings.Contains(err.Error(), "VH_F_Ovary_L.glb") {
		t.Fatalf("offline: %v", err)
	}
}

func TestMirrorURL(t *testing.T) {
	got, err := MirrorURL("https://raw.githubusercontent.com/a/b/c/v1.2/models/X.glb?x=1", "http://centre.local:8080")
	if err != nil || got != "http://centre.local:8080/a/b/c/v1.2/models/X.glb?x=1" {
		t.Errorf("%q %v", got, err)
	}
	for _, bad := range []string{"centre.local", "ftp://x", "http://"} {
		if _, err := MirrorURL("https://h/p", bad); err == nil {
			t.Errorf("mirror %q accepted", bad)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
