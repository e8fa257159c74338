package packs

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/ui/kit"
)

func TestPacksRemove(t *testing.T) {
	pt := newPacksTest(t)
	src := t.TempDir()
	pt.install(t, writePack(t, src, "bones", "1.0.0"), true)
	own := pt.install(t, writePack(t, src, "bones", "1.1.0"), false)
	pt.sh.Cur = kit.Content{Pack: pt.s.pack("bones")} // open in Explore
	pt.s.selectPack("bones")
	pt.s.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	d := pt.dialogText()
	for _, w := range []string{"Remove pack?", "Test bones bones 1.1.0", own.Dir, "Osteon will then use version 1.0.0 (system-wide)", "[Keep]"} {
		if !strings.Contains(d, w) {
			t.Errorf("confirmation does not say %q:\n%s", w, d)
		}
	}
	pt.tapDialog(t, "Remove")
	wait(t, pt.listed, "the list after removal")
	wait(t, pt.contentSeen, "Explore to open the system-wide copy") // the removed copy was open there
	if _, err := os.Stat(own.Dir); !os.IsNotExist(err) {
		t.Fatalf("the learner's copy is still there: %v", err)
	}
	p := pt.s.pack("bones")
	if p == nil || p.Origin != content.OriginSystem || pt.s.selected != "bones" {
		t.Fatalf("after removal the list shows %+v, selected %q", p, pt.s.selected)
	}
	if c := pt.sh.Content().Pack; c == nil || c.ID != "bones" || c.Origin != content.OriginSystem {
		t.Errorf("Explore shows %+v after its pack was removed, want the system-wide copy", c)
	}

	// The system-wide copy is not the learner's to remove: the screen says who manages it and where.
	if !pt.s.removeButton.Disabled() || !strings.Contains(pt.s.removeNote.Text, "administrator") {
		t.Errorf("system pack: Remove disabled %v, note %q", pt.s.removeButton.Disabled(), pt.s.removeNote.Text)
	}
	before := snapshot(t, pt.system)
	pt.s.key(&fyne.KeyEvent{Name: fyne.KeyDelete})
	d = pt.dialogText()
	for _, w := range []string{"cannot be removed here", "installed for everyone", p.Dir, "administrator", "sudo osteon pack remove --system bones"} {
		if !strings.Contains(d, w) {
			t.Errorf("refusal does not say %q:\n%s", w, d)
		}
	}
	if fmt.Sprint(snapshot(t, pt.system)) != fmt.Sprint(before) || len(pt.listed) > 0 {
		t.Error("the system folder changed, or the list was redone")
	}
}
