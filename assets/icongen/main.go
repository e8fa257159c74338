// Command icongen draws Osteon's application icon (assets/icon.png): a white long bone on a
// rounded teal square. Run from the repository root: go run ./assets/icongen
package main

import (
	"flag"
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
)

const size = 512

func main() {
	out := flag.String("o", "assets/icon.png", "output PNG")
	flag.Parse()
	img := draw()
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

// draw renders with 4x4 supersampling for smooth edges.
func draw() *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	teal := [3]float64{15, 118, 110}
	const ss = 4
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			var bgCov, boneCov float64
			for sy := 0; sy < ss; sy++ {
				for sx := 0; sx < ss; sx++ {
					u := (float64(x) + (float64(sx)+0.5)/ss) / size
					v := (float64(y) + (float64(sy)+0.5)/ss) / size
					if roundedSquare(u, v) <= 0 {
						bgCov++
						if bone(u, v) <= 0 {
							boneCov++
						}
					}
				}
			}
			bgCov /= ss * ss
			boneCov /= ss * ss
			if bgCov == 0 {
				continue
			}
			w := boneCov / bgCov
			var c [3]float64
			for k := range c {
				c[k] = teal[k]*(1-w) + 250*w
			}
			img.SetNRGBA(x, y, color.NRGBA{R: uint8(c[0]), G: uint8(c[1]), B: uint8(c[2]), A: uint8(255 * bgCov)})
		}
	}
	return img
}

// roundedSquare is the signed distance to the icon's background.
func roundedSquare(u, v float64) float64 {
	const half, r = 0.46, 0.11
	dx := math.Abs(u-0.5) - (half - r)
	dy := math.Abs(v-0.5) - (half - r)
	return math.Hypot(math.Max(dx, 0), math.Max(dy, 0)) + math.Min(math.Max(dx, dy), 0) - r
}

// bone is a shaft with two knobs at each end, along the diagonal.
func bone(u, v float64) float64 {
	// rotate 45 degrees about the centre
	x, y := u-0.5, v-0.5
	c, s := math.Cos(math.Pi/4), math.Sin(math.Pi/4)
	x, y = x*c+y*s, -x*s+y*c
	shaft := math.Max(math.Abs(x)-0.25, math.Abs(y)-0.055)
	d := shaft
	for _, end := range []float64{-0.27, 0.27} {
		for _, side := range []float64{-0.06, 0.06} {
			d = math.Min(d, math.Hypot(x-end, y-side)-0.085)
		}
	}
	return d
}
