package render

import (
	"bufio"
	"math/rand/v2"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/g3n/engine/core"
	"github.com/g3n/engine/experimental/collision"
	"github.com/g3n/engine/geometry"
	"github.com/g3n/engine/gls"
	"github.com/g3n/engine/graphic"
	"github.com/g3n/engine/material"
	"github.com/g3n/engine/math32"
	"github.com/osteon/osteon/content"
)

// BenchmarkScale measures whole-body-sized scenes at 1280x800 without multisampling: opening the
// files to the first frame (open-ms; a big model appears over a few frames, and whole-ms is when
// every structure has), how that compares with os.ReadFile of the same bytes
// (load-vs-readfile: reading, parsing and NewModel, whose picking hierarchies are built later), resident memory per byte of mesh file
// (rss-per-mesh-byte), input to shown frame while dragging (drag-ms), a full-detail frame at rest
// (rest-ms, against the same frame drawn as before levels of detail: plain-rest-ms and
// rest-vs-plain) and one pick (pick-ns), with g3n's collision.Raycaster on the same rays for scale.
// Run it with -benchtime=1x -count=N: each run reports medians over its own frames.
func BenchmarkScale(b *testing.B) {
	for _, mk := range []func(testing.TB) scaleScene{limb30, hraFemale} {
		s := mk(b)
		b.Run("scene="+s.name, func(b *testing.B) {
			for range b.N {
				benchScene(b, s)
			}
		})
	}
}

func benchScene(b *testing.B, s scaleScene) {
	bytes := s.bytes(b)
	readT := timeReadFiles(b, s.files)
	e, err := NewEngine(Options{MSAA: 1})
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close()
	warmUp(b, e) // context, shaders and a 1280x800 target are not the scene's memory
	debug.FreeOSMemory()
	rss0 := residentBytes()
	t0 := time.Now()
	sc, err := s.open()
	if err != nil {
		b.Fatal(err)
	}
	parseT := time.Since(t0)
	m := NewModel(sc)
	loadT := time.Since(t0)
	v := NewView(e)
	defer v.Close()
	v.Resize(1280, 800)
	v.SetModel(m)
	f, err := v.RenderNow()
	if err != nil {
		b.Fatal(err)
	}
	openT := time.Since(t0)
	for f.Stats.Pending > 0 { // a big model appears over a few frames
		v.Release(f.Image)
		if f, err = v.RenderNow(); err != nil {
			b.Fatal(err)
		}
	}
	wholeT := time.Since(t0)
	v.Release(f.Image)
	debug.FreeOSMemory()
	rss := residentBytes() - rss0

	<-m.LevelsReady() // made in the background once the model has appeared whole
	lodT := time.Since(t0)
	<-m.PickingReady()
	debug.FreeOSMemory()
	rssSettled := residentBytes() - rss0
	drag := dragFrames(b, v, 12)
	rest, plain := restAndPlain(b, e, v, 5)
	pick, g3nPick := pickTimes(m, 2000, 8)
	b.ReportMetric(ms(drag), "drag-ms")
	b.ReportMetric(ms(rest), "rest-ms")
	b.ReportMetric(ms(plain), "plain-rest-ms")
	b.ReportMetric(float64(rest)/float64(plain), "rest-vs-plain")
	b.ReportMetric(float64(pick.Nanoseconds()), "pick-ns")
	b.ReportMetric(float64(g3nPick.Nanoseconds()), "g3n-pick-ns")
	b.ReportMetric(float64(g3nPick)/float64(pick), "pick-speedup")
	b.ReportMetric(ms(openT), "open-ms")
	b.ReportMetric(float64(readT)/float64(loadT), "load-vs-readfile")
	b.ReportMetric(ms(parseT), "parse-ms")
	b.ReportMetric(ms(loadT-parseT), "model-ms")
	b.ReportMetric(ms(readT), "readfile-ms")
	b.ReportMetric(ms(openT-loadT), "first-frame-ms")
	b.ReportMetric(ms(wholeT), "whole-ms")
	b.ReportMetric(ms(lodT), "levels-ready-ms")
	b.ReportMetric(float64(rss)/float64(bytes), "rss-per-mesh-byte")
	b.ReportMetric(float64(rssSettled)/float64(bytes), "rss-settled-per-mesh-byte")
	b.ReportMetric(float64(m.Len()), "parts")
	b.ReportMetric(float64(triangles(sc)), "triangles")
	runtime.KeepAlive(sc)
}

