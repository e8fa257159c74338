package render

import (
	"fmt"
	"os"
	"testing"
)

// TestMain keeps simplified levels in a folder of the test run, not the user's cache, unless
// OSTEON_LOD_CACHE names one (benchmarks of a warm cache).
func TestMain(m *testing.M) {
	if os.Getenv("OSTEON_LOD_CACHE") == "" {
		dir, err := os.MkdirTemp("", "osteon-lod-test-")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Setenv("OSTEON_LOD_CACHE", dir)
		code := m.Run()
		os.RemoveAll(dir)
		os.Exit(code)
	}
	os.Exit(m.Run())
}
