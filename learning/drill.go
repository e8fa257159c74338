package learning

import (
	"math"
	"time"
)

// Point is a position on screen in pixels, x to the right, y down.
type Point struct{ X, Y float64 }

func (p Point) sub(q Point) Point     { return Point{p.X - q.X, p.Y - q.Y} }
func (p Point) dot(q Point) float64   { return p.X*q.X + p.Y*q.Y }
func (p Point) scale(k float64) Point { return Point{p.X * k, p.Y * k} }

// LocateTrial is one click of a Locate drill.
type LocateTrial struct {
	Target  string        // structure asked for
	Clicked string        // structure clicked; "" for empty space
	Time    time.Duration // from the name appearing to the click
	// Geometry on screen at the moment of the click, in pixels.
	HasStart bool    // false when the pointer's start is unknown (the first trial)
	Start    Point   // the previous click
	Click    Point   // this click
	Centre   Point   // the target's box centre, projected
	Outline  []Point // the target's box corners, projected (the target's on-screen size)
}

// Hit reports whether the right structure was clicked.
func (t LocateTrial) Hit() bool { return t.Target != "" && t.Clicked == t.Target }

// FittsTrial is one trial's contribution to the throughput.
type FittsTrial struct {
	Index int     // position of the trial in the run, from 0
	D, W  float64 // nominal distance and width along the axis, pixels
	Ae    float64 // effective amplitude: distance moved along the axis
	We    float64 // effective width
	IDe   float64 // effective index of difficulty, bits
	MT    float64 // seconds
}

// LocateScore summarises a Locate run.
type LocateScore struct {
	Trials, Hits int
	Accuracy     float64       // hits / trials
	Answering    time.Duration // sum of the trials' times
	MeanHitTime  time.Duration // mean time of the hits; 0 without hits
	Speed        float64       // trials per minute of answering
	// Throughput is Fitts' throughput in bits/s; 0 when no trial could be
	// measured.
	Throughput float64
	// Effective is true when We came from the spread of the clicks, false
	// when nominal widths were used (too few trials).
	Effective bool
	Fitts     []FittsTrial
	Score     float64 // 0 to 100
}

// Constants of drill scoring.
const (
	// FittsWidthFactor turns the SD of endpoints into an effective width.
	FittsWidthFactor = 4.133
	// MinFittsTrials is the fewest usable trials from which the spread of
	// the clicks is estimated.
	MinFittsTrials = 3
	// LocateTimeScale is the time at which a hit earns half marks.
	LocateTimeScale = 2 * time.Second
)

// ScoreLocate scores a Locate run.
//
// A Locate drill names structures one after another; the learner clicks
// each on the 3D model. Every click is a trial with a time (from the name
// appearing to the click), a result (hit or miss) and its geometry on
// screen, from which ScoreLocate computes accuracy, speed, Fitts'
// throughput and a score.
//
// # Fitts' throughput (ISO 9241-9 style, effective values)
//
// For trial i, in screen pixels at the moment of the click:
//
//	S   start: where the previous click was (unknown for the first trial)
//	T   the target: the centre of its 3D bounding box, projected
//	C   the click
//	u   = (T − S)/|T − S|, the task axis; D = |T − S| the nominal distance
//	W   the target's width along u: the extent, along u, of the 8 projected
//	    corners of its bounding box
//	a   = (C − S)·u, the distance actually moved along the axis (≥ 0)
//	z   = ((C − T)·u)/W, the click's deviation from the centre along the
//	    axis, in target widths
//
// ISO 9241-9 measures the effective width We = 4.133·SD of the endpoints
// along the axis (4.133 = 2·2.066: ±2.066 SD hold 96 % of a normal
// spread). Each Locate trial has its own target and distance, so the
// deviations are pooled in units of each target's width and scaled back:
//
//	We_i  = 4.133 · SD(z) · W_i        (sample SD over the run's trials)
//	IDe_i = log2(a_i / We_i + 1)        bits (Shannon form)
//	TP    = mean_i(IDe_i / MT_i)        bits/s, MT_i the trial's time
//
// Hits all count, and so do near misses: their endpoints widen the spread,
// as ISO 9241-9 intends. A miss aimed elsewhere is a recall error, not a
// pointing one: a miss moving less than half the distance (a < D/2) or
// ending more than two target widths from the target's centre
// (|C − T| > 2W) is left out of the throughput as a spatial outlier (the
// rule of MacKenzie's Fitts' law software), though it still counts against
// accuracy and the score. Hits are never outliers: a 3D structure's box
// centre is only roughly where its shape is, so a click on the structure
// may lie far from it. With fewer than MinFittsTrials usable trials the spread cannot be
// estimated and the nominal values (We = W, a = D) are used instead;
// LocateScore.Effective says which. We is never taken below one pixel.
// MT here runs from the name appearing, so it includes reading the name and
// searching the model: Locate throughputs are lower than those of pure
// pointing tasks (typically 4–5 bits/s with a mouse) and are meant for
// comparing a learner with themselves.
//
// # Score
//
// Each hit earns 100·τ/(τ + t) points for a time t (τ = LocateTimeScale: a
// hit after 2 s earns 50), a miss none; the run's score is the mean over
// its trials, 0 to 100, so runs of different lengths compare.
func ScoreLocate(trials []LocateTrial) LocateScore {
	s := LocateScore{Trials: len(trials)}
	var points float64
	var hitTime time.Duration
	for _, t := range trials {
		s.Answering += max(t.Time, 0)
		if t.Hit() {
			s.Hits++
			hitTime += max(t.Time, 0)
			points += timedPoints(t.Time, LocateTimeScale)
		}
	}
	if s.Trials == 0 {
		return s
	}
	s.Accuracy = float64(s.Hits) / float64(s.Trials)
	s.Score = points / float64(s.Trials)
	if s.Hits > 0 {
		s.MeanHitTime = hitTime / time.Duration(s.Hits)
	}
	if s.Answering > 0 {
		s.Speed = float64(s.Trials) / s.Answering.Minutes()
	}
	s.Fitts, s.Effective = fitts(trials)
	if len(s.Fitts) > 0 {
		var sum float64
		for _, f := range s.Fitts {
			sum += f.IDe / f.MT
		}
		s.Throughput = sum / float64(len(s.Fitts))
	}
	return s
}

