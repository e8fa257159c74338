package main

import (
	"fmt"
	"strconv"
)

// System names used in node extras.
const (
	Skeletal       = "skeletal"
	Muscular       = "muscular"
	Cardiovascular = "cardiovascular"
	Nervous        = "nervous"
	Integumentary  = "integumentary"
	Landmark       = "landmark"
)

// Colours per kind of tissue (sRGB hex).
const (
	colBone     = "#e6dcc3"
	colMuscle   = "#9c4a3c"
	colVein     = "#3b5fc4"
	colArtery   = "#cc2b2b"
	colNerve    = "#e3c233"
	colSkin     = "#d8b49c"
	colLandmark = "#c42fc9"
	skinAlpha   = 0.35
)

// Structure is one named part of the model: one glTF node with one mesh.
type Structure struct {
	Name        string // English name, also the node name
	ID          string // FMA id ("FMA23130") or pack-local id ("osteon:…")
	Latin       string // Terminologia Anatomica
	Synonyms    []string
	System      string
	Region      string // shoulder, arm, elbow, forearm, wrist, hand
	Color       string
	Ghost       bool // default_state "ghost"
	Description string
	Mesh        *Mesh
}

// rgba turns the structure's colour into a glTF baseColorFactor (linear).
func (s *Structure) rgba() ([4]float64, error) {
	if len(s.Color) != 7 || s.Color[0] != '#' {
		return [4]float64{}, fmt.Errorf("structure %q: bad colour %q", s.Name, s.Color)
	}
	var out [4]float64
	for i := 0; i < 3; i++ {
		v, err := strconv.ParseUint(s.Color[1+2*i:3+2*i], 16, 8)
		if err != nil {
			return out, fmt.Errorf("structure %q: bad colour %q: %w", s.Name, s.Color, err)
		}
		out[i] = srgbToLinear(float64(v) / 255)
	}
	out[3] = 1
	if s.Ghost {
		out[3] = skinAlpha
	}
	return out, nil
}

// srgbToLinear converts one sRGB channel to linear light, as glTF expects
// for baseColorFactor. A rational approximation of the 2.4 power keeps the
// output identical on every platform (math.Pow has per-arch assembly).
func srgbToLinear(c float64) float64 {
	if c <= 0.04045 {
		return c / 12.92
	}
	x := (c + 0.055) / 1.055
	// x^2.4 = x^2 * x^0.4; find y = x^0.4 by Newton's method on y^5 = x^2,
	// starting above the root so the iteration decreases monotonically.
	y := 1.0
	for i := 0; i < 40; i++ {
		y -= (y*y*y*y*y - x*x) / (5 * y * y * y * y)
	}
	return x * x * y
}

// pid builds a pack-local id.
func pid(slug string) string { return "osteon:" + slug }
