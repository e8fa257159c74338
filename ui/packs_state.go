package ui

import (
	"github.com/osteon/osteon/ui/kit"

	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2/dialog"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/render"
)

const prefCurrentPack = "pack.current"

// Content is what the app is showing (see kit.Content).
type Content = kit.Content

// loadPacks finds the installed packs (after finishing any install cut short) and opens the one
// used last, else the built-in pack (background goroutine).
func (u *UI) loadPacks() func() {
	ctx := context.Background()
	if err := u.library.Recover(); err != nil {
		u.cfg.Log.Printf("packs: %v", err)
	}
	packs, err := u.library.List(ctx)
	if err != nil {
		u.cfg.Log.Printf("packs: %v", err) // unreadable packs are listed in the Packs screen
	}
	want := u.app.Preferences().StringWithFallback(prefCurrentPack, "")
	var pick *content.Pack
	for _, p := range packs {
		if p.ID == want || (pick == nil && p.Origin == content.OriginBuiltin) {
			pick = p
		}
	}
	tourOpensPack := u.cfg.TourPath != "" && tourPackInstalled(u.cfg.TourPath, packs)
	return func() {
		u.packs, u.packsErr = packs, err
		if pick != nil && u.cfg.ModelPath == "" && !tourOpensPack {
			u.OpenPack(pick)
		}
		u.packsChanged.Emit(packs)
		if u.cfg.TourPath != "" {
			u.OpenTour(u.cfg.TourPath)
		}
	}
}

// RefreshPacks lists the packs again (after an install or removal) and tells the screens.
func (u *UI) RefreshPacks() {
	u.run.Go(func() func() {
		packs, err := u.library.List(context.Background())
		return func() {
			u.packs, u.packsErr = packs, err
			u.packsChanged.Emit(packs)
		}
	})
}

// OpenPack loads a pack's scene in the background and makes it the current content.
func (u *UI) OpenPack(p *content.Pack) {
	u.load(p.Title, func() (*content.Scene, error) {
		return content.LoadPackScene(context.Background(), p)
	}, p)
}

// setContent makes c current and tells the screens (UI goroutine).
func (u *UI) setContent(c Content, name string) {
	u.current = c
	if c.Pack != nil {
		u.app.Preferences().SetString(prefCurrentPack, c.Pack.ID)
	}
	u.win.SetTitle("Osteon — " + kit.FirstNonEmpty(c.Scene.Title, name))
	u.contentChanged.Emit(c)
}

// showLoadError explains a model or pack that could not be opened, listing every problem.
func (u *UI) showLoadError(name string, err error) {
	var probs content.Problems
	if errors.As(err, &probs) && len(probs) > 1 {
		msg := fmt.Sprintf("could not open %s: %d problems:", name, len(probs))
		for i, p := range probs {
			if i == 12 {
				msg += fmt.Sprintf("\n… and %d more", len(probs)-i)
				break
			}
			msg += "\n• " + p.Error()
		}
		dialog.ShowError(errors.New(msg), u.win)
		return
	}
	dialog.ShowError(fmt.Errorf("could not open %s:\n%w", name, err), u.win)
}

// NewView makes a 3D view and its widget for a screen; it starts drawing once OpenGL is up (or
// says why it cannot).
func (u *UI) NewView() (*render.View, *kit.Viewer) {
	v := render.NewView(nil)
	w := kit.NewViewer(v)
	u.views = append(u.views, w)
	if u.engine != nil {
		v.SetEngine(u.engine)
	} else if u.engineErr != nil {
		w.SetUnavailable("3D view unavailable", u.engineErr.Error(), "")
	}
	return v, w
}
