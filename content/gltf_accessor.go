package content

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"sort"
	"unsafe"
)

// littleEndian reports whether this machine stores numbers as glTF does, so tightly packed
// arrays can be copied, or used where they lie, without converting each value.
var littleEndian = func() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}()

// maxClaims bounds how many arrays of one file are used in place; later ones are copied. It keeps
// the overlap check cheap on hostile files with very many accessors.
const maxClaims = 1 << 12

// accView is an accessor checked against its buffer view: its elements start at data[start] and
// are stride bytes apart. owned says the loader may keep and change those bytes (see claim).
type accView struct {
	acc           *gltfAccessor
	data          []byte
	start, stride int64
	owned         bool
}

// packed returns the accessor's bytes when its elements of size bytes are tightly packed, on a
// little-endian machine.
func (v accView) packed(size int64) ([]byte, bool) {
	if v.stride != size || !littleEndian {
		return nil, false
	}
	return v.data[v.start : v.start+size*v.acc.Count], true
}

// accessorBytes checks accessor ai against its buffer view and returns where its elements lie.
func (g *gltfLoader) accessorBytes(ai int, field string, elem int64) (accView, error) {
	if ai < 0 || ai >= len(g.doc.Accessors) {
		return accView{}, errorf(g.file, field, "accessor %d does not exist (%d accessors)", ai, len(g.doc.Accessors))
	}
	acc := &g.doc.Accessors[ai]
	af := func() string { return fmt.Sprintf("accessors[%d]", ai) } // only for messages
	if acc.Count < 0 || acc.Count > maxAccessorCount {
		return accView{}, errorf(g.file, af()+".count", "count %d out of range", acc.Count)
	}
	if len(acc.Sparse) > 0 && string(acc.Sparse) != "null" {
		return accView{}, errorf(g.file, af()+".sparse", "sparse accessors are not supported")
	}
	if acc.BufferView == nil {
		return accView{acc: acc, data: make([]byte, acc.Count*elem), stride: elem, owned: true}, nil
	}
	vi := *acc.BufferView
	if vi < 0 || vi >= len(g.doc.BufferViews) {
		return accView{}, errorf(g.file, af()+".bufferView", "buffer view %d does not exist", vi)
	}
	v := &g.doc.BufferViews[vi]
	vf := func() string { return fmt.Sprintf("bufferViews[%d]", vi) }
	if v.Buffer < 0 || v.Buffer >= len(g.buffers) {
		return accView{}, errorf(g.file, vf()+".buffer", "buffer %d does not exist", v.Buffer)
	}
	buf := g.buffers[v.Buffer]
	if v.ByteOffset < 0 || v.ByteLength < 0 || v.ByteOffset > int64(len(buf)) || v.ByteLength > int64(len(buf))-v.ByteOffset {
		return accView{}, errorf(g.file, vf(), "range %d+%d is outside buffer %d (%d bytes)", v.ByteOffset, v.ByteLength, v.Buffer, len(buf))
	}
	data := buf[v.ByteOffset : v.ByteOffset+v.ByteLength]
	stride := elem
	if v.ByteStride > 0 {
		stride = v.ByteStride
	}
	if stride < elem || stride > 252 {
		return accView{}, errorf(g.file, vf()+".byteStride", "stride %d does not fit elements of %d bytes", stride, elem)
	}
	if acc.ByteOffset < 0 || (acc.Count > 0 && acc.ByteOffset+stride*(acc.Count-1)+elem > int64(len(data))) {
		return accView{}, errorf(g.file, af(), "%d elements from offset %d run past the end of buffer view %d (%d bytes)", acc.Count, acc.ByteOffset, vi, len(data))
	}
	return accView{acc: acc, data: data, start: acc.ByteOffset, stride: stride, owned: g.ownedBuf[v.Buffer]}, nil
}

// span is a claimed byte range [lo, hi) of a buffer the loader owns.
type span struct{ lo, hi uintptr }

// claim reports whether raw, bytes of a buffer the loader owns, may become a mesh's array as
// they lie: 4-byte aligned, and no byte of them already claimed by another array. Claimed bytes
// are changed in place later (world transforms, winding), so an accessor used twice, or two
// accessors over the same bytes, are used in place at most once; the other uses copy, which is
// why transforms wait until every accessor has been read (gltfLoader.scene).
func (g *gltfLoader) claim(raw []byte) bool {
	if len(raw) == 0 || len(g.claimed) >= maxClaims {
		return false
	}
	lo := uintptr(unsafe.Pointer(unsafe.SliceData(raw)))
	if lo%4 != 0 {
		return false
	}
	hi := lo + uintptr(len(raw))
	i := sort.Search(len(g.claimed), func(i int) bool { return g.claimed[i].hi > lo })
	if i < len(g.claimed) && g.claimed[i].lo < hi {
		return false
	}
	g.claimed = slices.Insert(g.claimed, i, span{lo, hi})
	return true
}

// words returns raw (a multiple of 4 bytes) as 4-byte numbers: raw itself when owned and
// claimable, else a copy. The result's capacity equals its length, so appending to it copies
// rather than writing over the bytes after it.
func words[T float32 | uint32](g *gltfLoader, raw []byte, owned bool) []T {
	n := len(raw) / 4
	if n == 0 {
		return make([]T, 0)
	}
	if !owned || !g.claim(raw) {
		raw = cloneAligned(raw)
	}
	return unsafe.Slice((*T)(unsafe.Pointer(unsafe.SliceData(raw))), n)
}

