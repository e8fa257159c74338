package ui

// inBackground runs slow work (store queries, file reads) off the UI goroutine; the work comes
// back with fyne.Do. The package's tests make it run in place (see TestMain): Fyne's test driver
// runs fyne.Do inline, and work still running after a test ends would touch a torn-down app.
var inBackground = func(f func()) { go f() }
