// Package ui is Osteon's Fyne interface: the window, the navigation shell and the state the
// screens share (progress store, learner, packs, loaded content). Each screen is a package of its
// own under ui/ (explore, practice, procedures, drills, dashboard, packs, settings, tours) that declares
// the small Shell interface it needs; *UI satisfies them all and is the only place screens are
// put together. Shared widgets, signals and the background Runner live in ui/kit. Only ui and
// its subpackages import Fyne.
package ui

import (
	"github.com/osteon/osteon/ui/explore"
	"github.com/osteon/osteon/ui/kit"
	"github.com/osteon/osteon/ui/settings"

	"io/fs"
	"log"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/progress"
	"github.com/osteon/osteon/render"
)

// Config is what main passes in.
type Config struct {
	ModelPath string // model file to open at start; empty opens the built-in model
	TourPath  string // tour file to play at start (its pack opens); empty for none
	// Store is the progress database main opened; nil when it could not be opened (StoreErr
	// says why, about the file at StorePath). Without it, exploring works and practice is off.
	Store     *progress.Store
	StorePath string
	StoreErr  error
	Builtin   fs.FS // the built-in pack (pack.toml at its root)
	Started   time.Time
	Log       *log.Logger
	// NewRunner makes the runner a screen (or the shell) does slow work with; nil starts real
	// background runners. Tests pass kit.InPlace.
	NewRunner func() *kit.Runner
}

// UI is the application window: the shell, the state the screens share (progress store,
// learner, packs, content) and the signals that tell them of changes.
type UI struct {
	app     fyne.App
	win     fyne.Window
	cfg     Config
	run     *kit.Runner // the shell's own slow work: listing packs, loading models
	engine  *render.Engine
	explore *explore.Screen
	shell   *shell
	loading *widget.ProgressBarInfinite

	store         *progress.Store // nil when it could not be opened
	storeErr      error
	lrs           lrsLink // sends to a Learning Record Store, when one is set
	learner       *progress.Learner
	profileButton *widget.Button

	library   *content.Library
	packs     []*content.Pack
	packsErr  error
	current   Content
	engineErr error
	views     []*kit.Viewer // every screen's 3D view, so OpenGL reaches them all
	help      helpDialog    // the keyboard-shortcut list, while it is open

	learnerChanged kit.Signal[*progress.Learner]
	packsChanged   kit.Signal[[]*content.Pack]
	contentChanged kit.Signal[kit.Content]
}

// New builds the window. Call ShowAndRun to start.
func New(a fyne.App, cfg Config) *UI {
	if cfg.Log == nil {
		cfg.Log = log.Default()
	}
	if cfg.Started.IsZero() {
		cfg.Started = time.Now()
	}
	if cfg.NewRunner == nil {
		cfg.NewRunner = kit.NewRunner
	}
	a.Settings().SetTheme(kit.NewTheme())
	u := &UI{app: a, cfg: cfg, win: a.NewWindow("Osteon"), run: cfg.NewRunner()}
	u.library = content.NewLibrary(cfg.Builtin)
	u.explore = explore.New(u)
	u.explore.Viewer().OnFirstFrame = func() {
		u.cfg.Log.Printf("first frame %v after launch", time.Since(u.cfg.Started).Round(time.Millisecond))
	}
	u.loading = widget.NewProgressBarInfinite()
	u.loading.Hide()
	u.profileButton = widget.NewButtonWithIcon("Choose profile", theme.AccountIcon(), u.ShowProfiles)
	u.useStore()
	u.shell = newShell(u.screens(), u.profileButton)
	u.win.SetContent(container.NewBorder(nil, u.loading, nil, nil, u.shell.root))
	u.win.SetMainMenu(u.menu())
	u.win.Resize(fyne.NewSize(1280, 800))
	u.shortcuts()
	u.win.SetCloseIntercept(u.quit)
	return u
}

// ShowAndRun shows the window, starts OpenGL and loads the first model, then runs the app.
func (u *UI) ShowAndRun() {
	u.Start()
	go fyne.Do(u.fitToScreen) // runs once the app's main loop does
	u.win.ShowAndRun()
}

