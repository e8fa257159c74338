package render

import (
	"math"
	"sort"
	"testing"
)

// TestHRAHeartPartsLookDifferent imports the HRA female heart (one material for its fourteen
// parts in the source), draws it, and checks that the parts that touch most on screen come out
// in visibly different colours.
func TestHRAHeartPartsLookDifferent(t *testing.T) {
	s := importedHRAOrgan(t, "VH_F_Heart.glb")
	v := NewView(sharedEngine(t))
	defer v.Close()
	v.SetModel(NewModel(s))
	const w, h = 160, 160
	v.Resize(w, h)
	img := render(t, v)
	// Which part each pixel shows, and the mean colour of each part.
	id := make([]string, w*h)
	sum := map[string][4]float64{}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			hit, ok := v.Pick(float64(x)+0.5, float64(y)+0.5)
			if !ok {
				continue
			}
			id[y*w+x] = hit.ID
			px := img.Pix[img.PixOffset(x, y):]
			m := sum[hit.ID]
			sum[hit.ID] = [4]float64{m[0] + float64(px[0]), m[1] + float64(px[1]), m[2] + float64(px[2]), m[3] + 1}
		}
	}
	touch := map[[2]string]int{}
	for y := 0; y < h; y++ {
		for x := 0; x+1 < w; x++ {
			a, b := id[y*w+x], id[y*w+x+1]
			if a != "" && b != "" && a != b {
				touch[[2]string{min(a, b), max(a, b)}]++
			}
		}
	}
	pairs := make([][2]string, 0, len(touch))
	for k := range touch {
		pairs = append(pairs, k)
	}
	sort.Slice(pairs, func(i, j int) bool { return touch[pairs[i]] > touch[pairs[j]] })
	if len(pairs) < 3 {
		t.Fatalf("only %d pairs of parts touch on screen", len(pairs))
	}
	mean := func(id string) [3]float64 {
		m := sum[id]
		return [3]float64{m[0] / m[3], m[1] / m[3], m[2] / m[3]}
	}
	for _, pr := range pairs[:3] {
		a, b := mean(pr[0]), mean(pr[1])
		d := math.Sqrt((a[0]-b[0])*(a[0]-b[0]) + (a[1]-b[1])*(a[1]-b[1]) + (a[2]-b[2])*(a[2]-b[2]))
		t.Logf("%s %v | %s %v: %.0f apart, %d touching pixels", pr[0], a, pr[1], b, d, touch[pr])
		if d < 30 {
			savePNG(t, "hra_heart.png", img)
			t.Errorf("neighbouring parts %s and %s look alike: mean colours %.0f apart", pr[0], pr[1], d)
		}
	}
}
