package main

import (
	"math"
	"strings"
	"testing"
)

var superficialVeins = []string{"Cephalic vein", "Basilic vein", "Median cubital vein",
	"Median antebrachial vein", "Dorsal venous network of hand"}

func skinIndex(t *testing.T) *solid {
	t.Helper()
	return newSolid(committedModel(t).node(t, "Skin of upper limb"))
}

// within keeps the vertices whose height lies in [lo, hi].
func within(n rNode, lo, hi float64) []Vec3 {
	var out []Vec3
	for _, p := range n.Pos {
		if p.Y >= lo && p.Y <= hi {
			out = append(out, p)
		}
	}
	return out
}

// TestSuperficialVeinsUnderSkin: from the hand to above the elbow, where the
// procedures work, every superficial vein lies inside the skin and within a
// few millimetres of its surface.
func TestSuperficialVeinsUnderSkin(t *testing.T) {
	g, skin := committedModel(t), skinIndex(t)
	sty := centroid(g.node(t, "Radial styloid process"))
	fossa := centroid(g.node(t, "Antecubital fossa"))
	const maxDepth = 7.0
	for _, name := range superficialVeins {
		pts := within(g.node(t, name), sty.Y-110, fossa.Y+60)
		if len(pts) == 0 {
			t.Errorf("%s: no vertices between the hand and the elbow", name)
			continue
		}
		worst := 0.0
		for _, p := range pts {
			d, ok := skin.distance(p, 20)
			if !skin.inside(p) || !ok || d > maxDepth {
				t.Errorf("%s: vertex %v: inside %v, %.1f mm from the surface; want inside, within %v mm", name, p, skin.inside(p), d, maxDepth)
				break
			}
			worst = math.Max(worst, d)
		}
		t.Logf("%s: %d vertices, deepest %.1f mm under the skin", name, len(pts), worst)
	}
}

// depths returns how far under the skin each point lies.
func depths(skin *solid, pts []Vec3) []float64 {
	out := make([]float64, 0, len(pts))
	for _, p := range pts {
		d, _ := skin.distance(p, 40)
		if !skin.inside(p) {
			d = -d
		}
		out = append(out, d)
	}
	return out
}

