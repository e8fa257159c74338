package ui

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/progress"
)

const prefLastLearner = "learner.last"

// useStore takes the progress store main opened and signs in the last learner when that needs no
// PIN. Without a store (it could not be opened) the app goes on without progress.
func (u *UI) useStore() {
	u.store = u.cfg.Store
	if u.store == nil {
		err := u.cfg.StoreErr
		if err == nil {
			err = errors.New("no progress file was opened")
		}
		if u.cfg.StorePath != "" {
			err = storeOpenError(u.cfg.StorePath, err)
		}
		u.cfg.Log.Print(err)
		u.storeErr = err
		return
	}
	if id := u.app.Preferences().Int(prefLastLearner); id > 0 {
		ctx := context.Background()
		if l, err := u.store.Learner(ctx, progress.LearnerID(id)); err == nil && !l.HasPIN {
			if l, err = u.store.SignIn(ctx, l.ID, ""); err == nil {
				u.setLearner(&l)
			}
		}
	}
}

// tellStore says, once the window shows, what happened to the progress file: moved aside as
// damaged, or not opened at all.
func (u *UI) tellStore() {
	if u.storeErr != nil {
		dialog.ShowError(fmt.Errorf("%w\n\nExploring models works; practice and progress are off until this is fixed", u.storeErr), u.win)
		return
	}
	if rec := u.store.Recovered(); rec != nil {
		dialog.ShowInformation("Progress file was damaged",
			fmt.Sprintf("Osteon found your progress file damaged and moved it aside to\n%s\nso nothing in it is lost. "+
				"A new, empty progress file was started at\n%s.", rec.MovedTo, rec.Path), u.win)
	}
}

// storeOpenError explains why the progress file could not be opened, naming it.
func storeOpenError(path string, err error) error {
	var ve *progress.VersionError
	switch {
	case errors.As(err, &ve):
		return fmt.Errorf("your progress file %s was written by a newer version of Osteon (format %d; this version reads up to %d). "+
			"It has not been changed. Update Osteon to use it, or start this version with --db and another file", path, ve.FileVersion, ve.AppVersion)
	case errors.Is(err, progress.ErrForeign):
		return fmt.Errorf("%s is a database, but not an Osteon progress file; it has not been changed. Start Osteon with --db and another file", path)
	}
	return fmt.Errorf("could not open your progress file %s: %w", path, err)
}

// setLearner makes l the current learner (nil: nobody signed in) and tells the screens.
func (u *UI) setLearner(l *progress.Learner) {
	u.learner = l
	if l != nil {
		u.app.Preferences().SetInt(prefLastLearner, int(l.ID))
		u.profileButton.SetText(l.Name)
	} else {
		u.profileButton.SetText("Choose profile")
	}
	u.learnerChanged.Emit(l)
}

// ShowProfiles is the profile picker: who is practising on this computer.
func (u *UI) ShowProfiles() {
	if u.store == nil {
		dialog.ShowInformation("Profiles", u.storeErr.Error(), u.win)
		return
	}
	learners, err := u.store.Learners(context.Background())
	if err != nil {
		dialog.ShowError(err, u.win)
		return
	}
	var d dialog.Dialog
	list := widget.NewList(
		func() int { return len(learners) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.AccountIcon()), widget.NewLabel("Learner name placeholder"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			name := learners[i].Name
			if learners[i].HasPIN {
				name += "  (PIN)"
			}
			row.Objects[1].(*widget.Label).SetText(name)
		},
	)
	list.OnSelected = func(i widget.ListItemID) {
		d.Hide()
		u.signIn(learners[i])
	}
	create := widget.NewButtonWithIcon("New profile…", theme.ContentAddIcon(), func() {
		d.Hide()
		u.newProfile()
	})
	create.Importance = widget.HighImportance
	intro := widget.NewLabel("Each learner's answers and progress are kept apart. Choose yours, or make a new profile.")
	intro.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(intro, create, nil, nil, list)
	if len(learners) == 0 {
		body = container.NewBorder(intro, create, nil, nil, widget.NewLabel("No profiles yet on this computer."))
	}
	d = dialog.NewCustom("Who is practising?", "Cancel", body, u.win)
	d.Resize(fyne.NewSize(460, 420))
	d.Show()
}

func (u *UI) signIn(l progress.Learner) {
	if !l.HasPIN {
		u.finishSignIn(l.ID, "")
		return
	}
	pin := widget.NewPasswordEntry()
	pin.SetPlaceHolder("PIN")
	d := dialog.NewForm("PIN for "+l.Name, "Sign in", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("PIN", pin)}, func(ok bool) {
			if ok {
				u.finishSignIn(l.ID, pin.Text)
			}
		}, u.win)
	pin.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(380, 180))
	d.Show()
	u.win.Canvas().Focus(pin)
}

func (u *UI) finishSignIn(id progress.LearnerID, pin string) {
	l, err := u.store.SignIn(context.Background(), id, pin)
	switch {
	case errors.Is(err, progress.ErrWrongPIN):
		dialog.ShowInformation("Wrong PIN", "That PIN is not right. Try again, or ask whoever made the profile.", u.win)
	case err != nil:
		dialog.ShowError(err, u.win)
	default:
		u.setLearner(&l)
	}
}

func (u *UI) newProfile() {
	name := widget.NewEntry()
	name.SetPlaceHolder("Your name or a nickname")
	pin := widget.NewPasswordEntry()
	pin.SetPlaceHolder("Optional: 4 to 12 digits")
	pin.Validator = func(s string) error {
		if s == "" {
			return nil
		}
		if _, err := strconv.Atoi(s); err != nil || len(s) < 4 || len(s) > 12 {
			return errors.New("4 to 12 digits, or leave it empty")
		}
		return nil
	}
	name.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New("a name is needed")
		}
		return nil
	}
	d := dialog.NewForm("New profile", "Create", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Name", name),
		{Text: "PIN", Widget: pin, HintText: "Keeps others out of your profile on a shared computer"},
	}, func(ok bool) {
		if !ok {
			return
		}
		l, err := u.store.CreateLearner(context.Background(), strings.TrimSpace(name.Text), pin.Text)
		switch {
		case errors.Is(err, progress.ErrNameTaken):
			dialog.ShowInformation("Name taken", "Someone on this computer already uses "+name.Text+". Choose another name.", u.win)
		case err != nil:
			dialog.ShowError(err, u.win)
		default:
			u.setLearner(&l)
		}
	}, u.win)
	name.OnSubmitted = func(string) { u.win.Canvas().Focus(pin) }
	pin.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(460, 240))
	d.Show()
	u.win.Canvas().Focus(name)
}
