package render

import (
	"math"

	"github.com/g3n/engine/core"
	"github.com/g3n/engine/geometry"
	"github.com/g3n/engine/gls"
	"github.com/g3n/engine/graphic"
	"github.com/g3n/engine/material"
)

// skipCaps leaves the cut open (a test proves the caps are what fills it).
var skipCaps bool

// addSectionShaders replaces g3n's standard vertex shader by the clipping one and adds the cap
// program.
func addSectionShaders(r interface {
	AddShader(name, source string)
	AddProgram(name, vertexName, fragName string, others ...string)
}) {
	r.AddShader("standard_vertex", clipVertexShader)
	r.AddShader(capProgram+"_vertex", capVertexShader)
	r.AddShader(capProgram+"_fragment", capFragmentShader)
	r.AddProgram(capProgram, capProgram+"_vertex", capProgram+"_fragment")
}

// clipMesh is a g3n mesh that also hands the shader the section plane and its cap colour.
type clipMesh struct {
	graphic.Mesh
	plane  *[4]float32
	cap    [4]float32 // alpha 0: back faces are not caps
	uni    gls.Uniform
	capUni gls.Uniform
}

func newClipMesh(geom *geometry.Geometry, mat material.IMaterial, plane *[4]float32) *clipMesh {
	m := &clipMesh{plane: plane}
	m.Mesh.Init(geom, nil)
	m.SetIGraphic(m)
	m.Graphic.AddMaterial(m, mat, 0, 0)
	m.uni.Init("OsteonClip")
	m.capUni.Init("OsteonCap")
	return m
}

// RenderSetup sends the matrices, then the plane and the cap colour.
func (m *clipMesh) RenderSetup(gs *gls.GLS, rinfo *core.RenderInfo) {
	m.Mesh.RenderSetup(gs, rinfo)
	p := m.plane
	gs.Uniform4f(m.uni.Location(gs), p[0], p[1], p[2], p[3])
	gs.Uniform4f(m.capUni.Location(gs), m.cap[0], m.cap[1], m.cap[2], m.cap[3])
}

// sectionGL holds, per mesh cut so far (a structure's full mesh or a simplified level), a mesh
// sharing its geometry that draws its back faces as the cap, and which of them the last frame
// showed.
type sectionGL struct {
	caps   map[*graphic.Mesh]*clipMesh
	capped []*clipMesh
}

// prepareCaps readies the frame's caps (GL thread, after apply has chosen each structure's
// level). Where a pixel's ray meets the plane inside a closed surface, the first surface it
// reaches beyond the plane is the inside of the far wall, a back face; so drawing the back faces
// of every solid structure the plane crosses, flat in its colour and depth-tested like the rest,
// fills the cut. Outside the cut the structure's front faces are nearer and hide them. The caps
// are opaque, so they are drawn in the same pass as the other solid structures and ghosts are
// blended over them afterwards. The meshes must be closed and wound outwards
// (TestSectionMeshesAreClosed checks the test data); a simplified level drawn while the camera
// moves may have small gaps, which the full-detail frame after it does not.
func (e *Engine) prepareCaps(spec *frameSpec) {
	if e.sec == nil {
		e.sec = &sectionGL{caps: map[*graphic.Mesh]*clipMesh{}}
	}
	s := e.sec
	for _, c := range s.capped {
		c.SetVisible(false)
	}
	s.capped = s.capped[:0]
	if !spec.section.On || skipCaps || e.current == nil {
		return
	}
	e.hideCutAway(spec)
	if spec.section.Kept(spec.eye) {
		return // from the kept side every cut is behind its structure's own near wall
	}
	toEye := spec.eye.Sub(spec.target).Norm()
	for _, i := range spec.cuts {
		if i >= len(e.current.parts) || i >= len(spec.visuals) {
			continue
		}
		v, p := spec.visuals[i], e.current.parts[i]
		if !v.visible || v.color[3] < 1 {
			continue
		}
		shown := p.mesh
		if p.shown > 0 && p.shown <= len(p.lod) {
			shown = p.lod[p.shown-1]
		}
		c := s.capOf(shown, e.current.node, &e.clipPlane)
		c.cap = capShade(v, spec.section.Normal, toEye)
		c.SetVisible(true)
		s.capped = append(s.capped, c)
	}
}

// hideCutAway leaves out of the frame every structure that lies wholly on the cut-away side,
// so it costs nothing; apply shows it again in a later frame (its level state is reset).
func (e *Engine) hideCutAway(spec *frameSpec) {
	cut := make(map[int]bool, len(spec.cuts))
	for _, i := range spec.cuts {
		cut[i] = true
	}
	for i, p := range e.current.parts {
		if i >= len(spec.visuals) || !spec.visuals[i].visible || cut[i] {
			continue
		}
		b := spec.model.parts[i].box
		if b.Empty() || spec.section.Kept(v3(b.Center())) {
			continue
		}
		p.mesh.SetVisible(false)
		for _, gm := range p.lod {
			gm.SetVisible(false)
		}
		p.levelSet = false
	}
}

// capOf returns the cap mesh of mesh m, made (under node) the first time.
func (s *sectionGL) capOf(m *graphic.Mesh, node *core.Node, plane *[4]float32) *clipMesh {
	if c := s.caps[m]; c != nil {
		return c
	}
	geom := m.GetGeometry()
	geom.Incref()
	mat := material.NewMaterial()
	mat.SetShader(capProgram)
	mat.SetUseLights(material.UseLightNone)
	mat.SetSide(material.SideBack)
	c := newClipMesh(geom, mat, plane)
	c.SetRenderOrder(-1) // opaque graphics are drawn from the highest order: caps come last, behind the depth of the rest
	node.Add(c)
	s.caps[m] = c
	return c
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

// forget frees the cap meshes of a model's parts when the model leaves the GPU.
func (s *sectionGL) forget(g *glModel) {
	for _, p := range g.parts {
		for _, m := range append([]*graphic.Mesh{p.mesh}, p.lod...) {
			if c := s.caps[m]; c != nil {
				g.node.Remove(c)
				c.Dispose()
				delete(s.caps, m)
			}
		}
	}
	kept := s.capped[:0]
	for _, c := range s.capped {
		if c.GetGeometry() != nil && c.Parent() != nil {
			kept = append(kept, c)
		}
	}
	s.capped = kept
}
