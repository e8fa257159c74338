package explore

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/ui/kit/kittest"
)

// TestEveryActionSaysWhatItDoes: Explore shows no icon-only button or toolbar (a palette icon
// meant ghost, a full-screen icon isolate, and Fyne has no tooltips to say so), and every action
// the icons offered has a button with words (issue 15 item 12).
func TestEveryActionSaysWhatItDoes(t *testing.T) {
	e := builtinExplore(t)
	labels := map[string]bool{}
	kittest.Walk(e.Content(), true, func(o fyne.CanvasObject) bool {
		switch w := o.(type) {
		case *widget.Toolbar:
			t.Errorf("a toolbar of %d icons without words", len(w.Items))
			return false
		case *widget.Button:
			if w.Text == "" {
				t.Errorf("a button with only an icon (%v)", w.Icon)
			}
			labels[w.Text] = true
			return false
		}
		return true
	})
	for _, want := range []string{"Hide (H)", "Isolate (I)", "Ghost others (G)", "Show all (A)", "Frame (F)",
		"Undo (Ctrl+Z)", "Reset view (R)", "Open model…", "Keys (F1)"} {
		if !labels[want] {
			t.Errorf("no %q button; buttons: %v", want, labels)
		}
	}
}