// Start starts OpenGL and loads the first model in the background.
func (u *UI) Start() {
	u.cfg.NewRunner().Go(u.startEngine) // a runner of its own: packs load meanwhile
	u.tellStore()
	u.startSending()
	u.run.Go(u.loadPacks)
	if u.cfg.ModelPath != "" {
		u.loadFile(u.cfg.ModelPath)
	}
}

// startEngine starts OpenGL (background) and gives every view the engine, or the reason there is
// none.
func (u *UI) startEngine() func() {
	e, err := render.NewEngine(render.Options{MSAA: settings.MSAA(u.app.Preferences()), MainThread: fyne.DoAndWait})
	if err != nil {
		u.cfg.Log.Printf("3D view unavailable: %v", err)
		return func() {
			u.engineErr = err
			for _, w := range u.views {
				w.SetUnavailable("3D view unavailable", err.Error(),
					"Everything else works: search the structures in the list and read about each one.")
			}
		}
	}
	info := e.Info()
	u.cfg.Log.Printf("OpenGL: %s, %s (%s), MSAA %dx", info.Backend, info.Renderer, info.Version, info.MSAA)
	return func() {
		u.engine = e
		for _, w := range u.views {
			w.View().SetEngine(e)
		}
	}
}

// quit closes OpenGL off the main thread (a GLFW fallback context must be destroyed there), then
// quits.
func (u *UI) quit() {
	e, st := u.engine, u.store
	u.stopSending()
	u.cfg.NewRunner().Go(func() func() {
		u.explore.Viewer().View().Close()
		if e != nil {
			e.Close()
		}
		if st != nil {
			st.Close()
		}
		return u.app.Quit
	})
}

func (u *UI) loadFile(path string) {
	u.load(filepath.Base(path), func() (*content.Scene, error) { return content.OpenFile(path) }, nil)
}

// load reads a model in the background with a progress bar; on failure it names the file and the
// problem and keeps what was shown.
func (u *UI) load(name string, read func() (*content.Scene, error), pack *content.Pack) {
	u.loading.Show()
	u.loading.Start()
	u.explore.Loading(name)
	u.run.Go(func() func() {
		s, err := read()
		var m *render.Model
		if err == nil {
			m = render.NewModel(s)
		}
		return func() {
			u.loading.Stop()
			u.loading.Hide()
			if err != nil {
				u.explore.LoadFailed()
				u.showLoadError(name, err)
				return
			}
			u.setContent(Content{Pack: pack, Scene: s, Model: m}, name)
		}
	})
}

// OpenModel asks for a model file and opens it in Explore, or for a tour file and plays it.
func (u *UI) OpenModel() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(err, u.win)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		if content.IsTourFile(path) {
			u.OpenTour(path)
			return
		}
		u.shell.show(kit.Explore)
		u.loadFile(path)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".glb", ".gltf", ".obj", ".toml"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

func (u *UI) menu() *fyne.MainMenu {
	open := fyne.NewMenuItem("Open model or tour…", u.OpenModel)
	open.Shortcut = shortcutOpen
	open.Icon = theme.FolderOpenIcon()
	profile := fyne.NewMenuItem("Switch profile…", u.ShowProfiles)
	profile.Icon = theme.AccountIcon()
	file := fyne.NewMenu("File", open, profile)
	reset := fyne.NewMenuItem("Reset view", u.explore.ResetView)
	all := fyne.NewMenuItem("Show all", u.explore.ShowAll)
	undo := fyne.NewMenuItem("Undo", u.explore.Undo)
	undo.Shortcut = &fyne.ShortcutUndo{}
	view := fyne.NewMenu("View", reset, all, undo)
	help := fyne.NewMenu("Help",
		fyne.NewMenuItem("Keyboard shortcuts", u.ShowHelp),
		fyne.NewMenuItem("About Osteon", u.showAbout))
	return fyne.NewMainMenu(file, view, help)
}
