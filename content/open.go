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
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, &Error{File: name, Msg: fmt.Sprintf("cannot read: %v", unwrapPathError(err))}
	}
	switch ext := strings.ToLower(path.Ext(name)); {
	case ext == ".obj":
		return ParseOBJ(data, name, DetectOBJOptions(data))
	case ext == ".glb" || ext == ".gltf" || bytes.HasPrefix(data, []byte("glTF")):
		s, _, err := parseGLTFOwned(data, name, fsys) // data was read here, for this alone
		return s, err
	default:
		return nil, &Error{File: name, Msg: "not a model file Osteon can open (glTF .glb/.gltf or Wavefront .obj)"}
	}
}
