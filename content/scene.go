// Package content reads anatomy content: 3D scenes (glTF 2.0, OBJ) whose meshes are named
// structures, and model packs (pack.toml with structures, meshes, procedures and quiz files; see
// FORMAT.md): validating them, finding them where they are installed, installing and removing
// them without ever leaving half a pack, importing them from BodyParts3D-style OBJ sets and
// glTF scenes (one or a folder of them, reading what open sources such as the Human Reference
// Atlas put in their extras), and fetching the open sets of its catalog (Library.Get, the only
// code that uses the network). The `osteon pack` commands over these live in package main. It
// imports only the standard library
// and BurntSushi/toml, takes an fs.FS where it reads files, and never panics on bad input: every
// problem comes back as an error that names the file and the field.
package content

import (
	"fmt"
	"math"
	mbits "math/bits"
)

// Mesh is indexed triangle geometry in the scene's frame (glTF convention: Y up, metres), laid out
// the way it is uploaded to the GPU: three floats per vertex position and normal, three indices per
// triangle.
type Mesh struct {
	Positions []float32
	Normals   []float32
	Indices   []uint32
}

// VertexCount is the number of vertices.
func (m *Mesh) VertexCount() int { return len(m.Positions) / 3 }

// TriangleCount is the number of triangles.
func (m *Mesh) TriangleCount() int { return len(m.Indices) / 3 }

// Bounds returns the axis-aligned box of the vertices that triangles use. An empty mesh returns
// an empty box.
//
// It marks the vertices used and then reads each one once, in order: the same box (min and max
// do not depend on order) for fewer, cache-friendly reads. An index past the vertices panics, as
// indexing Positions does.
func (m *Mesh) Bounds() Box {
	nv := len(m.Positions) / 3
	used := make([]uint64, (nv+63)/64)
	for _, i := range m.Indices {
		if int(i) >= nv {
			panic(fmt.Sprintf("content: Mesh.Bounds: index %d past %d vertices", i, nv))
		}
		used[i/64] |= 1 << (i % 64)
	}
	b := EmptyBox()
	for w, bits := range used {
		if bits == ^uint64(0) {
			b = b.extendAll(m.Positions[3*64*w : 3*64*(w+1)])
			continue
		}
		for ; bits != 0; bits &= bits - 1 {
			j := 3 * (64*w + mbits.TrailingZeros64(bits))
			b = b.extendAll(m.Positions[j : j+3])
		}
	}
	return b
}

// extendAll returns the box grown to contain the points p (x, y, z, x, y, z...).
func (b Box) extendAll(p []float32) Box {
	x0, y0, z0, x1, y1, z1 := b.Min[0], b.Min[1], b.Min[2], b.Max[0], b.Max[1], b.Max[2]
	for ; len(p) >= 3; p = p[3:] {
		x0, x1 = min(x0, p[0]), max(x1, p[0])
		y0, y1 = min(y0, p[1]), max(y1, p[1])
		z0, z1 = min(z0, p[2]), max(z1, p[2])
	}
	return Box{Vec3{x0, y0, z0}, Vec3{x1, y1, z1}}
}

// Vec3 is a point or direction.
type Vec3 [3]float32

// Box is an axis-aligned bounding box.
type Box struct{ Min, Max Vec3 }

// EmptyBox returns a box that contains nothing; extending it with a point gives that point.
func EmptyBox() Box {
	inf := float32(math.Inf(1))
	return Box{Min: Vec3{inf, inf, inf}, Max: Vec3{-inf, -inf, -inf}}
}

// Empty reports whether the box contains no point.
func (b Box) Empty() bool { return b.Min[0] > b.Max[0] }

// Extend returns the box grown to contain p.
func (b Box) Extend(p Vec3) Box {
	for k := 0; k < 3; k++ {
		b.Min[k] = min(b.Min[k], p[k])
		b.Max[k] = max(b.Max[k], p[k])
	}
	return b
}

// Union returns the smallest box holding both.
func (b Box) Union(o Box) Box {
	if o.Empty() {
		return b
	}
	return b.Extend(o.Min).Extend(o.Max)
}

// Center is the middle of the box.
func (b Box) Center() Vec3 {
	return Vec3{(b.Min[0] + b.Max[0]) / 2, (b.Min[1] + b.Max[1]) / 2, (b.Min[2] + b.Max[2]) / 2}
}

// Radius is half the diagonal: the radius of a sphere around Center that holds the box.
func (b Box) Radius() float32 {
	if b.Empty() {
		return 0
	}
	dx, dy, dz := b.Max[0]-b.Min[0], b.Max[1]-b.Min[1], b.Max[2]-b.Min[2]
	return float32(math.Sqrt(float64(dx*dx+dy*dy+dz*dz))) / 2
}

// Structure is one named anatomical structure: what a learner selects, hides or is asked about.
type Structure struct {
	ID          string // stable id: an FMA or UBERON id where known ("FMA23130"), else pack-local
	Name        string // English name
	NameLatin   string // Terminologia Anatomica
	Synonyms    []string
	Names       map[string]string // names in other languages, by BCP 47 tag ("fr", "pt-BR")
	System      string            // skeletal, muscular, cardiovascular, nervous, ...
	Region      string            // shoulder, arm, forearm, ...
	Side        string            // left, right or empty
	Parent      string            // id of the parent structure, if any
	Concept     string            // the concept several meshes show ("renal pyramid"); "" for its own
	Color       Color             // default colour; zero means "not given"
	Ghosted     bool              // shown translucent by default (skin)
	Hidden      bool              // hidden until the learner shows it
	Description string
	Origin      string
	Insertion   string
	Innervation string
	BloodSupply string
	Credit      string            // per-structure credit, when it differs from the scene's
	Extras      map[string]string // other scalar fields found with the structure
}

// Color is a straight (not premultiplied) RGBA colour; A == 0 means "not given".
type Color struct{ R, G, B, A uint8 }

// Part is a structure with its geometry.
type Part struct {
	Structure
	Mesh Mesh
}

// Scene is a loaded model: structures with meshes in one frame, and where it came from.
type Scene struct {
	Title       string
	Source      string // file the scene was read from
	Attribution string // credit to show with the model (glTF asset.copyright, OBJ header)
	Schematic   bool   // drawn for teaching, not from patient anatomy
	Parts       []Part
	Warnings    []string // problems that did not stop the load (skipped primitives, odd fields)
}

// Bounds is the box around every part.
func (s *Scene) Bounds() Box {
	b := EmptyBox()
	for i := range s.Parts {
		b = b.Union(s.Parts[i].Mesh.Bounds())
	}
	return b
}

// Part returns the part with the given id, or nil.
func (s *Scene) Part(id string) *Part {
	for i := range s.Parts {
		if s.Parts[i].ID == id {
			return &s.Parts[i]
		}
	}
	return nil
}

// Error is a problem with input, naming the file and, where it can, the field (and line).
type Error struct {
	File  string
	Line  int    // 1-based; 0 when not known
	Field string // e.g. `accessors[3].count`, `nodes[2].extras.system`
	Msg   string
}

func (e *Error) Error() string {
	loc := e.File
	if e.Line > 0 {
		loc = fmt.Sprintf("%s:%d", loc, e.Line)
	}
	if e.Field != "" {
		return fmt.Sprintf("%s: %s: %s", loc, e.Field, e.Msg)
	}
	return fmt.Sprintf("%s: %s", loc, e.Msg)
}

func errorf(file, field, format string, args ...any) *Error {
	return &Error{File: file, Field: field, Msg: fmt.Sprintf(format, args...)}
}
