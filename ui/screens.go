package ui

import (
	"github.com/osteon/osteon/ui/class"
	"github.com/osteon/osteon/ui/consultations"
	"github.com/osteon/osteon/ui/dashboard"
	"github.com/osteon/osteon/ui/drills"
	"github.com/osteon/osteon/ui/kit"
	"github.com/osteon/osteon/ui/packs"
	"github.com/osteon/osteon/ui/practice"
	"github.com/osteon/osteon/ui/procedures"
	"github.com/osteon/osteon/ui/settings"
	"github.com/osteon/osteon/ui/tours"

	"fyne.io/fyne/v2/theme"
)

// screens lists the shell's destinations, in navigation order; each is built when first shown,
// with a runner of its own for its slow work.
func (u *UI) screens() []kit.Entry {
	return []kit.Entry{
		{ID: kit.Explore, Title: "Explore", Icon: theme.SearchIcon(), Build: func() kit.Screen { return u.explore }},
		{ID: kit.Practice, Title: "Practice", Icon: theme.QuestionIcon(), Build: func() kit.Screen { return practice.New(u, u.cfg.NewRunner()) }},
		{ID: kit.Procedures, Title: "Procedures", Icon: theme.ListIcon(), Build: func() kit.Screen { return procedures.New(u, u.cfg.NewRunner()) }},
		{ID: kit.Consultations, Title: "Consultations", Icon: theme.AccountIcon(), Build: func() kit.Screen { return consultations.New(u, u.cfg.NewRunner()) }},
		{ID: kit.Drills, Title: "Drills", Icon: theme.MediaFastForwardIcon(), Build: func() kit.Screen { return drills.New(u, u.cfg.NewRunner()) }},
		{ID: kit.Dashboard, Title: "Progress", Icon: theme.InfoIcon(), Build: func() kit.Screen { return dashboard.New(u, u.cfg.NewRunner()) }},
		{ID: kit.Packs, Title: "Packs", Icon: theme.StorageIcon(), Build: func() kit.Screen { return packs.New(u, u.cfg.NewRunner()) }},
		{ID: kit.Settings, Title: "Settings", Icon: theme.SettingsIcon(), Build: func() kit.Screen { return settings.New(u, u.cfg.NewRunner()) }},
		{ID: kit.Class, Title: "Class", Icon: theme.AccountIcon(), Build: func() kit.Screen { return class.New(u, u.cfg.NewRunner()) }},
		{ID: tours.ID, Title: "Tours", Icon: theme.MediaPlayIcon(), Build: func() kit.Screen { return tours.New(u, u.cfg.NewRunner()) }},
	}
}

// PractiseWeakest shows Practice and starts a session on the learner's weakest skills (the
// Progress screen's "Practise my weakest").
func (u *UI) PractiseWeakest() {
	if p, ok := u.shell.show(kit.Practice).(*practice.Screen); ok {
		p.StartWeakest()
	}
}
