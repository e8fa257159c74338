package render

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// modelLOD holds a model's simplified levels, made in the background after the model is first
// shown. A structure has none until its levels are ready; meshes with the same geometry share
// one set.
type modelLOD struct {
	once    sync.Once
	started atomic.Bool
	parts   []atomic.Pointer[[]lodLevel]
	left    atomic.Int64 // structures still without levels
	done    chan struct{}
}

func newModelLOD(n int) *modelLOD {
	l := &modelLOD{parts: make([]atomic.Pointer[[]lodLevel], n), done: make(chan struct{})}
	l.left.Store(int64(n))
	return l
}

// startLevels makes the model's levels in the background, once, using all cores but one.
func (m *Model) startLevels() {
	m.lod.once.Do(func() {
		m.lod.started.Store(true)
		go m.makeLevels(LODCacheDir())
	})
}

// LevelsReady is closed once every structure has its simplified levels. They are started after
// the model's first frame; asking starts them too.
func (m *Model) LevelsReady() <-chan struct{} {
	m.startLevels()
	return m.lod.done
}

func (m *Model) makeLevels(dir string) {
	defer close(m.lod.done)
	type job struct {
		key   meshKey
		parts []int
	}
	byKey := map[meshKey]*job{}
	var jobs []*job
	for i := range m.Scene.Parts {
		k := keyOf(&m.Scene.Parts[i].Mesh)
		j := byKey[k]
		if j == nil {
			j = &job{key: k}
			byKey[k] = j
			jobs = append(jobs, j)
		}
		j.parts = append(j.parts, i)
	}
	next := make(chan *job)
	var wg sync.WaitGroup
	for range max(1, runtime.GOMAXPROCS(0)-1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				lv, _ := cachedLevels(dir, j.key, &m.Scene.Parts[j.parts[0]].Mesh)
				for _, i := range j.parts {
					m.lod.parts[i].Store(&lv)
				}
				m.lod.left.Add(-int64(len(j.parts)))
			}
		}()
	}
	for _, j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()
}

// levels returns structure i's simplified levels, finest first, or nil while they are made.
func (m *Model) levels(i int) []lodLevel {
	if p := m.lod.parts[i].Load(); p != nil {
		return *p
	}
	return nil
}
