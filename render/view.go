package render

import (
	"errors"
	"image"
	"math"
	"sync"
	"time"

	"github.com/osteon/osteon/content"
)

// State is how a structure is shown.
type State uint8

const (
	Normal      State = iota
	Highlighted       // drawn in the highlight colour
	Ghosted           // translucent, so what lies behind shows
	Hidden            // not drawn, not pickable
)

// Frame is one rendered image. Give it back with View.Release once it is no longer shown.
type Frame struct {
	Image *image.RGBA
	Stats FrameStats
}

// View is what a viewer widget drives: a model, a camera, per-structure states, and a goroutine
// that renders a frame when, and only when, something changed. All methods are safe from any
// goroutine; none blocks on the GPU except RenderNow.
type View struct {
	engine *Engine

	mu         sync.Mutex
	model      *Model
	cam        Camera
	home       Pose
	states     []State
	tints      []content.Color
	hover      int
	anim       *animation
	dirty      bool
	closed     bool
	onFrame    func(Frame)
	free       []*image.RGBA
	background [3]float32
	section    Section
	cuts       cutCache

	interactUntil time.Time     // the camera moved: interaction frames until then (view_lod.go)
	settle        *time.Timer   // draws full detail once the camera stops
	halfRes       bool          // interaction frames are too slow at full size
	fullCost      time.Duration // last interaction frame at full size, and at half
	halfCost      time.Duration

	wake chan struct{}
	done chan struct{}
}

type animation struct {
	from, to Pose
	start    time.Time
	dur      time.Duration
}

// NewView returns a view drawing through e, which may be nil while OpenGL starts or when there
// is none: the view then keeps camera and state (picking still works) but renders nothing until
// SetEngine.
func NewView(e *Engine) *View {
	v := &View{hover: -1, wake: make(chan struct{}, 1), done: make(chan struct{}),
		background: defaultBackground}
	v.cam = NewCamera(Sphere{Radius: 1}, 640, 480)
	if e != nil {
		v.SetEngine(e)
	}
	return v
}

// SetEngine starts rendering through e. Only the first engine given is used.
func (v *View) SetEngine(e *Engine) {
	v.mu.Lock()
	start := v.engine == nil && e != nil && !v.closed
	if start {
		v.engine = e
		v.dirty = true
	}
	v.mu.Unlock()
	if start {
		go v.loop()
		v.invalidate()
	}
}

// OnFrame sets the function that receives each finished frame (on the render goroutine).
func (v *View) OnFrame(f func(Frame)) {
	v.mu.Lock()
	v.onFrame = f
	v.mu.Unlock()
	v.invalidate()
}

// SetBackground sets the clear colour (0..1 RGB).
func (v *View) SetBackground(rgb [3]float32) {
	v.change(func() { v.background = rgb })
}

// SetModel shows m, resets every state to its default and frames it. Its simplified levels are
// made in the background once its first frame is drawn, so they do not delay that frame.
func (v *View) SetModel(m *Model) {
	v.change(func() {
		v.model = m
		v.states = make([]State, m.Len())
		v.tints = make([]content.Color, m.Len())
		v.hover = -1
		v.anim = nil
		for i := range m.Scene.Parts {
			if m.Scene.Parts[i].Ghosted {
				v.states[i] = Ghosted
			}
		}
		v.cam.scene = SphereOf(m.Bounds)
		v.cam.Yaw, v.cam.Pitch = 0, 0
		v.home = v.cam.FramePose(v.cam.scene)
		v.cam.Pose = v.home
	})
}

// Model returns the model shown, or nil.
func (v *View) Model() *Model {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.model
}

// Resize sets the size in pixels of the frames to render.
func (v *View) Resize(w, h int) {
	if w < 1 || h < 1 {
		return
	}
	v.change(func() {
		if v.cam.Width == w && v.cam.Height == h {
			return
		}
		v.cam.Width, v.cam.Height = w, h
	})
}

