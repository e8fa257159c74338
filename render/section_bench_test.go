package render

import (
	"testing"
	"time"
)

// BenchmarkSectionFrame draws the upper limb at 1280x800 with a coronal section through its
// middle (every cut structure capped) and without, alternating frame by frame in one run, and
// reports the median draw of each and their ratio (target: section/plain under 1.3).
func BenchmarkSectionFrame(b *testing.B) {
	m := upperLimb(b)
	e, err := NewEngine(Options{MSAA: 1})
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close()
	v := NewView(e)
	defer v.Close()
	v.SetModel(m)
	v.Resize(1280, 800)
	cut := Coronal(v3(m.Bounds.Center()))
	for _, s := range []Section{{}, cut} { // upload and compile outside the timing
		if err := v.SetSection(s); err != nil {
			b.Fatal(err)
		}
		if _, err := v.RenderNow(); err != nil {
			b.Fatal(err)
		}
	}
	var plain, sectioned []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v.Orbit(1, 0)
		for _, s := range []Section{{}, cut} {
			if err := v.SetSection(s); err != nil {
				b.Fatal(err)
			}
			f, err := v.RenderNow()
			if err != nil {
				b.Fatal(err)
			}
			if s.On {
				sectioned = append(sectioned, f.Stats.Draw)
			} else {
				plain = append(plain, f.Stats.Draw)
			}
			v.Release(f.Image)
		}
	}
	p, s := median(plain), median(sectioned)
	b.ReportMetric(float64(p.Microseconds())/1000, "plain-draw-ms")
	b.ReportMetric(float64(s.Microseconds())/1000, "section-draw-ms")
	b.ReportMetric(float64(s)/float64(p), "section/plain")
	b.ReportMetric(float64(len(v.Cut())), "cut-structures")
}
