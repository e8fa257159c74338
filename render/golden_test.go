package render

import (
	"flag"
	"image"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

var updateGolden = flag.Bool("update-golden", false, "write golden images (look at them before committing)")

// compareGolden compares img with testdata/golden/name: at most 1% of pixels may differ by more
// than 48 (sum over RGB), which absorbs rasteriser differences between Mesa versions and catches
// real changes (a missing structure, a wrong colour, a moved camera). On failure the new image goes to
// testdata/failed/ for review.
func compareGolden(t *testing.T, name string, img *image.RGBA) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *updateGolden {
		os.MkdirAll(filepath.Dir(path), 0o755)
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, img); err != nil {
			t.Fatal(err)
		}
		return
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("golden image %s: %v (run with -update-golden, then look at it)", path, err)
	}
	defer f.Close()
	g, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	want := image.NewRGBA(g.Bounds())
	draw.Draw(want, want.Rect, g, g.Bounds().Min, draw.Src)
	if want.Rect != img.Rect {
		t.Fatalf("golden %s is %v, frame is %v", name, want.Rect, img.Rect)
	}
	bad := 0
	for i := 0; i < len(img.Pix); i += 4 {
		if absDiff(img.Pix[i], want.Pix[i])+absDiff(img.Pix[i+1], want.Pix[i+1])+absDiff(img.Pix[i+2], want.Pix[i+2]) > 48 {
			bad++
		}
	}
	if limit := len(img.Pix) / 4 / 100; bad > limit {
		p := savePNG(t, name, img)
		t.Fatalf("%d pixels differ from golden %s (limit %d); new frame in %s", bad, path, limit, p)
	}
}
