package render

import (
	"math"
	"time"
)

// Interaction frames: while the camera moves (drag, zoom, pan, an animated move) the view draws
// each structure at the coarsest simplified level whose error stays under lodTolerancePx pixels
// at its distance, so the frame keeps up with the pointer. settleAfter after the last move a
// full-detail frame follows by itself; the viewer widget has nothing to call.

const settleAfter = 150 * time.Millisecond

// lodTolerancePx is how far (pixels) a coarse level's surface may stray while moving, by the
// simplifier's own (pessimistic) estimate.
var lodTolerancePx = 4.0

// interact marks the camera as moving and (re)arms the timer that draws full detail once it
// stops (mu held).
func (v *View) interact() {
	v.interactUntil = time.Now().Add(settleAfter)
	if v.settle == nil {
		v.settle = time.AfterFunc(settleAfter, v.settled)
	} else {
		v.settle.Reset(settleAfter)
	}
}

// settled asks for a full-detail frame once the camera has stopped.
func (v *View) settled() {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.closed || v.model == nil {
		return
	}
	if wait := time.Until(v.interactUntil); wait > 0 {
		v.settle.Reset(wait)
		return
	}
	v.dirty = true
	select { // under mu, so Close cannot have closed wake
	case v.wake <- struct{}{}:
	default:
	}
}

// Interacting reports whether the view is drawing interaction frames now.
func (v *View) Interacting() bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.interacting(time.Now())
}

// EndInteraction makes the next frame full detail at once (screenshots, tests).
func (v *View) EndInteraction() {
	v.change(func() { v.interactUntil = time.Time{} })
}

func (v *View) interacting(now time.Time) bool { return v.anim != nil || now.Before(v.interactUntil) }

// chooseLevels picks, for each structure, the simplified level to draw in an interaction frame
// (0 is the full mesh), or returns nil for a full-detail frame (mu held).
func (v *View) chooseLevels(now time.Time) []int8 {
	if !v.interacting(now) {
		return nil
	}
	v.model.startLevels()
	return v.levelsWithin(lodTolerancePx)
}

// batchSlack is how much further than lodTolerancePx a batched level may stray before the batch
// is rebuilt (batch.go), so orbiting does not rebuild it every frame.
const batchSlack = 1.5

// levelsWithin gives each structure the coarsest level whose error stays under tolPx pixels at
// its distance (mu held).
func (v *View) levelsWithin(tolPx float64) []int8 {
	m := v.model
	eye := v.cam.Eye()
	pxPerUnit := float64(v.cam.Height) / (2 * math.Tan(v.cam.FovY/2)) // at distance 1
	out := make([]int8, m.Len())
	for i := range out {
		lv := m.levels(i)
		if len(lv) == 0 {
			continue
		}
		s := SphereOf(m.parts[i].box)
		d := eye.Sub(s.Center).Len() - s.Radius
		if d <= 0 {
			continue
		}
		px := pxPerUnit / d
		for j := len(lv) - 1; j >= 0; j-- {
			if float64(lv[j].Error)*px <= tolPx {
				out[i] = int8(j + 1)
				break
			}
		}
	}
	return out
}

// frameBudget is what an interaction frame may cost (draw and read-back). Above it at full
// size, interaction frames are drawn at half width and height, as long as that costs clearly
// less (a frame bound by vertices rather than pixels gains nothing and looks worse); a half-size
// frame under a third of the budget sends them back to full size.
const frameBudget = 24 * time.Millisecond

// noteFrame asks for the next frame at once while a big model is still appearing, and learns
// from an interaction frame whether the next ones need half size. A frame that
// uploaded simplified meshes says nothing about the next ones: the first interaction frame
// uploads a level for every structure, and learning from it chose half size for good on limb30,
// where the stretch costs more than the pixels it saves.
func (v *View) noteFrame(st FrameStats) {
	if st.Pending > 0 { // a big model still appearing: draw the rest next
		v.mu.Lock()
		v.dirty = true
		v.mu.Unlock()
		v.invalidate()
	}
	if !st.Coarse || st.Uploads > 0 {
		return
	}
	cost := st.Draw + st.Readback
	v.mu.Lock()
	defer v.mu.Unlock()
	if st.Half {
		v.halfCost = cost
	} else {
		v.fullCost = cost
	}
	v.halfRes = v.fullCost > frameBudget && (v.halfCost == 0 || v.halfCost < v.fullCost*3/4)
	if st.Half && cost < frameBudget/3 {
		v.halfRes = false
	}
}
