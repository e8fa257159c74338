package render

import (
	"fmt"

	"github.com/g3n/engine/core"
	"github.com/g3n/engine/geometry"
	"github.com/g3n/engine/gls"
	"github.com/g3n/engine/graphic"
	"github.com/g3n/engine/light"
	"github.com/g3n/engine/material"
	"github.com/g3n/engine/math32"
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
	light    *light.Directional
	cap      *graphic.Mesh
	capMat   *material.Standard
	capKey   capKey
	counters map[*glPart]*clipMesh
}

type capKey struct {
	sec   Section
	model *Model
}

func newSectionGL() *sectionGL {
	s := &sectionGL{scene: core.NewNode(), counters: map[*glPart]*clipMesh{}}
	// The same lights as the main scene, so the same shader program serves both.
	s.scene.Add(light.NewAmbient(&math32.Color{R: 1, G: 1, B: 1}, 0.45))
	s.light = light.NewDirectional(&math32.Color{R: 1, G: 1, B: 1}, 0.75)
	s.scene.Add(s.light)
	back := light.NewDirectional(&math32.Color{R: 1, G: 0.97, B: 0.92}, 0.25)
	back.SetPosition(0.3, 1, 0.4)
	s.scene.Add(back)
	s.capMat = material.NewStandard(&math32.Color{R: 1, G: 1, B: 1})
	s.capMat.SetSide(material.SideDouble)
	s.capMat.SetSpecularColor(&math32.Color{})
	return s
}

// counter returns the stencil-counting mesh of part p, made the first time.
func (s *sectionGL) counter(p *glPart, plane *[4]float32) *clipMesh {
	if c := s.counters[p]; c != nil {
		return c
	}
	geom := p.mesh.GetGeometry()
	geom.Incref()
	mat := material.NewStandard(&math32.Color{})
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

// placeCap builds the cap quad: a square on the plane covering the model's bounding sphere.
func (s *sectionGL) placeCap(m *Model, sec Section) {
	k := capKey{sec: sec, model: m}
	if s.cap != nil && s.capKey == k {
		return
	}
	if s.cap != nil {
		s.scene.Remove(s.cap)
		s.cap.GetGeometry().Dispose()
	}
	sp := SphereOf(m.Bounds)
	n := sec.Normal
	c := sp.Center.Sub(n.Scale(n.Dot(sp.Center) - sec.Offset))
	u := n.Cross(Vec3{1, 0, 0})
	if u.Len() < 0.5 {
		u = n.Cross(Vec3{0, 1, 0})
	}
	u = u.Norm().Scale(sp.Radius * 1.1)
	w := n.Cross(u)
	var pos, nor math32.ArrayF32
	for _, corner := range [4]Vec3{c.Sub(u).Sub(w), c.Add(u).Sub(w), c.Add(u).Add(w), c.Sub(u).Add(w)} {
		pos.Append(float32(corner[0]), float32(corner[1]), float32(corner[2]))
		nor.Append(float32(n[0]), float32(n[1]), float32(n[2]))
	}
	geom := geometry.NewGeometry()
	geom.AddVBO(gls.NewVBO(pos).AddAttrib(gls.VertexPosition))
	geom.AddVBO(gls.NewVBO(nor).AddAttrib(gls.VertexNormal))
	geom.SetIndices(math32.ArrayU32{0, 1, 2, 0, 2, 3})
	s.cap = graphic.NewMesh(geom, s.capMat)
	s.scene.Add(s.cap)
	s.capKey = k
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
	s.placeCap(spec.model, spec.section)
	d := spec.eye.Sub(spec.target).Norm()
	s.light.SetPosition(float32(d[0]), float32(d[1]), float32(d[2]))
	defer glStencilOff()
	for _, i := range spec.cuts {
		v := spec.visuals[i]
		if !v.visible || v.color[3] < 1 || i >= len(e.current.parts) {
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
		s.capMat.SetColor(&math32.Color{R: v.color[0], G: v.color[1], B: v.color[2]})
		s.capMat.SetEmissiveColor(&math32.Color{R: v.emissive[0], G: v.emissive[1], B: v.emissive[2]})
		s.cap.SetVisible(true)
		if err := e.rend.Render(s.scene, cam); err != nil {
			return fmt.Errorf("render: section: draw cap: %w", err)
		}
	}
	return nil
}
