// Package kittest is a test shell for screen packages: a real window from Fyne's test driver, a
// real progress store when the test gives one, and the signals and navigation of the app's shell
// without its other screens. Screen tests build their screen on it and mount it.
package kittest

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/progress"
	"github.com/osteon/osteon/render"
	"github.com/osteon/osteon/ui/kit"
)

// Shell stands in for the app's shell in screen tests.
type Shell struct {
	T   testing.TB
	App fyne.App
	Win fyne.Window

	St         *progress.Store
	StErr      error
	Who        *progress.Learner
	Cur        kit.Content
	PackList   []*content.Pack
	PacksErr   error
	Lib        *content.Library
	Eng        *render.Engine
	EngErr     error
	Screen     kit.Screen // the mounted screen
	Navigated  []kit.ID   // the screens the screen asked to show, in order
	Profiles   int        // how often the profile picker was asked for
	Weakest    int        // how often "practise my weakest" was asked for
	ModelAsks  int        // how often a model file was asked for
	HelpAsks   int        // how often the list of keys was asked for
	OnWeakest  func()     // what "practise my weakest" does, if set
	OnOpenPack func(*content.Pack)

	learners kit.Signal[*progress.Learner]
	packs    kit.Signal[[]*content.Pack]
	contents kit.Signal[kit.Content]
}

// New is a shell with a test app and window at 1280x800 and LANG set for the test.
func New(t testing.TB) *Shell {
	t.Helper()
	t.Setenv("LANG", "en_US.UTF-8")
	a := test.NewTempApp(t)
	a.Settings().SetTheme(kit.NewTheme())
	w := a.NewWindow("Osteon test")
	w.Resize(fyne.NewSize(1280, 800))
	return &Shell{T: t, App: a, Win: w}
}

// Mount shows sc alone in the window, routes the window's unfocused keys to it, tells it it is
// shown and lays the window out.
func (s *Shell) Mount(sc kit.Screen) {
	s.Screen = sc
	s.Win.SetContent(sc.Content())
	c := s.Win.Canvas()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) { sc.TypedKey(ev) })
	c.SetOnTypedRune(func(r rune) { sc.TypedRune(r) })
	s.Win.Resize(fyne.NewSize(1280, 800))
	sc.Shown()
	c.Capture()
}

// Window is the test window.
func (s *Shell) Window() fyne.Window { return s.Win }

// Store is the test's store (nil unless set).
func (s *Shell) Store() *progress.Store { return s.St }

// StoreErr is why there is no store.
func (s *Shell) StoreErr() error {
	if s.St == nil && s.StErr == nil {
		return fmt.Errorf("kittest: no store")
	}
	return s.StErr
}

// Learner is who is signed in.
func (s *Shell) Learner() *progress.Learner { return s.Who }

// Content is what is loaded.
func (s *Shell) Content() kit.Content { return s.Cur }

// Packs is the listing.
func (s *Shell) Packs() ([]*content.Pack, error) { return s.PackList, s.PacksErr }

// Library is the test's library.
func (s *Shell) Library() *content.Library { return s.Lib }

// Engine is the test's engine, if any.
func (s *Shell) Engine() *render.Engine { return s.Eng }

// EngineErr is why there is no engine.
func (s *Shell) EngineErr() error { return s.EngErr }

// LearnerChanged is the learner signal.
func (s *Shell) LearnerChanged() *kit.Signal[*progress.Learner] { return &s.learners }

// PacksChanged is the packs signal.
func (s *Shell) PacksChanged() *kit.Signal[[]*content.Pack] { return &s.packs }

// ContentChanged is the content signal.
func (s *Shell) ContentChanged() *kit.Signal[kit.Content] { return &s.contents }

// Show records the navigation; showing another screen than the mounted one hides it.
func (s *Shell) Show(id kit.ID) {
	s.Navigated = append(s.Navigated, id)
	if s.Screen != nil && id != s.Screen.ID() {
		s.Screen.Hidden()
	}
}

// Current is the last screen navigated to, else the mounted one's id.
func (s *Shell) Current() kit.ID {
	if n := len(s.Navigated); n > 0 {
		return s.Navigated[n-1]
	}
	if s.Screen != nil {
		return s.Screen.ID()
	}
	return ""
}

// ShowProfiles counts the asks.
func (s *Shell) ShowProfiles() { s.Profiles++ }

// PractiseWeakest counts the asks and runs OnWeakest.
func (s *Shell) PractiseWeakest() {
	s.Weakest++
	if s.OnWeakest != nil {
		s.OnWeakest()
	}
}

// Logf logs to the test.
func (s *Shell) Logf(format string, args ...any) { s.T.Logf(format, args...) }

// Preferences are the test app's.
func (s *Shell) Preferences() fyne.Preferences { return s.App.Preferences() }

// NewView is a 3D view and its widget, with the test's engine when it has one.
func (s *Shell) NewView() (*render.View, *kit.Viewer) {
	v := render.NewView(nil)
	if s.Eng != nil {
		v.SetEngine(s.Eng)
	}
	return v, kit.NewViewer(v)
}

// SetLearner signs l in (nil: out) and tells the screen.
func (s *Shell) SetLearner(l *progress.Learner) {
	s.Who = l
	s.learners.Emit(l)
}

// SetContent makes c current and tells the screen.
func (s *Shell) SetContent(c kit.Content) {
	s.Cur = c
	s.contents.Emit(c)
}

// OpenPack loads p's scene at once and makes it current (OnOpenPack, if set, instead).
func (s *Shell) OpenPack(p *content.Pack) {
	if s.OnOpenPack != nil {
		s.OnOpenPack(p)
		return
	}
	sc, err := content.LoadPackScene(context.Background(), p)
	if err != nil {
		s.T.Fatalf("kittest: open pack %s: %v", p.ID, err)
	}
	s.SetContent(kit.Content{Pack: p, Scene: sc, Model: render.NewModel(sc)})
}

// RefreshPacks lists the library again at once and tells the screen.
func (s *Shell) RefreshPacks() {
	s.PackList, s.PacksErr = s.Lib.List(context.Background())
	s.packs.Emit(s.PackList)
}

// OpenStore opens a fresh progress store in the test's temporary folder, makes it the shell's
// and creates the learner Ada (not signed in). The store closes when the test ends.
func (s *Shell) OpenStore() (*progress.Store, progress.Learner) {
	s.T.Helper()
	ctx := context.Background()
	st, err := progress.Open(ctx, filepath.Join(s.T.TempDir(), "p.db"))
	if err != nil {
		s.T.Fatal(err)
	}
	s.T.Cleanup(func() { st.Close() })
	l, err := st.CreateLearner(ctx, "Ada", "")
	if err != nil {
		s.T.Fatal(err)
	}
	s.St = st
	return st, l
}

// OpenModel counts the asks for a model file.
func (s *Shell) OpenModel() { s.ModelAsks++ }

// ShowHelp counts the asks for the list of keys.
func (s *Shell) ShowHelp() { s.HelpAsks++ }
