package ui

import (
	"github.com/osteon/osteon/ui/kit"

	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Preference keys.
const prefMSAA = "render.msaa" // "auto", "off" or "4x"

func msaaSetting(a fyne.App) int {
	switch a.Preferences().StringWithFallback(prefMSAA, "auto") {
	case "off":
		return 1
	case "4x":
		return 4
	}
	return 0
}

func (u *UI) screens() []*screen {
	return []*screen{
		{title: "Explore", icon: theme.SearchIcon(), build: func() fyne.CanvasObject { return u.explore.root }},
		{title: "Practice", icon: theme.QuestionIcon(), build: u.practiceScreen},
		{title: "Procedures", icon: theme.ListIcon(), build: u.proceduresScreen},
		{title: "Drills", icon: theme.MediaFastForwardIcon(), build: u.drillsScreen},
		{title: "Progress", icon: theme.InfoIcon(), build: u.progressScreen},
		{title: "Packs", icon: theme.StorageIcon(), build: u.packsScreen},
		{title: "Settings", icon: theme.SettingsIcon(), build: u.settingsScreen},
	}
}

func (u *UI) settingsScreen() fyne.CanvasObject {
	msaa := widget.NewRadioGroup([]string{"Automatic (on with a graphics card, off with software rendering)", "Off", "4x"}, nil)
	values := []string{"auto", "off", "4x"}
	cur := u.app.Preferences().StringWithFallback(prefMSAA, "auto")
	for i, v := range values {
		if v == cur {
			msaa.SetSelected(msaa.Options[i])
		}
	}
	msaa.OnChanged = func(s string) {
		for i, o := range msaa.Options {
			if o == s {
				u.app.Preferences().SetString(prefMSAA, values[i])
			}
		}
	}
	gl := widget.NewLabel("OpenGL is starting…")
	gl.Wrapping = fyne.TextWrapWord
	if u.engine != nil {
		i := u.engine.Info()
		gl.SetText(fmt.Sprintf("%s\n%s\nOpenGL %s\nContext: %s\nMultisampling now: %dx", i.Renderer, i.Vendor, i.Version, i.Backend, i.MSAA))
	} else {
		gl.SetText("No 3D view this session (see the Explore screen for why), or OpenGL has not started yet.")
	}
	form := widget.NewForm(
		widget.NewFormItem("Smoothing (multisampling)", container.NewVBox(msaa, widget.NewLabel("Takes effect the next time Osteon starts."))),
		widget.NewFormItem("Graphics", gl),
	)
	return container.NewPadded(container.NewVBox(widget.NewRichText(kit.Heading("Settings")), form))
}
