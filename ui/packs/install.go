package packs

import (
	"github.com/osteon/osteon/ui/kit"

	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/content"
)

// progressEvery is how often an install's progress reaches the screen, at most.
const progressEvery = 100 * time.Millisecond

// packInstaller is the install part of the Packs screen: the buttons, the "for everyone" choice,
// the progress bar, and the report when a pack is refused.
type packInstaller struct {
	s            *packsScreen
	zipButton    *widget.Button
	folderButton *widget.Button
	system       *widget.Check
	systemNote   *widget.Label
	bar          fyne.CanvasObject
	progress     *widget.ProgressBar
	progressText *widget.Label
	progressBox  fyne.CanvasObject
	cancel       context.CancelFunc
	name         string // the file being installed, for messages
	lastDir      string // the folder that held the last pack chosen: the next dialog starts there
	updates      int    // progress updates shown during this install (for tests)
}

func newPackInstaller(s *packsScreen) *packInstaller {
	i := &packInstaller{s: s}
	i.zipButton = widget.NewButtonWithIcon("Install from .zip file…", theme.FileIcon(), i.chooseZip)
	i.folderButton = widget.NewButtonWithIcon("Install from folder…", theme.FolderOpenIcon(), i.chooseFolder)
	i.system = widget.NewCheck("For everyone on this computer", nil)
	i.system.Disable()
	i.systemNote = widget.NewLabel("Checking whether packs can be installed for everyone…")
	i.systemNote.Wrapping = fyne.TextWrapWord
	i.systemNote.TextStyle.Italic = true
	i.bar = container.NewBorder(nil, nil, container.NewHBox(i.zipButton, i.folderButton, i.system), nil, i.systemNote)
	i.progress = widget.NewProgressBar()
	i.progressText = widget.NewLabel("")
	i.progressText.Truncation = fyne.TextTruncateEllipsis
	stop := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() {
		if i.cancel != nil {
			i.cancel()
		}
	})
	i.progressBox = container.NewBorder(nil, nil, nil, stop, container.NewVBox(i.progressText, i.progress))
	i.progressBox.Hide()
	return i
}

// probeSystem finds out, off the UI goroutine, whether this user may write the system-wide folder.
func (i *packInstaller) probeSystem() {
	dir := i.s.sh.Library().SystemInstallDir
	i.s.run.Go(func() func() {
		ok := writableDir(dir)
		return func() { i.setSystemWritable(dir, ok) }
	})
}

func (i *packInstaller) setSystemWritable(dir string, ok bool) {
	if ok {
		i.system.Enable()
		i.systemNote.SetText("For everyone: into " + dir + ", where every account on this computer finds it.")
		return
	}
	i.system.SetChecked(false)
	i.system.Disable()
	cmd := "sudo osteon pack install --system FILE"
	if runtime.GOOS == "windows" {
		cmd = "osteon pack install --system FILE (in a command prompt run as administrator)"
	}
	i.systemNote.SetText("Packs you install are for you only. An administrator installs packs for everyone with: " + cmd)
}

// writableDir reports whether a file can be created in dir, or in the nearest folder above it
// that exists (an install creates the rest).
func writableDir(dir string) bool {
	if dir == "" {
		return false
	}
	for {
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			break
		}
		up := filepath.Dir(dir)
		if up == dir {
			return false
		}
		dir = up
	}
	f, err := os.CreateTemp(dir, ".osteon-probe-*")
	if err != nil {
		return false
	}
	f.Close()
	os.Remove(f.Name())
	return true
}

func (i *packInstaller) chooseZip() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(err, i.s.sh.Window())
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		i.start(path)
	}, i.s.sh.Window())
	d.SetFilter(storage.NewExtensionFileFilter([]string{".zip"}))
	d.SetTitleText("Install a pack from a .zip file")
	d.SetConfirmText("Install")
	i.startIn(d)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

