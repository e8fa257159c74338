package procedures

import (
	"math"
	"strings"
	"time"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/render"
	"github.com/osteon/osteon/ui/kit"
)

// procedureMove is how long the camera takes to move to a step's anatomy.
const procedureMove = 700 * time.Millisecond

// focusMode says how much of a step's focus is shown: everything (Learn, and Practice after a
// step is done), the warnings only (Practice while the learner looks for the site), or nothing
// but the camera (Test).
type focusMode int

const (
	focusFull focusMode = iota
	focusWarnings
	focusNone
)

// procedureForLearning turns a pack's procedure into the walkthrough's.
func procedureForLearning(p content.Procedure) learning.Procedure {
	out := learning.Procedure{ID: p.ID, Title: p.Title}
	for _, s := range p.Steps {
		ls := learning.ProcedureStep{ID: s.ID, Instruction: s.Instruction, Rationale: s.Rationale, Group: s.Group,
			After: s.After, Critical: s.Critical, Expected: time.Duration(s.ExpectedSeconds * float64(time.Second))}
		if s.Location != nil {
			ls.Location = &learning.StepLocation{ToleranceMM: s.Location.ToleranceMM, Avoid: s.Focus.Avoid}
		}
		out.Steps = append(out.Steps, ls)
	}
	for _, e := range p.Errors {
		out.Errors = append(out.Errors, learning.ProcedureError{ID: e.ID, Text: e.Text, Feedback: e.Feedback,
			Critical: e.Critical, At: e.At, InsteadOf: e.InsteadOf})
	}
	return out
}

// focusFramed lists the structures the camera fits for a focus: Frame, else the highlighted and
// avoided ones.
func focusFramed(f content.Focus) []string {
	if len(f.Frame) > 0 {
		return f.Frame
	}
	return append(append([]string(nil), f.Highlight...), f.Avoid...)
}

// focusPose is where the camera goes for a focus; false when the focus names no place.
func focusPose(v *render.View, f content.Focus) (render.Pose, bool) {
	yaw, pitch := f.Yaw*math.Pi/180, f.Pitch*math.Pi/180
	if f.DistanceMM > 0 {
		t := render.Vec3{f.Target[0] / 1000, f.Target[1] / 1000, f.Target[2] / 1000}
		return render.Pose{Target: t, Distance: f.DistanceMM / 1000, Yaw: yaw, Pitch: pitch}, true
	}
	ids := focusFramed(f)
	m := v.Model()
	if len(ids) == 0 || m == nil {
		return render.Pose{}, false
	}
	p, ok := v.FramePose(yaw, pitch, ids...)
	if r := render.SphereOf(m.BoundsOf(ids...)).Radius; ok && r > 0 && r < minFrameRadius {
		p.Distance *= minFrameRadius / r // keep some of the limb around a small structure
	}
	return p, ok
}

// minFrameRadius (metres) is the least radius focusFramed, so a step's anatomy is seen in its place.
const minFrameRadius = 0.1

// showFocus sets the view for a step's focus: states (skin stays ghosted, landmark markers show
// only where the full focus highlights them), structures to avoid in the keep-clear colour
// (render.MeaningAvoid), and a smooth camera move.
func showFocus(v *render.View, f content.Focus, mode focusMode, move time.Duration) {
	m := v.Model()
	if m == nil {
		return
	}
	highlight := idSet(f.Highlight)
	ghost := idSet(f.Ghost)
	v.SetStates(func(id string, _ render.State) render.State {
		st := m.Scene.Part(id)
		switch {
		case st == nil:
			return render.Normal
		case mode == focusFull && highlight[id]:
			return render.Highlighted
		case strings.EqualFold(st.System, "landmark"):
			return render.Hidden // markers show only where a step highlights them
		case st.Ghosted || ghost[id]:
			return render.Ghosted
		}
		return render.Normal
	})
	v.ClearTints()
	if mode != focusNone {
		for _, id := range f.Avoid {
			v.Mark(id, render.MeaningAvoid)
		}
	}
	if p, ok := focusPose(v, f); ok {
		v.SetPose(p, move)
	}
}

// focusKeys explain the colours showFocus paints for f in mode.
func focusKeys(f content.Focus, mode focusMode) []kit.Key {
	var keys []kit.Key
	if mode == focusFull && len(f.Highlight) > 0 {
		keys = append(keys, kit.Key{Meaning: render.MeaningAnswer, Label: "This step's anatomy"})
	}
	if mode != focusNone && len(f.Avoid) > 0 {
		keys = append(keys, kit.Key{Meaning: render.MeaningAvoid})
	}
	return keys
}

// focus shows a focus on the screen's model and explains its colours in the legend.
func (s *procedures) focus(f content.Focus, mode focusMode) {
	if s.view.Model() == nil {
		return
	}
	showFocus(s.view, f, mode, s.move)
	s.legend.Set(focusKeys(f, mode)...)
}

func idSet(ids []string) map[string]bool {
	m := make(map[string]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}

// measureClick turns a pick into a location attempt: the structure clicked and its distance in
// millimetres from the target (0 on the target structure; to its mesh surface otherwise).
func measureClick(m *render.Model, loc *content.Location, hit render.Hit, ok bool) learning.LocationAttempt {
	if !ok || loc == nil {
		return learning.LocationAttempt{}
	}
	if loc.HasPoint {
		site := render.Vec3{loc.Point[0] / 1000, loc.Point[1] / 1000, loc.Point[2] / 1000}
		return learning.LocationAttempt{Hit: hit.ID, DistanceMM: 1000 * hit.Point.Sub(site).Len()}
	}
	if hit.ID == loc.Structure {
		return learning.LocationAttempt{Hit: hit.ID}
	}
	best := math.Inf(1)
	if d, ok := m.SurfaceDistance(loc.Structure, hit.Point); ok {
		best = 1000 * d
	}
	return learning.LocationAttempt{Hit: hit.ID, DistanceMM: best}
}

// overviewFocus is how a procedure is shown before it starts: its place step's focus, else its
// first focus that names a place.
func overviewFocus(p content.Procedure) content.Focus {
	for _, s := range p.Steps {
		if s.Location != nil && len(focusFramed(s.Focus)) > 0 {
			return s.Focus
		}
	}
	for _, s := range p.Steps {
		if len(focusFramed(s.Focus)) > 0 {
			return s.Focus
		}
	}
	return content.Focus{Highlight: p.Structures}
}
