package render

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/content/contenttest"
)

var (
	engineOnce sync.Once
	testEngine *Engine
	engineErr  error
)

// sharedEngine is one EGL engine for the package's tests (Mesa's software rasteriser in CI).
func sharedEngine(tb testing.TB) *Engine {
	tb.Helper()
	engineOnce.Do(func() {
		testEngine, engineErr = NewEngine(Options{MSAA: 1, CheckErrors: true})
	})
	if engineErr != nil {
		tb.Fatalf("no OpenGL for rendering tests (Mesa's EGL and llvmpipe should give one headless; run scripts/setup): %v", engineErr)
	}
	return testEngine
}

var (
	limbOnce  sync.Once
	limbModel *Model
	limbErr   error
)

// upperLimb is the BodyParts3D upper limb, loaded once.
func upperLimb(tb testing.TB) *Model {
	tb.Helper()
	dir := contenttest.UpperLimb(tb)
	limbOnce.Do(func() {
		var s *content.Scene
		s, limbErr = content.OpenFile(filepath.Join(dir, "upper_limb_all.glb"))
		if limbErr == nil {
			limbModel = NewModel(s)
		}
	})
	if limbErr != nil {
		tb.Fatal(limbErr)
	}
	return limbModel
}

// savePNG writes img under testdata/failed/ (git-ignored) for a person to look at.
func savePNG(tb testing.TB, name string, img image.Image) string {
	tb.Helper()
	dir := filepath.Join("testdata", "failed")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	p := filepath.Join(dir, name)
	f, err := os.Create(p)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		tb.Fatal(err)
	}
	return p
}
