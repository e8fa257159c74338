package content

import (
	"math"
	"testing"
)

func TestPlaceStructure(t *testing.T) {
	tests := []struct {
		id, organ string
		want      Placement
	}{
		{"", "kidney", Placement{"urinary", "abdomen"}},
		{"", "Kidney", Placement{"urinary", "abdomen"}},
		{"", "ureter", Placement{"urinary", "abdomen"}},
		{"", "urinary bladder", Placement{"urinary", "pelvis"}},
		{"", "bladder", Placement{"urinary", "pelvis"}},
		{"", "heart", Placement{"cardiovascular", "thorax"}},
		{"", "intestine large", Placement{"digestive", "abdomen"}},
		{"", "small intestine", Placement{"digestive", "abdomen"}},
		{"", "liver", Placement{"digestive", "abdomen"}},
		{"", "pancreas", Placement{"digestive", "abdomen"}},
		{"", "spleen", Placement{"lymphatic", "abdomen"}},
		{"", "thymus", Placement{"lymphatic", "thorax"}},
		{"", "ovaries", Placement{"reproductive", "pelvis"}},
		{"", "fallopian tube", Placement{"reproductive", "pelvis"}},
		{"", "uterus", Placement{"reproductive", "pelvis"}},
		{"", "prostate", Placement{"reproductive", "pelvis"}},
		{"", "pelvis", Placement{"skeletal", "pelvis"}},
		{"", "knee", Placement{"skeletal", "lower_limb/knee"}},
		{"", "spinal cord", Placement{"nervous", "back"}},
		{"", "lungs", Placement{"respiratory", "thorax"}},
		{"UBERON:0001439", "pelvis", Placement{"skeletal", "pelvis"}}, // compact bone: the id's system, the organ's region
		{"UBERON:0002483", "knee", Placement{"skeletal", "lower_limb/knee"}},
		{"FMA:24487", "", Placement{"skeletal", "lower_limb/knee"}},     // left patella
		{"UBERON:0002113", "whatever", Placement{"urinary", "abdomen"}}, // kidney by id
		{"UBERON:9999999", "", Placement{}},                             // nothing known: "other"
		{"", "left handed widget", Placement{}},
	}
	for _, tc := range tests {
		if got := PlaceStructure(tc.id, tc.organ); got != tc.want {
			t.Errorf("PlaceStructure(%q, %q) = %+v, want %+v", tc.id, tc.organ, got, tc.want)
		}
	}
}

func TestShadesTellPartsApart(t *testing.T) {
	base, _ := SystemColor("cardiovascular")
	for j := 0; j < 14; j++ {
		a, b := Shade(base, j), Shade(base, j+1)
		if d := colourDistance(a, b); d < 40 {
			t.Errorf("shades %d and %d are %v and %v, only %.0f apart", j, j+1, a, b, d)
		}
	}
	out := []StructureEntry{
		{Name: "A", Mesh: "m#a", System: "cardiovascular", Color: "#963c3c"},
		{Name: "B", Mesh: "m#b", System: "cardiovascular", Color: "#963c3c"},
		{Name: "B", Mesh: "m#c", System: "cardiovascular", Color: "#963c3c"},
	}
	colourOrgan(out, []int{0, 1, 2})
	if out[0].Color == out[1].Color || out[1].Color != out[2].Color {
		t.Errorf("one source colour: want a shade per name, got %q %q %q", out[0].Color, out[1].Color, out[2].Color)
	}
	kept := []StructureEntry{{Name: "A", Mesh: "m#a", Color: "#101010"}, {Name: "B", Mesh: "m#b", Color: "#202020"}}
	colourOrgan(kept, []int{0, 1})
	if kept[0].Color != "#101010" || kept[1].Color != "#202020" {
		t.Errorf("the source's distinct colours were replaced: %+v", kept)
	}
}

func colourDistance(a, b Color) float64 {
	dr, dg, db := float64(a.R)-float64(b.R), float64(a.G)-float64(b.G), float64(a.B)-float64(b.B)
	return math.Sqrt(dr*dr + dg*dg + db*db)
}
