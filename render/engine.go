package render

import (
	"errors"
	"fmt"
	"image"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/g3n/engine/core"
	"github.com/g3n/engine/geometry"
	"github.com/g3n/engine/gls"
	"github.com/g3n/engine/graphic"
	"github.com/g3n/engine/light"
	"github.com/g3n/engine/material"
	"github.com/g3n/engine/math32"
	"github.com/g3n/engine/renderer"
)

// Options configure an Engine.
type Options struct {
	// MSAA is the number of samples per pixel: 0 chooses (4 on a hardware GPU, off on software
	// OpenGL, where it nearly doubles the draw), 1 turns it off.
	MSAA int
	// MainThread runs f on the windowing system's main thread and waits for it. When set, the
	// engine can fall back to a hidden GLFW window if EGL fails. Never call it from that thread.
	MainThread func(f func())
	// CheckErrors keeps g3n's GL error checking on. g3n exits the process on any GL error when it
	// is on, so only tests should set it.
	CheckErrors bool
}

// Info describes the OpenGL the engine got.
type Info struct {
	Backend  string // "EGL surfaceless", "EGL default display" or "hidden GLFW window"
	Vendor   string
	Renderer string
	Version  string
	Software bool // Mesa llvmpipe/softpipe or another software rasteriser
	MSAA     int  // samples per pixel in use (1 = off)
}

// ErrClosed is returned by an engine that has been closed.
var ErrClosed = errors.New("render: engine closed")

// Engine owns one OS thread with an OpenGL 3.3 core context. Every GL and g3n call runs there,
// sent through a job channel.
type Engine struct {
	info Info
	mu   sync.RWMutex // guards closed and sends on jobs
	jobs chan func()
	done chan struct{}

	closed bool

	// Owned by the GL thread.
	gs       *gls.GLS
	rend     *renderer.Renderer
	root     *core.Node
	lights   [2]*light.Directional
	models   map[*Model]*glModel // uploaded models, most recently drawn kept
	current  *glModel
	fb       fbo
	low      lowRes // half-size target for slow interaction frames (engine_lod.go)
	release  func()
	samples  int
	frameSeq uint64

	sec       *sectionGL // which meshes are capped (section_gl.go)
	clipPlane [4]float32 // the section plane the shaders clip against
}

// glModel is a model's meshes on the GPU, under one node.
type glModel struct {
	node     *core.Node
	parts    []*glPart
	lastUsed uint64
	reveal   reveal // which full meshes have been drawn (progressive.go)
}

// maxUploadedModels bounds how many models stay on the GPU at once (several screens may each
// show a different one).
const maxUploadedModels = 3

type glPart struct {
	mesh *graphic.Mesh
	mat  *material.Standard
	last visual
	set  bool

	lod      []*graphic.Mesh // simplified levels uploaded so far, finest first (engine_lod.go)
	shown    int             // level drawn: 0 the full mesh
	visible  bool
	levelSet bool
}

// NewEngine starts the GL thread and makes a context: EGL surfaceless first, then EGL's default
// display, then (when opt.MainThread is set) a hidden GLFW window. OSTEON_GL=egl, glfw or none
// restricts the choice (none: no 3D, to try the app's fallback).
func NewEngine(opt Options) (*Engine, error) {
	e := &Engine{jobs: make(chan func()), done: make(chan struct{})}
	ready := make(chan error, 1)
	go e.loop(opt, ready)
	if err := <-ready; err != nil {
		return nil, err
	}
	return e, nil
}

// Info describes the context.
func (e *Engine) Info() Info { return e.info }

func (e *Engine) loop(opt Options, ready chan<- error) {
	runtime.LockOSThread()
	defer close(e.done)
	if err := e.start(opt); err != nil {
		ready <- err
		return
	}
	ready <- nil
	for job := range e.jobs {
		job()
	}
	for m := range e.models {
		e.forget(m)
	}
	e.fb.release()
	e.low.fb.release()
	e.release()
}

func (e *Engine) start(opt Options) error {
	release, backend, err := openContext(opt)
	if err != nil {
		return err
	}
	gs, err := gls.New()
	if err != nil {
		release()
		return fmt.Errorf("render: load OpenGL functions through libGL: %w", err)
	}
	gs.SetCheckErrors(opt.CheckErrors)
	e.gs, e.release = gs, release
	e.info = Info{Backend: backend, Vendor: glString(glVendor), Renderer: glString(glRenderer), Version: glString(glVersion)}
	r := strings.ToLower(e.info.Renderer)
	e.info.Software = strings.Contains(r, "llvmpipe") || strings.Contains(r, "softpipe") || strings.Contains(r, "swiftshader") || strings.Contains(r, "software")
	e.samples = chooseSamples(opt.MSAA, e.info.Software, glMaxSamples())
	e.info.MSAA = e.samples
	e.rend = renderer.NewRenderer(gs)
	if err := e.rend.AddDefaultShaders(); err != nil {
		release()
		return fmt.Errorf("render: shaders: %w", err)
	}
	addSectionShaders(e.rend)
	e.models = map[*Model]*glModel{}
	e.root = core.NewNode()
	e.root.Add(light.NewAmbient(&math32.Color{R: 1, G: 1, B: 1}, 0.45))
	e.lights[0] = light.NewDirectional(&math32.Color{R: 1, G: 1, B: 1}, 0.75) // follows the camera
	e.lights[1] = light.NewDirectional(&math32.Color{R: 1, G: 0.97, B: 0.92}, 0.25)
	e.lights[1].SetPosition(0.3, 1, 0.4)
	e.root.Add(e.lights[0])
	e.root.Add(e.lights[1])
	glClearErrors()
	return nil
}