// warmUp draws one small real model at 1280x800 and forgets it.
func warmUp(b *testing.B, e *Engine) {
	small := &content.Scene{Parts: upperLimb(b).Scene.Parts[:1]}
	v := NewView(e)
	defer v.Close()
	v.Resize(1280, 800)
	v.SetModel(NewModel(small))
	if _, err := v.RenderNow(); err != nil {
		b.Fatal(err)
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// dragFrames times frames while dragging, from the pointer move to the frame in hand.
func dragFrames(b *testing.B, v *View, n int) time.Duration {
	var ds []time.Duration
	for range n {
		t := time.Now()
		v.Orbit(6, 1)
		f, err := v.RenderNow()
		if err != nil {
			b.Fatal(err)
		}
		ds = append(ds, time.Since(t))
		v.Release(f.Image)
	}
	v.Orbit(6, 0) // come to rest a little further on
	return median(ds)
}

// randomRays are n rays through random pixels of the front view of m at 1280x800.
func randomRays(m *Model, n int, seed uint64) [][2]Vec3 {
	c := NewCamera(SphereOf(m.Bounds), 1280, 800)
	rng := rand.New(rand.NewPCG(seed, 7))
	rays := make([][2]Vec3, n)
	for i := range rays {
		o, d := c.Ray(rng.Float64()*1280, rng.Float64()*800)
		rays[i] = [2]Vec3{o, d}
	}
	return rays
}

// pickTimes returns the mean time of one pick over n random rays, and of g3n's
// collision.Raycaster over the first nG of them.
func pickTimes(m *Model, n, nG int) (pick, g3n time.Duration) {
	rays := randomRays(m, n, 3)
	all := func(int) (bool, bool) { return true, false }
	t := time.Now()
	for _, r := range rays {
		m.Pick(r[0], r[1], all)
	}
	pick = time.Since(t) / time.Duration(n)
	nodes := g3nMeshes(m)
	t = time.Now()
	for _, r := range rays[:nG] {
		o := math32.Vector3{X: float32(r[0][0]), Y: float32(r[0][1]), Z: float32(r[0][2])}
		d := math32.Vector3{X: float32(r[1][0]), Y: float32(r[1][1]), Z: float32(r[1][2])}
		collision.NewRaycaster(&o, &d).IntersectObjects(nodes, false)
	}
	return pick, time.Since(t) / time.Duration(nG)
}

// g3nMeshes wraps the model's meshes as g3n nodes for its raycaster (no GPU needed).
func g3nMeshes(m *Model) []core.INode {
	var nodes []core.INode
	for i := range m.Scene.Parts {
		mesh := &m.Scene.Parts[i].Mesh
		g := geometry.NewGeometry()
		g.AddVBO(gls.NewVBO(math32.ArrayF32(mesh.Positions)).AddAttrib(gls.VertexPosition))
		g.SetIndices(math32.ArrayU32(mesh.Indices))
		gm := graphic.NewMesh(g, material.NewStandard(&math32.Color{R: 1}))
		gm.UpdateMatrixWorld()
		nodes = append(nodes, gm)
	}
	return nodes
}

// timeReadFiles is the best of three os.ReadFile passes over the files, each keeping every
// file's bytes until it ends and starting, as the load does, from memory handed back to the
// system: a loader has to hold all the bytes, and reading 30 files into one recycled buffer
// would never pay for fresh memory (on this machine that is most of the cost).
func timeReadFiles(b *testing.B, files []string) time.Duration {
	best := time.Duration(1 << 62)
	for range 3 {
		debug.FreeOSMemory()
		kept := make([][]byte, 0, len(files))
		t := time.Now()
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			kept = append(kept, data)
		}
		best = min(best, time.Since(t))
		runtime.KeepAlive(kept)
	}
	return best
}

// residentBytes is this process's resident set (VmRSS), or 0 where /proc is missing.
func residentBytes() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}
