package learning

import (
	"fmt"
	"strings"
	"time"

	"github.com/osteon/osteon/content"
)

// ConsultFailureKind says why a consultation Test failed.
type ConsultFailureKind int8

// The critical failures of a consultation.
const (
	ConsultCriticalReply   ConsultFailureKind = iota // a critical reply was chosen
	ConsultCriticalElement                           // a critical element was never covered
	ConsultUnfinished                                // the conversation never reached its end
)

// ConsultFailure is one critical error.
type ConsultFailure struct {
	Kind    ConsultFailureKind
	Move    int // ConsultCriticalReply: the move (index into Moves), else -1
	Element int // ConsultCriticalElement: the element, else -1
}

// ElementMiss is an element never covered, with the move where a reply missed it (-1: none did).
type ElementMiss struct {
	Element int
	Move    int
}

// ConsultOutcome is the scored result of a consultation Test.
type ConsultOutcome struct {
	Passed   bool
	Score    float64 // (elements covered + empathic replies) ÷ (elements + empathy due), 0..1
	PassMark float64
	// Elements and Covered count the scenario's framework elements and those covered.
	Elements, Covered int
	// EmpathyDue counts the turns met that asked for an empathic reply; EmpathyShown, the
	// empathic replies to them.
	EmpathyDue, EmpathyShown int
	Missed                   []ElementMiss
	Failures                 []ConsultFailure
	Moves                    []ConsultFeedback // each reply judged, in order
	Ended                    bool              // reached an ending turn
	Time                     time.Duration
}

// ScoreConsultation scores a Test run from its moves. ended says the conversation reached an
// ending turn. A critical reply, a critical element never covered, or an unfinished
// conversation fails it whatever the score; otherwise it passes with a score of at least the
// scenario's pass mark.
func ScoreConsultation(c *content.Consultation, moves []ConsultMove, ended bool) ConsultOutcome {
	out := ConsultOutcome{PassMark: c.PassMark, Elements: len(c.Elements), Ended: ended}
	covered := make([]bool, len(c.Elements))
	for i, m := range moves {
		if m.Turn < 0 || m.Turn >= len(c.Turns) || m.Option < 0 || m.Option >= len(c.Turns[m.Turn].Options) {
			continue
		}
		fb := judgeMove(c, m)
		out.Moves = append(out.Moves, fb)
		for _, e := range fb.Covers {
			covered[e] = true
		}
		if fb.EmpathyDue {
			out.EmpathyDue++
			if fb.Empathic {
				out.EmpathyShown++
			}
		}
		if fb.Critical {
			out.Failures = append(out.Failures, ConsultFailure{Kind: ConsultCriticalReply, Move: i, Element: -1})
		}
	}
	for e, ok := range covered {
		if ok {
			out.Covered++
			continue
		}
		out.Missed = append(out.Missed, ElementMiss{Element: e, Move: firstMiss(out.Moves, e)})
		if c.Elements[e].Critical {
			out.Failures = append(out.Failures, ConsultFailure{Kind: ConsultCriticalElement, Move: -1, Element: e})
		}
	}
	if !ended {
		out.Failures = append(out.Failures, ConsultFailure{Kind: ConsultUnfinished, Move: -1, Element: -1})
	}
	out.Score = 1
	if n := out.Elements + out.EmpathyDue; n > 0 {
		out.Score = float64(out.Covered+out.EmpathyShown) / float64(n)
	}
	out.Passed = len(out.Failures) == 0 && out.Score >= c.PassMark-1e-9
	return out
}

// firstMiss is the first move whose reply misses element e, or -1.
func firstMiss(moves []ConsultFeedback, e int) int {
	for i, m := range moves {
		for _, x := range m.Misses {
			if x == e {
				return i
			}
		}
	}
	return -1
}

func init() {
	content.RegisterConsultationCheck(checkModelPasses)
}

// checkModelPasses is the last validation of a scenario: its model consultation (the best
// replies from the start) must reach an ending and pass its own Test.
func checkModelPasses(c *content.Consultation) error {
	cv := ModelRun(c)
	out := ScoreConsultation(c, cv.Moves(), cv.ended && !cv.stopped)
	if out.Passed {
		return nil
	}
	var why []string
	for _, f := range out.Failures {
		switch f.Kind {
		case ConsultCriticalElement:
			why = append(why, fmt.Sprintf("critical element %q is never covered", c.Elements[f.Element].ID))
		case ConsultUnfinished:
			why = append(why, "it never reaches a turn that ends the conversation")
		}
	}
	if len(why) == 0 {
		why = append(why, fmt.Sprintf("it scores %.2f, below the pass mark %.2f", out.Score, c.PassMark))
	}
	return fmt.Errorf("no way to pass: the model consultation (the first best reply of each turn, from the start) fails its Test: %s",
		strings.Join(why, "; "))
}
