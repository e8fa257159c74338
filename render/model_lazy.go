package render

import "sync"

// picking builds the structures' picking hierarchies in the background once the model's first
// frame is drawn, so that hover and tap do not pay for them later; a pick that comes first
// builds what it needs itself (bvhOf).
type picking struct {
	once sync.Once
	done chan struct{}
}

// startPicking builds every structure's hierarchy in the background, once, on one goroutine
// (the simplified levels take the other cores).
func (m *Model) startPicking() {
	m.pick.once.Do(func() {
		go func() {
			defer close(m.pick.done)
			for i := range m.parts {
				m.bvhOf(i)
			}
		}()
	})
}

// PickingReady is closed once every structure's picking hierarchy is built. They are started
// after the model's first frame; asking starts them too.
func (m *Model) PickingReady() <-chan struct{} {
	m.startPicking()
	return m.pick.done
}
