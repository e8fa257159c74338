package render

import (
	"testing"

	"github.com/g3n/engine/graphic"
)

// restScene is what the GL thread holds for the current model: meshes visible in the scene
// graph, how many of them are simplified levels, and the programs its materials use.
type restScene struct {
	visible, coarse, uploaded int
	programs                  map[string]int
}

func (e *Engine) restScene(t *testing.T) restScene {
	var s restScene
	if err := e.run(func() {
		s.programs = map[string]int{}
		for _, p := range e.current.parts {
			s.programs[p.mat.Shader()]++
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

// TestRestFrameCostsWhatItDraws: after interaction frames have uploaded simplified levels, a
// full-detail frame draws exactly one full mesh per structure, with no simplified mesh left
// visible, and through g3n's plain standard program (the clipping one costs every vertex
// work); a section plane switches to the clipping program and back.
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
		if !st.Coarse || (i == 0) != (st.Uploads > 0) {
			t.Fatalf("interaction frame %d: %+v; want coarse, uploads only in the first", i, st)
		}
	}
	e := v.engine
	if s := e.restScene(t); s.coarse == 0 || s.uploaded == 0 {
		t.Fatalf("interaction frames drew no simplified level: %+v", s)
	}
	v.EndInteraction()
	st := frame()
	s := e.restScene(t)
	if st.Coarse || st.Draws != m.Len() || s.visible != m.Len() || s.coarse != 0 {
		t.Fatalf("at rest: %+v, scene %+v; want %d full meshes drawn and visible, none coarse", st, s, m.Len())
	}
	if s.programs[plainProgram] != m.Len() {
		t.Fatalf("at rest without a section the programs are %v, want %s for all %d", s.programs, plainProgram, m.Len())
	}
	if err := v.SetSection(Section{On: true, Normal: Vec3{0, 0, 1}}); err != nil {
		t.Fatal(err)
	}
	frame()
	if s := e.restScene(t); s.programs["standard"] != m.Len() {
		t.Fatalf("with a section the programs are %v, want the clipping standard program for all", s.programs)
	}
	if err := v.SetSection(Section{}); err != nil {
		t.Fatal(err)
	}
	frame()
	if s := e.restScene(t); s.programs[plainProgram] != m.Len() {
		t.Fatalf("after the section the programs are %v", s.programs)
	}
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
