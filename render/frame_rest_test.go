package render

import (
	"testing"

	"github.com/g3n/engine/graphic"
)

// restScene is what the GL thread holds for the current model: meshes visible in the scene
// graph, and how many of them are simplified levels.
type restScene struct {
	visible, coarse, uploaded int
}

func (e *Engine) restScene(t *testing.T) restScene {
	var s restScene
	if err := e.run(func() {
		for _, p := range e.current.parts {
			s.uploaded += len(p.lod)
			if p.mesh.Visible() {
				s.visible++
			}
			for _, gm := range p.lod {
				if gm.Visible() {
					s.visible++
					s.coarse++
				}
			}
		}
		for _, n := range e.current.node.Children() {
			if _, ok := n.(graphic.IGraphic); !ok {
				t.Errorf("the model node holds a %T", n)
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestRestFrameCostsWhatItDraws: interaction frames draw the structures merged into a few
// meshes (built once while the looks stay), and the full-detail frame after them draws exactly
// one full mesh per structure, with no simplified or merged mesh left visible.
func TestRestFrameCostsWhatItDraws(t *testing.T) {
	v := newLimbView(t, 320, 200)
	m := v.Model()
	<-m.LevelsReady()
	frame := func() FrameStats {
		f, err := v.RenderNow()
		if err != nil {
			t.Fatal(err)
		}
		v.Release(f.Image)
		return f.Stats
	}
	for i := range 3 {
		v.Orbit(20, 0)
		st := frame()
		if !st.Coarse || (i == 0) != (st.Uploads > 0) || st.Draws >= m.Len()/4 {
			t.Fatalf("interaction frame %d: %+v; want coarse, merged into a few draws, built only in the first", i, st)
		}
	}
	e := v.engine
	if s := e.restScene(t); s.visible != 0 || !e.batchShown(t) {
		t.Fatalf("while moving, %d structure meshes are visible beside the merged batch (shown: %v)", s.visible, e.batchShown(t))
	}
	v.EndInteraction()
	st := frame()
	s := e.restScene(t)
	if st.Coarse || st.Draws != m.Len() || s.visible != m.Len() || s.coarse != 0 || e.batchShown(t) {
		t.Fatalf("at rest: %+v, scene %+v; want %d full meshes drawn and visible, none coarse", st, s, m.Len())
	}
}

// batchShown reports whether the merged interaction-frame meshes hang in the scene.
func (e *Engine) batchShown(t *testing.T) bool {
	var shown bool
	if err := e.run(func() { shown = e.low.batch != nil && e.low.batch.node.Parent() != nil }); err != nil {
		t.Fatal(err)
	}
	return shown
}

// TestSlowUploadFrameDoesNotChooseHalfSize: the first interaction frame uploads every simplified
// level; its cost must not send the following frames to half size, a real slow frame must.
func TestSlowUploadFrameDoesNotChooseHalfSize(t *testing.T) {
	var v View
	v.noteFrame(FrameStats{Coarse: true, Draw: 10 * frameBudget, Uploads: 72})
	if v.halfRes {
		t.Fatal("a frame that uploaded levels chose half size")
	}
	v.noteFrame(FrameStats{Coarse: true, Draw: 2 * frameBudget})
	if !v.halfRes {
		t.Fatal("a slow full-size interaction frame did not choose half size")
	}
}
