package main

// Superficial veins lie in the subcutaneous fat, so each is placed by arc
// length along the skin sleeve, angle round it and depth under its surface.

// vp is a control point of a superficial vein: offset from a reference
// level on the sleeve (mm, distal positive), angle (degrees: 0 lateral,
// 90 posterior, -90 or 270 anterior, 180 medial) and depth of the vein's
// centre under the skin surface.
type vp struct{ s, phi, depth float64 }

// Vein radii (mm) from typical adult diameters.
const (
	rCephalic   = 2.0
	rBasilic    = 2.3
	rCubital    = 2.0
	rAntebrach  = 1.4
	rDorsalHand = 1.3
	fatOverVein = 1.5 // skin and fat over the top of a superficial vein
)

// veinPath samples a smooth path through the control points, in (arc
// length, angle, depth) space about every 3 mm or 3 degrees, and lays each
// sample under the skin.
func veinPath(sk *Skin, ctrl []vp) []Vec3 {
	pts := make([]Vec3, len(ctrl))
	for i, c := range ctrl {
		pts[i] = V(c.s, c.phi, c.depth)
	}
	pl := newPolyline(pts)
	var out []Vec3
	for s := 0.0; ; s += 3 {
		q := pl.at(s)
		out = append(out, sk.Point(q.X, q.Y, q.Z))
		if s >= pl.length() {
			return out
		}
	}
}

// superficial gives every control point the depth of a vein of radius r.
func superficial(r float64, pts ...[2]float64) []vp {
	out := make([]vp, len(pts))
	for i, p := range pts {
		out[i] = vp{p[0], p[1], r + fatOverVein}
	}
	return out
}

func shift(base float64, pts ...[2]float64) [][2]float64 {
	out := make([][2]float64, len(pts))
	for i, p := range pts {
		out[i] = [2]float64{base + p[0], p[1]}
	}
	return out
}

func vein(name, id, latin, region, desc string, syn []string, m *Mesh) *Structure {
	return &Structure{Name: name, ID: id, Latin: latin, Synonyms: syn, System: Cardiovascular,
		Region: region, Color: colVein, Description: desc, Mesh: m}
}

// Junctions shared by the veins (offsets from the elbow crease level).
var (
	cubitalFromCephalic = [2]float64{28, -40}
	cubitalToBasilic    = [2]float64{-20, 215} // the same point as -145°
)

func veins(sk *Skin) []*Structure {
	sE, sW := sk.SAt(elbowCentre), sk.SAt(hd(0, 0, 0))
	cephalic := append(shift(sW, [2]float64{38, 30}, [2]float64{20, 14}, [2]float64{2, 6}, [2]float64{-40, -5},
		[2]float64{-110, -25}), shift(sE, cubitalFromCephalic, [2]float64{0, -48}, [2]float64{-80, -45},
		[2]float64{-170, -60}, [2]float64{-250, -95})...)
	basilic := superficial(rBasilic, append(shift(sW, [2]float64{38, 150}, [2]float64{15, 165}, [2]float64{-60, 172},
		[2]float64{-150, 190}), shift(sE, [2]float64{30, 210}, cubitalToBasilic, [2]float64{-90, 200}, [2]float64{-130, 195})...)...)
	basilic = append(basilic, vp{sE - 165, 192, 9}, vp{sE - 200, 190, 14})
	cubital := shift(sE, cubitalFromCephalic, [2]float64{10, -70}, [2]float64{-6, -110},
		[2]float64{cubitalToBasilic[0], cubitalToBasilic[1] - 360})
	antebrachial := append(shift(sW, [2]float64{-8, 268}, [2]float64{-70, 266}, [2]float64{-140, 268}),
		shift(sE, [2]float64{40, 268}, [2]float64{4, 275})...)
	return []*Structure{
		vein("Cephalic vein", pid("cephalic-vein"), "Vena cephalica", "arm",
			"Drains the radial side of the dorsal venous network, winds round to the front of the forearm and runs up the lateral side of the arm to the deltopectoral groove.",
			nil, Tube(veinPath(sk, superficial(rCephalic, cephalic...)), rCephalic, 8)),
		vein("Basilic vein", pid("basilic-vein"), "Vena basilica", "arm",
			"Drains the ulnar side of the dorsal venous network and runs up the medial side of the forearm and arm, piercing the deep fascia halfway up the arm.",
			nil, Tube(veinPath(sk, basilic), rBasilic, 8)),
		vein("Median cubital vein", pid("median-cubital-vein"), "Vena mediana cubiti", "elbow",
			"The oblique vein crossing the front of the elbow from the cephalic to the basilic vein, superficial to the bicipital aponeurosis; the usual site for venepuncture.",
			nil, Tube(veinPath(sk, superficial(rCubital, cubital...)), rCubital, 8)),
		vein("Median antebrachial vein", pid("median-antebrachial-vein"), "Vena mediana antebrachii", "forearm",
			"A variable vein running up the middle of the front of the forearm from the palm to the median cubital vein.",
			[]string{"median vein of forearm"}, Tube(veinPath(sk, superficial(rAntebrach, antebrachial...)), rAntebrach, 8)),
		vein("Dorsal venous network of hand", pid("dorsal-venous-network-hand"), "Rete venosum dorsale manus", "hand",
			"The web of veins on the back of the hand that gives rise to the cephalic and basilic veins; a common site for peripheral cannulation.",
			[]string{"dorsal venous arch of hand"}, dorsalNetwork(sk, sW)),
	}
}

// dorsalNetwork is an arch across the back of the hand joined by three
// dorsal metacarpal veins from the finger clefts.
func dorsalNetwork(sk *Skin, sW float64) *Mesh {
	tube := func(pts ...[2]float64) *Mesh {
		return Tube(veinPath(sk, superficial(rDorsalHand, shift(sW, pts...)...)), rDorsalHand, 8)
	}
	return Join(
		tube([2]float64{38, 30}, [2]float64{50, 50}, [2]float64{56, 90}, [2]float64{52, 128}, [2]float64{38, 150}),
		tube([2]float64{95, 41}, [2]float64{75, 50}, [2]float64{53, 62}),
		tube([2]float64{97, 102}, [2]float64{78, 98}, [2]float64{56, 94}),
		tube([2]float64{92, 146}, [2]float64{75, 136}, [2]float64{53, 124}),
	)
}
