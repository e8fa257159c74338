package learning

import (
	"fmt"
	"time"
)

// Grade is an FSRS rating of one answer.
type Grade int8

// The four FSRS grades; the values match go-fsrs's Rating.
const (
	Again Grade = 1 // wrong, or forgotten
	Hard  Grade = 2 // right but slow: effortful recall
	Good  Grade = 3 // right
	Easy  Grade = 4 // right and fast
)

// Valid reports whether g is one of the four grades.
func (g Grade) Valid() bool { return g >= Again && g <= Easy }

func (g Grade) String() string {
	switch g {
	case Again:
		return "again"
	case Hard:
		return "hard"
	case Good:
		return "good"
	case Easy:
		return "easy"
	}
	return fmt.Sprintf("grade(%d)", int8(g))
}

// expectedTimes are typical times for a right answer by someone who knows
// the item, used to tell fluent from effortful recall.
var expectedTimes = map[ItemKind]time.Duration{
	KindFind:          6 * time.Second,
	KindNameChoice:    5 * time.Second,
	KindNameTyped:     10 * time.Second,
	KindMCQ:           15 * time.Second,
	KindProcedureStep: 10 * time.Second,
	KindProcedureTest: 5 * time.Minute,
	KindConsultation:  10 * time.Minute,
	KindDrill:         3 * time.Second,
	KindPin:           5 * time.Second,
}

// ExpectedTime is the typical response time for a right answer to an item
// of the given kind; 10 s for kinds it does not know.
func ExpectedTime(kind ItemKind) time.Duration {
	if d, ok := expectedTimes[kind]; ok {
		return d
	}
	return 10 * time.Second
}

// GradeAnswer grades one answer: wrong is Again; right within half the
// expected time is Easy, within twice the expected time Good, slower Hard.
// A response or expected time ≤ 0 (unknown) grades a right answer Good.
func GradeAnswer(correct bool, response, expected time.Duration) Grade {
	switch {
	case !correct:
		return Again
	case response <= 0 || expected <= 0:
		return Good
	case response <= expected/2:
		return Easy
	case response <= 2*expected:
		return Good
	default:
		return Hard
	}
}

// GradeItem grades an answer to an item of the given kind against that
// kind's [ExpectedTime]: the one grading rule, used after [Bank.Judge] says
// whether an answer is right, and by the progress store for an attempt
// recorded without a grade.
func GradeItem(kind ItemKind, correct bool, response time.Duration) Grade {
	return GradeAnswer(correct, response, ExpectedTime(kind))
}
