package kit

import (
	"time"

	"fyne.io/fyne/v2"
)

// After runs f on the UI goroutine after d; the function returned cancels it.
func After(d time.Duration, f func()) (stop func()) {
	t := time.AfterFunc(d, func() { fyne.Do(f) })
	return func() { t.Stop() }
}

// Every runs f on the UI goroutine every d until stopped.
func Every(d time.Duration, f func()) (stop func()) {
	t := time.NewTicker(d)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-t.C:
				fyne.Do(f)
			case <-done:
				return
			}
		}
	}()
	return func() { t.Stop(); close(done) }
}
