package render

import (
	"fmt"
	"math"

	"github.com/g3n/engine/core"
	"github.com/g3n/engine/geometry"
	"github.com/g3n/engine/gls"
	"github.com/g3n/engine/graphic"
	"github.com/g3n/engine/material"
	"github.com/g3n/engine/math32"
	"github.com/osteon/osteon/content"
)

// clipVertexShader is g3n v0.2.0's standard_vertex with one addition: gl_ClipDistance[0] from
// the OsteonClip plane (world frame), used while GL_CLIP_DISTANCE0 is enabled.
const clipVertexShader = `#include <attributes>
uniform mat4 ModelMatrix;
uniform mat4 ModelViewMatrix;
uniform mat3 NormalMatrix;
uniform mat4 MVP;
uniform vec4 OsteonClip;
#include <material>
#include <morphtarget_vertex_declaration>
#include <bones_vertex_declaration>
out vec4 Position;
out vec3 Normal;
out vec2 FragTexcoord;
void main() {
    Position = ModelViewMatrix * vec4(VertexPosition, 1.0);
    Normal = normalize(NormalMatrix * VertexNormal);
    vec2 texcoord = VertexTexcoord;
#if MAT_TEXTURES > 0
    if (MatTexFlipY(0)) {
        texcoord.y = 1.0 - texcoord.y;
    }
#endif
    FragTexcoord = texcoord;
    vec3 vPosition = VertexPosition;
    mat4 finalWorld = mat4(1.0);
    #include <morphtarget_vertex>
    #include <bones_vertex>
    gl_ClipDistance[0] = dot(OsteonClip, ModelMatrix * finalWorld * vec4(vPosition, 1.0));
    gl_Position = MVP * finalWorld * vec4(vPosition, 1.0);
}
`

// skipCaps leaves the cut open (a test proves the caps are what fills it).
var skipCaps bool

// The counting pass's shaders: clip, and write a constant (the colour is masked off). Far cheaper
// per fragment than the lit standard shader on a software rasteriser.
const (
	countVertexShader = `#include <attributes>
uniform mat4 ModelMatrix;
uniform mat4 ModelViewMatrix;
uniform mat3 NormalMatrix;
uniform mat4 MVP;
uniform vec4 OsteonClip;
void main() {
    vec4 p = vec4(VertexPosition, 1.0);
    gl_ClipDistance[0] = dot(OsteonClip, ModelMatrix * p);
    gl_Position = MVP * p;
}
`
	countFragmentShader = `precision highp float;
out vec4 FragColor;
void main() {
    FragColor = vec4(1.0);
}
`
	countProgram = "osteon_count"

	capFragmentShader = `precision highp float;
uniform vec4 OsteonCapColor;
out vec4 FragColor;
void main() {
    FragColor = OsteonCapColor;
}
`
	capProgram = "osteon_cap"
)

// addSectionShaders registers the clipping standard vertex shader and the counting program.
func addSectionShaders(r interface {
	AddShader(name, source string)
	AddProgram(name, vertexName, fragName string, others ...string)
}) {
	r.AddShader("standard_vertex", clipVertexShader)
	r.AddShader(countProgram+"_vertex", countVertexShader)
	r.AddShader(countProgram+"_fragment", countFragmentShader)
	r.AddProgram(countProgram, countProgram+"_vertex", countProgram+"_fragment")
	r.AddShader(capProgram+"_fragment", capFragmentShader)
	r.AddProgram(capProgram, countProgram+"_vertex", capProgram+"_fragment")
}

// clipMesh is a g3n mesh that also hands the shader the section plane.
type clipMesh struct {
	graphic.Mesh
	plane *[4]float32
	uni   gls.Uniform
}

func newClipMesh(geom *geometry.Geometry, mat material.IMaterial, plane *[4]float32) *clipMesh {
	m := &clipMesh{plane: plane}
	m.Mesh.Init(geom, nil)
	m.SetIGraphic(m)
	m.Graphic.AddMaterial(m, mat, 0, 0)
	m.uni.Init("OsteonClip")
	return m
}

// RenderSetup sends the matrices, then the plane.
func (m *clipMesh) RenderSetup(gs *gls.GLS, rinfo *core.RenderInfo) {
	m.Mesh.RenderSetup(gs, rinfo)
	p := m.plane
	gs.Uniform4f(m.uni.Location(gs), p[0], p[1], p[2], p[3])
}

// sectionGL is what capping needs on the GL thread: a scene with the cap quad and, per cut
// structure, a mesh sharing its geometry that counts surfaces into the stencil.
type sectionGL struct {
	scene    *core.Node
	cap      *clipMesh // its "plane" uniform is the cap colour
	capColor [4]float32
	counters map[*glPart]*clipMesh
}

type capKey struct {
	sec   Section
	model *Model
}

func newSectionGL() *sectionGL {
	return &sectionGL{scene: core.NewNode(), counters: map[*glPart]*clipMesh{}}
}

// counter returns the stencil-counting mesh of part p, made the first time.
func (s *sectionGL) counter(p *glPart, plane *[4]float32) *clipMesh {
	if c := s.counters[p]; c != nil {
		return c
	}
	geom := p.mesh.GetGeometry()
	geom.Incref()
	mat := material.NewMaterial()
	mat.SetShader(countProgram)
	mat.SetUseLights(material.UseLightNone)
	mat.SetSide(material.SideDouble)
	mat.SetDepthTest(false)
	mat.SetDepthMask(false)
	c := newClipMesh(geom, mat, plane)
	s.counters[p] = c
	return c
}

