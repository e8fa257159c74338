package main

func muscle(name, id, latin, region, desc string, syn []string, m *Mesh) *Structure {
	return &Structure{Name: name, ID: id, Latin: latin, Synonyms: syn, System: Muscular,
		Region: region, Color: colMuscle, Description: desc, Mesh: m}
}

// deltoid wraps the shoulder as a crescent round the humeral head, from the
// clavicle, acromion and scapular spine down to the deltoid tuberosity.
func deltoid() *Structure {
	m := Loft{
		Path: []Vec3{V(-163, 1404, -22), humeralHead, V(-172, 1330, -19), V(-175, 1295, -18), V(-176, 1262, -18)},
		Prof: Crescent(CKey{0, 34, 5, 101, -15}, CKey{0.12, 31, 14, 104, -12}, CKey{0.3, 26.5, 18, 100, -10},
			CKey{0.53, 20, 18, 85, -5}, CKey{0.77, 15, 13, 60, 0}, CKey{1, 13.5, 2, 15, 0}),
		Ref: lateral, Around: 32, Step: 6}.Mesh()
	return muscle("Deltoid", pid("deltoid"), "Musculus deltoideus", "shoulder",
		"The thick triangular muscle that caps the shoulder, running from the clavicle, acromion and scapular spine to the deltoid tuberosity of the humerus; its upper lateral part is the usual site for intramuscular injection.",
		nil, m)
}

// supraglenoid is the tubercle above the glenoid where the long head of
// biceps arises.
func supraglenoid() Vec3 { return scapP(80, 1383, 0) }

func biceps() *Structure {
	tendon := mapAll(faV, V(-4, -12, 12), V(-9, -28, 7), V(-10.5, -38, 3))
	path := append([]Vec3{V(-168, 1300, 12), V(-172, 1250, 24), V(-174, 1190, 27), V(-175, 1140, 24),
		V(-176, 1110, 19), V(-177, 1088, 15)}, tendon...)
	belly := Loft{Path: path,
		Prof: Ellipse(Key{0, 9, 7, 0, 0, 0}, Key{0.19, 19, 15, 0, 0, 0}, Key{0.41, 21, 17, 0, 0, 0},
			Key{0.595, 17, 14, 0, 0, 0}, Key{0.707, 9, 8, 0, 0, 0}, Key{0.789, 4.5, 2.8, 0, 0, 0},
			Key{0.895, 4, 2.5, 0, 0, 0}, Key{1, 3.5, 2.5, 0, 0, 0}),
		Ref: lateral, Around: 20, Step: 6, Start: Cap{6}, End: Cap{2}}.Mesh()
	long := Tube([]Vec3{supraglenoid(), V(-168, 1388, -16), V(-176, 1372, 2), V(-180, 1340, 6),
		V(-176, 1310, 10), V(-170, 1298, 12)}, 2.5, 10)
	short := TaperTube([]Vec3{V(-137, 1371, 2), V(-150, 1340, 10), V(-162, 1310, 12), V(-168, 1296, 12)}, 3, 6, 12)
	return muscle("Biceps brachii", pid("biceps-brachii"), "Musculus biceps brachii", "arm",
		"The two-headed muscle on the front of the arm that flexes the elbow and supinates the forearm; its tendon is the central landmark of the cubital fossa, with the brachial artery just medial to it.",
		[]string{"biceps"}, Join(belly, long, short))
}

func brachialis() *Structure {
	m := Loft{
		Path: append([]Vec3{V(shaftX, 1235, -4), V(shaftX, 1170, 0), V(-175.5, 1115, 3), V(-175, 1090, 4)},
			mapAll(faV, V(7, -8, 10), V(10, -22, 6))...),
		Prof: Ellipse(Key{0, 8, 3, 0, 0, 0}, Key{0.3, 14, 7, 0, 0, 0}, Key{0.6, 16, 8, 0, 0, 0},
			Key{0.8, 15, 7, 0, 0, 0}, Key{1, 6, 4, 0, 0, 0}),
		Ref: lateral, Around: 20, Step: 6, Start: Cap{4}, End: Cap{3}}.Mesh()
	return muscle("Brachialis", "FMA37668", "Musculus brachialis", "arm",
		"The main flexor of the elbow, lying deep to the biceps on the front of the lower humerus and inserting on the ulna; it forms the floor of the cubital fossa.",
		nil, m)
}

func brachioradialis() *Structure {
	m := Loft{
		Path: append([]Vec3{V(-195, 1170, -16), V(-203, 1120, -8), V(-209, 1085, 3)},
			mapAll(faV, V(-36, -30, 10), V(-34, -80, 8), V(-29, -140, 3), V(-25, -200, 1), V(-23, -233, 0))...),
		Prof: Ellipse(Key{0, 2.5, 5, 0, 0, 0}, Key{0.15, 7, 10, 0, 0, 0}, Key{0.26, 9.5, 11, 0, 0, 0},
			Key{0.37, 10, 11, 0, 0, 0}, Key{0.52, 8, 8, 0, 0, 0}, Key{0.71, 4.5, 2.5, 0, 0, 0},
			Key{0.89, 4, 2.2, 0, 0, 0}, Key{1, 3, 2, 0, 0, 0}),
		Ref: lateral, Around: 16, Step: 6, Start: Cap{3}, End: Cap{2}}.Mesh()
	return muscle("Brachioradialis", "FMA38486", "Musculus brachioradialis", "forearm",
		"The muscle that forms the lateral border of the cubital fossa and runs down the radial side of the forearm to the styloid process of the radius; it flexes the elbow.",
		[]string{"supinator longus"}, m)
}

// muscles returns the four modelled muscles.
func muscles() []*Structure {
	return []*Structure{deltoid(), biceps(), brachialis(), brachioradialis()}
}
