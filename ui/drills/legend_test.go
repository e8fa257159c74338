package drills

import (
	"testing"

	"fyne.io/fyne/v2"

	"github.com/osteon/osteon/render"
	"github.com/osteon/osteon/ui/kit"
	"github.com/osteon/osteon/ui/kit/kittest"
)

// TestLocateRunHasALegend: a Locate run, which lights the named structure after each click,
// says what its colour means beside the model.
func TestLocateRunHasALegend(t *testing.T) {
	d, _, _, _ := newDrillsTest(t)
	selectTitle(t, d.locateSel, "Right wrist")
	d.startLocate()
	var legend *kit.Legend
	kittest.Walk(d.root, true, func(o fyne.CanvasObject) bool {
		if l, ok := o.(*kit.Legend); ok {
			legend = l
		}
		return legend == nil
	})
	if legend == nil {
		t.Fatal("no legend on the Locate run's page")
	}
	if ks := legend.Keys(); len(ks) != 1 || ks[0].Meaning != render.MeaningAnswer {
		t.Errorf("legend %q", legend.Text())
	}
}