// Orbit, Pan and Zoom move the camera (pixels of pointer movement; zoom factor).
func (v *View) Orbit(dx, dy float64) {
	v.change(func() { v.anim = nil; v.interact(); v.cam.Orbit(dx, dy) })
}
func (v *View) Pan(dx, dy float64) {
	v.change(func() { v.anim = nil; v.interact(); v.cam.Pan(dx, dy) })
}
func (v *View) Zoom(factor float64) {
	v.change(func() { v.anim = nil; v.interact(); v.cam.Zoom(factor) })
}

// Pose returns the camera pose.
func (v *View) Pose() Pose {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.cam.Pose
}

// SetPose moves the camera at once, or smoothly over d when d > 0.
func (v *View) SetPose(p Pose, d time.Duration) {
	v.change(func() {
		if d <= 0 {
			v.anim = nil
			v.cam.Pose = p
			return
		}
		v.anim = &animation{from: v.cam.Pose, to: p, start: time.Now(), dur: d}
	})
}

// ResetView brings the camera home: the whole model from the front.
func (v *View) ResetView(d time.Duration) {
	v.mu.Lock()
	home := v.home
	v.mu.Unlock()
	v.SetPose(home, d)
}

// Frame turns the camera to fit the given structures (the bounding sphere of their boxes),
// keeping its direction; unknown ids are ignored and none known frames everything.
func (v *View) Frame(d time.Duration, ids ...string) {
	v.mu.Lock()
	if v.model == nil {
		v.mu.Unlock()
		return
	}
	b := v.model.BoundsOf(ids...)
	if b.Empty() {
		b = v.model.Bounds
	}
	p := v.cam.FramePose(SphereOf(b))
	if v.anim != nil {
		p.Yaw, p.Pitch = v.anim.to.Yaw, v.anim.to.Pitch
	}
	v.mu.Unlock()
	v.SetPose(p, d)
}

// FramePose is the pose that would fit the given structures, looking from yaw and pitch.
func (v *View) FramePose(yaw, pitch float64, ids ...string) (Pose, bool) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.model == nil {
		return Pose{}, false
	}
	b := v.model.BoundsOf(ids...)
	if b.Empty() {
		return Pose{}, false
	}
	c := v.cam
	c.Yaw, c.Pitch = yaw, pitch
	return c.FramePose(SphereOf(b)), true
}

// State returns the state of a structure (Normal for unknown ids).
func (v *View) State(id string) State {
	v.mu.Lock()
	defer v.mu.Unlock()
	if i := v.index(id); i >= 0 {
		return v.states[i]
	}
	return Normal
}

func (v *View) index(id string) int {
	if v.model == nil {
		return -1
	}
	return v.model.Index(id)
}

// SetState sets one structure's state.
func (v *View) SetState(id string, s State) {
	v.change(func() {
		if i := v.index(id); i >= 0 {
			v.states[i] = s
		}
	})
}

// SetStates sets every structure's state through f(id, current) in one change.
func (v *View) SetStates(f func(id string, cur State) State) {
	v.change(func() {
		if v.model == nil {
			return
		}
		for i := range v.states {
			v.states[i] = f(v.model.Scene.Parts[i].ID, v.states[i])
		}
	})
}

// SetTint draws a structure in colour c instead of its own (A == 0 removes the tint).
func (v *View) SetTint(id string, c content.Color) {
	v.change(func() {
		if i := v.index(id); i >= 0 {
			v.tints[i] = c
		}
	})
}

// Tint returns a structure's tint (A == 0: none).
func (v *View) Tint(id string) content.Color {
	v.mu.Lock()
	defer v.mu.Unlock()
	if i := v.index(id); i >= 0 {
		return v.tints[i]
	}
	return content.Color{}
}

// ClearTints removes every tint.
func (v *View) ClearTints() {
	v.change(func() { clear(v.tints) })
}

// SetHover marks the structure under the pointer ("" for none).
func (v *View) SetHover(id string) {
	v.mu.Lock()
	i := v.index(id)
	same := i == v.hover
	v.mu.Unlock()
	if !same {
		v.change(func() { v.hover = i })
	}
}

// Pick returns the structure under pixel (x, y) of the current frame size, by the pick rule
// (pick_rule.go): hidden structures are skipped, solid ones win over see-through ones, and a
// structure inside a shell such as skin wins over the shell.
func (v *View) Pick(x, y float64) (Hit, bool) {
	hit, _, ok := v.pickAt(x, y)
	return hit, ok
}

