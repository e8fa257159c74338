// Package kit holds what Osteon's screens share: the 3D viewer widget, text and layout helpers,
// charts, typed signals for learner, pack and content changes, the one Runner that takes slow
// work off the UI goroutine, and the Screen interface the shell navigates by id. Screen packages
// import kit and never each other.
package kit