func (i *packInstaller) chooseFolder() {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			dialog.ShowError(err, i.s.sh.Window())
			return
		}
		if l == nil {
			return
		}
		i.start(l.Path())
	}, i.s.sh.Window())
	d.SetTitleText("Install a pack from a folder (the one holding pack.toml)")
	d.SetConfirmText("Install")
	i.startIn(d)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// startIn opens a file dialog in the folder that held the last pack chosen, not inside it.
func (i *packInstaller) startIn(d *dialog.FileDialog) {
	if i.lastDir == "" {
		return
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(i.lastDir)); err == nil {
		d.SetLocation(l)
	}
}

// start installs the pack at path: it reads its manifest first, off the UI goroutine, to ask
// before an older version replaces a newer one; then it installs.
func (i *packInstaller) start(path string) {
	opt := content.InstallOptions{System: i.system.Checked}
	i.lastDir = filepath.Dir(path)
	i.setBusy(true, path)
	i.progressText.SetText("Reading " + filepath.Base(path) + "…")
	progress := i.progressFunc()
	i.s.run.Go(func() func() {
		p, err := content.OpenPackPath(path)
		var id, version string
		if p != nil {
			if err != nil {
				// The manifest has problems: check the rest too, so the report lists them all.
				err = content.ValidatePack(context.Background(), p, progress).Err()
			}
			id, version = p.ID, p.Version
			p.Close()
		}
		return func() {
			if err != nil {
				i.setBusy(false, "")
				i.showFailure(path, opt, err)
				return
			}
			i.confirmDowngrade(path, id, version, opt)
		}
	})
}

// confirmDowngrade asks before a pack replaces a newer version of itself in the same place.
func (i *packInstaller) confirmDowngrade(path, id, version string, opt content.InstallOptions) {
	where := content.OriginLearner
	if opt.System {
		where = content.OriginSystem
	}
	old := i.s.copyIn(id, where)
	if old == nil || compareVersions(old.Version, version) <= 0 {
		i.begin(path, opt)
		return
	}
	msg := fmt.Sprintf("Version %s of %s is installed (%s), and %s holds the older version %s.\n\nReplace the newer version with the older one?",
		old.Version, old.Title, kit.OriginName(old.Origin), filepath.Base(path), version)
	d := dialog.NewConfirm("Install an older version?", msg, func(ok bool) {
		if !ok {
			i.setBusy(false, "")
			return
		}
		opt.Force = true
		i.begin(path, opt)
	}, i.s.sh.Window())
	d.SetConfirmText("Install older version")
	d.Show()
}

// begin runs the install off the UI goroutine with a progress bar.
func (i *packInstaller) begin(path string, opt content.InstallOptions) {
	ctx, cancel := context.WithCancel(context.Background())
	i.cancel = cancel
	opt.Progress = i.progressFunc()
	i.s.run.Go(func() func() {
		p, err := i.s.sh.Library().Install(ctx, path, opt)
		stopped := ctx.Err() != nil
		cancel()
		return func() { i.done(path, opt, p, err, stopped) }
	})
}

// progressFunc passes install progress to the screen at most every progressEvery, and always
// the end.
func (i *packInstaller) progressFunc() content.ProgressFunc {
	var mu sync.Mutex
	var last time.Time
	return func(done, total int64, what string) {
		mu.Lock()
		now := time.Now()
		skip := now.Sub(last) < progressEvery && done < total
		if !skip {
			last = now
		}
		mu.Unlock()
		if !skip {
			i.s.run.Do(func() { i.showProgress(done, total, what) })
		}
	}
}

func (i *packInstaller) showProgress(done, total int64, what string) {
	i.updates++
	if total > 0 {
		i.progress.SetValue(float64(done) / float64(total))
	}
	i.progressText.SetText(fmt.Sprintf("Installing %s: %s", i.name, what))
}

