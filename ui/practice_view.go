package ui

import (
	"math"

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
	if s := p.u.Content().Scene; s != nil {
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

// wrongTint marks a wrong pick: blue, far from the amber highlight for every kind of colour
// vision, and the feedback also says it in words.
var wrongTint = content.Color{R: 70, G: 110, B: 235, A: 255}

// occluders lists the structures whose boxes the lines of sight from the camera (once it frames
// frame) to the centres of targets cross before reaching them.
func (p *practice) occluders(targets, frame []string) []string {
	m := p.view.Model()
	if m == nil || len(targets) == 0 {
		return nil
	}
	cam := p.view.Camera()
	cam.Pose = p.framePose(frame)
	eye := cam.Eye()
	skip := map[string]bool{}
	for _, t := range targets {
		skip[t] = true
	}
	var out []string
	for _, t := range targets {
		b := m.BoundsOf(t)
		if b.Empty() {
			continue
		}
		c := b.Center()
		to := render.Vec3{float64(c[0]), float64(c[1]), float64(c[2])}
		for i := range m.Scene.Parts {
			id := m.Scene.Parts[i].ID
			if !skip[id] && crosses(eye, to, m.BoundsOf(id)) {
				skip[id] = true
				out = append(out, id)
			}
		}
	}
	return out
}

// crosses reports whether the segment from a to b passes through box (slab test).
func crosses(a, b render.Vec3, box content.Box) bool {
	if box.Empty() {
		return false
	}
	t0, t1 := 0.0, 1.0
	for k := range 3 {
		d := b[k] - a[k]
		lo, hi := float64(box.Min[k]), float64(box.Max[k])
		if math.Abs(d) < 1e-12 {
			if a[k] < lo || a[k] > hi {
				return false
			}
			continue
		}
		u, v := (lo-a[k])/d, (hi-a[k])/d
		if u > v {
			u, v = v, u
		}
		t0, t1 = max(t0, u), min(t1, v)
		if t0 > t1 {
			return false
		}
	}
	return t0 < 1 // the segment meets the box before its end
}