// cloneAligned copies raw into new 4-byte aligned memory, without first zeroing it.
func cloneAligned(raw []byte) []byte {
	c := append([]byte(nil), raw...)
	if uintptr(unsafe.Pointer(unsafe.SliceData(c)))%4 != 0 { // not seen: the allocator aligns
		w := make([]uint32, (len(raw)+3)/4)
		c = unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(w))), len(raw))
		copy(c, raw)
	}
	return c[:len(raw):len(raw)]
}

// nonFinite returns the index of the first NaN or infinity in f, or -1. It looks at the bits:
// a value whose exponent bits are all set carries into bit 31 when one more is added to them.
func nonFinite(f []float32) int {
	u := unsafe.Slice((*uint32)(unsafe.Pointer(unsafe.SliceData(f))), len(f))
	const exp = 0x7f800000
	acc := uint64(0)
	if uintptr(unsafe.Pointer(unsafe.SliceData(f)))%8 == 0 { // two values at a time
		u2 := unsafe.Slice((*uint64)(unsafe.Pointer(unsafe.SliceData(f))), len(f)/2)
		for _, x := range u2 {
			acc |= x&(exp<<32|exp) + (0x00800000<<32 | 0x00800000)
		}
		u = u[2*len(u2):]
	}
	for _, x := range u {
		acc |= uint64(x&exp + 0x00800000)
	}
	if acc&(1<<63|1<<31) == 0 {
		return -1
	}
	u = unsafe.Slice((*uint32)(unsafe.Pointer(unsafe.SliceData(f))), len(f))
	for i, x := range u {
		if x&exp == exp {
			return i
		}
	}
	return -1
}

func (g *gltfLoader) floatVec3(ai int, field string) ([]float32, error) {
	if ai >= 0 && ai < len(g.doc.Accessors) {
		a := &g.doc.Accessors[ai]
		if a.ComponentType != compFloat || a.Type != "VEC3" {
			return nil, errorf(g.file, fmt.Sprintf("accessors[%d]", ai), "%s must be float VEC3 (got componentType %d, type %q)", field, a.ComponentType, a.Type)
		}
	}
	v, err := g.accessorBytes(ai, field, 12)
	if err != nil {
		return nil, err
	}
	var out []float32
	if raw, ok := v.packed(12); ok {
		out = words[float32](g, raw, v.owned)
	} else {
		out = make([]float32, 3*v.acc.Count)
		for i := range out {
			p := v.data[v.start+int64(i/3)*v.stride+int64(i%3)*4:]
			out[i] = math.Float32frombits(binary.LittleEndian.Uint32(p))
		}
	}
	if i := nonFinite(out); i >= 0 {
		return nil, errorf(g.file, fmt.Sprintf("accessors[%d]", ai), "element %d is not a finite number", i/3)
	}
	return out, nil
}

func (g *gltfLoader) indices(ai int, field string, nv int) ([]uint32, error) {
	if ai < 0 || ai >= len(g.doc.Accessors) {
		return nil, errorf(g.file, field, "accessor %d does not exist (%d accessors)", ai, len(g.doc.Accessors))
	}
	var size int64
	switch g.doc.Accessors[ai].ComponentType {
	case compUByte:
		size = 1
	case compUShort:
		size = 2
	case compUInt:
		size = 4
	default:
		return nil, errorf(g.file, fmt.Sprintf("accessors[%d].componentType", ai), "%s must be unsigned integers (got %d)", field, g.doc.Accessors[ai].ComponentType)
	}
	v, err := g.accessorBytes(ai, field, size)
	if err != nil {
		return nil, err
	}
	var out []uint32
	var hi uint32 // the largest index
	raw, packed := v.packed(size)
	switch {
	case packed && size == 4:
		out = words[uint32](g, raw, v.owned)
		hi = maxOf(out)
	case packed && size == 2 && uintptr(unsafe.Pointer(unsafe.SliceData(raw)))%2 == 0:
		out, hi = widen(unsafe.Slice((*uint16)(unsafe.Pointer(unsafe.SliceData(raw))), len(raw)/2))
	case packed && size == 1:
		out, hi = widen(raw)
	default:
		out = make([]uint32, v.acc.Count)
		for i := range out {
			p := v.data[v.start+int64(i)*v.stride:]
			switch size {
			case 1:
				out[i] = uint32(p[0])
			case 2:
				out[i] = uint32(binary.LittleEndian.Uint16(p))
			default:
				out[i] = binary.LittleEndian.Uint32(p)
			}
		}
		hi = maxOf(out)
	}
	if len(out) > 0 && hi >= uint32(nv) {
		i := slices.IndexFunc(out, func(x uint32) bool { return x >= uint32(nv) })
		return nil, errorf(g.file, fmt.Sprintf("accessors[%d]", ai), "index %d at element %d is past the %d vertices", out[i], i, nv)
	}
	return out, nil
}

// widen converts small indices to uint32 and returns the largest.
func widen[T uint8 | uint16](in []T) ([]uint32, uint32) {
	out := make([]uint32, len(in))
	hi := T(0)
	for i, x := range in {
		out[i] = uint32(x)
		hi = max(hi, x)
	}
	return out, uint32(hi)
}

// maxOf returns the largest index, 0 for none.
func maxOf(idx []uint32) uint32 {
	hi := uint32(0)
	for _, x := range idx {
		hi = max(hi, x)
	}
	return hi
}
