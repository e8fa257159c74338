package explore

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/ui/kit"
	"github.com/osteon/osteon/ui/kit/kittest"
)

// TestListNamesStayApartAt1024: at 1024 wide, the structure list shows names that differ only at
// their end (the phalanges of each finger) as different text, each with its own end, instead of
// one shared cut-off start ("Proximal phalanx of…": issue 15 item 11).
func TestListNamesStayApartAt1024(t *testing.T) {
	e := newTestUI(t)
	cut := 0
	for _, q := range []string{"proximal phalanx right", "biceps", "flexor digitorum", "middle phalanx"} {
		e.search.SetText(q)
		e.Content().Resize(fyne.NewSize(1024-160, 560))
		e.tree.Refresh()
		var shown []string
		kittest.Walk(e.tree, true, func(o fyne.CanvasObject) bool {
			if l, ok := o.(*kit.MiddleLabel); ok && e.cat.byID[findName(e, l.Full())] != nil {
				shown = append(shown, rendered(l))
				return false
			}
			if l, ok := o.(*widget.Label); ok && strings.Count(l.Text, " ") > 2 {
				shown = append(shown, rendered(l)) // a plain label, before the fix
				return false
			}
			return true
		})
		t.Logf("%q: %q", q, shown)
		if len(shown) < 4 {
			t.Fatalf("%q: the list shows %d structures: %q", q, len(shown), shown)
		}
		seen := map[string]bool{}
		for _, s := range shown {
			if seen[s] {
				t.Errorf("%q: two structures show as %q (all shown: %q)", q, s, shown)
			}
			seen[s] = true
			if strings.Contains(s, "…") {
				cut++
			}
		}
	}
	if cut == 0 {
		t.Error("no name needed shortening at 1024 wide, so this proves nothing")
	}
}

// findName is the id of the structure called name, or "".
func findName(e *explore, name string) string {
	for _, st := range e.cat.structures {
		if st.Name == name {
			return st.ID
		}
	}
	return ""
}

// rendered is the text a label draws.
func rendered(o fyne.CanvasObject) string {
	var b strings.Builder
	kittest.Walk(o, true, func(o fyne.CanvasObject) bool {
		if txt, ok := o.(*canvas.Text); ok {
			b.WriteString(txt.Text)
		}
		return true
	})
	return b.String()
}
