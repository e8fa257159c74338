package render

import "testing"

// BenchmarkViewPick is a pick at a pixel through View.Pick (the pick rule: states and tints
// copied, ghosts and shells) against Model.Pick alone on the same rays, on the BodyParts3D limb.
func BenchmarkViewPick(b *testing.B) {
	m := upperLimb(b)
	v := NewView(nil)
	v.SetModel(m)
	v.Resize(400, 300)
	cam := v.Camera()
	all := func(int) (bool, bool) { return true, false }
	var view, model float64
	b.Run("view", func(b *testing.B) {
		for i := range b.N {
			v.Pick(float64(i*7%400), float64(i*13%300))
		}
		view = float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	})
	b.Run("model", func(b *testing.B) {
		for i := range b.N {
			o, d := cam.Ray(float64(i*7%400), float64(i*13%300))
			m.Pick(o, d, all)
		}
		model = float64(b.Elapsed().Nanoseconds()) / float64(b.N)
		if view > 0 {
			b.ReportMetric(view/model, "view/model")
		}
	})
}
