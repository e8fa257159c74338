package explore

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"github.com/osteon/osteon/ui/kit/kittest"
)

// TestListNamesStayApartAt1024: at 1024 wide, the structure list shows names that differ only at
// their end (the phalanges of each finger) as different text, each with its own end, instead of
// one shared cut-off start ("Proximal phalanx of…": issue 15 item 11).
func TestListNamesStayApartAt1024(t *testing.T) {
	e := newTestUI(t)
	e.search.SetText("proximal phalanx right")
	e.Content().Resize(fyne.NewSize(1024-160, 560))
	e.tree.Refresh()
	var shown []string
	kittest.Walk(e.tree, true, func(o fyne.CanvasObject) bool {
		if txt, ok := o.(*canvas.Text); ok && strings.Contains(txt.Text, "…") || ok && strings.Contains(txt.Text, "phalanx") {
			shown = append(shown, txt.Text)
		}
		return true
	})
	t.Logf("shown: %q", shown)
	if len(shown) < 5 {
		t.Fatalf("the list shows %d phalanges: %q", len(shown), shown)
	}
	seen := map[string]bool{}
	cut := 0
	for _, s := range shown {
		if seen[s] {
			t.Errorf("two structures show as %q (all shown: %q)", s, shown)
		}
		seen[s] = true
		if strings.Contains(s, "…") {
			cut++
			if !strings.HasSuffix(s, "finger") && !strings.HasSuffix(s, "thumb") {
				t.Errorf("%q lost the end that tells it apart", s)
			}
		}
	}
	if cut == 0 {
		t.Errorf("no name needed shortening at 1024 wide, so this proves nothing: %q", shown)
	}
}
