package content

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io/fs"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
)

type zipEntry struct {
	name string
	data []byte
	mode fs.FileMode // 0: regular file
	raw  *zip.FileHeader
}

// makeZip writes entries in order. An entry with raw set is written as already-compressed data
// under that header, so a test can make headers lie.
func makeZip(t testing.TB, entries ...zipEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, e := range entries {
		var err error
		switch {
		case e.raw != nil:
			var fw interface{ Write([]byte) (int, error) }
			fw, err = w.CreateRaw(e.raw)
			if err == nil {
				_, err = fw.Write(e.data)
			}
		default:
			h := &zip.FileHeader{Name: e.name, Method: zip.Deflate}
			if e.mode != 0 {
				h.SetMode(e.mode)
			}
			fw, cerr := w.CreateHeader(h)
			err = cerr
			if err == nil {
				_, err = fw.Write(e.data)
			}
		}
		if err != nil {
			panic(err) // a test's own archive is wrong, or a fuzzed name archive/zip refuses
		}
	}
	if err := w.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// zipOf packs a MapFS under prefix.
func zipOf(t testing.TB, fsys fstest.MapFS, prefix string) []byte {
	names := make([]string, 0, len(fsys))
	for n := range fsys {
		names = append(names, n)
	}
	sort.Strings(names)
	var es []zipEntry
	for _, n := range names {
		es = append(es, zipEntry{name: prefix + n, data: fsys[n].Data})
	}
	return makeZip(t, es...)
}

var testLimits = Limits{MaxFiles: 50, MaxBytes: 8 << 20, MaxRatio: 100}

func openZipBytes(data []byte, lim Limits) (*Pack, error) {
	return openZip(bytes.NewReader(data), int64(len(data)), "t.zip", lim)
}

func TestOpenZip(t *testing.T) {
	for _, prefix := range []string{"", "demo-1.0.0/"} {
		p, err := openZipBytes(zipOf(t, demoFS(t), prefix), testLimits)
		if err != nil {
			t.Fatalf("prefix %q: %v", prefix, err)
		}
		if ps := ValidatePack(t.Context(), p, nil); len(ps) > 0 {
			t.Fatalf("prefix %q: %v", prefix, ps)
		}
		if len(p.Files) != len(demoFS(t)) || p.Source != "t.zip/"+strings.TrimSuffix(prefix, "/") && prefix != "" {
			t.Errorf("prefix %q: files %v, source %q", prefix, p.Files, p.Source)
		}
	}
}

// deflated compresses data, for raw entries.
func deflated(t testing.TB, data []byte) []byte {
	var b bytes.Buffer
	w, _ := flate.NewWriter(&b, flate.BestCompression)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

func TestOpenZipRefuses(t *testing.T) {
	manifest := zipEntry{name: "pack.toml", data: []byte(demoManifest)}
	zeros := make([]byte, 4<<20)
	many := []zipEntry{manifest}
	for i := 0; i < 60; i++ {
		many = append(many, zipEntry{name: "f/" + strings.Repeat("x", i+1), data: []byte("x")})
	}
	tests := []struct {
		name string
		zip  []byte
		want string
	}{
		{"not a zip", []byte("hello"), "t.zip: not a readable zip archive"},
		{"parent", makeZip(t, manifest, zipEntry{name: "../evil.txt", data: []byte("x")}), "t.zip: ../evil.txt: path with '..'"},
		{"inner parent", makeZip(t, manifest, zipEntry{name: "a/../../evil", data: []byte("x")}), "a/../../evil: path with '..'"},
		{"absolute", makeZip(t, manifest, zipEntry{name: "/etc/evil", data: []byte("x")}), "/etc/evil: absolute path"},
		{"drive", makeZip(t, manifest, zipEntry{name: "C:/evil", data: []byte("x")}), "C:/evil: absolute path"},
		{"backslash", makeZip(t, manifest, zipEntry{name: `..\evil`, data: []byte("x")}), `..\evil: name uses '\'`},
		{"dot", makeZip(t, manifest, zipEntry{name: "./a", data: []byte("x")}), "./a: not a clean relative path"},
		{"device name", makeZip(t, manifest, zipEntry{name: "meshes/CON.obj", data: []byte("x")}), `meshes/CON.obj: name "CON.obj" is a device on Windows`},
		{"stream", makeZip(t, manifest, zipEntry{name: "ab:c", data: []byte("x")}), `ab:c: name holds ':'`},
		{"trailing dot", makeZip(t, manifest, zipEntry{name: "a./b", data: []byte("x")}), `a./b: name "a." ends in a dot`},
		{"case clash", makeZip(t, manifest, zipEntry{name: "Pack.toml", data: []byte("x")}), "Pack.toml: the archive holds this name twice (perhaps in another case)"},
		{"latin1 name", makeZip(t, manifest, zipEntry{name: "caf\xe9", data: []byte("x")}), "not a clean relative path in UTF-8"},
		{"symlink", makeZip(t, manifest, zipEntry{name: "link", data: []byte("/etc/passwd"), mode: fs.ModeSymlink | 0o777}), "link: is a link"},
		{"device", makeZip(t, manifest, zipEntry{name: "dev", mode: fs.ModeDevice | 0o600}), "dev: is a device or special file"},
		{"pipe", makeZip(t, manifest, zipEntry{name: "fifo", mode: fs.ModeNamedPipe | 0o600}), "fifo: is a device or special file"},
		{"duplicate", makeZip(t, manifest, zipEntry{name: "pack.toml", data: []byte("x")}), "pack.toml: the archive holds this name twice"},
		{"too many", makeZip(t, many...), "t.zip: 61 entries; the limit is 50"},
		{"too big", makeZip(t, manifest, zipEntry{name: "a", data: zeros[:1<<20]}, zipEntry{name: "b", data: make([]byte, 8<<20)}), "t.zip: entries add up to 9437802 bytes uncompressed; the limit is 8388608"},
		{"bomb", makeZip(t, manifest, zipEntry{name: "bomb.obj", data: zeros}), "bomb.obj: inflates"},
		{"no manifest", makeZip(t, zipEntry{name: "a/readme", data: []byte("x")}), "t.zip: no pack.toml at the root"},
		{"encrypted", makeZip(t, manifest, zipEntry{name: "secret", data: []byte("abc"), raw: &zip.FileHeader{Name: "secret", Flags: 1, Method: zip.Store, CompressedSize64: 3, UncompressedSize64: 3}}), "secret: is encrypted"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := openZipBytes(tc.zip, testLimits)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
			if p != nil && tc.name != "duplicate" {
				t.Fatalf("a pack came back from a refused archive")
			}
		})
	}
}

// TestZipLyingHeader: an entry whose header declares 10 bytes but inflates to 4 MiB passes the
// header checks; reading it must fail, not fill memory or disk.
func TestZipLyingHeader(t *testing.T) {
	big := make([]byte, 4<<20)
	comp := deflated(t, big)
	h := &zip.FileHeader{Name: "meshes/square.obj", Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(big),
		CompressedSize64: uint64(len(comp)), UncompressedSize64: 10}
	fsys := demoFS(t)
	delete(fsys, "meshes/square.obj")
	es := []zipEntry{}
	for n, f := range fsys {
		es = append(es, zipEntry{name: n, data: f.Data})
	}
	es = append(es, zipEntry{name: h.Name, data: comp, raw: h})
	p, err := openZipBytes(makeZip(t, es...), testLimits)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fs.ReadFile(p.FS, "meshes/square.obj"); err == nil {
		t.Fatal("reading an entry past its declared size succeeded")
	}
	ps := ValidatePack(t.Context(), p, nil)
	if !strings.Contains(ps.Error(), "t.zip/meshes/square.obj") {
		t.Fatalf("problems %v do not name the entry", ps)
	}
}
