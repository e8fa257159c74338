package kit

import "fyne.io/fyne/v2"

// Runner runs slow work (store queries, file reads, installs) off the UI goroutine, one job after
// another in the order given, and brings each job's result back to the UI goroutine with fyne.Do.
// It is the one way screens leave the UI goroutine. Tests build screens with InPlace, so every
// job has finished when the call that started it returns.
type Runner struct {
	jobs chan func() // nil: run in place
}

// NewRunner starts a runner with a goroutine of its own; jobs queue behind one another, so
// answers are saved in the order given and a slow disk never holds up the screen.
func NewRunner() *Runner {
	r := &Runner{jobs: make(chan func(), 256)}
	go func() {
		for j := range r.jobs {
			j()
		}
	}()
	return r
}

// InPlace is a runner for tests: the work and what it returns run at once, in the caller.
func InPlace() *Runner { return &Runner{} }

// Go runs work off the UI goroutine; the function it returns, if not nil, then runs on the UI
// goroutine.
func (r *Runner) Go(work func() (apply func())) {
	job := func() {
		if apply := work(); apply != nil {
			r.Do(apply)
		}
	}
	if r == nil || r.jobs == nil {
		job()
		return
	}
	r.jobs <- job
}

// Do runs f on the UI goroutine, for progress a job reports while it runs.
func (r *Runner) Do(f func()) {
	if r == nil || r.jobs == nil {
		f()
		return
	}
	fyne.Do(f)
}
