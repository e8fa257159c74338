package main

import "fmt"

// carpal describes one carpal bone in hand coordinates (origin at the
// radiocarpal joint, x medial-positive, y up, z anterior): centre, semi-axes
// and a tilt about the anteroposterior axis.
type carpal struct {
	name, id, latin string
	syn             []string
	c, semi         Vec3
	tilt            float64
	desc            string
}

var carpals = []carpal{
	{"Scaphoid", "FMA24435", "Os scaphoideum", []string{"navicular", "navicular bone of hand"},
		V(-15, -8, 1), V(11, 6.5, 7), 30, "The largest bone of the proximal carpal row, on the thumb side; it lies in the floor of the anatomical snuffbox."},
	{"Lunate", "FMA24437", "Os lunatum", []string{"semilunar bone"},
		V(2, -6, 0), V(6.5, 7.5, 9), 0, "The crescent-shaped middle bone of the proximal carpal row, facing the radius."},
	{"Triquetrum", "FMA24439", "Os triquetrum", []string{"triquetral", "triquetral bone", "cuneiform bone of hand"},
		V(15, -11, -1), V(6.5, 6.5, 7), -25, "The pyramidal bone on the little-finger side of the proximal carpal row; the pisiform sits on its front."},
	{"Pisiform", "FMA24441", "Os pisiforme", nil,
		V(15, -14, 8.5), V(4.5, 5.5, 4), 0, "A small pea-shaped sesamoid bone on the front of the triquetrum, within the tendon of flexor carpi ulnaris."},
	{"Trapezium", "FMA24443", "Os trapezium", []string{"greater multangular"},
		V(-21.5, -26, 4), V(7, 9, 7.5), 15, "The distal carpal bone at the base of the thumb; its saddle joint gives the thumb its range."},
	{"Trapezoid", "FMA23725", "Os trapezoideum", []string{"lesser multangular"},
		V(-8.5, -27, 0), V(4.8, 8, 7), 0, "A small wedge-shaped distal carpal bone at the base of the second metacarpal."},
	{"Capitate", "FMA24446", "Os capitatum", []string{"os magnum"},
		V(2, -26, 0), V(6.5, 11.5, 8.5), 0, "The largest carpal bone, in the centre of the distal row, at the base of the third metacarpal."},
	{"Hamate", "FMA24448", "Os hamatum", []string{"unciform bone"},
		V(15, -25, 0), V(6.5, 10.5, 8), -5, "The distal carpal bone on the little-finger side, with a hook that projects into the palm."},
}

func (c carpal) structure() *Structure {
	ax := faDir(rotZ(V(c.semi.X, 0, 0), c.tilt))
	ay := faDir(rotZ(V(0, c.semi.Y, 0), c.tilt))
	m := Ellipsoid(hdV(c.c), ax, ay, V(0, 0, c.semi.Z), 0.35, 14, 9)
	if c.name == "Hamate" {
		m.Append(Ellipsoid(hd(13, -28, 8.5), faDir(V(2.5, 0, 0)), faDir(V(0, 5, 0)), V(0, 0, 3.5), 0, 10, 6))
	}
	return &Structure{Name: c.name, ID: c.id, Latin: c.latin, Synonyms: c.syn, System: Skeletal,
		Region: "wrist", Color: colBone, Description: c.desc, Mesh: m}
}

// longBone is a small tubular bone of the hand in hand coordinates.
type longBone struct {
	start, dir        Vec3 // proximal end and unit direction
	length            float64
	base, shaft, head [2]float64 // semi-axes: width (lateral) and depth (posterior)
}

func (b longBone) end() Vec3 { return b.start.Add(b.dir.Scale(b.length)) }

func (b longBone) mesh() *Mesh {
	hs := 0.45 * min(b.base[0], b.base[1])
	he := 0.6 * min(b.head[0], b.head[1])
	p0 := b.start.Add(b.dir.Scale(hs))
	p1 := b.start.Add(b.dir.Scale(b.length - he))
	k := func(t float64, s [2]float64) Key { return Key{T: t, A: s[0], B: s[1], Sq: 0.15} }
	return Loft{Path: []Vec3{hdV(p0), hdV(p1)},
		Prof: Ellipse(k(0, b.base), k(0.22, b.shaft), k(0.75, [2]float64{b.shaft[0] * 1.05, b.shaft[1] * 1.05}), k(1, b.head)),
		Ref:  faDir(lateral), Around: 12, Step: 5, Start: Cap{hs}, End: Cap{he}}.Mesh()
}

// ray is one digit: its metacarpal and phalanges.
type ray struct {
	num          int // 1 = thumb … 5 = little finger
	finger       string
	mc           longBone
	dir          Vec3      // direction of the phalanges
	phal         []float64 // phalanx lengths, proximal first
	size         float64   // scale of phalanx cross-sections
	mcSyn, roman string
}

