package main

import (
	"math"
	"testing"
)

func TestNormalsAreUnit(t *testing.T) {
	for _, n := range committedModel(t).Nodes {
		for i, v := range n.Nrm {
			l := v.Len()
			if math.IsNaN(l) || math.Abs(l-1) > 1e-4 {
				t.Errorf("%s: normal %d has length %v", n.Name, i, l)
				break
			}
		}
	}
}

// TestClosedAndOutward checks that every structure is a union of closed
// surfaces wound consistently (each directed edge once, its reverse once),
// that the enclosed volume is positive (outward, counter-clockwise), and that
// the stored normals point out of their faces.
func TestClosedAndOutward(t *testing.T) {
	for _, n := range committedModel(t).Nodes {
		if err := closedManifold(n.Idx); err != "" {
			t.Errorf("%s: %s", n.Name, err)
		}
		if v := signedVolume(n); v <= 0 {
			t.Errorf("%s: signed volume %.1f mm³, want positive", n.Name, v)
		}
		agree, total := 0, 0
		for k := 0; k+2 < len(n.Idx); k += 3 {
			a, b, c := n.Idx[k], n.Idx[k+1], n.Idx[k+2]
			fn := n.Pos[b].Sub(n.Pos[a]).Cross(n.Pos[c].Sub(n.Pos[a]))
			if fn.Len() < 1e-9 {
				continue
			}
			total++
			if fn.Dot(n.Nrm[a].Add(n.Nrm[b]).Add(n.Nrm[c])) > 0 {
				agree++
			}
		}
		if float64(agree) < 0.99*float64(total) {
			t.Errorf("%s: only %d of %d faces agree with their vertex normals", n.Name, agree, total)
		}
	}
}

func closedManifold(idx []uint32) string {
	type edge struct{ a, b uint32 }
	seen := make(map[edge]int, len(idx))
	for k := 0; k+2 < len(idx); k += 3 {
		tri := [3]uint32{idx[k], idx[k+1], idx[k+2]}
		if tri[0] == tri[1] || tri[1] == tri[2] || tri[0] == tri[2] {
			return "degenerate triangle"
		}
		for e := 0; e < 3; e++ {
			seen[edge{tri[e], tri[(e+1)%3]}]++
		}
	}
	for e, c := range seen {
		if c != 1 {
			return "a directed edge is used twice (inconsistent winding)"
		}
		if seen[edge{e.b, e.a}] != 1 {
			return "an edge has no partner (surface not closed)"
		}
	}
	return ""
}

func signedVolume(n rNode) float64 {
	v := 0.0
	for k := 0; k+2 < len(n.Idx); k += 3 {
		a, b, c := n.Pos[n.Idx[k]], n.Pos[n.Idx[k+1]], n.Pos[n.Idx[k+2]]
		v += a.Dot(b.Cross(c)) / 6
	}
	return v
}

// boardLength is the osteometric maximum length as an osteometric board
// takes it: the extent of the bone along its long (principal) axis.
func boardLength(n rNode) float64 {
	c := centroid(n)
	var cov [3][3]float64
	for _, p := range n.Pos {
		d := [3]float64{p.X - c.X, p.Y - c.Y, p.Z - c.Z}
		for i := 0; i < 3; i++ {
			for j := 0; j < 3; j++ {
				cov[i][j] += d[i] * d[j]
			}
		}
	}
	axis := V(1, 1, 1).Norm()
	for it := 0; it < 50; it++ {
		a := [3]float64{axis.X, axis.Y, axis.Z}
		var b [3]float64
		for i := 0; i < 3; i++ {
			b[i] = cov[i][0]*a[0] + cov[i][1]*a[1] + cov[i][2]*a[2]
		}
		axis = V(b[0], b[1], b[2]).Norm()
	}
	lo, hi := extent(n, func(p Vec3) float64 { return p.Dot(axis) })
	return hi - lo
}

