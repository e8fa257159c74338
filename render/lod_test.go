package render

import (
	"fmt"
	"image"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/osteon/osteon/content"
)

// mask marks the pixels that are not background.
func mask(img *image.RGBA, bg [3]float32) []bool {
	br, bgc, bb := uint8(bg[0]*255+0.5), uint8(bg[1]*255+0.5), uint8(bg[2]*255+0.5)
	m := make([]bool, img.Rect.Dx()*img.Rect.Dy())
	for i := range m {
		p := img.Pix[4*i:]
		m[i] = absDiff(p[0], br)+absDiff(p[1], bgc)+absDiff(p[2], bb) > 6
	}
	return m
}

// silhouetteDiff compares two masks of w x h: how many pixels differ, and how many of those lie
// further than r pixels from any edge of the full mask (a crack or a popped part, not a
// silhouette moved by a pixel or two).
func silhouetteDiff(full, coarse []bool, w, h, r int) (differ, far int) {
	for y := range h {
		for x := range w {
			i := y*w + x
			if full[i] == coarse[i] {
				continue
			}
			differ++
			near := false
			for dy := -r; dy <= r && !near; dy++ {
				for dx := -r; dx <= r && !near; dx++ {
					xx, yy := x+dx, y+dy
					near = xx >= 0 && yy >= 0 && xx < w && yy < h && full[yy*w+xx] != full[i]
				}
			}
			if !near {
				far++
			}
		}
	}
	return differ, far
}

// checkSilhouette renders m framed at 1280x800 and from each zoom factor further, at full detail
// and as an interaction frame (full size), and requires the coarse frame's silhouette to match: at
// most 3% of the drawn pixels differ and none lies further than the tolerance (plus a pixel) from
// the full frame's edge. Most structures must actually be drawn coarse.
func checkSilhouette(t *testing.T, name string, m *Model, zooms ...float64) {
	v := NewView(sharedEngine(t))
	defer v.Close()
	v.Resize(1280, 800)
	v.SetModel(m)
	<-m.LevelsReady()
	for _, zoom := range zooms {
		v.ResetView(0)
		v.Orbit(140, -60)
		v.Zoom(zoom)
		v.EndInteraction()
		full, err := v.RenderNow()
		if err != nil {
			t.Fatal(err)
		}
		v.Orbit(0, 0) // moving, yet the same pose
		v.mu.Lock()
		v.halfRes = false
		levels := v.chooseLevels(time.Now())
		v.mu.Unlock()
		coarse, err := v.RenderNow()
		if err != nil {
			t.Fatal(err)
		}
		if !coarse.Stats.Coarse || coarse.Stats.Half {
			t.Fatalf("%s: interaction frame stats %+v, want coarse at full size", name, coarse.Stats)
		}
		used := 0
		for _, l := range levels {
			if l > 0 {
				used++
			}
		}
		bg := v.background
		fm, cm := mask(full.Image, bg), mask(coarse.Image, bg)
		drawn := 0
		for _, b := range fm {
			if b {
				drawn++
			}
		}
		differ, far := silhouetteDiff(fm, cm, 1280, 800, int(lodTolerancePx)+1)
		t.Logf("%s zoom %v: %d of %d structures coarse; %d drawn pixels, %d differ, %d far from an edge", name, zoom, used, m.Len(), drawn, differ, far)
		if used*2 < m.Len() || drawn < 2000 || differ*100 > 3*drawn || far > 0 {
			p1 := savePNG(t, fmt.Sprintf("%s-zoom%v-full.png", name, zoom), full.Image)
			p2 := savePNG(t, fmt.Sprintf("%s-zoom%v-coarse.png", name, zoom), coarse.Image)
			t.Fatalf("%s zoom %v: coarse silhouette strays (%d of %d structures coarse, %d of %d pixels differ, %d far); see %s and %s",
				name, zoom, used, m.Len(), differ, drawn, far, p1, p2)
		}
	}
}

func TestLevelSilhouetteUpperLimb(t *testing.T) {
	checkSilhouette(t, "upper-limb", upperLimb(t), 1, 3)
}

func TestLevelSilhouetteHRAKidney(t *testing.T) {
	hraFemale(t) // skips without the data
	s, err := content.OpenFile(filepath.Join(hraDir, "VH_F_Kidney_L.glb"))
	if err != nil {
		t.Fatal(err)
	}
	checkSilhouette(t, "hra-kidney-l", NewModel(s), 3, 8)
}

