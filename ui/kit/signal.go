package kit

// Signal tells subscribers of a change: the learner signed in, the packs listed again, the
// content loaded. Subscribe and Emit are called on the UI goroutine; subscribers are told in the
// order they subscribed.
type Signal[T any] struct {
	subs []func(T)
}

// Subscribe adds f to the functions told of every Emit.
func (s *Signal[T]) Subscribe(f func(T)) { s.subs = append(s.subs, f) }

// Emit tells every subscriber v.
func (s *Signal[T]) Emit(v T) {
	for _, f := range s.subs {
		f(v)
	}
}
