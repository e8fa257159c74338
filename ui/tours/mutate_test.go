package tours

import (
	"math/rand"
	"testing"
)

// TestOpenMutatedTours opens 900 damaged copies of a good tour (cut short, bytes changed, a
// stretch left out) one after another on the same screen: each plays or is explained, none
// panics or leaves the screen stuck. (`go test -fuzz FuzzOpenTour` does the same at random, but
// its worker stalls after a few inputs under Fyne's test driver; this runs everywhere.)
func TestOpenMutatedTours(t *testing.T) {
	tt := newToursTest(t)
	rng := rand.New(rand.NewSource(1))
	src := []byte(goodTour)
	for i := 0; i < 900; i++ {
		b := append([]byte(nil), src...)
		switch i % 3 {
		case 0:
			b = b[:rng.Intn(len(b))]
		case 1:
			for k := 0; k < 3; k++ {
				b[rng.Intn(len(b))] = byte(rng.Intn(256))
			}
		case 2:
			j := rng.Intn(len(b))
			b = append(b[:j], b[rng.Intn(len(b)):]...)
		}
		tt.s.show(modeList)
		tt.s.lastError = nil
		tt.s.opened("x.tour.toml", b, nil)
		if tt.s.mode != modePlay && tt.s.lastError == nil {
			t.Fatalf("neither played nor explained:\n%s", b)
		}
		for top := tt.sh.Window().Canvas().Overlays().Top(); top != nil; top = tt.sh.Window().Canvas().Overlays().Top() {
			tt.sh.Window().Canvas().Overlays().Remove(top)
		}
	}
}
