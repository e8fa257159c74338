package main

// Landmarks are small marker meshes at the places the procedures name. Bony
// landmarks sit on the bone; regions on the skin sit on its surface.

// Distances of the deltoid injection zone below the acromion (mm).
const (
	deltoidSiteTop    = 25.0
	deltoidSiteBottom = 50.0
)

func landmark(name, slug, latin, region, desc string, syn []string, m *Mesh) *Structure {
	return &Structure{Name: name, ID: pid("landmark-" + slug), Latin: latin, Synonyms: syn, System: Landmark,
		Region: region, Color: colLandmark, Description: desc, Mesh: m}
}

// surfacePatch is a thin lens lying on the skin at (s, phi): semi-axes
// along the limb, round it, and through the surface.
func surfacePatch(sk *Skin, s, phi, along, round, thick float64) *Mesh {
	p, axis, out, around := sk.Frame(s, phi)
	return Ellipsoid(p, around.Scale(round), axis.Scale(along), out.Scale(thick), 0, 20, 10)
}

// sAtHeight returns the sleeve arc length at which its centre is at height y
// (on the vertical upper arm).
func sAtHeight(sk *Skin, y float64) float64 {
	for i := 1; i < len(sk.rings); i++ {
		a, b := sk.rings[i-1], sk.rings[i]
		if a.C.Y >= y && b.C.Y < y {
			return lerp(a.S, b.S, (a.C.Y-y)/(a.C.Y-b.C.Y))
		}
	}
	return 0
}

func landmarks(sk *Skin) []*Structure {
	acro := acromionLandmark()
	siteS := sAtHeight(sk, acro.Y-(deltoidSiteTop+deltoidSiteBottom)/2)
	sE := sk.SAt(elbowCentre)
	half := (deltoidSiteBottom - deltoidSiteTop) / 2
	return []*Structure{
		landmark("Acromion", "acromion", "Acromion", "shoulder",
			"The bony point of the shoulder at the lateral end of the scapular spine; injection sites in the deltoid are measured down from it.",
			nil, Sphere(acro, 4, 12, 8)),
		landmark("Deltoid injection site", "deltoid-injection-site", "Regio deltoidea", "shoulder",
			"The zone for intramuscular injection in the thickest part of the deltoid, about 2.5 to 5 cm below the acromion, above the course of the axillary nerve.",
			nil, surfacePatch(sk, siteS, -5, half, 16, 2.5)),
		landmark("Antecubital fossa", "antecubital-fossa", "Fossa cubitalis", "elbow",
			"The hollow at the front of the elbow, bounded by brachioradialis and pronator teres below the line of the epicondyles; it holds the median cubital vein superficially and the biceps tendon, brachial artery and median nerve deeply.",
			[]string{"cubital fossa", "elbow pit"}, surfacePatch(sk, sE, -90, 10, 12, 2.5)),
		landmark("Radial styloid process", "radial-styloid", "Processus styloideus radii", "wrist",
			"The palpable tip of the radius on the thumb side of the wrist; the radial pulse is felt just medial to it.",
			[]string{"radial styloid"}, Sphere(faV(radiusStyloidTip), 3.5, 12, 8)),
	}
}
