package tours

import (
	"github.com/osteon/osteon/ui/kit"

	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/osteon/osteon/content"
)

// maxTourFile is the most of a tour file read; content.ParseTour says when a file is larger.
const maxTourFile = 4 << 20

// OpenFile opens a tour file in the player: the pack it names is opened first (when another is
// shown). A file that cannot be used, a pack that is not installed (or too old) and a newer
// format are explained in a dialog; structures the pack lacks are left out and said under the view.
func (s *Screen) OpenFile(file string) {
	s.jobs.Go(func() func() {
		data, err := readLimited(file)
		return func() { s.opened(file, data, err) }
	})
}

func readLimited(file string) ([]byte, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, maxTourFile+1))
}

func (s *Screen) opened(file string, data []byte, err error) {
	if err != nil {
		s.fail(fmt.Errorf("cannot read the tour %s: %w", file, err))
		return
	}
	t, ps := content.ParseTour(data, file, nil)
	if t == nil {
		s.fail(problemsError("cannot open the tour "+file, ps))
		return
	}
	p := s.packFor(t.PackID)
	installed := ""
	if p != nil {
		installed = p.Version
	}
	if err := t.PackNeeded(installed); err != nil {
		s.needPack(err)
		return
	}
	s.withPack(p, func(c kit.Content) {
		t, ps := content.ParseTour(data, file, c.Pack.StructureIDs())
		if t == nil {
			s.fail(problemsError("cannot open the tour "+file, ps))
			return
		}
		s.pl.start(t, ps, modeList)
	})
}

// packFor is the installed pack with id (the one the library ranks first), or nil.
func (s *Screen) packFor(id string) *content.Pack {
	packs, _ := s.sh.Packs()
	for _, p := range packs {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// needPack says which pack and version the tour needs and offers the Packs screen.
func (s *Screen) needPack(err error) {
	msg := kit.Wrapped(strings.TrimPrefix(err.Error(), "content: "))
	d := dialog.NewCustomConfirm("This tour needs another pack", "Open Packs", "Close", msg, func(ok bool) {
		if ok {
			s.sh.Show(kit.Packs)
		}
	}, s.sh.Window())
	d.Resize(fyne.NewSize(520, 240))
	d.Show()
	s.lastError = err
}

func (s *Screen) fail(err error) {
	s.lastError = err
	s.sh.Logf("tours: %v", err)
	dialog.ShowError(err, s.sh.Window())
}

// problemsError lists a tour's problems (the first ten) under a heading.
func problemsError(head string, ps content.Problems) error {
	msg := head + ":"
	for i, p := range ps {
		if i == 10 {
			msg += fmt.Sprintf("\n… and %d more", len(ps)-i)
			break
		}
		msg += "\n• " + p.Error()
	}
	return errors.New(msg)
}
