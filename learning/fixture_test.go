package learning

// handFixture is a small two-sided limb: arm and wrist bones on both sides,
// an artery and a nerve, the skin (not on the model: translucent) and a
// group without a mesh. Centres are in metres, +X the body's left.
func handFixture() []Structure {
	bone := func(id, name, latin, region, side string, x, y float64) Structure {
		return Structure{ID: id, Name: name, Latin: latin, System: "skeletal", Region: region, Side: side,
			OnModel: true, Center: [3]float64{x, y, 0}, Radius: 0.01}
	}
	ss := []Structure{
		bone("FMA23130", "Right humerus", "Humerus", "upper_limb/arm", "right", -0.20, 1.20),
		bone("FMA23131", "Left humerus", "Humerus", "upper_limb/arm", "left", 0.20, 1.20),
		bone("FMA23464", "Right radius", "Radius", "upper_limb/forearm", "right", -0.25, 0.90),
		bone("FMA23467", "Right ulna", "Ulna", "upper_limb/forearm", "right", -0.22, 0.90),
		bone("FMA24435", "Right scaphoid", "Os scaphoideum", "upper_limb/wrist", "right", -0.30, 0.78),
		bone("FMA24437", "Right lunate", "Os lunatum", "upper_limb/wrist", "right", -0.29, 0.78),
		bone("FMA24439", "Right triquetrum", "Os triquetrum", "upper_limb/wrist", "right", -0.28, 0.78),
		bone("FMA24443", "Right trapezium", "Os trapezium", "upper_limb/wrist", "right", -0.31, 0.77),
		bone("FMA24445", "Right trapezoid", "Os trapezoideum", "upper_limb/wrist", "right", -0.305, 0.765),
		bone("FMA24436", "Left scaphoid", "Os scaphoideum", "upper_limb/wrist", "left", 0.30, 0.78),
		{ID: "osteon:radial-artery", Name: "Radial artery", Latin: "Arteria radialis", System: "cardiovascular",
			Region: "upper_limb/forearm", Side: "right", OnModel: true, Center: [3]float64{-0.26, 0.88, 0.01}},
		{ID: "osteon:ulnar-nerve", Name: "Ulnar nerve", Latin: "Nervus ulnaris", Synonyms: []string{"funny bone nerve"},
			Names: map[string]string{"fr": "Nerf ulnaire", "de": "Ellennerv"}, System: "nervous",
			Region: "upper_limb/arm", Side: "right", OnModel: true, Center: [3]float64{-0.21, 1.05, -0.01}},
		{ID: "osteon:skin", Name: "Skin of upper limb", System: "integumentary", Region: "upper_limb/arm",
			Center: [3]float64{-0.2, 1.0, 0}},
		{ID: "right-upper-limb", Name: "Right upper limb", Region: "upper_limb"},
	}
	ss[0].Synonyms = []string{"arm bone"}
	ss[0].Names = map[string]string{"fr": "Humérus droit"}
	ss[4].Synonyms = []string{"navicular of the hand"}
	return ss
}

func handBank() *Bank { return NewBank(handFixture(), nil) }
