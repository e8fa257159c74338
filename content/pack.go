package content

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// Pack is a model pack: its manifest, its files and where it was found. Packs are opened from a
// folder, a .zip or an fs.FS (the built-in pack) and listed by a Library.
type Pack struct {
	Manifest
	FS      fs.FS    // the pack's files, rooted at the folder that holds pack.toml
	Files   []string // every file in the pack, slash-separated, sorted
	Size    int64    // total bytes of Files
	Source  string   // what it was opened from: a folder, a .zip, or "built-in"
	Origin  Origin   // where it is installed; OriginNone when opened from a path
	Dir     string   // its folder on disk; empty for the built-in pack and zips
	Shadows []*Pack  // copies of the same id, in other places or older, that this one hides

	problems Problems // the manifest's own problems, found when it was opened
	closer   io.Closer
}

// Close releases the archive a pack was read from, if any.
func (p *Pack) Close() error {
	if p == nil || p.closer == nil {
		return nil
	}
	err := p.closer.Close()
	p.closer = nil
	return err
}

// Name gives a file of the pack the name used in messages: the source joined with its path in
// the pack ("upper-limb.zip/pack.toml", "/usr/share/osteon/packs/demo/meshes/a.obj").
func (p *Pack) Name(file string) string { return sourceName(p.Source, file) }

func sourceName(source, file string) string {
	if source == "" {
		return file
	}
	return source + "/" + file
}

// SystemCount is the number of structures in one body system.
type SystemCount struct {
	System string
	Count  int
}

// SystemCounts counts the pack's structures per system, largest first; structures with no
// system count as "other".
func (p *Pack) SystemCounts() []SystemCount {
	n := map[string]int{}
	for _, s := range p.Structures {
		n[firstNonEmpty(strings.ToLower(s.System), "other")]++
	}
	out := make([]SystemCount, 0, len(n))
	for sys, c := range n {
		out = append(out, SystemCount{sys, c})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].System < out[j].System
	})
	return out
}

// Limits bound what a pack may hold, so a hostile folder or archive cannot fill the disk.
type Limits struct {
	MaxFiles int     // files (archive entries, folders included)
	MaxBytes int64   // total uncompressed bytes
	MaxRatio float64 // uncompressed/compressed size of one archive entry over 1 MiB
}

// DefaultLimits are the limits used when none are given.
var DefaultLimits = Limits{MaxFiles: 10000, MaxBytes: 2 << 30, MaxRatio: 100}

// OpenPack reads the pack whose pack.toml is at the root of fsys; source names it in messages.
// It reads the manifest and lists the files; ValidatePack checks the rest. When the manifest has
// problems the error is a Problems and the pack is still returned if pack.toml could be read as
// TOML, so a listing can show a broken pack.
func OpenPack(fsys fs.FS, source string) (*Pack, error) {
	return openPack(fsys, source, DefaultLimits)
}

func openPack(fsys fs.FS, source string, lim Limits) (*Pack, error) {
	p := &Pack{FS: fsys, Source: source}
	files, size, ps := listFiles(fsys, source, lim)
	p.Files, p.Size = files, size
	if len(ps) > 0 {
		return nil, ps
	}
	data, err := readLimited(fsys, ManifestName, maxManifest)
	if err != nil {
		return nil, Problems{{File: p.Name(ManifestName), Msg: notReadable(err)}}
	}
	m, ps := ParseManifest(data, p.Name(ManifestName))
	if m == nil {
		return nil, ps
	}
	p.Manifest = *m
	p.problems = ps
	return p, ps.Err()
}

func notReadable(err error) string {
	if errors.Is(err, fs.ErrNotExist) {
		return "missing: a pack has pack.toml at its root"
	}
	return fmt.Sprintf("cannot read: %v", unwrapPathError(err))
}

// listFiles walks fsys, refusing links and special files and enforcing the limits.
func listFiles(fsys fs.FS, source string, lim Limits) ([]string, int64, Problems) {
	var files []string
	var size int64
	var ps Problems
	n := 0
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			ps.add(sourceName(source, p), 0, "", "cannot read: %v", unwrapPathError(err))
			return nil
		}
		if n++; n > lim.MaxFiles {
			ps.add(source, 0, "", "more than %d files; the limit is %d", lim.MaxFiles, lim.MaxFiles)
			return fs.SkipAll
		}
		switch t := d.Type(); {
		case d.IsDir():
			return nil
		case t&fs.ModeSymlink != 0:
			ps.add(sourceName(source, p), 0, "", "is a link; packs may hold only plain files and folders")
			return nil
		case !t.IsRegular():
			ps.add(sourceName(source, p), 0, "", "is not a plain file (%v)", t)
			return nil
		}
		info, err := d.Info()
		if err != nil {
			ps.add(sourceName(source, p), 0, "", "cannot read: %v", unwrapPathError(err))
			return nil
		}
		if size += info.Size(); size > lim.MaxBytes {
			ps.add(source, 0, "", "more than %d bytes; the limit is %d", lim.MaxBytes, lim.MaxBytes)
			return fs.SkipAll
		}
		files = append(files, p)
		return nil
	})
	if err != nil {
		ps.add(source, 0, "", "cannot read: %v", err)
	}
	sort.Strings(files)
	return files, size, ps
}

// readLimited reads a file of at most max bytes, into one buffer of its size when the file
// says its size.
func readLimited(fsys fs.FS, name string, max int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := int64(512)
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		if st.Size() > max {
			return nil, fmt.Errorf("file is %d bytes; the limit is %d", st.Size(), max)
		}
		size = st.Size() + 1 // one more byte to see the end (or growth)
	}
	buf := bytes.NewBuffer(make([]byte, 0, size))
	if _, err := buf.ReadFrom(io.LimitReader(f, max+1)); err != nil {
		return nil, err
	}
	if int64(buf.Len()) > max {
		return nil, fmt.Errorf("file is larger than %d bytes", max)
	}
	return buf.Bytes(), nil
}

// OpenPackPath opens a pack from a folder or a .zip file on disk. A zip may hold the pack at its
// root or inside one top-level folder. Close the pack when done.
func OpenPackPath(name string) (*Pack, error) {
	st, err := os.Stat(name)
	if err != nil {
		return nil, Problems{{File: name, Msg: notReadable(err)}}
	}
	if !st.IsDir() {
		return openZipFile(name, DefaultLimits)
	}
	abs, err := filepath.Abs(name)
	if err != nil {
		return nil, Problems{{File: name, Msg: err.Error()}}
	}
	p, err := OpenPack(os.DirFS(abs), name)
	if p != nil {
		p.Dir = abs
	}
	return p, err
}

// hasFile reports whether the pack lists file.
func (p *Pack) hasFile(file string) bool {
	i := sort.SearchStrings(p.Files, file)
	return i < len(p.Files) && p.Files[i] == file
}

// similarFile suggests a listed file with the same name in another case or folder.
func (p *Pack) similarFile(file string) string {
	base := strings.ToLower(path.Base(file))
	for _, f := range p.Files {
		if strings.EqualFold(f, file) || strings.ToLower(path.Base(f)) == base {
			return f
		}
	}
	return ""
}