// forget frees the counting meshes of a model's parts.
func (s *sectionGL) forget(g *glModel) {
	for _, p := range g.parts {
		if c := s.counters[p]; c != nil {
			c.Dispose()
			delete(s.counters, p)
		}
	}
}

// placeCap moves the cap quad onto the plane over structure i: the rectangle, in the plane,
// around where the plane meets the structure's box, so the fill touches few pixels.
func (s *sectionGL) placeCap(m *Model, i int, sec Section) bool {
	n := sec.Normal
	u := n.Cross(Vec3{1, 0, 0})
	if u.Len() < 0.5 {
		u = n.Cross(Vec3{0, 1, 0})
	}
	u = u.Norm()
	w := n.Cross(u)
	pts := planeBoxPoints(m.parts[i].box, sec)
	if len(pts) == 0 {
		return false
	}
	lo, hi := [2]float64{math.Inf(1), math.Inf(1)}, [2]float64{math.Inf(-1), math.Inf(-1)}
	for _, p := range pts {
		a, b := p.Dot(u), p.Dot(w)
		lo, hi = [2]float64{min(lo[0], a), min(lo[1], b)}, [2]float64{max(hi[0], a), max(hi[1], b)}
	}
	o := n.Scale(sec.Offset)
	at := func(a, b float64) Vec3 { return o.Add(u.Scale(a)).Add(w.Scale(b)) }
	pos := make(math32.ArrayF32, 0, 12)
	for _, c := range [4]Vec3{at(lo[0], lo[1]), at(hi[0], lo[1]), at(hi[0], hi[1]), at(lo[0], hi[1])} {
		pos.Append(float32(c[0]), float32(c[1]), float32(c[2]))
	}
	if s.cap == nil {
		geom := geometry.NewGeometry()
		geom.AddVBO(gls.NewVBO(pos).AddAttrib(gls.VertexPosition))
		geom.SetIndices(math32.ArrayU32{0, 1, 2, 0, 2, 3})
		mat := material.NewMaterial()
		mat.SetShader(capProgram)
		mat.SetUseLights(material.UseLightNone)
		mat.SetSide(material.SideDouble)
		s.cap = newClipMesh(geom, mat, &s.capColor)
		s.cap.uni.Init("OsteonCapColor")
		s.scene.Add(s.cap)
		return true
	}
	s.cap.GetGeometry().VBO(gls.VertexPosition).SetBuffer(pos)
	return true
}

// planeBoxPoints are where the plane crosses the edges of box b.
func planeBoxPoints(b content.Box, sec Section) []Vec3 {
	var corners [8]Vec3
	var dist [8]float64
	for c := range corners {
		p := v3(b.Min)
		for k := 0; k < 3; k++ {
			if c&(1<<k) != 0 {
				p[k] = float64(b.Max[k])
			}
		}
		corners[c], dist[c] = p, sec.Normal.Dot(p)-sec.Offset
	}
	var pts []Vec3
	for c := range corners {
		for k := 0; k < 3; k++ {
			d := c | 1<<k
			if d == c || (dist[c] < 0) == (dist[d] < 0) {
				continue
			}
			t := dist[c] / (dist[c] - dist[d])
			pts = append(pts, corners[c].Lerp(corners[d], t))
		}
	}
	return pts
}

// capShade is the cap's colour lit as the standard shader lights a surface facing the camera
// along the plane's normal: ambient, the camera light and the fixed back light.
func capShade(v visual, n, toEye Vec3) [4]float32 {
	back := Vec3{0.3, 1, 0.4}.Norm()
	k := 0.45 + 0.75*math.Abs(n.Dot(toEye)) + 0.25*math.Abs(n.Dot(back))
	var c [4]float32
	for i := range 3 {
		c[i] = float32(min(1, float64(v.color[i])*k+float64(v.emissive[i])))
	}
	c[3] = 1
	return c
}

// drawCaps fills the cut of every solid structure the plane crosses (GL thread, after the
// clipped scene is drawn). Per structure: count its surfaces into the stencil's parity bit with
// clipping on; where the parity is odd the pixel's ray meets the plane inside the structure, so
// the cap quad is drawn there in the structure's colour (depth-tested against the scene).
func (e *Engine) drawCaps(spec *frameSpec, cam *fixedCamera) error {
	if skipCaps {
		return nil
	}
	if e.sec == nil {
		e.sec = newSectionGL()
	}
	s := e.sec
	toEye := spec.eye.Sub(spec.target).Norm()
	defer glStencilOff()
	for _, i := range spec.cuts {
		v := spec.visuals[i]
		if !v.visible || v.color[3] < 1 || i >= len(e.current.parts) || !s.placeCap(spec.model, i, spec.section) {
			continue
		}
		counter := s.counter(e.current.parts[i], &e.clipPlane)
		s.cap.SetVisible(false)
		s.scene.Add(counter)
		glClip(true)
		glStencilCount()
		err := e.rend.Render(s.scene, cam)
		s.scene.Remove(counter)
		if err != nil {
			return fmt.Errorf("render: section: count surfaces: %w", err)
		}
		glClip(false)
		glStencilFill()
		s.capColor = capShade(v, spec.section.Normal, toEye)
		s.cap.SetVisible(true)
		if err := e.rend.Render(s.scene, cam); err != nil {
			return fmt.Errorf("render: section: draw cap: %w", err)
		}
	}
	return nil
}