// TestLevelCacheFollowsMesh: levels made for a mesh are read back from the cache for that mesh,
// and never used for a changed mesh (one vertex moved), even when its file is put in place of the
// changed mesh's.
func TestLevelCacheFollowsMesh(t *testing.T) {
	dir := t.TempDir()
	src := &upperLimb(t).Scene.Parts[10].Mesh
	a := content.Mesh{Positions: append([]float32(nil), src.Positions...), Normals: src.Normals, Indices: src.Indices}
	ka := keyOf(&a)
	lv, made := cachedLevels(dir, ka, &a)
	if !made || len(lv) == 0 {
		t.Fatalf("first call: made %v, %d levels; want new levels", made, len(lv))
	}
	again, made := cachedLevels(dir, ka, &a)
	if made || len(again) != len(lv) || len(again[0].Indices) != len(lv[0].Indices) {
		t.Fatalf("second call: made %v, %d levels; want the %d cached ones", made, len(again), len(lv))
	}
	b := content.Mesh{Positions: append([]float32(nil), a.Positions...), Normals: a.Normals, Indices: a.Indices}
	b.Positions[a.Indices[0]*3+1] += 0.01
	kb := keyOf(&b)
	if kb == ka {
		t.Fatal("moving a vertex did not change the mesh's key")
	}
	// Put a's file where b's would be: b must not take it.
	data, err := os.ReadFile(lodPath(dir, ka))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(lodPath(dir, kb), data, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := decodeLevels(data, kb); err == nil {
		t.Fatal("a's cache file decoded as b's")
	}
	if _, made := cachedLevels(dir, kb, &b); !made {
		t.Fatal("the changed mesh took the cached levels of the old one")
	}
	if _, made := cachedLevels(dir, kb, &b); made {
		t.Fatal("the changed mesh's own levels were not cached")
	}
}

// FuzzDecodeLevels: no input makes the cache reader panic or return indices out of range.
func FuzzDecodeLevels(f *testing.F) {
	var k meshKey
	lv := simplifyLevels([]float32{0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1}, []uint32{0, 1, 2, 0, 2, 3, 0, 3, 1, 1, 3, 2}, 1, 1)
	f.Add(encodeLevels(k, lv))
	f.Add(encodeLevels(k, []lodLevel{{Positions: []float32{0, 0, 0}, Normals: []float32{0, 1, 0}, Indices: []uint32{0, 0, 0}, Error: 1}}))
	f.Add([]byte(lodMagic))
	f.Fuzz(func(t *testing.T, data []byte) {
		levels, err := decodeLevels(data, k)
		if err != nil {
			return
		}
		for _, l := range levels {
			nv := len(l.Positions) / 3
			if len(l.Normals) != len(l.Positions) || len(l.Indices)%3 != 0 {
				t.Fatalf("inconsistent level %d positions %d normals %d indices", len(l.Positions), len(l.Normals), len(l.Indices))
			}
			for _, i := range l.Indices {
				if int(i) >= nv {
					t.Fatalf("index %d of %d vertices", i, nv)
				}
			}
		}
	})
}

// TestHalfSizeInteractionFrame: a half-size interaction frame, scaled up, is the full frame's
// size, says it is half size, and its silhouette strays nowhere further than 2 pixels from the
// full-size interaction frame's edges.
func TestHalfSizeInteractionFrame(t *testing.T) {
	v := newLimbView(t, 640, 400)
	<-v.Model().LevelsReady()
	v.Orbit(30, 0)
	full, err := v.RenderNow()
	if err != nil {
		t.Fatal(err)
	}
	v.Orbit(0, 0)
	v.mu.Lock()
	v.halfRes = true
	v.mu.Unlock()
	half, err := v.RenderNow()
	if err != nil {
		t.Fatal(err)
	}
	if !half.Stats.Half || full.Stats.Half || half.Image.Rect != full.Image.Rect {
		t.Fatalf("stats %+v then %+v, sizes %v and %v", full.Stats, half.Stats, full.Image.Rect, half.Image.Rect)
	}
	fm, hm := mask(full.Image, v.background), mask(half.Image, v.background)
	drawn := 0
	for _, b := range fm {
		if b {
			drawn++
		}
	}
	differ, far := silhouetteDiff(fm, hm, 640, 400, 2)
	t.Logf("%d drawn pixels at full size; %d differ at half size, %d far from an edge", drawn, differ, far)
	if drawn < 1000 || far > 0 {
		p := savePNG(t, "half-size.png", half.Image)
		t.Fatalf("half-size frame strays: %d of %d pixels differ, %d further than 2 px from an edge; see %s", differ, drawn, far, p)
	}
}

// TestLevelsWaitForFirstFrame: showing a model does not start its simplified levels or its
// picking hierarchies, which would compete with its first frame for the cores; drawing that
// frame starts both, and both finish.
func TestLevelsWaitForFirstFrame(t *testing.T) {
	v := NewView(sharedEngine(t))
	defer v.Close()
	v.Resize(160, 100)
	m := NewModel(upperLimb(t).Scene)
	v.SetModel(m)
	if m.lod.started.Load() {
		t.Fatal("levels started by SetModel, before the first frame")
	}
	f, err := v.RenderNow()
	if err != nil {
		t.Fatal(err)
	}
	v.Release(f.Image)
	if !m.lod.started.Load() {
		t.Fatal("levels not started after the first frame")
	}
	<-m.LevelsReady()
	<-m.pick.done // not PickingReady, which would start them itself
	for i := range m.parts {
		if m.parts[i].tree.Load() == nil {
			t.Fatalf("structure %d has no picking hierarchy after PickingReady", i)
		}
	}
}
