package learning

import (
	"testing"
	"time"
)

func TestGradeAnswer(t *testing.T) {
	const exp = 6 * time.Second
	tests := []struct {
		name     string
		correct  bool
		response time.Duration
		expected time.Duration
		want     Grade
	}{
		{name: "wrong is again", correct: false, response: time.Second, expected: exp, want: Again},
		{name: "wrong and slow is again", correct: false, response: time.Minute, expected: exp, want: Again},
		{name: "right at half expected is easy", correct: true, response: 3 * time.Second, expected: exp, want: Easy},
		{name: "right just over half is good", correct: true, response: 3*time.Second + time.Millisecond, expected: exp, want: Good},
		{name: "right at twice expected is good", correct: true, response: 12 * time.Second, expected: exp, want: Good},
		{name: "right slower than twice is hard", correct: true, response: 12*time.Second + time.Millisecond, expected: exp, want: Hard},
		{name: "unknown response time is good", correct: true, response: 0, expected: exp, want: Good},
		{name: "unknown expected time is good", correct: true, response: time.Second, expected: 0, want: Good},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := GradeAnswer(tt.correct, tt.response, tt.expected); got != tt.want {
				t.Errorf("GradeAnswer(%v, %v, %v) = %v, want %v", tt.correct, tt.response, tt.expected, got, tt.want)
			}
		})
	}
}

func TestExpectedTimeKnowsEveryKind(t *testing.T) {
	for _, k := range Kinds {
		t.Run(string(k), func(t *testing.T) {
			if _, ok := expectedTimes[k]; !ok {
				t.Errorf("no expected time for kind %q", k)
			}
		})
	}
	if got := ExpectedTime("new-kind"); got != 10*time.Second {
		t.Errorf("ExpectedTime(unknown) = %v, want 10s", got)
	}
}

func TestGradeItemUsesTheKindsExpectedTime(t *testing.T) {
	for _, kind := range Kinds {
		e := ExpectedTime(kind)
		for _, resp := range []time.Duration{0, e / 3, e, 3 * e} {
			for _, ok := range []bool{true, false} {
				if got, want := GradeItem(kind, ok, resp), GradeAnswer(ok, resp, e); got != want {
					t.Errorf("GradeItem(%s, %v, %v) = %v, want %v", kind, ok, resp, got, want)
				}
			}
		}
	}
}
