package ui

import (
	"fyne.io/fyne/v2"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/progress"
	"github.com/osteon/osteon/render"
	"github.com/osteon/osteon/ui/kit"
)

// What the screens may ask of the shell. Each screen package declares the few of these it uses
// as its own Shell interface; *UI satisfies them all.

// Window is the main window (dialogs, focus, the clipboard).
func (u *UI) Window() fyne.Window { return u.win }

// Store is the progress store, or nil when it could not be opened (StoreErr says why).
func (u *UI) Store() *progress.Store { return u.store }

// StoreErr says why there is no progress store.
func (u *UI) StoreErr() error { return u.storeErr }

// Learner is who is signed in, or nil.
func (u *UI) Learner() *progress.Learner { return u.learner }

// Content is what is loaded now (UI goroutine).
func (u *UI) Content() kit.Content { return u.current }

// Packs is the installed packs as last listed, and what made some unreadable.
func (u *UI) Packs() ([]*content.Pack, error) { return u.packs, u.packsErr }

// Library is where packs are installed and listed.
func (u *UI) Library() *content.Library { return u.library }

// EngineErr says why there is no 3D view; nil while OpenGL starts or once it runs.
func (u *UI) EngineErr() error { return u.engineErr }

// LearnerChanged tells of sign-ins and sign-outs.
func (u *UI) LearnerChanged() *kit.Signal[*progress.Learner] { return &u.learnerChanged }

// PacksChanged tells of a new listing of the installed packs.
func (u *UI) PacksChanged() *kit.Signal[[]*content.Pack] { return &u.packsChanged }

// ContentChanged tells of a newly loaded pack or model.
func (u *UI) ContentChanged() *kit.Signal[kit.Content] { return &u.contentChanged }

// Show switches to screen id.
func (u *UI) Show(id kit.ID) { u.shell.show(id) }

// Logf writes to the app's log.
func (u *UI) Logf(format string, args ...any) { u.cfg.Log.Printf(format, args...) }

// Preferences are the app's stored settings.
func (u *UI) Preferences() fyne.Preferences { return u.app.Preferences() }

// Engine is OpenGL once started, else nil.
func (u *UI) Engine() *render.Engine { return u.engine }
