package settings

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/ui/kit"
	"github.com/osteon/osteon/ui/kit/kittest"
)

func TestSmoothingSetting(t *testing.T) {
	sh := &lrsShell{Shell: kittest.New(t), path: filepath.Join(t.TempDir(), "lrs.json")}
	p := sh.Preferences()
	if MSAA(p) != 0 {
		t.Errorf("default MSAA %d, want 0 (automatic)", MSAA(p))
	}
	s := New(sh, kit.InPlace())
	sh.Mount(s)
	var radio *widget.RadioGroup
	kittest.Walk(s.Content(), false, func(o fyne.CanvasObject) bool {
		if r, ok := o.(*widget.RadioGroup); ok {
			radio = r
		}
		return true
	})
	if radio == nil {
		t.Fatal("no smoothing choice")
	}
	radio.SetSelected("4x")
	if p.String(PrefMSAA) != "4x" || MSAA(p) != 4 {
		t.Errorf("after choosing 4x: %q, %d", p.String(PrefMSAA), MSAA(p))
	}
	radio.SetSelected("Off")
	if MSAA(p) != 1 {
		t.Errorf("after choosing Off: %d", MSAA(p))
	}
	if text := kittest.Text(s.Content()); !strings.Contains(text, "No 3D view this session") {
		t.Errorf("without OpenGL the screen says:\n%s", text)
	}
}
