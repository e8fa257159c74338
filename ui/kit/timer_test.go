package kit

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

func TestTimersRunAndStop(t *testing.T) {
	test.NewTempApp(t)
	fired := make(chan string, 10)
	After(5*time.Millisecond, func() { fired <- "after" })
	stopped := After(5*time.Millisecond, func() { fired <- "stopped" })
	stopped()
	stopTick := Every(5*time.Millisecond, func() { fired <- "tick" })
	got := map[string]int{}
	deadline := time.After(5 * time.Second)
	for got["after"] == 0 || got["tick"] < 2 {
		select {
		case s := <-fired:
			got[s]++
		case <-deadline:
			t.Fatalf("timers fired %v in 5 s", got)
		}
	}
	stopTick()
	if got["stopped"] != 0 {
		t.Errorf("a stopped timer fired: %v", got)
	}
}