func minMax(v []float64) (float64, float64) {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, x := range v {
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	return lo, hi
}

// TestCubitalFossaLayers: at the antecubital fossa the brachial artery lies
// deeper than the median cubital vein, medial to the biceps tendon, with the
// median nerve medial to the artery.
func TestCubitalFossaLayers(t *testing.T) {
	g, skin := committedModel(t), skinIndex(t)
	f := centroid(g.node(t, "Antecubital fossa"))
	lo, hi := f.Y-15, f.Y+15
	art := within(g.node(t, "Brachial artery"), lo, hi)
	vein := within(g.node(t, "Median cubital vein"), lo, hi)
	if len(art) == 0 || len(vein) == 0 {
		t.Fatalf("artery (%d vertices) and vein (%d) must both cross the fossa level", len(art), len(vein))
	}
	aMin, _ := minMax(depths(skin, art))
	_, vMax := minMax(depths(skin, vein))
	t.Logf("brachial artery %.1f mm deep at least; median cubital vein %.1f mm at most", aMin, vMax)
	if aMin <= vMax+3 {
		t.Errorf("brachial artery (min depth %.1f mm) is not clearly deeper than the median cubital vein (max %.1f mm)", aMin, vMax)
	}
	mean := func(ps []Vec3) Vec3 { return centroid(rNode{Pos: ps}) }
	tendon := within(g.node(t, "Biceps brachii"), lo, hi)
	nerve := within(g.node(t, "Median nerve"), lo, hi)
	if len(tendon) == 0 || len(nerve) == 0 {
		t.Fatal("biceps tendon and median nerve must cross the fossa level")
	}
	if !(mean(tendon).X < mean(art).X && mean(art).X < mean(nerve).X) {
		t.Errorf("want biceps tendon, brachial artery, median nerve from lateral to medial; x = %.1f, %.1f, %.1f",
			mean(tendon).X, mean(art).X, mean(nerve).X)
	}
}

// TestRadialArteryAtWrist: just above the wrist the radial artery lies
// lateral to the ulnar artery, beside the radial styloid, shallow enough to
// feel.
func TestRadialArteryAtWrist(t *testing.T) {
	g, skin := committedModel(t), skinIndex(t)
	sty := centroid(g.node(t, "Radial styloid process"))
	rad := within(g.node(t, "Radial artery"), sty.Y+5, sty.Y+25)
	uln := within(g.node(t, "Ulnar artery"), sty.Y+5, sty.Y+25)
	if len(rad) == 0 || len(uln) == 0 {
		t.Fatal("both arteries must reach the wrist")
	}
	rc, uc := centroid(rNode{Pos: rad}), centroid(rNode{Pos: uln})
	if rc.X >= uc.X {
		t.Errorf("radial artery (x %.1f) should be lateral to the ulnar artery (x %.1f)", rc.X, uc.X)
	}
	if d := math.Hypot(rc.X-sty.X, rc.Z-sty.Z); d > 20 {
		t.Errorf("radial artery is %.1f mm from the radial styloid; want beside it", d)
	}
	if _, deepest := minMax(depths(skin, rad)); deepest > 10 {
		t.Errorf("radial artery up to %.1f mm deep at the wrist; want palpable (≤ 10 mm)", deepest)
	}
}

func TestDeltoidInjectionSite(t *testing.T) {
	g := committedModel(t)
	acro, site := centroid(g.node(t, "Acromion")), centroid(g.node(t, "Deltoid injection site"))
	if below := acro.Y - site.Y; below < 25 || below > 50 {
		t.Errorf("injection site centre %.1f mm below the acromion, want 25–50", below)
	}
	near := math.Inf(1)
	for _, p := range g.node(t, "Deltoid").Pos {
		near = math.Min(near, p.Dist(site))
	}
	if near > 15 {
		t.Errorf("injection site is %.1f mm from the deltoid", near)
	}
}

// TestInsideSkin: every muscle, vessel, nerve and free-limb bone stays
// inside the skin sleeve (the clavicle and scapula continue to the trunk,
// which is not modelled).
func TestInsideSkin(t *testing.T) {
	g, skin := committedModel(t), skinIndex(t)
	for _, n := range g.Nodes {
		sys := n.Extras["system"]
		if sys == "landmark" || sys == "integumentary" || n.Name == "Scapula" || n.Name == "Clavicle" {
			continue
		}
		out := 0
		for _, p := range n.Pos {
			if !skin.inside(p) {
				if d, _ := skin.distance(p, 2); d > 0.5 {
					out++
				}
			}
		}
		if out > 0 {
			t.Errorf("%s: %d of %d vertices outside the skin", n.Name, out, len(n.Pos))
		}
	}
}

// girth returns the perimeter of the horizontal section of n at height y.
func girth(n rNode, y float64) float64 {
	total := 0.0
	for k := 0; k+2 < len(n.Idx); k += 3 {
		var cut []Vec3
		for e := 0; e < 3; e++ {
			a, b := n.Pos[n.Idx[k+e]], n.Pos[n.Idx[k+(e+1)%3]]
			if (a.Y-y)*(b.Y-y) < 0 {
				cut = append(cut, a.Lerp(b, (y-a.Y)/(b.Y-a.Y)))
			}
		}
		if len(cut) == 2 {
			total += cut[0].Dist(cut[1])
		}
	}
	return total
}

func TestLimbGirths(t *testing.T) {
	g := committedModel(t)
	skin := g.node(t, "Skin of upper limb")
	lo, hi := extent(g.node(t, "Humerus"), func(p Vec3) float64 { return p.Y })
	sty := centroid(g.node(t, "Radial styloid process"))
	cases := []struct {
		what      string
		y, lo, hi float64
	}{
		{"mid-upper-arm circumference", (lo + hi) / 2, 250, 360},
		{"wrist circumference", sty.Y + 15, 140, 200},
	}
	for _, c := range cases {
		got := girth(skin, c.y)
		t.Logf("%s %.0f mm", c.what, got)
		if got < c.lo || got > c.hi {
			t.Errorf("%s %.0f mm, want %v–%v", c.what, got, c.lo, c.hi)
		}
	}
}

// TestBudget keeps the model light enough for software OpenGL.
func TestBudget(t *testing.T) {
	g := committedModel(t)
	tris := 0
	for _, n := range g.Nodes {
		tris += len(n.Idx) / 3
	}
	t.Logf("%d structures, %d triangles, %d bytes", len(g.Nodes), tris, g.Size)
	if tris > 100000 {
		t.Errorf("%d triangles; keep the model under 100k", tris)
	}
	if g.Size > 1536*1024 {
		t.Errorf("%d bytes; keep the file under 1.5 MiB", g.Size)
	}
	var systems []string
	for _, n := range g.Nodes {
		if s := n.Extras["system"].(string); !strings.Contains(strings.Join(systems, ","), s) {
			systems = append(systems, s)
		}
	}
	if len(systems) != 6 {
		t.Errorf("systems present: %v; want all six", systems)
	}
}

// TestVesselsAndNervesClearOfSolids: no artery, vein or nerve passes
// through a bone or a muscle.
func TestVesselsAndNervesClearOfSolids(t *testing.T) {
	g := committedModel(t)
	var solids []*solid
	var names []string
	for _, n := range g.Nodes {
		if s := n.Extras["system"]; s == "skeletal" || s == "muscular" {
			solids = append(solids, newSolid(n))
			names = append(names, n.Name)
		}
	}
	for _, n := range g.Nodes {
		if s := n.Extras["system"]; s != "cardiovascular" && s != "nervous" {
			continue
		}
		for i, sol := range solids {
			for _, p := range n.Pos {
				if sol.inside(p) {
					t.Errorf("%s passes through %s at %v", n.Name, names[i], p)
					break
				}
			}
		}
	}
}
