package main

// The scapula lies in the scapular plane, about 35° forward of the coronal
// plane. scapU runs along the plane from the medial border towards the
// glenoid; scapW is the plane's dorsal normal.
var (
	scapU = V(-65, 0, 45).Norm()
	scapW = V(-scapU.Z, 0, scapU.X)
)

// scapP returns the point ξ mm from the medial border along the plane, at
// height y, ζ mm dorsal of the plane.
func scapP(xi, y, zeta float64) Vec3 {
	return V(-75, y, -85).Add(scapU.Scale(xi)).Add(scapW.Scale(zeta))
}

// Acromion points: posterior angle, lateral border, anterior tip.
var (
	acromionAngle = V(-184, 1399, -40)
	acromionSide  = V(-189, 1401, -18)
	acromionTip   = V(-180, 1402, 2)
)

// acromionLandmark is the palpable lateral edge of the acromion, on its
// upper surface.
func acromionLandmark() Vec3 { return V(-197, 1405, -18) }

func bone(name, id, latin, region, desc string, syn []string, m *Mesh) *Structure {
	return &Structure{Name: name, ID: id, Latin: latin, Synonyms: syn, System: Skeletal,
		Region: region, Color: colBone, Description: desc, Mesh: m}
}

// scapulaPlate keys: height, medial and lateral edge (ξ), half thickness.
var scapulaPlate = [][4]float64{
	{1394, 1, 6, 2.5}, {1389, 0, 22, 3}, {1383, 0, 48, 3.5}, {1375, 0.5, 66, 4.5},
	{1361, 1, 74, 6}, {1345, 1.5, 72, 5.5}, {1320, 2.5, 62, 4}, {1290, 4, 46, 3.5},
	{1264, 6, 28, 3.5}, {1245, 8, 14, 3}, {1238, 9, 11, 2.5},
}

func scapula() *Structure {
	top, bot := scapulaPlate[0][0], scapulaPlate[len(scapulaPlate)-1][0]
	var keys []Key
	for _, k := range scapulaPlate {
		keys = append(keys, Key{T: (top - k[0]) / (top - bot), A: (k[2] - k[1]) / 2, B: k[3],
			DA: (k[2] + k[1]) / 2, Sq: 0.55})
	}
	plate := Loft{Path: []Vec3{scapP(0, top, 0), scapP(0, bot, 0)}, Prof: Ellipse(keys...),
		Ref: scapU, Around: 24, Step: 7, Start: Cap{2}, End: Cap{2}}.Mesh()
	spine := Loft{
		Path: []Vec3{scapP(1, 1353, 0), scapP(30, 1362, 0), scapP(58, 1374, 0), V(-176, 1393, -48),
			acromionAngle, acromionSide, acromionTip},
		Prof: Ellipse(Key{0, 3, 6, 0, 6, 0.3}, Key{0.35, 4, 9, 0, 9, 0.3}, Key{0.55, 5, 10, 0, 5, 0.3},
			Key{0.7, 5, 11, 0, 0, 0.3}, Key{0.85, 4.5, 12, 0, 0, 0.3}, Key{1, 4, 9, 0, 0, 0.3}),
		Ref: up, Around: 16, Step: 6, Start: Cap{3}, End: Cap{5}}.Mesh()
	coracoid := TaperTube([]Vec3{scapP(60, 1381, 2), V(-125, 1389, -38), V(-130, 1384, -16), V(-137, 1371, 2)}, 7, 4.5, 14)
	glenoid := Ellipsoid(scapP(78.5, humeralHead.Y, 0), scapU.Scale(4.5), up.Scale(19.5), scapW.Scale(14.5), 0, 24, 10)
	return bone("Scapula", "FMA13395", "Scapula", "shoulder",
		"The shoulder blade: a flat triangular bone on the back of the chest wall whose spine ends in the acromion and whose glenoid cavity holds the head of the humerus.",
		[]string{"shoulder blade"}, Join(plate, spine, coracoid, glenoid))
}

func clavicle() *Structure {
	m := Loft{
		Path: []Vec3{V(-36, 1365, 34), V(-63, 1374, 34), V(-93, 1384, 25), V(-124, 1393, 8), V(-148, 1398, 0), V(-166, 1401, -2)},
		Prof: Ellipse(Key{0, 10, 11, 0, 0, 0.2}, Key{0.15, 8, 8, 0, 0, 0.1}, Key{0.5, 5.5, 6, 0, 0, 0},
			Key{0.75, 5, 9, 0, 0, 0.2}, Key{0.95, 5, 11, 0, 0, 0.3}, Key{1, 4.5, 10, 0, 0, 0.3}),
		Ref: up, Around: 16, Step: 6, Start: Cap{4}, End: Cap{3}}.Mesh()
	return bone("Clavicle", "FMA13322", "Clavicula", "shoulder",
		"The S-shaped collarbone joining the sternum to the acromion; it holds the shoulder away from the trunk.",
		[]string{"collarbone", "collar bone"}, m)
}

