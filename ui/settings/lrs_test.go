package settings

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/progress"
	"github.com/osteon/osteon/progress/lrstest"
	"github.com/osteon/osteon/ui/kit"
	"github.com/osteon/osteon/ui/kit/kittest"
)

// lrsShell gives the test shell an LRS setting kept in a file of the test, as the app's does,
// with a sender that SendNow runs to the end.
type lrsShell struct {
	*kittest.Shell
	path string
}

func (s *lrsShell) LRS() (progress.LRSConfig, string, error) {
	c, err := progress.LoadLRSConfig(s.path)
	return c, s.path, err
}

func (s *lrsShell) SetLRS(c progress.LRSConfig) (int, error) {
	if err := progress.SaveLRSConfig(s.path, c); err != nil {
		return 0, err
	}
	return s.St.EnableSending(context.Background())
}

func (s *lrsShell) SendNow() {
	if c, _, err := s.LRS(); err == nil {
		(&progress.Sender{Store: s.St, Config: c}).SendAll(context.Background())
	}
}

func tap(t *testing.T, root fyne.CanvasObject, label string) {
	t.Helper()
	var found *widget.Button
	kittest.Walk(root, true, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Text == label {
			found = b
		}
		return true
	})
	if found == nil {
		t.Fatalf("no button %q", label)
	}
	test.Tap(found)
}

// Configure the real LRS in Settings: a wrong password is refused with the LRS's reason, the
// right one connects, saving queues the history, Send now drains it, Pause pauses.
func TestSettingsLRSSection(t *testing.T) {
	l := lrstest.Start(t)
	sh := &lrsShell{Shell: kittest.New(t), path: filepath.Join(t.TempDir(), "lrs.json")}
	st, ada := sh.OpenStore()
	for i := range 5 {
		if _, err := st.RecordAttempt(context.Background(), progress.AttemptInput{Learner: ada.ID, Item: "find:FMA:23462",
			Correct: i > 0, Skills: []learning.SkillID{"system:skeletal"}}); err != nil {
			t.Fatal(err)
		}
	}
	s := New(sh, kit.InPlace())
	sh.Mount(s)
	defer s.Hidden()
	sec := s.lrs
	if !strings.Contains(sec.status.Text, "Sending is off. Queue: 0") {
		t.Errorf("before: %q", sec.status.Text)
	}
	sec.endpoint.SetText(l.Endpoint)
	sec.user.SetText(lrstest.User)
	sec.password.SetText("wrong")
	tap(t, s.Content(), "Test connection")
	if !strings.Contains(sec.result.Text, "Unauthorised") {
		t.Errorf("test with a wrong password: %q", sec.result.Text)
	}
	sec.password.SetText(lrstest.Password)
	tap(t, s.Content(), "Test connection")
	if !strings.Contains(sec.result.Text, "speaks xAPI 1.0.3") {
		t.Errorf("test: %q", sec.result.Text)
	}
	tap(t, s.Content(), "Save and send")
	if !strings.Contains(sec.result.Text, "5 statements of your history were queued") || !strings.Contains(sec.status.Text, "Queue: 5 waiting") {
		t.Errorf("after saving: %q / %q", sec.result.Text, sec.status.Text)
	}
	if sec.password.Text != "" {
		t.Error("the password stays in the form after saving")
	}
	tap(t, s.Content(), "Send now")
	sec.refresh()
	if !strings.Contains(sec.status.Text, "Queue: 0 waiting. Sent: 5.") {
		t.Errorf("after sending: %q", sec.status.Text)
	}
	tap(t, s.Content(), "Pause sending")
	if !strings.Contains(sec.status.Text, "Paused.") || sec.pause.Text != "Resume sending" {
		t.Errorf("after pausing: %q, button %q", sec.status.Text, sec.pause.Text)
	}
	if strings.Contains(kittest.Text(s.Content()), lrstest.Password) {
		t.Error("the screen shows the password")
	}
	if _, _, err := sh.LRS(); err != nil && !errors.Is(err, progress.ErrNotFound) {
		t.Fatal(err)
	}
}
