package procedures

import (
	"math"
	"strings"
	"time"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/render"
)

// avoidTint is the warning colour of structures a step must keep clear of: magenta, apart from
// the green highlight, red arteries and yellow nerves.
var avoidTint = content.Color{R: 236, G: 52, B: 160, A: 255}

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
// only where the full focus highlights them), tints for structures to avoid (magenta, the
// colour landmark markers have, which are hidden), and a smooth camera move.
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
			v.SetTint(id, avoidTint)
		}
	}
	if p, ok := focusPose(v, f); ok {
		v.SetPose(p, move)
	}
}

func idSet(ids []string) map[string]bool {
	m := make(map[string]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}

// measureClick turns a pick into a location procAttempt: the structure clicked and its distance in
// millimetres from the target (0 on the target structure; to its nearest vertex otherwise).
func measureClick(s *content.Scene, loc *content.Location, hit render.Hit, ok bool) learning.LocationAttempt {
	if !ok || loc == nil {
		return learning.LocationAttempt{}
	}
	p := [3]float64{hit.Point[0] * 1000, hit.Point[1] * 1000, hit.Point[2] * 1000}
	if loc.HasPoint {
		return learning.LocationAttempt{Hit: hit.ID, DistanceMM: distMM(p, loc.Point)}
	}
	if hit.ID == loc.Structure {
		return learning.LocationAttempt{Hit: hit.ID}
	}
	best := math.Inf(1)
	if part := s.Part(loc.Structure); part != nil {
		pos := part.Mesh.Positions
		for i := 0; i+2 < len(pos); i += 3 {
			q := [3]float64{float64(pos[i]) * 1000, float64(pos[i+1]) * 1000, float64(pos[i+2]) * 1000}
			best = math.Min(best, distMM(p, q))
		}
	}
	return learning.LocationAttempt{Hit: hit.ID, DistanceMM: best}
}

func distMM(a, b [3]float64) float64 {
	return math.Sqrt((a[0]-b[0])*(a[0]-b[0]) + (a[1]-b[1])*(a[1]-b[1]) + (a[2]-b[2])*(a[2]-b[2]))
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
