package practice

import (
	"github.com/osteon/osteon/render"
)

// staging is what the 3D view shows for a question or its feedback.
type staging struct {
	lit     []string // in the answer's colour: the structure asked about, or the answer
	context []string // landmarks, in the landmark colour
	wrong   []string // a wrong click, in the click colour and kept solid
	frame   []string // what the camera fits (the whole model when empty)
	focus   []string // what must not end up small: the camera comes close enough to see it
	near    float64  // at most this many times the focus's own framing distance (0: focusFar)
	expose  []string // structures whose occluders, seen from the framed camera, are ghosted
}

// stage sets the 3D view: every structure as the model shows it by default, then the staging's
// meanings painted on, the occluders of what it exposes ghosted, and the camera framing. A wrong
// click or a landmark that hides the answer (skin clicked over a vein) is ghosted in its colour,
// so the answer shows through it.
func (p *practice) stage(s staging) {
	ghosted := map[string]bool{}
	if sc := p.sh.Content().Scene; sc != nil {
		for i := range sc.Parts {
			if sc.Parts[i].Ghosted {
				ghosted[sc.Parts[i].ID] = true
			}
		}
	}
	lit := idSet(s.lit)
	pose := p.framePose(s.frame, s.focus, s.near)
	for _, id := range p.occluders(s.expose, pose) {
		if !lit[id] {
			ghosted[id] = true // a wrong click or a landmark too: ghosted in its colour
		}
	}
	p.view.ClearTints()
	p.view.SetStates(func(id string, _ render.State) render.State {
		switch {
		case lit[id]:
			return render.Highlighted
		case ghosted[id]:
			return render.Ghosted
		}
		return render.Normal
	})
	for _, id := range s.context {
		p.view.Mark(id, render.MeaningContext)
	}
	for _, id := range s.wrong {
		p.view.Mark(id, render.MeaningClick)
	}
	if len(s.frame) == 0 && len(s.focus) == 0 {
		p.view.ResetView(p.move)
		return
	}
	p.view.SetPose(pose, p.move)
}

func idSet(ids []string) map[string]bool {
	m := make(map[string]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}

// minFrame is the least part of the whole model's framing distance a question frames from, so a
// small region (the carpal bones) still shows enough around it to tell where it is.
const minFrame = 0.3

// focusFar is how many times its own framing distance the camera may stand from a focus in the
// feedback: the answer then spans an eighth of the view or more, never a few pixels. askFar is the
// same while a structure is asked about, looser so that enough around it shows to tell where it
// is (which finger a phalanx is on).
const (
	focusFar = 4
	askFar   = 6
)

// framePose is the camera pose that frames ids from the current direction, no closer than
// minFrame of the whole model's, and no farther than near times the focus's own framing
// (centred on the focus when that is nearer).
func (p *practice) framePose(ids, focus []string, near float64) render.Pose {
	cam := p.view.Camera()
	m := p.view.Model()
	if m == nil {
		return cam.Pose
	}
	whole := cam.FramePose(render.SphereOf(m.Bounds))
	pose, ok := p.view.FramePose(cam.Yaw, cam.Pitch, ids...)
	if !ok {
		pose = whole
	}
	pose.Distance = max(pose.Distance, minFrame*whole.Distance)
	if near <= 0 {
		near = focusFar
	}
	f, ok := p.view.FramePose(cam.Yaw, cam.Pitch, focus...)
	if ok && pose.Distance > near*f.Distance {
		f.Distance *= near
		return f
	}
	return pose
}

// occluders lists the structures that hide targets from a camera at pose.
func (p *practice) occluders(targets []string, pose render.Pose) []string {
	if len(targets) == 0 || p.view.Model() == nil {
		return nil
	}
	cam := p.view.Camera()
	cam.Pose = pose
	return p.view.Model().Occluders(cam.Eye(), targets)
}
