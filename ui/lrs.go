package ui

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/osteon/osteon/progress"
)

// lrsLink runs the background sender while an LRS is configured: answers are queued in their own
// transaction by the store, and the sender drains the queue off the UI goroutine.
type lrsLink struct {
	mu     sync.Mutex
	sender *progress.Sender
	cancel context.CancelFunc
}

// startSending starts the sender when the store is open and an LRS is configured.
func (u *UI) startSending() {
	if u.store == nil {
		return
	}
	cfg, _, err := progress.FindLRSConfig()
	if err != nil {
		if !errors.Is(err, progress.ErrNotFound) {
			u.cfg.Log.Print(err)
		}
		return
	}
	u.runSender(cfg)
}

func (u *UI) runSender(cfg progress.LRSConfig) {
	u.lrs.mu.Lock()
	defer u.lrs.mu.Unlock()
	if u.lrs.cancel != nil {
		u.lrs.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	snd := &progress.Sender{Store: u.store, Config: cfg, Poll: 2 * time.Second, Log: u.cfg.Log.Printf}
	u.lrs.sender, u.lrs.cancel = snd, cancel
	go snd.Run(ctx)
}

func (u *UI) stopSending() {
	u.lrs.mu.Lock()
	defer u.lrs.mu.Unlock()
	if u.lrs.cancel != nil {
		u.lrs.cancel()
		u.lrs.cancel, u.lrs.sender = nil, nil
	}
}

// LRS is the configured Learning Record Store and the file it was read from (any goroutine).
func (u *UI) LRS() (progress.LRSConfig, string, error) { return progress.FindLRSConfig() }

// SetLRS saves cfg as this user's LRS, turns sending on for the progress file (queueing its
// history once) and restarts the sender. Call it off the UI goroutine; it reports how many
// statements of the history it queued.
func (u *UI) SetLRS(cfg progress.LRSConfig) (int, error) {
	if u.store == nil {
		return 0, u.storeErr
	}
	path, err := progress.LRSConfigPath(false)
	if err != nil {
		return 0, err
	}
	if err := progress.SaveLRSConfig(path, cfg); err != nil {
		return 0, err
	}
	n, err := u.store.EnableSending(context.Background())
	if err != nil {
		return 0, err
	}
	cfg, err = cfg.Check()
	if err != nil {
		return n, err
	}
	u.runSender(cfg)
	return n, nil
}

// SendNow makes the sender look at the queue at once (after a pause, a fix or a refusal).
func (u *UI) SendNow() {
	u.lrs.mu.Lock()
	defer u.lrs.mu.Unlock()
	if u.lrs.sender != nil {
		u.lrs.sender.Wake()
	}
}
