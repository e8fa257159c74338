package render

import (
	"math"
	"time"

	"github.com/osteon/osteon/content"
)

// Tour files give places in millimetres and angles in degrees; the view works in metres and
// radians.
const mmPerMetre = 1000

// ShowStop sets the view to a tour stop: every structure Normal, then the stop's hidden, ghosted
// and highlighted ones; the section plane (or none); and the camera, moved smoothly over d when
// the stop has one. Unknown ids are ignored (the tour reader has reported them).
func (v *View) ShowStop(s *content.TourStop, d time.Duration) error {
	states := map[string]State{}
	for _, l := range []struct {
		ids []string
		st  State
	}{{s.Ghosted, Ghosted}, {s.Highlighted, Highlighted}, {s.Hidden, Hidden}} {
		for _, id := range l.ids {
			states[id] = l.st
		}
	}
	v.SetStates(func(id string, _ State) State { return states[id] })
	sec := Section{}
	if p := s.Section; p != nil {
		sec = Section{On: true, Normal: Vec3(p.Normal), Offset: p.OffsetMM / mmPerMetre}
	}
	if err := v.SetSection(sec); err != nil {
		return err
	}
	if s.HasCamera {
		c := s.Camera
		v.SetPose(Pose{Target: Vec3(c.Target).Scale(1.0 / mmPerMetre), Distance: c.DistanceMM / mmPerMetre,
			Yaw: c.Yaw * math.Pi / 180, Pitch: c.Pitch * math.Pi / 180}, d)
	}
	return nil
}

// CaptureStop records what the view shows as a tour stop (camera, states, section), for an
// author to add a title, narration, selection and pins to.
func (v *View) CaptureStop() content.TourStop {
	v.mu.Lock()
	defer v.mu.Unlock()
	p := v.cam.Pose
	if v.anim != nil {
		p = v.anim.to
	}
	s := content.TourStop{HasCamera: true, Camera: content.TourCamera{
		Target: [3]float64(p.Target.Scale(mmPerMetre)), DistanceMM: p.Distance * mmPerMetre,
		Yaw: p.Yaw * 180 / math.Pi, Pitch: p.Pitch * 180 / math.Pi}}
	if v.section.On {
		s.Section = &content.TourSection{Normal: [3]float64(v.section.Normal), OffsetMM: v.section.Offset * mmPerMetre}
	}
	if v.model == nil {
		return s
	}
	for i, st := range v.states {
		id := v.model.Scene.Parts[i].ID
		switch st {
		case Hidden:
			s.Hidden = append(s.Hidden, id)
		case Ghosted:
			s.Ghosted = append(s.Ghosted, id)
		case Highlighted:
			s.Highlighted = append(s.Highlighted, id)
		}
	}
	return s
}

// PinPoint is a tour pin's place in the view's frame (metres).
func PinPoint(p content.Pin) Vec3 { return Vec3(p.Point).Scale(1.0 / mmPerMetre) }

// PinFromHit makes a pin where a pick landed, for an author placing pins by clicking.
func PinFromHit(h Hit, id, note string) content.Pin {
	return content.Pin{ID: id, Structure: h.ID, Point: [3]float64(h.Point.Scale(mmPerMetre)), Note: note, Answer: h.ID}
}
