package learning

import (
	"fmt"
	"math"
	"time"
)

// MasteryParams set how a skill's mastery is estimated (see the package
// documentation for the reasoning).
type MasteryParams struct {
	// HalfLife is the number of newer answers after which an answer's
	// weight has halved.
	HalfLife float64
	// Prior is the weight of the wrong answers every skill starts with:
	// the evidence a learner's first answers have to outweigh. It fades
	// with each answer as a real answer's weight does.
	Prior float64
	// MinEvidence is the number of answers needed before a skill can be
	// mastered.
	MinEvidence int
	// MinOccasions is the number of separate occasions, each at least
	// Spacing after the previous one, with answers for the skill before it
	// can be mastered.
	MinOccasions int
	// Spacing is the least time between two occasions.
	Spacing time.Duration
}

// MasteryThreshold is the estimate from which a skill is mastered, for
// every skill kind. An estimate is never shown at or above it unless the
// skill is mastered (see [MasteryState.Estimate]), so a bar that reaches
// the threshold and the word "mastered" always agree.
const MasteryThreshold = 0.85

// masteryCap is the highest estimate a skill not yet mastered shows: just
// under the threshold, 84 % when written as a whole percentage.
const masteryCap = MasteryThreshold - 0.01

// DefaultMasteryParams returns the parameters for a skill kind: half-life
// 5 answers, a prior of 3 wrong answers and at least 5 answers for
// structures and procedures (and unknown kinds); half-life 25, a prior of
// 10 and at least 25 answers for regions and systems. Every kind needs
// answers on 2 occasions at least 20 hours apart.
func DefaultMasteryParams(kind SkillKind) MasteryParams {
	p := MasteryParams{HalfLife: 5, Prior: 3, MinEvidence: 5, MinOccasions: 2, Spacing: 20 * time.Hour}
	if kind == SkillRegion || kind == SkillSystem {
		p.HalfLife, p.Prior, p.MinEvidence = 25, 10, 25
	}
	return p
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
	WeightedSum float64   // Σ λ^k x_k
	Weight      float64   // Σ λ^k + Prior·λ^n (n answers so far)
	Evidence    int       // number of answers
	Occasions   int       // separate occasions with answers (see MasteryParams.Spacing)
	OccasionAt  time.Time // when the latest occasion began
	Mastered    bool
}

// Estimate is the proportion correct the evidence supports, 0 with no
// evidence: the recency-weighted proportion with the prior's wrong answers
// counted in, and held just under [MasteryThreshold] while the skill is not
// mastered (too few answers or occasions). It is at or above the threshold
// exactly when the skill is mastered.
func (m MasteryState) Estimate() float64 {
	if m.Weight <= 0 || m.Evidence == 0 {
		return 0
	}
	e := m.WeightedSum / m.Weight
	if !m.Mastered && e >= MasteryThreshold {
		e = masteryCap
	}
	return e
}

// Update adds one answer scored x in [0,1] (clamped), given at at, as the
// newest evidence and returns the new state, with Mastered decided by p.
func (m MasteryState) Update(p MasteryParams, x float64, at time.Time) MasteryState {
	if math.IsNaN(x) {
		x = 0
	}
	x = min(max(x, 0), 1)
	l := p.decay()
	if m.Evidence == 0 {
		m.Weight = p.Prior
	}
	m.WeightedSum = l*m.WeightedSum + x
	m.Weight = l*m.Weight + 1
	m.Evidence++
	if m.Occasions == 0 || at.Sub(m.OccasionAt) >= p.Spacing {
		m.Occasions++
		m.OccasionAt = at
	}
	m.Mastered = m.Evidence >= p.MinEvidence && m.Occasions >= p.MinOccasions &&
		m.WeightedSum/m.Weight >= MasteryThreshold
	return m
}

// Scored is one answer as evidence: its score in [0,1] and when it was
// given.
type Scored struct {
	Score float64
	At    time.Time
}

// EstimateMastery folds answers, oldest first, into a MasteryState.
func EstimateMastery(p MasteryParams, answers []Scored) MasteryState {
	var m MasteryState
	for _, a := range answers {
		m = m.Update(p, a.Score, a.At)
	}
	return m
}

// Validate checks the parameters.
func (p MasteryParams) Validate() error {
	switch {
	case !(p.HalfLife > 0) || math.IsInf(p.HalfLife, 0):
		return fmt.Errorf("learning: mastery: half-life %v must be positive", p.HalfLife)
	case !(p.Prior >= 0) || math.IsInf(p.Prior, 0):
		return fmt.Errorf("learning: mastery: prior %v must be zero or positive", p.Prior)
	case p.MinEvidence < 1:
		return fmt.Errorf("learning: mastery: minimum evidence %d must be at least 1", p.MinEvidence)
	case p.MinOccasions < 1:
		return fmt.Errorf("learning: mastery: minimum occasions %d must be at least 1", p.MinOccasions)
	case p.Spacing < 0:
		return fmt.Errorf("learning: mastery: spacing %v must not be negative", p.Spacing)
	}
	return nil
}
