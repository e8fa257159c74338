package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"unsafe"

	"github.com/osteon/osteon/content"
)

// Simplified levels are made once per mesh and kept in a cache folder, one file per mesh named
// by the SHA-256 of its positions and indices (and of how levels are made), so a changed mesh
// never gets another mesh's levels. OSTEON_LOD_CACHE names the folder ("off": no cache); by
// default it is osteon/lod under the user's cache folder.

const (
	lodCount   = 3 // levels below the full mesh, each about a quarter of the one before
	lodMinTris = 8 // no level smaller than this
	lodMagic   = "OSTLOD1\n"
)

type meshKey [sha256.Size]byte

// keyOf is the checksum of a mesh's geometry and of the simplifier's settings.
func keyOf(m *content.Mesh) meshKey {
	h := sha256.New()
	fmt.Fprintf(h, "%s levels=%d min=%d\n", lodMagic, lodCount, lodMinTris)
	if len(m.Positions) > 0 {
		h.Write(unsafe.Slice((*byte)(unsafe.Pointer(&m.Positions[0])), 4*len(m.Positions)))
	}
	h.Write([]byte{0})
	if len(m.Indices) > 0 {
		h.Write(unsafe.Slice((*byte)(unsafe.Pointer(&m.Indices[0])), 4*len(m.Indices)))
	}
	var k meshKey
	h.Sum(k[:0])
	return k
}

// LODCacheDir is where simplified levels are kept, or "" for nowhere.
func LODCacheDir() string {
	switch d := os.Getenv("OSTEON_LOD_CACHE"); d {
	case "off":
		return ""
	case "":
	default:
		return d
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(base, "osteon", "lod")
}

func lodPath(dir string, k meshKey) string { return filepath.Join(dir, fmt.Sprintf("%x.lod", k[:])) }

// encodeLevels writes levels as: magic, key, level count, then per level its error, vertex and
// index counts, positions, normals and indices, little-endian.
func encodeLevels(k meshKey, levels []lodLevel) []byte {
	var b bytes.Buffer
	b.WriteString(lodMagic)
	b.Write(k[:])
	le := binary.LittleEndian
	b.Write(le.AppendUint32(nil, uint32(len(levels))))
	for _, l := range levels {
		hdr := le.AppendUint32(nil, math.Float32bits(l.Error))
		hdr = le.AppendUint32(hdr, uint32(len(l.Positions)/3))
		hdr = le.AppendUint32(hdr, uint32(len(l.Indices)))
		b.Write(hdr)
		binary.Write(&b, le, l.Positions)
		binary.Write(&b, le, l.Normals)
		binary.Write(&b, le, l.Indices)
	}
	return b.Bytes()
}

var errBadLOD = errors.New("not a level-of-detail file for this mesh")

// decodeLevels reads what encodeLevels wrote for key k, checking every count against the data.
func decodeLevels(data []byte, k meshKey) ([]lodLevel, error) {
	if len(data) < len(lodMagic)+len(k)+4 || string(data[:len(lodMagic)]) != lodMagic {
		return nil, errBadLOD
	}
	data = data[len(lodMagic):]
	if !bytes.Equal(data[:len(k)], k[:]) {
		return nil, fmt.Errorf("%w: written for another mesh", errBadLOD)
	}
	data = data[len(k):]
	le := binary.LittleEndian
	n := le.Uint32(data)
	data = data[4:]
	if n > lodCount {
		return nil, fmt.Errorf("%w: %d levels", errBadLOD, n)
	}
	levels := make([]lodLevel, n)
	for i := range levels {
		if len(data) < 12 {
			return nil, fmt.Errorf("%w: level %d cut short", errBadLOD, i)
		}
		l := &levels[i]
		l.Error = math.Float32frombits(le.Uint32(data))
		nv, ni := uint64(le.Uint32(data[4:])), uint64(le.Uint32(data[8:]))
		data = data[12:]
		if uint64(len(data)) < 4*(6*nv+ni) || ni%3 != 0 || !(l.Error >= 0) {
			return nil, fmt.Errorf("%w: level %d sizes", errBadLOD, i)
		}
		l.Positions, data = floats(data, 3*nv), data[12*nv:]
		l.Normals, data = floats(data, 3*nv), data[12*nv:]
		l.Indices = make([]uint32, ni)
		for j := range l.Indices {
			if l.Indices[j] = le.Uint32(data[4*j:]); uint64(l.Indices[j]) >= nv {
				return nil, fmt.Errorf("%w: level %d index %d out of range", errBadLOD, i, j)
			}
		}
		data = data[4*ni:]
	}
	if len(data) != 0 {
		return nil, fmt.Errorf("%w: %d bytes left over", errBadLOD, len(data))
	}
	return levels, nil
}

func floats(b []byte, n uint64) []float32 {
	out := make([]float32, n)
	for i := range out {
		out[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
	}
	return out
}

// cachedLevels returns the levels of mesh m, whose key is k: from dir when a file for m is there and sound,
// else made now and written there (best effort: a cache that cannot be written only costs time).
// made reports whether they were made now.
func cachedLevels(dir string, k meshKey, m *content.Mesh) (levels []lodLevel, made bool) {
	if dir != "" {
		if data, err := os.ReadFile(lodPath(dir, k)); err == nil {
			if lv, err := decodeLevels(data, k); err == nil {
				return lv, false
			}
		}
	}
	levels = simplifyLevels(m.Positions, m.Indices, lodCount, lodMinTris)
	if dir != "" && os.MkdirAll(dir, 0o755) == nil {
		tmp, err := os.CreateTemp(dir, "*.tmp")
		if err == nil {
			_, werr := tmp.Write(encodeLevels(k, levels))
			if cerr := tmp.Close(); werr == nil && cerr == nil {
				os.Rename(tmp.Name(), lodPath(dir, k))
			} else {
				os.Remove(tmp.Name())
			}
		}
	}
	return levels, true
}
