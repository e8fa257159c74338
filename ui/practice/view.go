package practice

import (
	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/render"
)

// stage sets the 3D view for a question or its feedback: every structure as the model shows it
// by default, lit ones highlighted, wrong picks tinted, and the camera framing frame (the whole
// model when empty). With seeThrough, structures that would hide a lit one from the camera are
// ghosted, so a deep muscle can be named and the answer seen; a "find" question never does
// this, as it would give the answer away.
func (p *practice) stage(lit, wrong, frame []string, seeThrough bool) {
	ghosted := map[string]bool{}
	if s := p.sh.Content().Scene; s != nil {
		for i := range s.Parts {
			if s.Parts[i].Ghosted {
				ghosted[s.Parts[i].ID] = true
			}
		}
	}
	on := map[string]bool{}
	for _, id := range lit {
		on[id] = true
	}
	if seeThrough {
		for _, id := range p.occluders(lit, frame) {
			if !on[id] {
				ghosted[id] = true
			}
		}
	}
	for _, id := range wrong {
		delete(ghosted, id) // a wrong pick stays solid, in its tint
	}
	p.view.ClearTints()
	p.view.SetStates(func(id string, _ render.State) render.State {
		switch {
		case on[id]:
			return render.Highlighted
		case ghosted[id]:
			return render.Ghosted
		}
		return render.Normal
	})
	for _, id := range wrong {
		p.view.SetTint(id, wrongTint)
	}
	if len(frame) == 0 {
		p.view.ResetView(p.move)
		return
	}
	p.view.SetPose(p.framePose(frame), p.move)
}

// minFrame is the least part of the whole model's framing distance a question frames from, so a
// small region (the carpal bones) still shows enough around it to tell where it is.
const minFrame = 0.3

// framePose is the camera pose that frames ids from the current direction, no closer than
// minFrame of the whole model's.
func (p *practice) framePose(ids []string) render.Pose {
	cam := p.view.Camera()
	m := p.view.Model()
	if m == nil {
		return cam.Pose
	}
	whole := cam.FramePose(render.SphereOf(m.Bounds))
	pose, ok := p.view.FramePose(cam.Yaw, cam.Pitch, ids...)
	if !ok {
		return whole
	}
	pose.Distance = max(pose.Distance, minFrame*whole.Distance)
	return pose
}

// wrongTint marks a wrong pick: blue, far from the green highlight for every kind of colour
// vision, and the feedback also says it in words.
var wrongTint = content.Color{R: 70, G: 110, B: 235, A: 255}

// occluders lists the structures that hide targets from the camera (once it frames frame): rays
// from the eye to five points of each target's box (its centre and four points around it) are
// cast against the meshes, and whatever they meet before the target is an occluder.
func (p *practice) occluders(targets, frame []string) []string {
	m := p.view.Model()
	if m == nil || len(targets) == 0 {
		return nil
	}
	cam := p.view.Camera()
	cam.Pose = p.framePose(frame)
	eye := cam.Eye()
	ghost := make([]bool, m.Len())
	for i := range m.Scene.Parts {
		ghost[i] = m.Scene.Parts[i].Ghosted
	}
	found := make([]bool, m.Len())
	var out []string
	for _, t := range targets {
		ti := m.Index(t)
		b := m.BoundsOf(t)
		if ti < 0 || b.Empty() {
			continue
		}
		for _, s := range samplePoints(b) {
			for range 12 { // peel what lies in front, one structure at a time
				d := s.Sub(eye)
				hit, ok := m.Pick(eye, d.Norm(), func(i int) (bool, bool) { return !found[i], ghost[i] })
				if !ok || hit.Index == ti || hit.Distance > d.Len() {
					break
				}
				found[hit.Index] = true
				out = append(out, hit.ID)
			}
		}
	}
	return out
}

// samplePoints are the centre of a box and four points a quarter of the way to its edges.
func samplePoints(b content.Box) []render.Vec3 {
	c := b.Center()
	ctr := render.Vec3{float64(c[0]), float64(c[1]), float64(c[2])}
	out := []render.Vec3{ctr}
	for _, k := range []int{0, 1, 2} {
		h := float64(b.Max[k]-b.Min[k]) / 4
		if h <= 0 || len(out) == 5 {
			continue
		}
		lo, hi := ctr, ctr
		lo[k] -= h
		hi[k] += h
		out = append(out, lo, hi)
	}
	return out
}
