package main

// Build returns every structure of the model in file order: skeleton,
// muscles, vessels, nerves, skin and landmarks.
func Build() []*Structure {
	bones := append(skeleton(), handBones()...)
	musc := muscles()
	arts := arteries()
	nrvs := nerves()
	limbWrap, thumbWrap := wrapSets(bones, musc, arts, nrvs)
	sk := newSkin(limbWrap, thumbWrap)
	skin := &Structure{Name: "Skin of upper limb", ID: pid("skin-upper-limb"), Latin: "Cutis membri superioris",
		Synonyms: []string{"skin"}, System: Integumentary, Region: "arm", Color: colSkin, Ghost: true,
		Description: "The skin and subcutaneous tissue of the limb, drawn as a translucent sleeve; the superficial veins run just beneath it.",
		Mesh:        sk.Mesh()}
	var out []*Structure
	for _, group := range [][]*Structure{bones, musc, arts, veins(sk), nrvs, {skin}, landmarks(sk)} {
		out = append(out, group...)
	}
	return out
}

// Soft tissue (mm) kept between a deep structure and the skin surface.
const (
	marginBone   = 5.0
	marginMuscle = 5.0
	marginVessel = 4.0
)

// wrapSets collects the points the skin must enclose: the main sleeve takes
// everything but the clavicle, the scapula medial to the acromion and the
// thumb's phalanges, which the thumb sleeve takes.
func wrapSets(bones, musc, arts, nrvs []*Structure) (limb, thumb []wrapPoint) {
	add := func(set *[]wrapPoint, s *Structure, margin float64, keep func(Vec3) bool) {
		for _, p := range s.Mesh.Pos {
			if keep == nil || keep(p) {
				*set = append(*set, wrapPoint{p, margin})
			}
		}
	}
	for _, b := range bones {
		switch {
		case b.Name == "Clavicle":
		case b.Name == "Scapula":
			add(&limb, b, 3, func(p Vec3) bool { return p.X < -178 && p.Y > 1385 })
		case b.Name == "Proximal phalanx of thumb" || b.Name == "Distal phalanx of thumb":
			add(&thumb, b, marginBone, nil)
		case b.Name == "Ulna":
			// Its head and border lie just under the skin, with the basilic
			// vein passing over them.
			add(&limb, b, marginBone+1.5, nil)
		case b.Name == "First metacarpal bone":
			add(&limb, b, marginBone, nil)
			add(&thumb, b, marginBone, nil)
		default:
			add(&limb, b, marginBone, nil)
		}
	}
	for _, m := range musc {
		add(&limb, m, marginMuscle, nil)
	}
	for _, v := range append(append([]*Structure{}, arts...), nrvs...) {
		add(&limb, v, marginVessel, nil)
	}
	return limb, thumb
}
