package render

import (
	"sync/atomic"
	"testing"
	"time"
)

// TestRendersOnlyOnChange: the frame loop draws once for a change and then stays idle; a camera
// move draws an interaction frame, then by itself one full-detail frame once the camera rests.
func TestRendersOnlyOnChange(t *testing.T) {
	v := newLimbView(t, 120, 90)
	var frames, coarse atomic.Int32
	got := make(chan struct{}, 16)
	v.OnFrame(func(f Frame) {
		frames.Add(1)
		if f.Stats.Coarse {
			coarse.Add(1)
		}
		v.Release(f.Image)
		got <- struct{}{}
	})
	wait := func() {
		select {
		case <-got:
		case <-time.After(10 * time.Second):
			t.Fatal("no frame within 10 s of a change")
		}
	}
	wait() // the first frame
	time.Sleep(300 * time.Millisecond)
	if n := frames.Load(); n != 1 {
		t.Fatalf("%d frames with one change, want 1", n)
	}
	v.Orbit(10, 0)
	wait()
	if c := coarse.Load(); c != 1 {
		t.Fatalf("%d interaction frames after a camera move, want 1", c)
	}
	wait()
	time.Sleep(300 * time.Millisecond)
	if n, c := frames.Load(), coarse.Load(); n != 3 || c != 1 {
		t.Fatalf("%d frames (%d interaction frames) after a camera move, want 3 (1): the move, then full detail", n, c)
	}
	if v.Interacting() {
		t.Fatal("still interacting 300 ms after the last move")
	}
}

// TestEngineClose: closing twice is safe, and a closed engine refuses work instead of hanging.
func TestEngineClose(t *testing.T) {
	e, err := NewEngine(Options{MSAA: 1, CheckErrors: true})
	if err != nil {
		t.Fatal(err)
	}
	v := NewView(e)
	v.SetModel(upperLimb(t))
	v.Resize(64, 48)
	if _, err := v.RenderNow(); err != nil {
		t.Fatal(err)
	}
	v.Close()
	e.Close()
	e.Close()
	if _, err := v.RenderNow(); err != ErrClosed {
		t.Fatalf("render after close: %v, want ErrClosed", err)
	}
}