var rays = []ray{
	{1, "thumb", longBone{V(-27, -35, 8), V(-0.34, -0.88, 0.33).Norm(), 44, [2]float64{7.5, 7.5}, [2]float64{4.6, 4.6}, [2]float64{7, 6.5}},
		V(-0.22, -0.9, 0.37).Norm(), []float64{30, 21}, 1.05, "metacarpal of thumb", "I"},
	{2, "index finger", longBone{V(-8.5, -36, 0), V(-0.17, -1, 0.03).Norm(), 66, [2]float64{7, 8}, [2]float64{4.4, 4.6}, [2]float64{6, 7.5}},
		V(-0.06, -1, 0.06).Norm(), []float64{39, 23, 17}, 0.95, "index metacarpal", "II"},
	{3, "middle finger", longBone{V(2, -38, 0), V(-0.04, -1, 0.03).Norm(), 63, [2]float64{8, 8.5}, [2]float64{4.4, 4.6}, [2]float64{6.3, 7.8}},
		V(0, -1, 0.06).Norm(), []float64{43, 26, 18}, 1, "middle finger metacarpal", "III"},
	{4, "ring finger", longBone{V(13, -37, 0), V(0.11, -1, 0.02).Norm(), 56, [2]float64{6, 7}, [2]float64{3.8, 4}, [2]float64{5.5, 7}},
		V(0.06, -1, 0.06).Norm(), []float64{40, 25, 18}, 0.92, "ring finger metacarpal", "IV"},
	{5, "little finger", longBone{V(21, -36.5, 0), V(0.26, -1, 0).Norm(), 52, [2]float64{6, 6.5}, [2]float64{3.8, 4}, [2]float64{5.5, 6.5}},
		V(0.12, -1, 0.06).Norm(), []float64{32, 18, 16}, 0.82, "little finger metacarpal", "V"},
}

var ordinals = []string{"", "First", "Second", "Third", "Fourth", "Fifth"}

// metacarpal FMA ids, I to V; phalanx ids by digit: proximal, middle, distal.
var (
	mcIDs   = []string{"", "FMA24464", "FMA24466", "FMA24468", "FMA24470", "FMA24472"}
	phalIDs = map[int][]string{1: {"FMA24450", "FMA24459"}, 2: {"FMA24451", "FMA24455", "FMA24460"},
		3: {"FMA24452", "FMA24456", "FMA24461"}, 4: {"FMA24453", "FMA24457", "FMA24462"}, 5: {"FMA24454", "FMA24458", "FMA24463"}}
)

// phalanges lays the digit's phalanges end to end beyond its metacarpal.
func (r ray) phalanges() []longBone {
	sizes := [][3][2]float64{
		{{8.5, 7}, {5, 4}, {6.5, 5}},       // proximal
		{{7, 5.5}, {4.2, 3.4}, {5.2, 4.2}}, // middle
		{{6, 4.5}, {2.8, 2.4}, {4.2, 2.6}}, // distal
	}
	at := r.mc.end().Add(r.dir.Scale(1.5))
	var out []longBone
	for i, l := range r.phal {
		s := sizes[i]
		if i == len(r.phal)-1 {
			s = sizes[2]
		}
		sc := func(v [2]float64) [2]float64 { return [2]float64{v[0] * r.size, v[1] * r.size} }
		b := longBone{at, r.dir, l, sc(s[0]), sc(s[1]), sc(s[2])}
		out = append(out, b)
		at = b.end().Add(r.dir.Scale(1.5))
	}
	return out
}

func (r ray) structures() []*Structure {
	mc := &Structure{Name: ordinals[r.num] + " metacarpal bone", ID: mcIDs[r.num], Latin: "Os metacarpi " + r.roman,
		Synonyms: []string{r.mcSyn, fmt.Sprintf("metacarpal %s", r.roman)}, System: Skeletal, Region: "hand", Color: colBone,
		Description: fmt.Sprintf("The metacarpal bone of the %s, in the palm between the carpus and the proximal phalanx.", r.finger),
		Mesh:        r.mc.mesh()}
	out := []*Structure{mc}
	kinds := []string{"Proximal", "Middle", "Distal"}
	la := []string{"proximalis", "media", "distalis"}
	for i, b := range r.phalanges() {
		k := i
		if r.num == 1 && i == 1 {
			k = 2
		}
		digitLa := "digiti " + r.roman + " manus"
		if r.num == 1 {
			digitLa = "pollicis"
		}
		out = append(out, &Structure{Name: fmt.Sprintf("%s phalanx of %s", kinds[k], r.finger), ID: phalIDs[r.num][i],
			Latin: "Phalanx " + la[k] + " " + digitLa, Synonyms: []string{fmt.Sprintf("%s phalanx of digit %s of hand", kinds[k], r.roman)},
			System: Skeletal, Region: "hand", Color: colBone, Mesh: b.mesh(),
			Description: fmt.Sprintf("The %s phalanx of the %s.", lower(kinds[k]), r.finger)})
	}
	return out
}

func lower(s string) string { return string(s[0]+'a'-'A') + s[1:] }

// handBones returns the carpals, metacarpals and phalanges.
func handBones() []*Structure {
	var out []*Structure
	for _, c := range carpals {
		out = append(out, c.structure())
	}
	for _, r := range rays {
		out = append(out, r.structures()...)
	}
	return out
}
