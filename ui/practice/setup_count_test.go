package practice

import (
	"testing"

	"github.com/osteon/osteon/learning"
)

// TestCountTextAddsUp: the setup's parts add up to its total ("29 questions: 0 due for review,
// 22 new" left 7 unexplained).
func TestCountTextAddsUp(t *testing.T) {
	for _, tt := range []struct {
		c    learning.Count
		want string
	}{
		{learning.Count{Items: 29, Due: 0, New: 22, Ahead: 7}, "29 questions in this choice: 0 due for review, 22 new, 7 learned and not due yet."},
		{learning.Count{Items: 10, Due: 0, New: 10}, "10 questions in this choice: 0 due for review, 10 new."},
		{learning.Count{Items: 10, Due: 3, New: 0, Ahead: 7}, "10 questions in this choice: 3 due for review, 0 new, 7 learned and not due yet."},
	} {
		if got := countText(tt.c); got != tt.want {
			t.Errorf("countText(%+v) = %q, want %q", tt.c, got, tt.want)
		}
	}
}
