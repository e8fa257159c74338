package procedures

import (
	"context"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/osteon/osteon/assets"
	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/render"
)

// procFrameW and procFrameH are about the shape of the 3D view beside the step panel.
const procFrameW, procFrameH = 360, 420

var (
	procEngineOnce sync.Once
	procEngine     *render.Engine
	procEngineErr  error
)

// procRealEngine is an OpenGL engine for pixel tests (EGL with Mesa's software rasteriser headless).
func procRealEngine(t *testing.T) *render.Engine {
	t.Helper()
	procEngineOnce.Do(func() {
		procEngine, procEngineErr = render.NewEngine(render.Options{MSAA: 1, CheckErrors: true})
	})
	if procEngineErr != nil {
		t.Fatalf("no OpenGL for pixel tests (Mesa's EGL and llvmpipe give one headless; run scripts/setup): %v", procEngineErr)
	}
	return procEngine
}

// procChanged counts the pixels that differ noticeably between two frames.
func procChanged(a, b *image.RGBA) int {
	n := 0
	for i := 0; i+3 < len(a.Pix); i += 4 {
		d := 0
		for k := 0; k < 3; k++ {
			x := int(a.Pix[i+k]) - int(b.Pix[i+k])
			d += max(x, -x)
		}
		if d > 40 {
			n++
		}
	}
	return n
}

func procRender(t *testing.T, v *render.View) *image.RGBA {
	t.Helper()
	f, err := v.RenderNow()
	if err != nil {
		t.Fatal(err)
	}
	return f.Image
}

func procSaveFailed(t *testing.T, name string, img image.Image) {
	dir := filepath.Join("testdata", "failed")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	png.Encode(f, img)
	t.Logf("wrote %s", f.Name())
}

// TestProcedureStepsFrameTheirAnatomy renders every step of the built-in procedures as Learn
// shows it: each highlighted structure must be in the frame (its centre projected inside, in
// front of the camera) and visible through the ghosted skin (taking the highlight away changes
// many pixels), and structures to avoid must show in their warning colour.
func TestProcedureStepsFrameTheirAnatomy(t *testing.T) {
	e := procRealEngine(t)
	p, err := content.OpenPack(assets.BuiltinPack(), "built-in")
	if err != nil {
		t.Fatal(err)
	}
	s, err := content.LoadPackScene(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	procs, probs := p.LoadProcedures()
	if len(probs) > 0 || len(procs) != 4 {
		t.Fatalf("%d procedures, problems %v", len(procs), probs)
	}
	m := render.NewModel(s)
	v := render.NewView(e)
	defer v.Close()
	v.SetModel(m)
	v.Resize(procFrameW, procFrameH)
	checked := 0
	for _, pr := range procs {
		for _, st := range pr.Steps {
			if len(st.Focus.Highlight) > 0 {
				checked++
				checkProcStepFrame(t, v, pr.ID+"-"+st.ID, st.Focus, procFrameW, procFrameH)
			}
		}
	}
	// The check sees occlusion: with the skin drawn solid, highlighting the vein under it changes
	// next to nothing.
	vp := procs[0].Step("select-vein")
	showFocus(v, vp.Focus, focusFull, 0)
	v.SetState("osteon:skin-upper-limb", render.Normal)
	lit := procRender(t, v)
	v.SetState("osteon:median-cubital-vein", render.Normal)
	if n := procChanged(lit, procRender(t, v)); n >= 30 {
		t.Errorf("under solid skin the vein's highlight still changes %d pixels: the check cannot see occlusion", n)
	}
	if checked < 20 {
		t.Errorf("only %d steps with anatomy checked", checked)
	}
}

// checkProcStepFrame shows a step's focus as Learn does and checks that its anatomy is in the frame,
// visible through the ghosted skin, and that structures to avoid show in their warning colour.
func checkProcStepFrame(t *testing.T, v *render.View, name string, f content.Focus, w, h int) {
	t.Helper()
	m := v.Model()
	showFocus(v, f, focusFull, 0)
	if v.State("osteon:skin-upper-limb") != render.Ghosted {
		t.Errorf("%s: skin not ghosted", name)
	}
	lit := procRender(t, v)
	if dir := os.Getenv("OSTEON_PROCEDURE_FRAMES"); dir != "" { // for a person to look at
		if out, err := os.Create(filepath.Join(dir, name+".png")); err == nil {
			png.Encode(out, lit)
			out.Close()
		}
	}
	frame := render.SphereOf(m.BoundsOf(focusFramed(f)...))
	for _, id := range append(focusFramed(f), f.Highlight...) {
		// The centre of a structure about the frame's size, or of a long one (an artery down
		// the forearm) the point nearest the focusFramed region, is on screen.
		b := m.BoundsOf(id)
		c := render.SphereOf(b).Center
		if render.SphereOf(b).Radius > 1.5*frame.Radius {
			for k := range 3 {
				c[k] = min(max(frame.Center[k], float64(b.Min[k])), float64(b.Max[k]))
			}
		}
		if x, y, front := v.Project(c); !front || x < 0 || y < 0 || x >= float64(w) || y >= float64(h) {
			procSaveFailed(t, name+".png", lit)
			t.Errorf("%s: the centre of %s is off screen at (%.0f, %.0f)", name, id, x, y)
		}
	}
	for _, id := range f.Highlight {
		v.SetState(id, render.Normal)
		plain := procRender(t, v)
		v.SetState(id, render.Highlighted)
		if n := procChanged(lit, plain); n < 30 { // a 7 mm landmark marker makes about 45
			procSaveFailed(t, name+".png", lit)
			t.Errorf("%s: highlighting %s changes only %d pixels: hidden or occluded", name, id, n)
		}
	}
	if len(f.Avoid) > 0 {
		v.ClearTints()
		if n := procChanged(lit, procRender(t, v)); n < 60 {
			procSaveFailed(t, name+".png", lit)
			t.Errorf("%s: the structures to avoid change only %d pixels in their warning colour", name, n)
		}
	}
}
