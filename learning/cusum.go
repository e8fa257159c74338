package learning

import (
	"fmt"
	"math"
)

// CUSUMParams define a learning-curve CUSUM test (Williams et al. 1992;
// Bolsin & Colson 2000).
type CUSUMParams struct {
	P0    float64 // acceptable failure rate
	P1    float64 // unacceptable failure rate, P1 > P0
	Alpha float64 // type I error: calling acceptable performance unacceptable
	Beta  float64 // type II error: calling unacceptable performance acceptable
}

// DefaultCUSUMParams suit procedural skills assessments: 10 % failures
// acceptable, 30 % unacceptable, α = β = 0.1.
func DefaultCUSUMParams() CUSUMParams {
	return CUSUMParams{P0: 0.10, P1: 0.30, Alpha: 0.10, Beta: 0.10}
}

// CUSUMLimits are derived from CUSUMParams:
//
//	P = ln(p1/p0), Q = ln((1−p0)/(1−p1))
//	s = Q/(P+Q)                 subtracted for each success; 1−s added per failure
//	h0 = ln((1−α)/β)/(P+Q)      lower limit −h0: performance acceptable
//	h1 = ln((1−β)/α)/(P+Q)      upper limit +h1: performance unacceptable
type CUSUMLimits struct {
	S, H0, H1 float64
}

// Limits computes s, h0 and h1.
func (p CUSUMParams) Limits() (CUSUMLimits, error) {
	if !(p.P0 > 0 && p.P0 < p.P1 && p.P1 < 1) {
		return CUSUMLimits{}, fmt.Errorf("learning: cusum: need 0 < p0 < p1 < 1, got p0=%v p1=%v", p.P0, p.P1)
	}
	if !(p.Alpha > 0 && p.Alpha < 1 && p.Beta > 0 && p.Beta < 1) {
		return CUSUMLimits{}, fmt.Errorf("learning: cusum: need α and β in (0,1), got %v, %v", p.Alpha, p.Beta)
	}
	P := math.Log(p.P1 / p.P0)
	Q := math.Log((1 - p.P0) / (1 - p.P1))
	return CUSUMLimits{
		S:  Q / (P + Q),
		H0: math.Log((1-p.Alpha)/p.Beta) / (P + Q),
		H1: math.Log((1-p.Beta)/p.Alpha) / (P + Q),
	}, nil
}

// Decision is what a CUSUM has concluded.
type Decision int8

// The CUSUM decisions.
const (
	Undecided    Decision = iota // no limit crossed since the last decision
	Proficient                   // crossed −h0: failure rate at most p0
	Unacceptable                 // crossed +h1: failure rate at least p1
)

func (d Decision) String() string {
	switch d {
	case Proficient:
		return "proficient"
	case Unacceptable:
		return "unacceptable"
	}
	return "undecided"
}

// CUSUMResult is the chart of a sequence of outcomes.
type CUSUMResult struct {
	Limits CUSUMLimits
	// Trace[i] is the cumulative sum after outcome i; it restarts from 0
	// after each decision, as a sequential test does.
	Trace []float64
	// Decision is the latest decision (Undecided if none yet).
	Decision Decision
	// ProficientAt is the 1-based number of the attempt at which the sum
	// first crossed −h0, or 0 if it never did.
	ProficientAt int
	// Crossings lists every decision in order with its attempt number.
	Crossings []CUSUMCrossing
}

// CUSUMCrossing is one decision taken at attempt number At (1-based).
type CUSUMCrossing struct {
	At       int
	Decision Decision
}

// CUSUM charts outcomes (true = success, oldest first).
func CUSUM(p CUSUMParams, outcomes []bool) (CUSUMResult, error) {
	lim, err := p.Limits()
	if err != nil {
		return CUSUMResult{}, err
	}
	r := CUSUMResult{Limits: lim, Trace: make([]float64, len(outcomes))}
	sum := 0.0
	for i, ok := range outcomes {
		if ok {
			sum -= lim.S
		} else {
			sum += 1 - lim.S
		}
		r.Trace[i] = sum
		d := Undecided
		switch {
		case sum <= -lim.H0:
			d = Proficient
		case sum >= lim.H1:
			d = Unacceptable
		}
		if d == Undecided {
			continue
		}
		r.Decision = d
		r.Crossings = append(r.Crossings, CUSUMCrossing{At: i + 1, Decision: d})
		if d == Proficient && r.ProficientAt == 0 {
			r.ProficientAt = i + 1
		}
		sum = 0
	}
	return r, nil
}