func (i *packInstaller) setBusy(busy bool, path string) {
	for _, b := range []fyne.Disableable{i.zipButton, i.folderButton} {
		if busy {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	if busy {
		i.name = filepath.Base(path)
		i.updates = 0
		i.progress.SetValue(0)
	} else {
		i.cancel = nil
	}
	kit.SetVisible(i.progressBox, busy, i.s.body)
}

// done reports how an install ended and, after one that worked, lists the packs again.
func (i *packInstaller) done(path string, opt content.InstallOptions, p *content.Pack, err error, stopped bool) {
	i.setBusy(false, "")
	switch {
	case stopped:
		dialog.ShowInformation("Install cancelled", "Nothing was installed; your packs are as they were.", i.s.sh.Window())
	case err != nil:
		i.showFailure(path, opt, err)
	default:
		i.s.wantSelect = p.ID
		i.showSuccess(p)
		i.s.sh.RefreshPacks()
	}
}

// showSuccess says where the pack went and offers to open it.
func (i *packInstaller) showSuccess(p *content.Pack) {
	who := "for you"
	if p.Origin == content.OriginSystem {
		who = "for everyone on this computer"
	}
	segs := []widget.RichTextSegment{
		kit.Para(fmt.Sprintf("%s %s is installed %s, with %s.", p.Title, p.Version, who, kit.Plural(len(p.Structures), "structure", "structures"))),
		kit.Field("Licence", kit.FirstNonEmpty(p.License, "not given")),
	}
	if p.Attribution != "" {
		segs = append(segs, kit.Field("Credit", p.Attribution))
	}
	if w := i.s.pack(p.ID); w != nil && w.Origin != p.Origin && compareVersions(w.Version, p.Version) > 0 {
		segs = append(segs, kit.Italic(fmt.Sprintf("Version %s (%s) is newer, so Osteon keeps using that one.", w.Version, kit.OriginName(w.Origin))))
	}
	text := widget.NewRichText(segs...)
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Pack installed", "Open in Explore", "Close", text, func(open bool) {
		if open {
			i.s.open(p)
		}
	}, i.s.sh.Window())
	d.Resize(fyne.NewSize(640, 320))
	d.Show()
}

// showFailure lists every problem that stopped an install; nothing installed has changed.
func (i *packInstaller) showFailure(path string, opt content.InstallOptions, err error) {
	ps := content.AsProblems(err, path)
	for _, p := range ps {
		p.Msg = strings.TrimPrefix(p.Msg, "content: ")
	}
	name := filepath.Base(path)
	intro := fmt.Sprintf("Nothing was installed, and your packs are as they were. Osteon found %s in %s:",
		kit.Plural(len(ps), "problem", "problems"), name)
	segs := []widget.RichTextSegment{kit.Para(intro)}
	if opt.System && errors.Is(err, os.ErrPermission) {
		segs = append(segs, kit.Para("Installing for everyone needs an administrator: sudo osteon pack install --system "+path))
	}
	segs = append(segs, problemSegments(ps)...)
	text := widget.NewRichText(segs...)
	text.Wrapping = fyne.TextWrapWord
	copyReport := widget.NewButtonWithIcon("Copy report", theme.ContentCopyIcon(), func() {
		fyne.CurrentApp().Clipboard().SetContent(problemsText(name+" was not installed: "+intro, ps))
	})
	body := container.NewBorder(nil, container.NewHBox(copyReport), nil, nil, container.NewVScroll(text))
	d := dialog.NewCustom(name+" was not installed", "Close", body, i.s.sh.Window())
	d.Resize(fyne.NewSize(860, 520))
	d.Show()
}

// compareVersions compares two semantic versions; text that is not one sorts first.
func compareVersions(a, b string) int {
	va, ea := content.ParseVersion(a)
	vb, eb := content.ParseVersion(b)
	switch {
	case ea != nil && eb != nil:
		return strings.Compare(a, b)
	case ea != nil:
		return -1
	case eb != nil:
		return 1
	}
	return va.Compare(vb)
}
