package settings

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/progress"
	"github.com/osteon/osteon/ui/kit"
)

// LRSShell is what the Learning Record Store section needs from the app.
type LRSShell interface {
	Store() *progress.Store
	// LRS is the configured LRS and the file it came from, or an error (ErrNotFound: none).
	LRS() (progress.LRSConfig, string, error)
	// SetLRS saves the LRS, turns sending on and queues the history once (off the UI goroutine).
	SetLRS(progress.LRSConfig) (int, error)
	// SendNow wakes the sender.
	SendNow()
}

// lrsSection is the Settings section for sending progress to a Learning Record Store: endpoint,
// credentials, test connection, queue length, last error, send now, pause.
type lrsSection struct {
	sh       LRSShell
	run      *kit.Runner
	endpoint *widget.Entry
	user     *widget.Entry
	password *widget.Entry
	result   *widget.Label // what the last action did
	status   *widget.Label // queue, sent, last error
	pause    *widget.Button
	paused   bool
	stop     chan struct{}
}

func newLRSSection(sh LRSShell, run *kit.Runner) *lrsSection {
	l := &lrsSection{sh: sh, run: run, endpoint: widget.NewEntry(), user: widget.NewEntry(), password: widget.NewPasswordEntry(),
		result: widget.NewLabel(""), status: widget.NewLabel("")}
	l.endpoint.SetPlaceHolder("https://lrs.example.org/xAPI/")
	l.user.SetPlaceHolder("the LRS key (user)")
	l.password.SetPlaceHolder("the LRS secret (password)")
	l.result.Wrapping, l.status.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	if cfg, where, err := sh.LRS(); err == nil {
		l.endpoint.SetText(cfg.Endpoint)
		l.user.SetText(cfg.User)
		l.password.SetPlaceHolder("saved in " + where + " (type to replace)")
	}
	l.pause = widget.NewButton("Pause sending", l.togglePause)
	return l
}

func (l *lrsSection) content() fyne.CanvasObject {
	form := widget.NewForm(widget.NewFormItem("Endpoint", l.endpoint), widget.NewFormItem("User", l.user),
		widget.NewFormItem("Password", l.password))
	buttons := container.NewHBox(widget.NewButton("Save and send", l.save), widget.NewButton("Test connection", l.test),
		widget.NewButton("Send now", l.sendNow), l.pause)
	intro := widget.NewLabel("Send every answer, drill run and mastered skill to your centre's Learning Record Store " +
		"(xAPI), under your pseudonym unless you chose to be named. Nothing is sent until you save an LRS here. " +
		"The password is kept in a file only you can read, never in your progress file.")
	intro.Wrapping = fyne.TextWrapWord
	return container.NewVBox(widget.NewRichText(kit.Heading("Learning Record Store")), intro, form, buttons, l.result, l.status)
}

// config is what the form says; an empty password keeps the saved one.
func (l *lrsSection) config() progress.LRSConfig {
	cfg := progress.LRSConfig{Endpoint: l.endpoint.Text, User: l.user.Text, Password: l.password.Text}
	if saved, _, err := l.sh.LRS(); err == nil && cfg.Password == "" {
		cfg.Password = saved.Password
	}
	return cfg
}

func (l *lrsSection) save() {
	cfg := l.config()
	l.result.SetText("Saving…")
	l.run.Go(func() func() {
		n, err := l.sh.SetLRS(cfg)
		return func() {
			if err != nil {
				l.result.SetText("Not saved: " + err.Error())
				return
			}
			l.password.SetText("")
			l.password.SetPlaceHolder("saved (type to replace)")
			l.result.SetText(fmt.Sprintf("Saved. Sending is on; %d statements of your history were queued.", n))
			l.refresh()
		}
	})
}

func (l *lrsSection) test() {
	cfg, err := l.config().Check()
	if err != nil {
		l.result.SetText("Cannot test: " + err.Error())
		return
	}
	l.result.SetText("Testing " + cfg.Endpoint + " …")
	l.run.Go(func() func() {
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		v, err := (&progress.Sender{Config: cfg}).Test(ctx)
		return func() {
			if err != nil {
				l.result.SetText("Connection failed: " + err.Error())
				return
			}
			l.result.SetText(fmt.Sprintf("Connected: the LRS speaks xAPI %s and accepts the credentials.", v))
		}
	})
}

func (l *lrsSection) sendNow() {
	l.sh.SendNow()
	l.result.SetText("Sending what is queued now.")
}

func (l *lrsSection) togglePause() {
	st := l.sh.Store()
	if st == nil {
		return
	}
	want := !l.paused
	l.run.Go(func() func() {
		err := st.PauseSending(context.Background(), want)
		return func() {
			if err != nil {
				l.result.SetText(err.Error())
			}
			if !want {
				l.sh.SendNow()
			}
			l.refresh()
		}
	})
}

// refresh reads the queue and the last error (off the UI goroutine).
func (l *lrsSection) refresh() {
	st := l.sh.Store()
	if st == nil {
		l.status.SetText("No progress file is open, so nothing can be sent.")
		return
	}
	l.run.Go(func() func() {
		s, err := st.SendStatus(context.Background())
		return func() { l.show(s, err) }
	})
}

func (l *lrsSection) show(s progress.SendStatus, err error) {
	if err != nil {
		l.status.SetText(err.Error())
		return
	}
	l.paused = s.Paused
	l.pause.SetText(map[bool]string{true: "Resume sending", false: "Pause sending"}[s.Paused])
	state := "Sending is off."
	switch {
	case s.Enabled && s.Stopped:
		state = "Stopped: the LRS refused. Fix the settings, then Save and send."
	case s.Enabled && s.Paused:
		state = "Paused."
	case s.Enabled:
		state = "Sending is on."
	}
	text := fmt.Sprintf("%s Queue: %d waiting. Sent: %d.", state, s.Queued, s.Sent)
	if !s.LastSent.IsZero() {
		text += fmt.Sprintf(" Last sent %s (xAPI %s).", s.LastSent.Local().Format("2 Jan 15:04:05"), s.Version)
	}
	if s.LastError != "" {
		text += fmt.Sprintf("\nLast error (%s): %s", s.LastErrorAt.Local().Format("2 Jan 15:04:05"), s.LastError)
	}
	l.status.SetText(text)
}

// watch refreshes the status every second while the screen shows.
func (l *lrsSection) watch() {
	l.unwatch()
	l.refresh()
	stop := make(chan struct{})
	l.stop = stop
	go func() {
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				fyne.Do(l.refresh)
			}
		}
	}()
}

func (l *lrsSection) unwatch() {
	if l.stop != nil {
		close(l.stop)
		l.stop = nil
	}
}