func chooseSamples(want int, software bool, maxSamples int) int {
	switch {
	case want == 0 && software:
		return 1
	case want == 0:
		want = 4
	}
	return max(1, min(want, maxSamples))
}

// openContext makes a context current on this thread and returns how to release it.
func openContext(opt Options) (release func(), backend string, err error) {
	mode := strings.ToLower(os.Getenv("OSTEON_GL"))
	if mode == "none" {
		return nil, "", errors.New("3D turned off by OSTEON_GL=none")
	}
	var errs []string
	if mode == "" || mode == "egl" {
		for _, surfaceless := range []bool{true, false} {
			name := map[bool]string{true: "EGL surfaceless", false: "EGL default display"}[surfaceless]
			ctx, err := openEGL(surfaceless)
			if err == nil {
				return ctx.release, name, nil
			}
			errs = append(errs, fmt.Sprintf("%s: %v", name, err))
		}
	}
	if (mode == "" || mode == "glfw") && opt.MainThread != nil {
		ctx, err := openGLFW(opt.MainThread)
		if err == nil {
			return ctx.release, "hidden GLFW window", nil
		}
		errs = append(errs, fmt.Sprintf("hidden GLFW window: %v", err))
	}
	if len(errs) == 0 {
		errs = append(errs, "no way to make a context was allowed (OSTEON_GL="+mode+")")
	}
	return nil, "", fmt.Errorf("render: no OpenGL 3.3 context: %s", strings.Join(errs, "; "))
}

// run executes f on the GL thread and waits for it.
func (e *Engine) run(f func()) error {
	e.mu.RLock()
	defer e.mu.RUnlock()
	if e.closed {
		return ErrClosed
	}
	wait := make(chan struct{})
	e.jobs <- func() {
		defer close(wait)
		f()
	}
	<-wait
	return nil
}

// Close stops the GL thread and frees the context. It is safe to call more than once. With a
// GLFW fallback it waits for the main thread: never call it from there.
func (e *Engine) Close() {
	e.mu.Lock()
	if !e.closed {
		e.closed = true
		close(e.jobs)
	}
	e.mu.Unlock()
	<-e.done
}

// use makes m's meshes the ones drawn, uploading them the first time (GL thread).
func (e *Engine) use(m *Model) {
	e.frameSeq++
	g := e.models[m]
	if g == nil {
		g = e.upload(m)
		e.models[m] = g
		for len(e.models) > maxUploadedModels {
			var oldest *Model
			for k, v := range e.models {
				if k != m && (oldest == nil || v.lastUsed < e.models[oldest].lastUsed) {
					oldest = k
				}
			}
			e.forget(oldest)
		}
	}
	g.lastUsed = e.frameSeq
	if e.current != g {
		if e.current != nil {
			e.root.Remove(e.current.node)
		}
		e.root.Add(g.node)
		e.current = g
	}
}

// forget frees a model's GPU buffers (GL thread).
func (e *Engine) forget(m *Model) {
	g := e.models[m]
	if g == nil {
		return
	}
	if e.current == g {
		e.root.Remove(g.node)
		e.current = nil
	}
	for _, p := range g.parts {
		p.mesh.Dispose()
		for _, gm := range p.lod {
			gm.Dispose()
		}
	}
	if e.sec != nil {
		e.sec.forget(g)
	}
	if b := e.low.batch; b != nil && b.model == g {
		b.dispose()
		e.low.batch = nil
	}
	delete(e.models, m)
}

// upload builds g3n meshes for the model; g3n sends them to the GPU on first draw (GL thread).
func (e *Engine) upload(m *Model) *glModel {
	g := &glModel{node: core.NewNode()}
	for i := range m.Scene.Parts {
		mesh := &m.Scene.Parts[i].Mesh
		mat := structureMaterial(&math32.Color{R: 0.8, G: 0.8, B: 0.8})
		gm := newClipMesh(newGeometry(mesh.Positions, mesh.Normals, mesh.Indices), mat, &e.clipPlane)
		g.node.Add(gm)
		g.parts = append(g.parts, &glPart{mesh: &gm.Mesh, mat: mat})
	}
	return g
}

