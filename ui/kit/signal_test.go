package kit

import (
	"slices"
	"testing"
)

func TestSignalTellsSubscribersInOrder(t *testing.T) {
	var s Signal[int]
	var got []string
	s.Emit(1) // nobody listens yet
	s.Subscribe(func(v int) { got = append(got, "a", string(rune('0'+v))) })
	s.Subscribe(func(v int) { got = append(got, "b", string(rune('0'+v))) })
	s.Emit(2)
	s.Emit(3)
	if want := []string{"a", "2", "b", "2", "a", "3", "b", "3"}; !slices.Equal(got, want) {
		t.Errorf("heard %v, want %v", got, want)
	}
}

func TestRunnerInPlace(t *testing.T) {
	r := InPlace()
	var steps []string
	r.Go(func() func() {
		steps = append(steps, "work")
		return func() { steps = append(steps, "apply") }
	})
	r.Go(func() func() { steps = append(steps, "work only"); return nil })
	if want := []string{"work", "apply", "work only"}; !slices.Equal(steps, want) {
		t.Errorf("steps %v, want %v", steps, want)
	}
}

func TestRunnerKeepsOrderOffTheCaller(t *testing.T) {
	r := NewRunner()
	done := make(chan int, 100)
	for i := range 100 {
		r.Go(func() func() { done <- i; return nil })
	}
	for i := range 100 {
		if got := <-done; got != i {
			t.Fatalf("job %d ran as number %d", got, i)
		}
	}
}
