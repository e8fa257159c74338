package progress

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"sync"
	"time"
)

// Sender sends the outbox to an LRS in the background: it reads /about
// and speaks the highest xAPI version both sides know (2.0.0, else 1.0.3),
// posts batches oldest first and deletes a batch from the outbox only
// once the LRS has stored it. Statement ids are stable, so a batch sent
// again after a crash or kill is dropped by the LRS as already held:
// nothing is lost and nothing is doubled. Network errors and 5xx replies
// are retried with exponential backoff and full jitter; a 4xx reply stops
// sending, with the LRS's message kept in SendStatus, until Wake is called
// after the configuration changed or the user asked again.
//
// The sender reads with the store's reader connections and writes only
// a short delete per batch, so answers are never kept waiting on it.
type Sender struct {
	Store  *Store
	Config LRSConfig
	Client *http.Client // default: a 30 s timeout
	Batch  int          // statements per POST; default 50
	// MinBackoff and MaxBackoff bound the wait before retrying a network
	// error or 5xx: MinBackoff doubled each time, capped, jittered.
	MinBackoff, MaxBackoff time.Duration
	// Poll is how often Run looks for new statements without a Wake;
	// default 10 s.
	Poll time.Duration
	// Log, when set, hears about retries. It is never given credentials.
	Log func(format string, args ...any)

	once    sync.Once
	wake    chan struct{}
	version string
}

// LRSError is an LRS's refusal (4xx), or an answer it should not give.
type LRSError struct {
	Status  int
	Message string // the LRS's own message
}

func (e *LRSError) Error() string {
	return fmt.Sprintf("progress: the LRS refused (%d %s): %s", e.Status, http.StatusText(e.Status), e.Message)
}

// transientError is a failure worth retrying: a network error or a 5xx.
type transientError struct{ msg string }

func (e *transientError) Error() string { return e.msg }

func transient(format string, a ...any) error { return &transientError{msg: fmt.Sprintf(format, a...)} }

func (s *Sender) init() {
	s.once.Do(func() {
		s.wake = make(chan struct{}, 1)
		if s.Client == nil {
			s.Client = &http.Client{Timeout: 30 * time.Second}
		}
		if s.Batch <= 0 {
			s.Batch = 50
		}
		if s.MinBackoff <= 0 {
			s.MinBackoff = 250 * time.Millisecond
		}
		if s.MaxBackoff <= 0 {
			s.MaxBackoff = time.Minute
		}
		if s.Poll <= 0 {
			s.Poll = 10 * time.Second
		}
	})
}

// Wake makes Run look at the outbox now (after an answer was recorded,
// the configuration changed, or the user pressed Send now).
func (s *Sender) Wake() {
	s.init()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// Run sends until ctx ends: everything queued, then whatever is queued
// later. Paused, stopped or disabled, it waits for Wake.
func (s *Sender) Run(ctx context.Context) {
	s.init()
	for {
		st, err := s.Store.SendStatus(ctx)
		if err == nil && st.Enabled && !st.Paused && !st.Stopped && st.Queued > 0 {
			if _, err := s.SendAll(ctx); err != nil && s.Log != nil && ctx.Err() == nil {
				s.Log("lrs: %v", err)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-s.wake:
		case <-time.After(s.Poll):
		}
	}
}

// SendAll sends the outbox until it is empty, or sending is paused or
// turned off (it then returns at once). It retries network errors
// and 5xx until ctx ends, and returns an *LRSError on a 4xx. It reports
// how many statements were delivered.
func (s *Sender) SendAll(ctx context.Context) (int, error) {
	s.init()
	sent, fails := 0, 0
	for {
		n, err := s.sendBatch(ctx)
		sent += n
		switch {
		case err == nil && n == 0:
			return sent, nil
		case err == nil:
			fails = 0
			continue
		case !errors.As(err, new(*transientError)):
			var le *LRSError
			if errors.As(err, &le) {
				s.Store.noteSendError(context.WithoutCancel(ctx), le.Message, true)
			}
			return sent, err
		}
		s.Store.noteSendError(context.WithoutCancel(ctx), err.Error(), false)
		s.version = "" // ask /about again: the LRS may have changed
		wait := s.backoff(fails)
		fails++
		if s.Log != nil {
			s.Log("lrs: %v; retrying in %v", err, wait.Round(time.Millisecond))
		}
		select {
		case <-ctx.Done():
			return sent, ctx.Err()
		case <-time.After(wait):
		}
	}
}

// backoff is a full-jitter exponential wait for the n-th retry.
func (s *Sender) backoff(n int) time.Duration {
	d := s.MinBackoff << min(n, 20)
	if d <= 0 || d > s.MaxBackoff {
		d = s.MaxBackoff
	}
	return time.Duration(rand.Int64N(int64(d)) + 1)
}

// sendBatch sends the oldest batch of the outbox and reports how many
// statements were delivered (0 when the outbox is empty).
func (s *Sender) sendBatch(ctx context.Context) (int, error) {
	if held, err := s.Store.sendingHeld(ctx); err != nil || held {
		return 0, err // paused or turned off: stop here, nothing lost
	}
	batch, err := s.Store.outboxBatch(ctx, s.Batch)
	if err != nil || len(batch) == 0 {
		return 0, err
	}
	if s.version == "" {
		if s.version, err = s.Negotiate(ctx); err != nil {
			return 0, err
		}
	}
	if err := s.post(ctx, batch); err != nil {
		return 0, err
	}
	if err := s.Store.markSent(ctx, batch, s.version); err != nil {
		return 0, fmt.Errorf("progress: send: %w", err)
	}
	return len(batch), nil
}
