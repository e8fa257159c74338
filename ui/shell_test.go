package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/progress"
	"github.com/osteon/osteon/ui/kit"
	"github.com/osteon/osteon/ui/kit/kittest"
)

// fakeScreen records what the shell tells it.
type fakeScreen struct {
	id     kit.ID
	obj    fyne.CanvasObject
	events []string
}

func (f *fakeScreen) ID() kit.ID                 { return f.id }
func (f *fakeScreen) Title() string              { return string(f.id) }
func (f *fakeScreen) Content() fyne.CanvasObject { return f.obj }
func (f *fakeScreen) Shown()                     { f.events = append(f.events, "shown") }
func (f *fakeScreen) Hidden()                    { f.events = append(f.events, "hidden") }
func (f *fakeScreen) TypedRune(r rune) bool {
	f.events = append(f.events, "rune "+string(r))
	return true
}
func (f *fakeScreen) TypedKey(ev *fyne.KeyEvent) bool {
	f.events = append(f.events, "key "+string(ev.Name))
	return true
}

func TestShellShowsByIDAndRoutesKeys(t *testing.T) {
	test.NewTempApp(t)
	builds := map[kit.ID]int{}
	screens := map[kit.ID]*fakeScreen{}
	var entries []kit.Entry
	for _, id := range []kit.ID{kit.Explore, kit.Practice, kit.Drills} {
		entries = append(entries, kit.Entry{ID: id, Title: string(id), Build: func() kit.Screen {
			builds[id]++
			screens[id] = &fakeScreen{id: id, obj: widget.NewLabel(string(id))}
			return screens[id]
		}})
	}
	s := newShell(entries, widget.NewLabel("profile"))
	if s.currentID() != kit.Explore || builds[kit.Explore] != 1 || builds[kit.Practice] != 0 {
		t.Fatalf("at start: current %q, builds %v", s.currentID(), builds)
	}
	s.typedRune('h')
	s.show(kit.Drills)
	s.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	s.show(kit.Explore)
	s.show(kit.Drills)
	if got := strings.Join(screens[kit.Explore].events, ","); got != "shown,rune h,hidden,shown,hidden" {
		t.Errorf("Explore heard %s", got)
	}
	if got := strings.Join(screens[kit.Drills].events, ","); got != "shown,key Escape,hidden,shown" {
		t.Errorf("Drills heard %s", got)
	}
	if builds[kit.Drills] != 1 || s.content.Objects[0] != screens[kit.Drills].obj {
		t.Errorf("Drills built %d times; content %v", builds[kit.Drills], s.content.Objects)
	}
	if s.show("nowhere") != nil || s.currentID() != kit.Drills {
		t.Errorf("an unknown id moved the shell to %q", s.currentID())
	}
}

// newShellTest is the whole window on the test arm with a store and a signed-in learner, its
// background work run in place.
func newShellTest(t *testing.T) *UI {
	t.Helper()
	sh := kittest.New(t) // a store in a temporary folder, and the test's locale
	st, l := sh.OpenStore()
	u := New(test.NewTempApp(t), Config{Store: st, NewRunner: kit.InPlace})
	u.setContent(kittest.Pack(t, kittest.Arm, true), "test arm")
	u.setLearner(&l)
	u.win.Resize(fyne.NewSize(1280, 800))
	return u
}

func TestPractiseWeakestShowsPractice(t *testing.T) {
	u := newShellTest(t)
	u.shell.show(kit.Dashboard)
	u.PractiseWeakest()
	if u.shell.currentID() != kit.Practice {
		t.Fatalf("Practise my weakest left the shell on %q", u.shell.currentID())
	}
	if text := kittest.Text(u.shell.screen().Content()); !strings.Contains(text, "Question 1 of") {
		t.Errorf("no session started; Practice shows:\n%s", text)
	}
}

func TestStoreProblemIsSaid(t *testing.T) {
	t.Setenv("LANG", "en_US.UTF-8")
	err := &progress.VersionError{FileVersion: 9, AppVersion: 3}
	u := New(test.NewTempApp(t), Config{StorePath: "/home/ada/progress.db", StoreErr: err, NewRunner: kit.InPlace})
	if u.store != nil || u.storeErr == nil || !strings.Contains(u.storeErr.Error(), "/home/ada/progress.db was written by a newer version") {
		t.Fatalf("store %v, error %v", u.store, u.storeErr)
	}
	u.shell.show(kit.Practice)
	if text := kittest.Text(u.shell.screen().Content()); !strings.Contains(text, "Practice needs your progress file") ||
		!strings.Contains(text, "newer version") {
		t.Errorf("Practice says:\n%s", text)
	}
}