func extent(n rNode, axis func(Vec3) float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, p := range n.Pos {
		lo, hi = math.Min(lo, axis(p)), math.Max(hi, axis(p))
	}
	return lo, hi
}

// TestBoneDimensions measures the generated bones against the adult ranges
// cited in builtin/SOURCES.md.
func TestBoneDimensions(t *testing.T) {
	g := committedModel(t)
	cases := []struct {
		name   string
		lo, hi float64
	}{
		{"Humerus", 300, 350},
		{"Radius", 220, 260},
		{"Ulna", 240, 285},
		{"Clavicle", 135, 165},
		{"Third metacarpal bone", 58, 70},
		{"Second metacarpal bone", 60, 74},
		{"First metacarpal bone", 40, 50},
		{"Proximal phalanx of middle finger", 38, 48},
		{"Middle phalanx of middle finger", 22, 31},
		{"Distal phalanx of middle finger", 15, 22},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := boardLength(g.node(t, c.name))
			t.Logf("maximum length %.1f mm", l)
			if l < c.lo || l > c.hi {
				t.Errorf("maximum length %.1f mm, want %v–%v", l, c.lo, c.hi)
			}
		})
	}
	// Scapular height: superior to inferior angle, on the body medial to
	// the glenoid and acromion.
	var body rNode
	for _, p := range g.node(t, "Scapula").Pos {
		if p.X > -125 {
			body.Pos = append(body.Pos, p)
		}
	}
	if lo, hi := extent(body, func(p Vec3) float64 { return p.Y }); hi-lo < 140 || hi-lo > 180 {
		t.Errorf("scapular height %.1f mm, want 140–180", hi-lo)
	}
}

func centroid(n rNode) Vec3 {
	var c Vec3
	for _, p := range n.Pos {
		c = c.Add(p)
	}
	return c.Scale(1 / float64(len(n.Pos)))
}

// TestFrameAndPosture checks the coordinate frame: Y up in metres, the
// right limb at negative X, anatomical position with the palm forward.
func TestFrameAndPosture(t *testing.T) {
	g := committedModel(t)
	for _, n := range g.Nodes {
		if _, hi := extent(n, func(p Vec3) float64 { return p.X }); hi >= 0 {
			t.Errorf("%s reaches x = %.1f mm; the right limb lies at negative X", n.Name, hi)
		}
	}
	acro := centroid(g.node(t, "Acromion"))
	if acro.Y < 1350 || acro.Y > 1450 {
		t.Errorf("acromion at %.0f mm height, want about 1400", acro.Y)
	}
	sty := centroid(g.node(t, "Radial styloid process"))
	if sty.Y < 750 || sty.Y > 900 {
		t.Errorf("wrist (radial styloid) at %.0f mm height, want 750–900", sty.Y)
	}
	if tip, _ := extent(g.node(t, "Distal phalanx of middle finger"), func(p Vec3) float64 { return p.Y }); tip < 550 || tip > 720 {
		t.Errorf("fingertip at %.0f mm height", tip)
	}
	rel := []struct{ a, b, why string }{
		{"First metacarpal bone", "Fifth metacarpal bone", "thumb lateral to the little finger"},
		{"Radius", "Ulna", "radius lateral to the ulna"},
		{"Cephalic vein", "Basilic vein", "cephalic vein lateral to the basilic"},
	}
	for _, r := range rel {
		if centroid(g.node(t, r.a)).X >= centroid(g.node(t, r.b)).X {
			t.Errorf("want %s", r.why)
		}
	}
	if centroid(g.node(t, "Biceps brachii")).Z <= centroid(g.node(t, "Humerus")).Z {
		t.Error("biceps should lie anterior (+Z) to the humerus")
	}
	if centroid(g.node(t, "Pisiform")).Z <= centroid(g.node(t, "Triquetrum")).Z {
		t.Error("pisiform should lie on the palmar (+Z) side of the triquetrum: palm forward")
	}
}
