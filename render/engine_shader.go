package render

import "github.com/g3n/engine/renderer/shaders"

// Frames without a section plane draw with g3n's own standard program: the clipping copy of its
// vertex shader (section_gl.go) writes gl_ClipDistance for every vertex, which costs a software
// rasteriser about 5% of a full-detail frame even while clipping is off.
const plainProgram = "osteon_plain"

// addPlainProgram registers g3n's unmodified standard program as plainProgram.
func addPlainProgram(r interface {
	AddShader(name, source string)
	AddProgram(name, vertexName, fragName string, others ...string)
}) {
	r.AddShader(plainProgram+"_vertex", shaders.ShaderSource("standard_vertex"))
	r.AddProgram(plainProgram, plainProgram+"_vertex", "standard_fragment")
}

// programFor is the program structures draw with: the clipping one only while a plane cuts.
func programFor(sec Section) string {
	if sec.On {
		return "standard"
	}
	return plainProgram
}

// useProgram switches the current model's materials to the program spec needs, when it changes
// (GL thread).
func (e *Engine) useProgram(spec *frameSpec) {
	name := programFor(spec.section)
	g := e.current
	if g.program == name {
		return
	}
	for _, p := range g.parts {
		p.mat.SetShader(name)
	}
	g.program = name
}
