package drills

import (
	"slices"

	"github.com/osteon/osteon/render"
)

// Every structure a Locate scope lists is asked (up to drillsPerRun), so the count in the list
// and the run agree: a target that cannot be clicked from the region's view gets a view of its
// own for its turn. What stands in front of it is ghosted (a solid structure wins a click over
// ghosted ones), and where it is still too small or off screen the camera frames it.

// scopeStates puts the states back as the run shows the region: the region solid, the rest
// ghosted (hidden structures stay hidden).
func (r *locateRun) scopeStates() {
	r.d.view.SetStates(func(id string, cur render.State) render.State {
		switch {
		case cur == render.Hidden:
			return cur
		case r.in[id]:
			return render.Normal
		}
		return render.Ghosted
	})
}

// clickable reports whether id can be clicked from the current view.
func (r *locateRun) clickable(id string) bool {
	return slices.Contains(r.d.view.VisibleTargets([]string{id}, minTargetPx), id)
}

// reveal makes id clickable for its turn: it ghosts what hides it from the camera and, where
// that is not enough, frames it. It reports whether the camera moved.
func (r *locateRun) reveal(id string) (moved bool) {
	if r.clickable(id) {
		return false
	}
	r.unveil(id)
	if r.clickable(id) {
		return false
	}
	v := r.d.view
	if p, ok := v.FramePose(v.Pose().Yaw, v.Pose().Pitch, id); ok {
		v.SetPose(p, 0)
		r.unveil(id)
		return true
	}
	return false
}

// unveil ghosts the structures that stand between the camera and id, so it shows and can be
// clicked (used for a turn, and to show the answer after a miss).
func (r *locateRun) unveil(id string) {
	v := r.d.view
	cam := v.Camera()
	for _, o := range v.Model().Occluders(cam.Eye(), []string{id}) {
		if o != id && v.State(o) != render.Hidden {
			v.SetState(o, render.Ghosted)
		}
	}
}
