package content

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// maxModelFile bounds the size of a model file read whole into memory.
const maxModelFile = 1 << 30

// OpenFile loads a model file from disk: glTF 2.0 (.glb, .gltf) or Wavefront OBJ (.obj).
func OpenFile(name string) (*Scene, error) {
	abs, err := filepath.Abs(name)
	if err != nil {
		return nil, &Error{File: name, Msg: err.Error()}
	}
	s, err := Load(os.DirFS(filepath.Dir(abs)), filepath.Base(abs))
	if err != nil {
		// Name the file as the user gave it.
		if e, ok := err.(*Error); ok && e.File == filepath.Base(abs) {
			e.File = name
		}
		return nil, err
	}
	s.Source = name
	return s, nil
}

// Load reads a model called name from fsys, choosing the format by extension and, failing
// that, by content.
func Load(fsys fs.FS, name string) (*Scene, error) {
	if st, err := fs.Stat(fsys, name); err == nil && st.Size() > maxModelFile {
		return nil, &Error{File: name, Msg: fmt.Sprintf("file is %d bytes; the limit is %d", st.Size(), maxModelFile)}
	}
	ext := strings.ToLower(path.Ext(name))
	if ext == ".glb" || ext == ".gltf" {
		return loadGLTFScratch(fsys, name)
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, &Error{File: name, Msg: fmt.Sprintf("cannot read: %v", unwrapPathError(err))}
	}
	switch {
	case ext == ".obj":
		return ParseOBJ(data, name, DetectOBJOptions(data))
	case bytes.HasPrefix(data, []byte("glTF")):
		s, _, err := parseGLTFOwned(data, name, fsys) // data was read here, for this alone
		return s, err
	default:
		return nil, &Error{File: name, Msg: "not a model file Osteon can open (glTF .glb/.gltf or Wavefront .obj)"}
	}
}

// loadGLTFScratch reads a glTF file into a reused buffer (readScratch) and parses it copying
// everything it keeps, so the buffer can serve the next file; a file too big for that is read
// into its own buffer, which its meshes then use in place (parseGLTFOwned).
func loadGLTFScratch(fsys fs.FS, name string) (*Scene, error) {
	data, release, pooled, err := readScratch(fsys, name, maxModelFile, func() ([]byte, error) { return fs.ReadFile(fsys, name) })
	if err != nil {
		return nil, &Error{File: name, Msg: fmt.Sprintf("cannot read: %v", unwrapPathError(err))}
	}
	if !pooled {
		s, _, err := parseGLTFOwned(data, name, fsys)
		return s, err
	}
	s, _, err := parseGLTF(data, name, fsys, ExtrasKeys{}, false)
	release() // nothing in s refers to data: the copying parse copies
	return s, err
}
