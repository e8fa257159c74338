// Package contenttest finds the shared real test data (BodyParts3D upper limb) for tests in any
// package. A user's clone has no ../shared: tests skip with a message naming the folder, unless
// OSTEON_REQUIRE_TESTDATA=1 (set by .ci/run), when they fail instead.
package contenttest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// UpperLimbDir is the shared folder, relative to the repository root.
const UpperLimbDir = "../shared/testdata/bodyparts3d-upper-limb"

// UpperLimb returns the absolute path of the BodyParts3D upper-limb folder, or skips (or fails,
// when OSTEON_REQUIRE_TESTDATA=1) the test when it is missing.
func UpperLimb(tb testing.TB) string {
	tb.Helper()
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..")
	dir := filepath.Join(root, UpperLimbDir)
	if _, err := os.Stat(filepath.Join(dir, "structures.csv")); err != nil {
		if os.Getenv("OSTEON_REQUIRE_TESTDATA") == "1" {
			tb.Fatalf("test data folder %s is missing (OSTEON_REQUIRE_TESTDATA=1): %v", dir, err)
		}
		tb.Skipf("skipping: test data folder %s not found (it sits beside the repository in the project's workspace)", filepath.Clean(dir))
	}
	return dir
}

// HRAFemaleDir is the shared folder of the Human Reference Atlas female organs, relative to the
// repository root.
const HRAFemaleDir = "../shared/testdata/hra-female-organs"

// HRAFemale returns the absolute path of the HRA female organs' models folder (20 .glb files), or
// skips (or fails, when OSTEON_REQUIRE_TESTDATA=1) the test when it is missing.
func HRAFemale(tb testing.TB) string {
	tb.Helper()
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "..", HRAFemaleDir, "models")
	if _, err := os.Stat(filepath.Join(dir, "VH_F_Heart.glb")); err != nil {
		if os.Getenv("OSTEON_REQUIRE_TESTDATA") == "1" {
			tb.Fatalf("test data folder %s is missing (OSTEON_REQUIRE_TESTDATA=1): %v", dir, err)
		}
		tb.Skipf("skipping: test data folder %s not found (it sits beside the repository in the project's workspace)", filepath.Clean(dir))
	}
	return dir
}
