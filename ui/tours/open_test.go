package tours

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/ui/kit"
	"github.com/osteon/osteon/ui/kit/kittest"
)

const goodTour = `format = 1
title = "Elbow"
[pack]
id = "test-arm"
version = "1.0.0"
[[stops]]
title = "Bones"
narration = "The elbow's bones."
highlighted = ["T:humerus", "T:elbow_gone"]
[[stops.pins]]
id = "p1"
structure = "T:humerus"
point = [0, 700, 50]
note = "Front of the shaft"
`

func writeTour(t *testing.T, text string) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "x"+content.TourExt)
	if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}

// TestOpenTourBadInput opens broken tours: each is explained (naming the file, the pack and
// version, or the format) without a panic, and a tour naming a missing structure still plays.
func TestOpenTourBadInput(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string // in the message
		plays      bool
	}{
		{"newer format", strings.Replace(goodTour, "format = 1", "format = 7", 1), []string{"format 7", "newer Osteon"}, false},
		{"pack not installed", strings.Replace(goodTour, `id = "test-arm"`, `id = "hand-pack"`, 1),
			[]string{`"hand-pack"`, "1.0.0", "not installed", "Packs screen"}, false},
		{"pack too old", strings.Replace(goodTour, `version = "1.0.0"`, `version = "2.1.0"`, 1),
			[]string{`"test-arm"`, "2.1.0", "1.0.0 is installed"}, false},
		{"not TOML", "[[stops\x00", []string{"x.tour.toml"}, false},
		{"empty", "", []string{"x.tour.toml"}, false},
		{"missing structure", goodTour, []string{"T:elbow_gone", "not a structure in this pack"}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tt := newToursTest(t)
			tt.s.OpenFile(writeTour(t, c.text))
			msg := ""
			if tt.s.lastError != nil {
				msg = tt.s.lastError.Error()
			}
			if c.plays {
				if tt.s.mode != modePlay || len(tt.s.pl.tour.Stops[0].Highlighted) != 1 {
					t.Fatalf("did not play what it could: mode %d, error %v", tt.s.mode, tt.s.lastError)
				}
				msg = tt.s.pl.warn.Text
			} else if tt.s.mode == modePlay {
				t.Fatalf("played a tour it should have refused")
			}
			for _, w := range c.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message %q does not say %q", msg, w)
				}
			}
		})
	}
}

// TestMissingPackOffersPacks: the dialog for a tour whose pack is not installed opens Packs.
func TestMissingPackOffersPacks(t *testing.T) {
	tt := newToursTest(t)
	tt.s.OpenFile(writeTour(t, strings.Replace(goodTour, `id = "test-arm"`, `id = "hand-pack"`, 1)))
	d := tt.dialog()
	if text := kittest.Text(d); !strings.Contains(text, `needs pack "hand-pack" version 1.0.0`) {
		t.Errorf("the dialog says:\n%s", text)
	}
	tap(t, d, "Open Packs")
	if n := len(tt.sh.Navigated); n == 0 || tt.sh.Navigated[n-1] != kit.Packs {
		t.Errorf("Open Packs went to %v", tt.sh.Navigated)
	}
}

// TestOpenTourOpensItsPack: a tour for a pack that is installed but not shown opens that pack
// first, then plays.
func TestOpenTourOpensItsPack(t *testing.T) {
	tt := newToursTest(t)
	arm := tt.sh.Cur
	tt.sh.SetContent(kittest.Builtin(t))
	opened := 0
	tt.sh.OnOpenPack = func(p *content.Pack) {
		opened++
		tt.sh.SetContent(arm)
	}
	tt.s.OpenFile(writeTour(t, goodTour))
	if opened != 1 || tt.s.mode != modePlay || tt.sh.Cur.Pack.ID != "test-arm" {
		t.Fatalf("opened the pack %d times; mode %d; content %s", opened, tt.s.mode, tt.sh.Cur.Pack.ID)
	}
}

// TestSaveNeverIntoBuiltin: a tour over a pack that is not the learner's own is not saved.
func TestSaveNeverIntoBuiltin(t *testing.T) {
	tt := newToursTest(t)
	tt.sh.SetContent(kittest.Builtin(t))
	tap(t, tt.s.root, "New tour from Explore")
	tap(t, tt.s.root, "Save in pack")
	if !strings.Contains(tt.s.ed.status.Text, "never changes") || !strings.Contains(tt.s.ed.status.Text, "Export as file") {
		t.Errorf("saving into the built-in pack says %q", tt.s.ed.status.Text)
	}
	dir := filepath.Join(tt.lib.LearnerDir)
	_ = filepath.Walk(dir, func(p string, _ os.FileInfo, _ error) error {
		if strings.HasSuffix(p, content.TourExt) {
			t.Errorf("a tour was written: %s", p)
		}
		return nil
	})
}

// FuzzOpenTour opens arbitrary bytes as a tour file on one Tours screen: it never panics, and
// either plays the tour or says why not.
func FuzzOpenTour(f *testing.F) {
	f.Add(goodTour)
	f.Add(strings.Replace(goodTour, "format = 1", "format = 99", 1))
	f.Add(strings.Replace(goodTour, "[0, 700, 50]", "[0, 1e308, -1e308]", 1))
	f.Add(strings.Replace(goodTour, `"T:humerus", `, "", 1) + "\n[[stops]]\nsection = { normal = [0, 0, 0] }\n")
	f.Add("")
	tt := newToursTest(f)
	file := filepath.Join(f.TempDir(), "fuzz"+content.TourExt)
	f.Fuzz(func(t *testing.T, text string) {
		tt.sh.T = t // the shell logs to the running input
		tt.s.show(modeList)
		tt.s.lastError = nil
		tt.s.opened(file, []byte(text), nil)
		if tt.s.mode != modePlay && tt.s.lastError == nil {
			t.Fatalf("neither played nor explained:\n%s", text)
		}
		for top := tt.sh.Window().Canvas().Overlays().Top(); top != nil; top = tt.sh.Window().Canvas().Overlays().Top() {
			tt.sh.Window().Canvas().Overlays().Remove(top)
		}
	})
}

// TestOpenTourBeforeAnyModel: `osteon TOUR-FILE` builds the screen before any model is loaded;
// the tour waits for its pack, then plays.
func TestOpenTourBeforeAnyModel(t *testing.T) {
	tt := newToursTest(t)
	arm := tt.sh.Cur
	tt.sh.Cur = kit.Content{}
	s := New(tt.sh, kit.InPlace())
	tt.sh.Mount(s)
	tt.sh.OnOpenPack = func(*content.Pack) { tt.sh.SetContent(arm) }
	s.OpenFile(writeTour(t, goodTour))
	if s.mode != modePlay || s.view.Model() != arm.Model {
		t.Fatalf("mode %d, model %v (error %v)", s.mode, s.view.Model(), s.lastError)
	}
}