// timedPoints is 100·τ/(τ+t): 100 for an instant answer, 50 at τ.
func timedPoints(t, tau time.Duration) float64 {
	sec := max(t.Seconds(), 0)
	return 100 * tau.Seconds() / (tau.Seconds() + sec)
}

// fitts measures every usable trial: a known start, a target away from it
// with a width along the axis, a positive time, and a click aimed at the
// target (a hit, or a miss that is not a spatial outlier).
func fitts(trials []LocateTrial) ([]FittsTrial, bool) {
	var out []FittsTrial
	var zs []float64
	for i, t := range trials {
		if !t.HasStart || t.Time <= 0 || !finitePoints(t.Start, t.Click, t.Centre) {
			continue
		}
		axis := t.Centre.sub(t.Start)
		d := math.Hypot(axis.X, axis.Y)
		if d < 1 {
			continue
		}
		u := axis.scale(1 / d)
		w := extentAlong(t.Outline, u)
		if !(w >= 1) {
			continue
		}
		a := max(t.Click.sub(t.Start).dot(u), 0)
		miss := t.Click.sub(t.Centre)
		if !t.Hit() && (a < d/2 || math.Hypot(miss.X, miss.Y) > 2*w) {
			continue // a spatial outlier: aimed somewhere else
		}
		out = append(out, FittsTrial{Index: i, D: d, W: w, Ae: a, We: w, MT: t.Time.Seconds()})
		zs = append(zs, t.Click.sub(t.Centre).dot(u)/w)
	}
	effective := len(out) >= MinFittsTrials
	sd := sampleSD(zs)
	for i := range out {
		f := &out[i]
		if effective {
			f.We = max(FittsWidthFactor*sd*f.W, 1)
		} else {
			f.Ae = f.D
		}
		f.IDe = math.Log2(f.Ae/f.We + 1)
	}
	return out, effective
}

// extentAlong is the width of the points' shadow on direction u.
func extentAlong(ps []Point, u Point) float64 {
	if len(ps) == 0 {
		return 0
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range ps {
		if !finitePoints(p) {
			return 0
		}
		x := p.dot(u)
		lo, hi = min(lo, x), max(hi, x)
	}
	return hi - lo
}

func finitePoints(ps ...Point) bool {
	for _, p := range ps {
		if math.IsNaN(p.X) || math.IsNaN(p.Y) || math.IsInf(p.X, 0) || math.IsInf(p.Y, 0) {
			return false
		}
	}
	return true
}

// sampleSD is the standard deviation with n−1 in the denominator; 0 for
// fewer than two values.
func sampleSD(xs []float64) float64 {
	if len(xs) < 2 {
		return 0
	}
	var m float64
	for _, x := range xs {
		m += x
	}
	m /= float64(len(xs))
	var ss float64
	for _, x := range xs {
		ss += (x - m) * (x - m)
	}
	return math.Sqrt(ss / float64(len(xs)-1))
}
