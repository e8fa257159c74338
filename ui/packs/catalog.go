package packs

import (
	"context"
	"fmt"
	"os"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/ui/kit"
)

// catalogPanel lists the open sets of content's catalog with their size, licence and credit, and
// gets one (download, checks, import, install) when the learner presses its Get button: the only
// place the app uses the network, and only then.
type catalogPanel struct {
	s        *packsScreen
	sets     []content.CatalogSet
	buttons  []*widget.Button
	progress *widget.ProgressBar
	status   *widget.Label
	busy     fyne.CanvasObject
	box      *fyne.Container
	cancel   context.CancelFunc
}

func newCatalogPanel(s *packsScreen) *catalogPanel {
	c := &catalogPanel{s: s, progress: widget.NewProgressBar(), status: widget.NewLabel("")}
	c.status.Truncation = fyne.TextTruncateEllipsis
	stop := widget.NewButtonWithIcon("Stop", theme.CancelIcon(), func() {
		if c.cancel != nil {
			c.cancel()
		}
	})
	c.busy = container.NewBorder(nil, nil, nil, stop, container.NewVBox(c.status, c.progress))
	c.busy.Hide()
	rows := container.NewVBox(widget.NewLabelWithStyle("Open anatomy you can get", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	cat, err := content.DefaultCatalog()
	if err != nil {
		rows.Add(widget.NewLabel("The catalog cannot be read: " + err.Error()))
	} else {
		c.sets = cat.Sets
	}
	for i := range c.sets {
		set := &c.sets[i]
		b := widget.NewButtonWithIcon("Get", theme.DownloadIcon(), func() { c.get(set) })
		c.buttons = append(c.buttons, b)
		line := widget.NewLabel(fmt.Sprintf("%s · %d files · %.1f MB · %s", set.Title, len(set.Files), float64(set.Size())/1e6, set.License))
		line.Truncation = fyne.TextTruncateEllipsis
		credit := widget.NewLabelWithStyle("Credit: "+set.Credit, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
		credit.Wrapping = fyne.TextWrapWord
		rows.Add(container.NewBorder(nil, nil, nil, b, container.NewVBox(line, credit)))
	}
	c.box = container.NewVBox(rows, c.busy)
	return c
}

// get fetches set off the UI goroutine, showing progress, and reports how it ended.
func (c *catalogPanel) get(set *content.CatalogSet) {
	ctx, cancel := context.WithCancel(context.Background())
	c.cancel = cancel
	c.setBusy(true, set)
	opt := content.GetOptions{Mirror: os.Getenv(content.EnvCatalogMirror), Progress: c.progressFunc(set)}
	c.s.run.Go(func() func() {
		p, err := c.s.sh.Library().Get(ctx, set, opt)
		stopped := ctx.Err() != nil
		cancel()
		return func() { c.done(set, p, err, stopped) }
	})
}

func (c *catalogPanel) progressFunc(set *content.CatalogSet) content.ProgressFunc {
	var mu sync.Mutex
	var last time.Time
	return func(done, total int64, what string) {
		mu.Lock()
		skip := time.Since(last) < progressEvery && done < total
		if !skip {
			last = time.Now()
		}
		mu.Unlock()
		if !skip {
			c.s.run.Do(func() {
				c.progress.SetValue(float64(done) / float64(max(total, 1)))
				c.status.SetText(fmt.Sprintf("Getting %s: %.1f of %.1f MB (%s)", set.Title, float64(done)/1e6, float64(total)/1e6, what))
			})
		}
	}
}

func (c *catalogPanel) setBusy(busy bool, set *content.CatalogSet) {
	for _, b := range c.buttons {
		if busy {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	if busy {
		c.progress.SetValue(0)
		c.status.SetText("Getting " + set.Title + "…")
	}
	kit.SetVisible(c.busy, busy, c.s.body)
}

func (c *catalogPanel) done(set *content.CatalogSet, p *content.Pack, err error, stopped bool) {
	c.setBusy(false, set)
	c.cancel = nil
	win := c.s.sh.Window()
	switch {
	case stopped:
		dialog.ShowInformation("Stopped", "Nothing was installed. What arrived is kept: Get again resumes where it stopped.", win)
	case err != nil:
		dialog.ShowInformation("Could not get "+set.Title, err.Error(), win)
	default:
		c.s.wantSelect = p.ID
		c.s.sh.RefreshPacks()
		dialog.ShowInformation("Installed", fmt.Sprintf("%s is installed: %d structures, checked file by file.\nCredit: %s", p.Title, len(p.Structures), p.Attribution), win)
	}
}
