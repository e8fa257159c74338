package render

import (
	"testing"
	"time"
)

func TestSimplifyLimbQuick(t *testing.T) {
	m := upperLimb(t)
	t0 := time.Now()
	in, out1, out2 := 0, 0, 0
	var maxErr float32
	for _, p := range m.Scene.Parts {
		lv := simplifyLevels(p.Mesh.Positions, p.Mesh.Indices, 3, 32)
		in += p.Mesh.TriangleCount()
		if len(lv) > 0 {
			out1 += len(lv[0].Indices) / 3
		}
		if len(lv) > 1 {
			out2 += len(lv[1].Indices) / 3
			maxErr = max(maxErr, lv[1].Error)
		}
	}
	t.Logf("%d -> %d -> %d triangles in %v, max err %v", in, out1, out2, time.Since(t0), maxErr)
}
