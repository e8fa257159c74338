package tours

import (
	"github.com/osteon/osteon/ui/kit"

	"path"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"github.com/osteon/osteon/content"
)

// save writes the tour into the current pack, which must be the learner's own: built-in and
// system packs are never written (Export as file… is offered instead).
func (e *editor) save() {
	p := e.s.sh.Content().Pack
	switch {
	case p == nil || p.ID != e.tour.PackID:
		e.sayError("The tour is for pack %q, which is not open: open it in Explore to save, or Export as file….", e.tour.PackID)
		return
	case p.Origin != content.OriginLearner:
		e.sayError("%s is a %s pack, which Osteon never changes: tours are saved only into your own packs. Export as file… instead.",
			p.Title, strings.ToLower(kit.OriginName(p.Origin)))
		return
	case len(e.tour.Stops) == 0:
		e.sayError("The tour has no stops: Add stop from Explore (C) first.")
		return
	}
	name := strings.TrimSpace(e.name.Text)
	if name == "" {
		name = slug(e.tour.Title)
		e.name.SetText(name)
	}
	t := cloneTour(e.tour)
	e.s.jobs.Go(func() func() {
		file, err := content.SaveTour(p, t, name)
		return func() {
			if err != nil {
				e.sayError("Not saved: %v", err)
				return
			}
			e.tour.PackID, e.tour.PackVersion = t.PackID, t.PackVersion
			e.say("Saved in %s as %s.", p.Title, file)
			e.s.sh.RefreshPacks()
		}
	})
}

// exportAsk asks where to write the tour as one file.
func (e *editor) exportAsk() {
	if len(e.tour.Stops) == 0 {
		e.sayError("The tour has no stops: Add stop from Explore (C) first.")
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			if err != nil {
				e.sayError("Not exported: %v", err)
			}
			return
		}
		file := w.URI().Path()
		w.Close()
		e.export(file)
	}, e.s.sh.Window())
	d.SetFileName(kit.FirstNonEmpty(slug(e.tour.Title), "tour") + content.TourExt)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".toml"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// export writes the tour as a standalone file, naming the pack and version it needs.
func (e *editor) export(file string) {
	if !strings.HasSuffix(file, content.TourExt) {
		file = strings.TrimSuffix(file, ".toml") + content.TourExt
	}
	t := cloneTour(e.tour)
	e.s.jobs.Go(func() func() {
		err := content.WriteTourFile(file, t)
		return func() {
			if err != nil {
				e.sayError("Not exported: %v", err)
				return
			}
			e.say("Exported to %s: it opens with File > Open or osteon %s.", file, path.Base(file))
		}
	})
}

// cloneTour is a deep copy, so the editor's changes never reach a tour that is listed or played.
func cloneTour(t *content.Tour) *content.Tour {
	c := *t
	c.Stops = make([]content.TourStop, len(t.Stops))
	for i, s := range t.Stops {
		s.Hidden = append([]string(nil), s.Hidden...)
		s.Ghosted = append([]string(nil), s.Ghosted...)
		s.Highlighted = append([]string(nil), s.Highlighted...)
		s.Pins = append([]content.Pin(nil), s.Pins...)
		if s.Section != nil {
			sec := *s.Section
			s.Section = &sec
		}
		c.Stops[i] = s
	}
	return &c
}

// slug makes a file name from a title: lower-case letters, digits and '-', at most 64.
func slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case b.Len() > 0 && !dash:
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 64 {
			break
		}
	}
	return strings.TrimRight(b.String(), "-")
}

// tourName is a pack tour file's name without folder and extension.
func tourName(file string) string {
	return strings.TrimSuffix(path.Base(file), content.TourExt)
}
