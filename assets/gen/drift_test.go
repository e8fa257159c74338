package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestGenerateIsDeterministic(t *testing.T) {
	a, err := Generate()
	if err != nil {
		t.Fatal(err)
	}
	b, err := Generate()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two runs of the generator produced different bytes")
	}
}

// TestCommittedModelIsFresh fails when builtin/upper_limb.glb differs from
// what the generator writes now: run `go generate ./assets` and commit.
func TestCommittedModelIsFresh(t *testing.T) {
	want, err := Generate()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join("..", "builtin", "upper_limb.glb"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(got, want) {
		return
	}
	if runtime.GOARCH != "amd64" {
		// Other architectures may fuse multiply-adds and round a few
		// coordinates differently; there the model must still agree to
		// within a micrometre, value by value.
		if diff := compareModels(t, got, want, 2e-3); diff != "" {
			t.Fatalf("committed model differs from the generator beyond rounding on %s: %s", runtime.GOARCH, diff)
		}
		t.Logf("committed model agrees with the generator to rounding on %s", runtime.GOARCH)
		return
	}
	t.Fatalf("assets/builtin/upper_limb.glb is stale (%d bytes, generator gives %d): run `go generate ./assets` and commit it",
		len(got), len(want))
}

// compareModels reports the first difference between two models beyond tol
// (mm for positions); "" when they agree.
func compareModels(t *testing.T, a, b []byte, tol float64) string {
	t.Helper()
	ga, err := parseGLB(a)
	if err != nil {
		return "committed: " + err.Error()
	}
	gb, err := parseGLB(b)
	if err != nil {
		return "generated: " + err.Error()
	}
	if len(ga.Nodes) != len(gb.Nodes) {
		return "different structure count"
	}
	for i, na := range ga.Nodes {
		nb := gb.Nodes[i]
		if na.Name != nb.Name || len(na.Pos) != len(nb.Pos) || !equalIdx(na.Idx, nb.Idx) {
			return "structure " + na.Name + " differs in name or topology"
		}
		for k := range na.Pos {
			if na.Pos[k].Dist(nb.Pos[k]) > tol || na.Nrm[k].Dist(nb.Nrm[k]) > 1e-4 {
				return "structure " + na.Name + " differs in a vertex"
			}
		}
	}
	return ""
}

func equalIdx(a, b []uint32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