func humerus() *Structure {
	y := func(v float64) float64 { return (1368 - v) / (1368 - 1078) }
	shaft := Loft{
		Path: []Vec3{V(-179, 1368, -16), V(-177, 1335, -18), V(shaftX, 1250, shaftZ), V(shaftX, 1150, -17),
			V(shaftX, 1110, -14), V(-175.5, 1078, -7)},
		Prof: Ellipse(Key{y(1368), 18, 17, 5, 0, 0}, Key{y(1352), 22, 20, 3, 0, 0}, Key{y(1335), 14, 13, 0, 0, 0},
			Key{y(1300), 12, 11.5, 0, 0, 0}, Key{y(1262), 12.5, 11, 1.5, 0, 0}, Key{y(1200), 11, 10.5, 0, 0, 0},
			Key{y(1140), 13, 9.5, 0, 0, 0}, Key{y(1108), 20, 9, -2, 0, 0.2}, Key{y(1090), 30, 10, -2, 0, 0.3}, Key{y(1078), 24, 11, -1, 0, 0.3}),
		Ref: lateral, Around: 24, Step: 7, Start: Cap{8}, End: Cap{6}}.Mesh()
	head := Sphere(humeralHead, headRadius, 24, 14)
	x := func(v float64) float64 { return (v + 200) / 49 }
	condyles := Loft{
		Path: []Vec3{V(-200, elbowCentre.Y, elbowCentre.Z), V(-151, elbowCentre.Y, elbowCentre.Z)},
		Prof: Ellipse(Key{x(-200), 9, 9, 0, 0, 0}, Key{x(-195), 10.5, 10.5, 0, 0, 0}, Key{x(-189), 11, 11, 0, 0, 0},
			Key{x(-182), 10, 10, 0, 0, 0}, Key{x(-178), 8.5, 8.5, 0, 0, 0}, Key{x(-174), 10.5, 10.5, 0, 0, 0},
			Key{x(-165), 9, 9, 0, 0, 0}, Key{x(-156), trochleaLip, trochleaLip, 0, 0, 0}, Key{x(-151), 11, 11, 0, 0, 0}),
		Ref: up, Around: 20, Step: 3, Start: Cap{4}, End: Cap{3}}.Mesh()
	return bone("Humerus", "FMA23130", "Humerus", "arm",
		"The long bone of the arm, from the rounded head at the shoulder to the trochlea and capitulum at the elbow.",
		nil, Join(shaft, head, condyles))
}

// radiusStyloidTip is the tip of the radial styloid process (forearm frame).
var radiusStyloidTip = V(-25.3, -251.4, 0)

func radius() *Structure {
	t := func(v float64) float64 { return (-19 - v) / 224 }
	head := Loft{Path: mapAll(faV, V(-13.5, -13.5, 0), V(-13.5, -21, 0)), Prof: Ellipse(Key{0, 11, 11, 0, 0, 0.35}),
		Ref: faDir(lateral), Around: 20, Step: 3, Start: Cap{2}, End: Cap{2}}.Mesh()
	body := Loft{
		Path: mapAll(faV, V(-13.5, -19, 0), V(-13.5, -30, 0), V(-12.5, -40, 0.5), V(-15, -80, 1), V(-18, -130, 1),
			V(-17, -180, 1), V(-13, -215, 1), V(-10.5, -236, 1), V(-10, -243, 1)),
		Prof: Ellipse(Key{0, 8, 8, 0, 0, 0}, Key{t(-30), 6.5, 6.5, 0, 0, 0}, Key{t(-40), 7.5, 8, -1, 0, 0},
			Key{t(-80), 7, 6, 0, 0, 0}, Key{t(-130), 7.5, 6.5, 0, 0, 0}, Key{t(-180), 9, 7, 0, 0, 0},
			Key{t(-215), 13, 8.5, 0, 0, 0.1}, Key{t(-236), 16.5, 10.5, 0, 0, 0.25}, Key{1, 16, 10, 0, 0, 0.25}),
		Ref: faDir(lateral), Around: 20, Step: 7, Start: Cap{3}, End: Cap{4.5}}.Mesh()
	styloid := TaperTube(mapAll(faV, V(-19, -232, 0), V(-24.5, -249, 0)), 5.5, 2.5, 12)
	return bone("Radius", "FMA23464", "Radius", "forearm",
		"The lateral bone of the forearm, on the thumb side; its wide lower end carries the wrist and ends in the radial styloid process.",
		nil, Join(head, body, styloid))
}

func ulna() *Structure {
	path := []Vec3{V(11.5, 19, -19.5), V(11.5, 5, -19.5), V(11.5, -14, -9), V(10.5, -30, -4), V(9, -100, -2),
		V(12, -180, -2), V(15.5, -222, -2), V(16, -231, -2)}
	body := Loft{Path: mapAll(faV, path...),
		Prof: Ellipse(Key{0, 10, 9, 0, 0, 0.2}, Key{0.055, 11, 7, 0, 0, 0.2}, Key{0.14, 11, 9, 0, 0, 0.1},
			Key{0.207, 9, 9, 0, 0, 0}, Key{0.48, 7.5, 7.5, 0, 0, 0}, Key{0.8, 6, 6, 0, 0, 0},
			Key{0.93, 6, 6, 0, 0, 0}, Key{0.964, 8.5, 8.5, 0, 0, 0}, Key{1, 8, 8, 0, 0, 0}),
		Ref: faDir(lateral), Around: 20, Step: 7, Start: Cap{4}, End: Cap{3}}.Mesh()
	coronoid := Ellipsoid(fa(11.5, -15, 7), faDir(V(8, 0, 0)), faDir(V(0, 5, 0)), V(0, 0, 7), 0, 16, 8)
	styloid := TaperTube(mapAll(faV, V(16.5, -226, -4), V(19, -239, -5)), 3.2, 1.8, 10)
	return bone("Ulna", "FMA23467", "Ulna", "forearm",
		"The medial bone of the forearm, on the little-finger side; its olecranon forms the point of the elbow.",
		nil, Join(body, coronoid, styloid))
}

// skeleton returns the bones of the shoulder girdle, arm and forearm.
func skeleton() []*Structure {
	return []*Structure{scapula(), clavicle(), humerus(), radius(), ulna()}
}