// Project returns where a scene point appears in the current frame, in pixels.
func (v *View) Project(p Vec3) (x, y float64, inFront bool) {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.cam.Project(p)
}

// Camera returns a copy of the camera.
func (v *View) Camera() Camera {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.cam
}

func (v *View) change(f func()) {
	v.mu.Lock()
	f()
	v.dirty = true
	v.mu.Unlock()
	v.invalidate()
}

func (v *View) invalidate() {
	select {
	case v.wake <- struct{}{}:
	default:
	}
}

// Release gives a frame's image back for reuse once the widget shows a newer one.
func (v *View) Release(img *image.RGBA) {
	if img == nil {
		return
	}
	v.mu.Lock()
	if len(v.free) < 3 {
		v.free = append(v.free, img)
	}
	v.mu.Unlock()
}

// ErrNoModel is returned by RenderNow before SetModel.
var ErrNoModel = errors.New("render: no model")

// RenderNow renders the current state at once and returns the frame (tests, benchmarks,
// screenshots). It does not call OnFrame.
func (v *View) RenderNow() (Frame, error) {
	v.mu.Lock()
	e := v.engine
	if e == nil {
		v.mu.Unlock()
		return Frame{}, errors.New("render: no OpenGL")
	}
	spec, img, ok := v.snapshot(time.Now())
	v.mu.Unlock()
	if !ok {
		return Frame{}, ErrNoModel
	}
	st, err := e.draw(spec, img)
	v.noteFrame(st)
	return Frame{Image: img, Stats: st}, err
}

// Close stops the render goroutine (the engine is closed by its owner).
func (v *View) Close() {
	v.mu.Lock()
	running := v.engine != nil
	if !v.closed {
		v.closed = true
		close(v.wake)
		if v.settle != nil {
			v.settle.Stop()
		}
	}
	v.mu.Unlock()
	if running {
		<-v.done
	}
}

func (v *View) loop() {
	defer close(v.done)
	for range v.wake {
		for {
			v.mu.Lock()
			if v.closed || !v.dirty || v.onFrame == nil {
				v.mu.Unlock()
				break
			}
			spec, img, ok := v.snapshot(time.Now())
			v.dirty = v.anim != nil // keep drawing while the camera moves
			cb := v.onFrame
			v.mu.Unlock()
			if !ok {
				break
			}
			st, err := v.engine.draw(spec, img)
			if err != nil {
				break
			}
			v.noteFrame(st)
			cb(Frame{Image: img, Stats: st})
		}
	}
}

// snapshot copies what a frame needs and takes an image to draw into (mu held).
func (v *View) snapshot(now time.Time) (*frameSpec, *image.RGBA, bool) {
	if v.model == nil {
		return nil, nil, false
	}
	if a := v.anim; a != nil {
		t := math.Min(1, float64(now.Sub(a.start))/float64(a.dur))
		v.cam.Pose = a.from.Lerp(a.to, ease(t))
		if t >= 1 {
			v.anim = nil
			v.interact() // full detail once it has come to rest
		}
	}
	spec := &frameSpec{model: v.model, view: v.cam.View(), proj: v.cam.Proj(), eye: v.cam.Eye(),
		target: v.cam.Target, background: v.background, visuals: make([]visual, v.model.Len()),
		levels: v.chooseLevels(now)}
	spec.half = spec.levels != nil && v.halfRes
	if spec.levels != nil {
		spec.loose = v.levelsWithin(lodTolerancePx * batchSlack)
	}
	for i := range spec.visuals {
		spec.visuals[i] = v.visualOf(i)
	}
	spec.section, spec.cuts = v.section, v.cuts.of(v.model, v.section)
	w, h := v.cam.Width, v.cam.Height
	var img *image.RGBA
	for len(v.free) > 0 && img == nil {
		img = v.free[len(v.free)-1]
		v.free = v.free[:len(v.free)-1]
		if img.Rect.Dx() != w || img.Rect.Dy() != h {
			img = nil
		}
	}
	if img == nil {
		img = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	return spec, img, true
}

// ease is smoothstep: slow out, slow in.
func ease(t float64) float64 { return t * t * (3 - 2*t) }
