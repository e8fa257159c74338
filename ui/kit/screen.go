package kit

import "fyne.io/fyne/v2"

// ID names a screen of the shell, for navigation.
type ID string

// The shell's screens, in the order of the navigation list (Ctrl+1 … Ctrl+7).
const (
	Explore    ID = "explore"
	Practice   ID = "practice"
	Procedures ID = "procedures"
	Drills     ID = "drills"
	Dashboard  ID = "progress"
	Packs      ID = "packs"
	Settings   ID = "settings"
)

// Screen is one destination of the navigation shell. The shell shows Content, tells the screen
// when it is shown and hidden, and gives it the keys typed while nothing has keyboard focus.
type Screen interface {
	ID() ID
	Title() string
	Content() fyne.CanvasObject
	// Shown is called after the screen is put on show, Hidden after another replaces it.
	Shown()
	Hidden()
	// TypedKey and TypedRune get the keys typed with nothing focused while the screen shows;
	// they report whether they used the key.
	TypedKey(ev *fyne.KeyEvent) bool
	TypedRune(r rune) bool
}

// Entry is a screen in the navigation list, built the first time it is shown.
type Entry struct {
	ID    ID
	Title string
	Icon  fyne.Resource
	Build func() Screen
}

// Base gives a screen the Screen methods it has no use for: nothing happens on show and hide,
// and keys pass on.
type Base struct{}

// Shown does nothing.
func (Base) Shown() {}

// Hidden does nothing.
func (Base) Hidden() {}

// TypedKey uses no key.
func (Base) TypedKey(*fyne.KeyEvent) bool { return false }

// TypedRune uses no rune.
func (Base) TypedRune(rune) bool { return false }
