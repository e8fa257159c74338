package ui

import (
	"github.com/osteon/osteon/ui/kit"

	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/render"
)

const prefCurrentPack = "pack.current"

// Content is what the app is showing (see kit.Content).
type Content = kit.Content

// onContent registers f to hear when the pack or model changes (UI goroutine).
func (u *UI) onContent(f func(Content)) { u.contentListeners = append(u.contentListeners, f) }

// Content is what is loaded now (UI goroutine).
func (u *UI) Content() Content { return u.current }

// loadPacks finds the installed packs (after finishing any install cut short) and opens the one
// used last, else the built-in pack (background goroutine).
func (u *UI) loadPacks() {
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
	fyne.Do(func() {
		u.packs, u.packsErr = packs, err
		if pick != nil && u.cfg.ModelPath == "" {
			u.openPack(pick)
		}
		for _, f := range u.packListeners {
			f(packs)
		}
	})
}

// refreshPacks lists the packs again (after an install or removal) and tells the screens.
func (u *UI) refreshPacks() {
	go func() {
		packs, err := u.library.List(context.Background())
		fyne.Do(func() {
			u.packs, u.packsErr = packs, err
			for _, f := range u.packListeners {
				f(packs)
			}
		})
	}()
}

// packChooser keeps Explore's pack list in step with the installed packs and the current one.
func (u *UI) packChooser() {
	sel := u.explore.packs
	byTitle := map[string]*content.Pack{}
	update := func() {
		byTitle = map[string]*content.Pack{}
		var titles []string
		for _, p := range u.packs {
			t := fmt.Sprintf("%s (%s)", p.Title, originName(p.Origin))
			byTitle[t] = p
			titles = append(titles, t)
		}
		sel.SetOptions(titles)
		sel.OnChanged = nil
		sel.ClearSelected()
		if c := u.current.Pack; c != nil {
			sel.SetSelected(fmt.Sprintf("%s (%s)", c.Title, originName(c.Origin)))
		}
		sel.OnChanged = func(t string) {
			if p := byTitle[t]; p != nil && (u.current.Pack == nil || u.current.Pack.ID != p.ID) {
				u.openPack(p)
			}
		}
	}
	u.onPacks(func([]*content.Pack) { update() })
	u.onContent(func(Content) { update() })
}

// onPacks registers f to hear the list of installed packs when it changes (UI goroutine).
func (u *UI) onPacks(f func([]*content.Pack)) { u.packListeners = append(u.packListeners, f) }

// openPack loads a pack's scene in the background and makes it the current content.
func (u *UI) openPack(p *content.Pack) {
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
	u.view.SetModel(c.Model)
	u.explore.setScene(c.Scene)
	u.win.SetTitle("Osteon — " + kit.FirstNonEmpty(c.Scene.Title, name))
	for _, f := range u.contentListeners {
		f(c)
	}
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

// newView makes a 3D view and its widget for a screen; it starts drawing once OpenGL is up (or
// says why it cannot).
func (u *UI) newView() (*render.View, *kit.Viewer) {
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
