package learning

import "math"

// DrillCurve is a fitted learning curve over a drill's runs.
type DrillCurve struct {
	Curve
	Runs int
	// Plateau is the score the learner is heading for: the fit's A, but
	// never above the drill's best possible score.
	Plateau float64
	// TrialsTo90 is the run at which the curve comes within 10 % of the
	// plateau; 0 when the fit cannot tell (no plateau above zero, or more
	// than MaxTrialsTo90 runs away).
	TrialsTo90 int
}

// MaxTrialsTo90 is the furthest projection FitDrillCurve reports.
const MaxTrialsTo90 = 1000

// FitDrillCurve fits scores, oldest run first, with FitCurve (Y = A − B/X)
// and reports the plateau and the run at which 90 % of it is reached.
// best is the highest score possible (100 for Osteon's drills; ≤ 0 for no
// limit); a fit heading above it is reported as heading for it, reaching
// 90 % of it when A − B/X = 0.9·best. It returns ErrTooFewPoints for fewer
// than three runs.
func FitDrillCurve(scores []float64, best float64) (DrillCurve, error) {
	c, err := FitCurve(scores)
	if err != nil {
		return DrillCurve{}, err
	}
	d := DrillCurve{Curve: c, Runs: len(scores), Plateau: c.A}
	x := c.TrialsToReach(0.9)
	if best > 0 && c.A > best {
		d.Plateau = best
		x = 1
		if c.B > 0 {
			x = max(1, ceilTrial(c.B/(c.A-0.9*best)))
		}
	}
	if d.Plateau > 0 && x <= MaxTrialsTo90 {
		d.TrialsTo90 = int(x)
	}
	return d, nil
}

// ceilTrial rounds a trial number up, forgiving float noise (6.0000000001 is 6).
func ceilTrial(x float64) float64 { return math.Ceil(x - 1e-9) }
