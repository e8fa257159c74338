package ui

import (
	"os"
	"testing"
)

// TestMain runs background work in place, so every test is deterministic and nothing outlives
// the test that started it.
func TestMain(m *testing.M) {
	inBackground = func(f func()) { f() }
	newWorker = func() func(func()) { return func(j func()) { j() } }
	os.Exit(m.Run())
}
