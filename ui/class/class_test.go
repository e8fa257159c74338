package class

import (
	"context"
	"errors"
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

// lrsShell adds the configured LRS to the test shell.
type lrsShell struct {
	*kittest.Shell
	cfg *progress.LRSConfig
}

func (s lrsShell) LRS() (progress.LRSConfig, string, error) {
	if s.cfg == nil {
		return progress.LRSConfig{}, "", errors.New("no LRS is configured")
	}
	return *s.cfg, "test", nil
}

func record(t *testing.T, st *progress.Store, l progress.LearnerID) {
	t.Helper()
	for i := range 12 {
		in := progress.AttemptInput{Learner: l, Item: "name-typed:FMA:23462", Correct: i%4 != 0,
			Skills: []learning.SkillID{"structure:FMA:23462", "system:skeletal"}}
		if i%3 == 0 {
			in = progress.AttemptInput{Learner: l, Item: "procedure-test:core/venepuncture", Correct: true,
				Skills: []learning.SkillID{"procedure:core/venepuncture"},
				Text:   progress.ActivityText{Name: "Venepuncture at the antecubital fossa: test"}}
		}
		if _, err := st.RecordAttempt(context.Background(), in); err != nil {
			t.Fatal(err)
		}
	}
}

func tapButton(t *testing.T, s *Screen, label string) {
	t.Helper()
	var found *widget.Button
	kittest.Walk(s.Content(), true, func(o fyne.CanvasObject) bool {
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

// The Class screen reads the class back from the real LRS and shows the same rows as it builds
// from this computer's progress file.
func TestClassScreenFromLRSAndLocal(t *testing.T) {
	l := lrstest.Start(t)
	sh := kittest.New(t)
	st, ada := sh.OpenStore()
	record(t, st, ada.ID)
	ctx := context.Background()
	if _, err := st.EnableSending(ctx); err != nil {
		t.Fatal(err)
	}
	cfg := progress.LRSConfig{Endpoint: l.Endpoint, User: lrstest.User, Password: lrstest.Password}
	if _, err := (&progress.Sender{Store: st, Config: cfg}).SendAll(ctx); err != nil {
		t.Fatal(err)
	}
	s := New(lrsShell{sh, &cfg}, kit.InPlace())
	sh.Mount(s)
	tapButton(t, s, "Show report")
	fromLRS := s.rows
	if !strings.Contains(s.status.Text, "1 learner, from "+l.Endpoint) || len(fromLRS) != 2 {
		t.Fatalf("from the LRS: %q, rows %q", s.status.Text, fromLRS)
	}
	s.source.SetSelected(fromLocal)
	tapButton(t, s, "Show report")
	if strings.Join(flat(s.rows), "|") != strings.Join(flat(fromLRS), "|") {
		t.Errorf("rows from the LRS %q, from the file %q", fromLRS, s.rows)
	}
	text := strings.Join(flat(s.rows), " ")
	for _, want := range []string{"Skeletal system", "Venepuncture at the antecubital fossa: test", "passed 4 of 4", "mastery"} {
		if !strings.Contains(text, want) {
			t.Errorf("rows %q lack %q", s.rows, want)
		}
	}
	// No LRS set: the screen says where to set one.
	s2 := New(lrsShell{sh, nil}, kit.InPlace())
	sh.Mount(s2)
	tapButton(t, s2, "Show report")
	if !strings.Contains(s2.status.Text, "set one in Settings") {
		t.Errorf("without an LRS: %q", s2.status.Text)
	}
	s2.from.SetText("2026-13-01")
	tapButton(t, s2, "Show report")
	if !strings.Contains(s2.status.Text, "YYYY-MM-DD") {
		t.Errorf("bad date: %q", s2.status.Text)
	}
}

func flat(rows [][]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, strings.Join(r, ","))
	}
	return out
}