// newGeometry is indexed triangles with normals as g3n geometry; the arrays are not copied.
func newGeometry(pos, nrm []float32, idx []uint32) *geometry.Geometry {
	g := geometry.NewGeometry()
	g.AddVBO(gls.NewVBO(math32.ArrayF32(pos)).AddAttrib(gls.VertexPosition))
	g.AddVBO(gls.NewVBO(math32.ArrayF32(nrm)).AddAttrib(gls.VertexNormal))
	g.SetIndices(math32.ArrayU32(idx))
	return g
}

// frameSpec is everything one frame needs, copied out of the View under its lock.
type frameSpec struct {
	model      *Model
	view, proj mat4
	eye        Vec3
	target     Vec3
	visuals    []visual
	background [3]float32
	section    Section
	cuts       []int  // structures the section crosses
	levels     []int8 // per structure, the simplified level to draw (nil: full detail)
	loose      []int8 // per structure, the coarsest level a reused batch may still draw
	half       bool   // draw at half width and height and scale up
}

// visual is how one structure is drawn.
type visual struct {
	visible  bool
	color    [4]float32 // straight RGBA; alpha below 1 draws it translucent
	emissive [3]float32
}

// FrameStats time one frame.
type FrameStats struct {
	Draw     time.Duration // scene draw until the GPU finished (and MSAA resolve)
	Readback time.Duration // glReadPixels and row flip into the image
	Draws    int           // meshes drawn (hidden and out-of-view structures are not)
	Coarse   bool          // an interaction frame: simplified levels where they look the same
	Half     bool          // drawn at half width and height, scaled up
	Uploads  int           // simplified meshes sent to the GPU for this frame
	Pending  int           // visible structures left out until the next frame (progressive.go)
}

// draw renders spec into dst, which must be spec's size (GL thread via run).
func (e *Engine) draw(spec *frameSpec, dst *image.RGBA) (FrameStats, error) {
	var st FrameStats
	var err error
	w, h := dst.Rect.Dx(), dst.Rect.Dy()
	runErr := e.run(func() {
		fb, rw, rh := e.target(spec, w, h)
		if err = fb.resize(rw, rh, e.samples); err != nil {
			return
		}
		e.use(spec.model)
		e.low.uploads = 0
		pending := e.current.reveal.admit(spec)
		e.prepareBatch(spec)
		e.apply(spec)
		t0 := time.Now()
		e.prepareCaps(spec)
		fb.begin(spec.background)
		cam := fixedCamera{view: spec.view.g3n(), proj: spec.proj.g3n()}
		e.clipPlane = spec.section.clipVec4()
		glClip(spec.section.On)
		if err = e.rend.Render(e.root, &cam); err != nil {
			err = fmt.Errorf("render: draw: %w", err)
			return
		}
		glClip(false)
		fb.finish()
		t1 := time.Now()
		if spec.half {
			err = e.readHalf(dst)
		} else {
			err = fb.read(dst.Pix)
		}
		st = FrameStats{Draw: t1.Sub(t0), Readback: time.Since(t1), Draws: e.rend.Stats().GraphicMats, Coarse: spec.levels != nil, Half: spec.half, Uploads: e.low.uploads, Pending: pending}
	})
	if runErr != nil {
		return st, runErr
	}
	if st.Pending == 0 { // the model has appeared whole: background work no longer delays it
		spec.model.startLevels()
		spec.model.startPicking()
	}
	return st, err
}

// apply sets lights and materials for spec, touching only what changed (GL thread).
func (e *Engine) apply(spec *frameSpec) {
	d := spec.eye.Sub(spec.target).Norm()
	e.lights[0].SetPosition(float32(d[0]), float32(d[1]), float32(d[2]))
	for i, p := range e.current.parts {
		if i >= len(spec.visuals) {
			break
		}
		v := spec.visuals[i]
		e.showLevel(p, i, v.visible, spec)
		if p.set && p.last == v {
			continue
		}
		p.last, p.set = v, true
		p.mat.SetColor(&math32.Color{R: v.color[0], G: v.color[1], B: v.color[2]})
		p.mat.SetEmissiveColor(&math32.Color{R: v.emissive[0], G: v.emissive[1], B: v.emissive[2]})
		p.mat.SetOpacity(v.color[3])
		translucent := v.color[3] < 1
		p.mat.SetTransparent(translucent)
		p.mat.SetDepthMask(!translucent)
	}
}

// fixedCamera hands g3n matrices computed by Camera.
type fixedCamera struct{ view, proj math32.Matrix4 }

func (c *fixedCamera) ViewMatrix(m *math32.Matrix4) { *m = c.view }
func (c *fixedCamera) ProjMatrix(m *math32.Matrix4) { *m = c.proj }
