package learning

import (
	"fmt"
	"math"
)

// MasteryParams set how a skill's mastery is estimated (see the package
// documentation for the reasoning).
type MasteryParams struct {
	// HalfLife is the number of newer answers after which an answer's
	// weight has halved.
	HalfLife float64
	// MinEvidence is the number of answers needed before a skill can be
	// mastered.
	MinEvidence int
	// Threshold is the estimate at or above which a skill becomes mastered.
	Threshold float64
	// Keep is the estimate below which a mastered skill stops being
	// mastered (Keep ≤ Threshold).
	Keep float64
}

// Mastery thresholds shared by all skill kinds.
const (
	MasteryThreshold = 0.85
	MasteryKeep      = 0.70
)

// DefaultMasteryParams returns the parameters for a skill kind: half-life
// and minimum evidence 5 for structures and procedures (and unknown kinds),
// 25 for regions and systems.
func DefaultMasteryParams(kind SkillKind) MasteryParams {
	n := 5
	if kind == SkillRegion || kind == SkillSystem {
		n = 25
	}
	return MasteryParams{HalfLife: float64(n), MinEvidence: n,
		Threshold: MasteryThreshold, Keep: MasteryKeep}
}

// decay is λ = 2^(−1/HalfLife), the weight factor per newer answer.
func (p MasteryParams) decay() float64 {
	if p.HalfLife <= 0 {
		return 0
	}
	return math.Exp2(-1 / p.HalfLife)
}

// MasteryState is the running evidence for one skill. The zero value is a
// skill with no evidence.
type MasteryState struct {
	WeightedSum float64 // Σ λ^k x_k
	Weight      float64 // Σ λ^k
	Evidence    int     // number of answers
	Mastered    bool
}

// Estimate is the recency-weighted proportion correct, 0 with no evidence.
func (m MasteryState) Estimate() float64 {
	if m.Weight <= 0 {
		return 0
	}
	return m.WeightedSum / m.Weight
}

// Update adds one answer scored x in [0,1] (clamped) as the newest evidence
// and returns the new state, with Mastered decided by p.
func (m MasteryState) Update(p MasteryParams, x float64) MasteryState {
	if math.IsNaN(x) {
		x = 0
	}
	x = min(max(x, 0), 1)
	l := p.decay()
	m.WeightedSum = l*m.WeightedSum + x
	m.Weight = l*m.Weight + 1
	m.Evidence++
	e := m.Estimate()
	switch {
	case m.Mastered:
		m.Mastered = e >= p.Keep
	default:
		m.Mastered = m.Evidence >= p.MinEvidence && e >= p.Threshold
	}
	return m
}

// EstimateMastery folds scores, oldest first, into a MasteryState.
func EstimateMastery(p MasteryParams, scores []float64) MasteryState {
	var m MasteryState
	for _, x := range scores {
		m = m.Update(p, x)
	}
	return m
}

// Validate checks the parameters.
func (p MasteryParams) Validate() error {
	switch {
	case !(p.HalfLife > 0) || math.IsInf(p.HalfLife, 0):
		return fmt.Errorf("learning: mastery: half-life %v must be positive", p.HalfLife)
	case p.MinEvidence < 1:
		return fmt.Errorf("learning: mastery: minimum evidence %d must be at least 1", p.MinEvidence)
	case !(p.Threshold > 0 && p.Threshold <= 1):
		return fmt.Errorf("learning: mastery: threshold %v must be in (0,1]", p.Threshold)
	case !(p.Keep >= 0 && p.Keep <= p.Threshold):
		return fmt.Errorf("learning: mastery: keep %v must be in [0,threshold]", p.Keep)
	}
	return nil
}
