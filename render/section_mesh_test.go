package render

import "testing"

// TestSectionMeshesAreClosed checks what back-face capping relies on, for every structure of
// the upper limb: its surface is closed (each edge, vertices welded by position, is shared by
// exactly one triangle running each way) and wound outwards (positive signed volume).
func TestSectionMeshesAreClosed(t *testing.T) {
	m := upperLimb(t)
	for _, p := range m.Scene.Parts {
		if open, vol := closedness(p.Mesh.Positions, p.Mesh.Indices); open > 0 || vol <= 0 {
			t.Errorf("%s: %d edges without a partner running the other way, signed volume %.3g", p.Name, open, vol)
		}
	}
	// the check can fail: one triangle turned round leaves its edges unpaired
	pos := []float32{0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1}
	tet := []uint32{0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3}
	if open, vol := closedness(pos, tet); open != 0 || vol <= 0 {
		t.Fatalf("a closed tetrahedron: %d open edges, volume %g", open, vol)
	}
	tet[0], tet[1] = tet[1], tet[0]
	if open, _ := closedness(pos, tet); open == 0 {
		t.Fatal("a tetrahedron with a flipped face passed as closed")
	}
}

// closedness counts the directed edges with no reverse partner (or used twice the same way)
// and sums the signed volume of the triangles' tetrahedra with the origin.
func closedness(pos []float32, idx []uint32) (open int, vol float64) {
	weld := map[[3]float32]int{}
	id := make([]int, len(pos)/3)
	for v := range id {
		k := [3]float32{pos[3*v], pos[3*v+1], pos[3*v+2]}
		if j, ok := weld[k]; ok {
			id[v] = j
		} else {
			weld[k], id[v] = v, v
		}
	}
	at := func(i uint32) Vec3 { return Vec3{float64(pos[3*i]), float64(pos[3*i+1]), float64(pos[3*i+2])} }
	edges := map[[2]int]int{}
	for f := 0; f+2 < len(idx); f += 3 {
		a, b, c := id[idx[f]], id[idx[f+1]], id[idx[f+2]]
		edges[[2]int{a, b}]++
		edges[[2]int{b, c}]++
		edges[[2]int{c, a}]++
		vol += at(idx[f]).Dot(at(idx[f+1]).Cross(at(idx[f+2]))) / 6
	}
	for e, n := range edges {
		if n > 1 || edges[[2]int{e[1], e[0]}] != 1 {
			open++
		}
	}
	return open, vol
}
