package main

// Deep vessels and nerves, placed against the bones and muscles. Paths are
// in the model frame above the elbow and in forearm (fa) or hand (hd)
// coordinates below it.

// Radii (mm) from typical adult diameters.
const (
	rBrachial   = 2.2
	rForearmArt = 1.3
	rMedianN    = 2.0
	rUlnarN     = 1.8
	rRadialN    = 2.0
)

// brachialBifurcation is where the brachial artery divides, at the level of
// the radial neck.
var brachialBifurcation = fa(2, -22, 16)

// brachialPath runs down the medial side of the arm into the cubital fossa,
// medial to the biceps tendon, to its division.
func brachialPath() []Vec3 {
	return []Vec3{V(-150, 1318, -12), V(-153, 1260, -6), V(-156, 1200, 2), V(-156, 1140, 8),
		V(-163, 1100, 15), V(-168, 1072, 19), brachialBifurcation}
}

func vessel(name, id, latin, region, desc string, syn []string, m *Mesh) *Structure {
	return &Structure{Name: name, ID: id, Latin: latin, Synonyms: syn, System: Cardiovascular,
		Region: region, Color: colArtery, Description: desc, Mesh: m}
}

func nerve(name, id, latin, region, desc string, m *Mesh) *Structure {
	return &Structure{Name: name, ID: id, Latin: latin, System: Nervous, Region: region,
		Color: colNerve, Description: desc, Mesh: m}
}

func arteries() []*Structure {
	brachial := Tube(brachialPath(), rBrachial, 12)
	radial := TaperTube(append([]Vec3{brachialBifurcation},
		mapAll(faV, V(-8, -40, 14), V(-16, -80, 13), V(-18, -140, 12), V(-16, -200, 12), V(-15, -232, 12.5),
			V(-17, -246, 12.5), V(-33, -255, 4), V(-33, -264, -6), V(-28, -272, -12))...), 1.5, rForearmArt, 10)
	ulnar := TaperTube(append([]Vec3{brachialBifurcation},
		append(mapAll(faV, V(8, -45, 11), V(14, -100, 10), V(16, -170, 10), V(14, -225, 12)),
			mapAll(hdV, V(5, -8, 13), V(4, -30, 14), V(-5, -50, 14), V(-15, -55, 13))...)...), 1.5, rForearmArt, 10)
	return []*Structure{
		vessel("Brachial artery", pid("brachial-artery"), "Arteria brachialis", "arm",
			"The main artery of the arm. In the cubital fossa it lies deep to the bicipital aponeurosis, just medial to the biceps tendon, and must be avoided in venepuncture.",
			nil, brachial),
		vessel("Radial artery", pid("radial-artery"), "Arteria radialis", "forearm",
			"The lateral branch of the brachial artery. At the wrist it lies on the front of the radius just medial to the styloid process, where its pulse is felt and arterial blood is sampled.",
			nil, radial),
		vessel("Ulnar artery", pid("ulnar-artery"), "Arteria ulnaris", "forearm",
			"The medial and larger branch of the brachial artery; it runs down the ulnar side of the forearm and enters the palm beside the pisiform. The modified Allen test checks its supply to the hand.",
			nil, ulnar),
	}
}

func nerves() []*Structure {
	median := Tube(append([]Vec3{V(-158, 1320, -6), V(-157, 1260, -1), V(-154, 1200, 8), V(-150, 1140, 11),
		V(-156, 1100, 14), V(-162, 1072, 15)},
		append(mapAll(faV, V(9, -25, 17), V(6, -50, 12), V(3, -80, 9), V(0, -150, 8), V(-2, -215, 14)),
			mapAll(hdV, V(0, -5, 14), V(-2, -30, 15), V(-5, -50, 12))...)...), rMedianN, 10)
	ulnar := Tube(append([]Vec3{V(-146, 1318, -16), V(-148, 1250, -20), V(-150, 1180, -24), V(-150, 1120, -24),
		V(-147, 1085, -24)},
		append(mapAll(faV, V(27, -25, -14), V(24, -70, -6), V(22, -150, 2), V(19, -215, 9)),
			mapAll(hdV, V(9.5, -9, 12), V(9, -30, 12), V(12, -50, 10))...)...), rUlnarN, 10)
	radial := Tube(append([]Vec3{V(-152, 1322, -26), V(-166, 1280, -33), V(-180, 1240, -33), V(-193, 1205, -22),
		V(-193, 1170, -4), V(-193.5, 1130, 0), V(-194.5, 1100, 3), V(-194, 1082, 8)},
		append(mapAll(faV, V(-21, -32, 13), V(-22, -80, 9), V(-24, -120, 10), V(-28, -150, 8), V(-35, -175, 1), V(-32, -205, -11), V(-24, -235, -14)),
			mapAll(hdV, V(-20, -20, -13), V(-18, -40, -12))...)...), rRadialN, 10)
	return []*Structure{
		nerve("Median nerve", pid("median-nerve"), "Nervus medianus", "arm",
			"Runs with the brachial artery and lies just medial to it in the cubital fossa, then down the middle of the forearm into the carpal tunnel.",
			median),
		nerve("Ulnar nerve", pid("ulnar-nerve"), "Nervus ulnaris", "arm",
			"Passes behind the medial epicondyle (the 'funny bone') and down the ulnar side of the forearm to enter the hand beside the pisiform.",
			ulnar),
		nerve("Radial nerve", pid("radial-nerve"), "Nervus radialis", "arm",
			"Winds round the back of the humerus, crosses in front of the lateral epicondyle under brachioradialis, and its superficial branch reaches the back of the wrist and hand.",
			radial),
	}
}
