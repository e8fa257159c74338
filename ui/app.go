// Package ui is Osteon's Fyne interface: the navigation shell, the screens and the 3D viewer
// widget. It is the only package that imports Fyne. Slow work (loading models, starting OpenGL)
// runs off the UI goroutine and comes back through fyne.Do.
package ui

import (
	"github.com/osteon/osteon/ui/kit"

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
	DBPath    string // progress database; empty: progress.DefaultPath
	Builtin   fs.FS  // the built-in pack (pack.toml at its root)
	Started   time.Time
	Log       *log.Logger
}

// UI is the application window and its screens.
type UI struct {
	app     fyne.App
	win     fyne.Window
	cfg     Config
	engine  *render.Engine
	view    *render.View
	viewer  *kit.Viewer
	explore *explore
	shell   *shell
	loading *widget.ProgressBarInfinite

	store            *progress.Store // nil until open, or when it cannot be opened
	storeErr         error
	learner          *progress.Learner
	learnerListeners []func(*progress.Learner)
	profileButton    *widget.Button

	library          *content.Library
	packs            []*content.Pack
	packsErr         error
	packListeners    []func([]*content.Pack)
	current          Content
	contentListeners []func(Content)
	engineErr        error
	views            []*kit.Viewer // every screen's 3D view, so OpenGL reaches them all
}

// New builds the window. Call ShowAndRun to start.
func New(a fyne.App, cfg Config) *UI {
	if cfg.Log == nil {
		cfg.Log = log.Default()
	}
	if cfg.Started.IsZero() {
		cfg.Started = time.Now()
	}
	a.Settings().SetTheme(newTheme())
	u := &UI{app: a, cfg: cfg, win: a.NewWindow("Osteon")}
	u.library = content.NewLibrary(cfg.Builtin)
	u.view, u.viewer = u.newView()
	u.viewer.OnFirstFrame = func() {
		u.cfg.Log.Printf("first frame %v after launch", time.Since(u.cfg.Started).Round(time.Millisecond))
	}
	u.explore = newExplore(u.viewer)
	u.explore.onOpen = u.openDialog
	u.explore.onHelp = u.showHelp
	u.packChooser()
	u.loading = widget.NewProgressBarInfinite()
	u.loading.Hide()
	u.profileButton = widget.NewButtonWithIcon("Choose profile", theme.AccountIcon(), u.showProfiles)
	u.shell = newShell(u.screens(), u.profileButton)
	u.win.SetContent(container.NewBorder(nil, u.loading, nil, nil, u.shell.root))
	u.win.SetMainMenu(u.menu())
	u.win.Resize(fyne.NewSize(1280, 800))
	u.shortcuts()
	u.win.SetCloseIntercept(u.quit)
	return u
}

// Window is the main window.
func (u *UI) Window() fyne.Window { return u.win }

// ShowAndRun shows the window, starts OpenGL and loads the first model, then runs the app.
func (u *UI) ShowAndRun() {
	u.Start()
	u.win.ShowAndRun()
}

// Start starts OpenGL and loads the first model in the background.
func (u *UI) Start() {
	go u.startEngine()
	go u.openStore()
	go u.loadPacks()
	if u.cfg.ModelPath != "" {
		u.loadFile(u.cfg.ModelPath)
	}
}

func (u *UI) startEngine() {
	e, err := render.NewEngine(render.Options{MSAA: msaaSetting(u.app), MainThread: fyne.DoAndWait})
	if err != nil {
		u.cfg.Log.Printf("3D view unavailable: %v", err)
		fyne.Do(func() {
			u.engineErr = err
			for _, w := range u.views {
				w.SetUnavailable("3D view unavailable", err.Error(),
					"Everything else works: search the structures in the list and read about each one.")
			}
		})
		return
	}
	info := e.Info()
	u.cfg.Log.Printf("OpenGL: %s, %s (%s), MSAA %dx", info.Backend, info.Renderer, info.Version, info.MSAA)
	fyne.Do(func() {
		u.engine = e
		for _, w := range u.views {
			w.View().SetEngine(e)
		}
	})
}

// quit closes OpenGL off the main thread (a GLFW fallback context must be destroyed there), then
// quits.
func (u *UI) quit() {
	e, st := u.engine, u.store
	go func() {
		u.view.Close()
		if e != nil {
			e.Close()
		}
		if st != nil {
			st.Close()
		}
		fyne.Do(u.app.Quit)
	}()
}

func (u *UI) loadFile(path string) {
	u.load(filepath.Base(path), func() (*content.Scene, error) { return content.OpenFile(path) }, nil)
}

// load reads a model in the background with a progress bar; on failure it names the file and the
// problem and keeps what was shown.
func (u *UI) load(name string, read func() (*content.Scene, error), pack *content.Pack) {
	u.loading.Show()
	u.loading.Start()
	u.explore.status.SetText("Loading " + name + "…")
	go func() {
		s, err := read()
		var m *render.Model
		if err == nil {
			m = render.NewModel(s)
		}
		fyne.Do(func() {
			u.loading.Stop()
			u.loading.Hide()
			if err != nil {
				u.explore.status.SetText(sceneStatus(u.explore.scene))
				u.showLoadError(name, err)
				return
			}
			u.setContent(Content{Pack: pack, Scene: s, Model: m}, name)
		})
	}()
}

func (u *UI) openDialog() {
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
		u.shell.show(0)
		u.loadFile(path)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".glb", ".gltf", ".obj"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

func (u *UI) menu() *fyne.MainMenu {
	open := fyne.NewMenuItem("Open model…", u.openDialog)
	open.Shortcut = shortcutOpen
	open.Icon = theme.FolderOpenIcon()
	profile := fyne.NewMenuItem("Switch profile…", u.showProfiles)
	profile.Icon = theme.AccountIcon()
	file := fyne.NewMenu("File", open, profile)
	reset := fyne.NewMenuItem("Reset view", func() { u.view.ResetView(kit.CameraMove) })
	all := fyne.NewMenuItem("Show all", u.explore.showAll)
	undo := fyne.NewMenuItem("Undo", u.explore.undoLast)
	undo.Shortcut = &fyne.ShortcutUndo{}
	view := fyne.NewMenu("View", reset, all, undo)
	help := fyne.NewMenu("Help",
		fyne.NewMenuItem("Keyboard shortcuts", u.showHelp),
		fyne.NewMenuItem("About Osteon", u.showAbout))
	return fyne.NewMainMenu(file, view, help)
}
