package learning

import (
	"errors"
	"fmt"
	"math"
)

// Curve is a fitted learning curve Y = A − B/X, X the trial number from 1.
// For a score that rises with practice B > 0; for a time that falls,
// B < 0. A is the plateau the learner is heading for.
type Curve struct {
	A, B float64
	R2   float64 // coefficient of determination of the fit
	N    int     // number of points fitted
}

// ErrTooFewPoints is returned when a curve cannot be fitted.
var ErrTooFewPoints = errors.New("learning: curve: need at least 3 points at 2 or more distinct trials")

// At is the curve's value at trial x.
func (c Curve) At(x float64) float64 { return c.A - c.B/x }

// TrialsToReach returns the first whole trial at which the curve is within
// (1−frac) of the plateau, i.e. |Y − A| ≤ (1−frac)|A|: X = |B| / ((1−frac)|A|),
// rounded up. With frac 0.9 that is 10|B|/|A|. It returns 1 when the curve
// starts within reach and +Inf when the plateau is 0 or frac ≥ 1.
func (c Curve) TrialsToReach(frac float64) float64 {
	if c.A == 0 || frac >= 1 {
		return math.Inf(1)
	}
	x := math.Abs(c.B) / ((1 - frac) * math.Abs(c.A))
	// Guard against 10*6/10 landing a hair above 6 in floating point.
	x = math.Ceil(x - 1e-9)
	return max(x, 1)
}

// FitCurve fits ys[i] as the value at trial i+1.
func FitCurve(ys []float64) (Curve, error) {
	xs := make([]float64, len(ys))
	for i := range xs {
		xs[i] = float64(i + 1)
	}
	return FitCurvePoints(xs, ys)
}

// FitCurvePoints fits Y = A − B/X by ordinary least squares of Y on U = 1/X.
// Every x must be ≥ 1 and every value finite.
func FitCurvePoints(xs, ys []float64) (Curve, error) {
	if len(xs) != len(ys) {
		return Curve{}, fmt.Errorf("learning: curve: %d x values but %d y values", len(xs), len(ys))
	}
	n := float64(len(xs))
	var su, sy float64
	for i, x := range xs {
		if !(x >= 1) || math.IsInf(x, 0) || math.IsNaN(ys[i]) || math.IsInf(ys[i], 0) {
			return Curve{}, fmt.Errorf("learning: curve: point %d (%v, %v) out of range", i, x, ys[i])
		}
		su += 1 / x
		sy += ys[i]
	}
	if len(xs) < 3 {
		return Curve{}, ErrTooFewPoints
	}
	mu, my := su/n, sy/n
	var suu, suy, syy float64
	for i, x := range xs {
		du, dy := 1/x-mu, ys[i]-my
		suu += du * du
		suy += du * dy
		syy += dy * dy
	}
	if suu < 1e-12 {
		return Curve{}, ErrTooFewPoints
	}
	slope := suy / suu // Y = A + slope·U, so B = −slope
	c := Curve{A: my - slope*mu, B: -slope, N: len(xs), R2: 1}
	if syy > 0 {
		c.R2 = suy * suy / (suu * syy)
	}
	return c, nil
}
