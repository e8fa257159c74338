package main

// The layout of the limb, in millimetres in the model frame (+X the body's
// left, +Y up, +Z anterior; the right limb lies at negative X). Anatomical
// position: arm hanging, palm forward. Dimensions are rounded adult averages
// (see builtin/SOURCES.md); a comment names the measure each one stands for.
const (
	carryingDeg = -10.0 // carrying angle: the forearm deviates 10° laterally

	humeralLength = 325.0 // maximum length, head to medial lip of trochlea
	headRadius    = 22.5  // humeral head radius of curvature (~24 mm)
	trochleaLip   = 12.5  // radius of the medial lip of the trochlea

	// The radius (240 mm) and ulna (265 mm) are laid out in forearm
	// coordinates in skeleton.go; TestBoneDimensions measures all three.
)

var (
	// shaftAxis is where the humeral shaft's axis crosses any level.
	shaftX, shaftZ = -176.0, -18.0
	// humeralHead is the centre of the humeral head; its top is the top of
	// the humerus.
	humeralHead = V(-163, 1362, -26)
	// elbowCentre is the middle of the trochlea–capitulum axis, the pivot
	// of the forearm frame, placed so that the humerus has its length.
	elbowCentre = V(-175.5, humeralHead.Y+headRadius-humeralLength+trochleaLip, -6)
	// wristLocal is the radiocarpal joint centre in forearm coordinates; it
	// is the origin of the hand frame.
	wristLocal = V(-4, -249, 0)
)

// fa maps forearm coordinates (origin at the elbow centre, axes as the
// model's before the carrying angle; x medial-positive) into the model.
func fa(x, y, z float64) Vec3 { return elbowCentre.Add(rotZ(V(x, y, z), carryingDeg)) }

// faV is fa for a vector.
func faV(p Vec3) Vec3 { return fa(p.X, p.Y, p.Z) }

// faDir rotates a direction into the model (no translation).
func faDir(d Vec3) Vec3 { return rotZ(d, carryingDeg) }

// hd maps hand coordinates (origin at the radiocarpal joint, axes as the
// forearm's) into the model.
func hd(x, y, z float64) Vec3 { return faV(wristLocal.Add(V(x, y, z))) }

// hdV is hd for a vector.
func hdV(p Vec3) Vec3 { return hd(p.X, p.Y, p.Z) }

// mapAll maps a list of local points with f.
func mapAll(f func(Vec3) Vec3, pts ...Vec3) []Vec3 {
	out := make([]Vec3, len(pts))
	for i, p := range pts {
		out[i] = f(p)
	}
	return out
}

// Directions in the model frame for the right limb.
var (
	lateral = V(-1, 0, 0)
	up      = V(0, 1, 0)
)
