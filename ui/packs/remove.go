package packs

import (
	"github.com/osteon/osteon/ui/kit"

	"fmt"
	"runtime"
	"strings"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/content"
)

// copyIn returns the installed copy of pack id in the place origin (the one used, or one it
// hides), or nil.
func (s *packsScreen) copyIn(id string, origin content.Origin) *content.Pack {
	p := s.pack(id)
	if p == nil {
		return nil
	}
	for _, c := range append([]*content.Pack{p}, p.Shadows...) {
		if c.Origin == origin {
			return c
		}
	}
	return nil
}

// removeSelected asks before removing the learner's copy of the selected pack; for a pack the
// learner cannot remove it says who can.
func (s *packsScreen) removeSelected() {
	p := s.pack(s.selected)
	if p == nil {
		return
	}
	own := learnerCopy(p)
	if own == nil {
		dialog.ShowInformation("This pack cannot be removed here", cannotRemove(p), s.sh.Window())
		return
	}
	msg := fmt.Sprintf("Remove %s %s from your packs folder?\n\nIts folder %s will be deleted.", own.Title, own.Version, own.Dir)
	if next := nextInLine(p, own); next != nil {
		msg += fmt.Sprintf("\n\nOsteon will then use version %s (%s).", next.Version, kit.OriginName(next.Origin))
	} else if s.isCurrent(p) {
		msg += "\n\nIt is open in Explore now; Explore will switch to the built-in pack."
	}
	d := dialog.NewConfirm("Remove pack?", msg, func(ok bool) {
		if ok {
			s.remove(own)
		}
	}, s.sh.Window())
	d.SetConfirmText("Remove")
	d.SetConfirmImportance(widget.DangerImportance)
	d.SetDismissText("Keep")
	d.Show()
}

// cannotRemove says who manages a pack the learner cannot remove, and where it is.
func cannotRemove(p *content.Pack) string {
	if p.Origin == content.OriginBuiltin {
		return p.Title + " comes with Osteon and cannot be removed. You can install other packs beside it."
	}
	cmd := "sudo osteon pack remove --system " + p.ID
	if runtime.GOOS == "windows" {
		cmd = "osteon pack remove --system " + p.ID + " (in a command prompt run as administrator)"
	}
	return fmt.Sprintf("%s is installed for everyone on this computer, in %s.\n\n"+
		"The computer's administrator manages system-wide packs. To remove it, they run:\n%s", p.Title, p.Dir, cmd)
}

// nextInLine is the copy that takes over when own is removed from the packs listed as p.
func nextInLine(p, own *content.Pack) *content.Pack {
	if p != own {
		return p
	}
	if len(p.Shadows) > 0 {
		return p.Shadows[0]
	}
	return nil
}

// remove deletes the learner's copy own off the UI goroutine, then lists the packs again; if
// the pack was open in Explore, Explore opens what replaces it (or the built-in pack).
func (s *packsScreen) remove(own *content.Pack) {
	id := own.ID
	wasCurrent := s.sh.Content().Pack != nil && s.sh.Content().Pack.ID == id && s.sh.Content().Pack.Origin == content.OriginLearner
	s.run.Go(func() func() {
		err := s.sh.Library().Remove(id)
		return func() {
			if err != nil {
				msg := strings.TrimPrefix(err.Error(), "content: ")
				dialog.ShowInformation("The pack was not removed", kit.Capitalise(msg), s.sh.Window())
				return
			}
			if wasCurrent {
				s.reopen = id
			}
			s.sh.RefreshPacks()
		}
	})
}
