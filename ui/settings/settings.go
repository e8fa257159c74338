// Package settings is the Settings screen: smoothing (multisampling) and what OpenGL runs on.
package settings

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/render"
	"github.com/osteon/osteon/ui/kit"
)

// PrefMSAA is the preference key of the smoothing setting: "auto", "off" or "4x".
const PrefMSAA = "render.msaa"

// MSAA is the multisampling the preference asks for: 0 automatic, 1 off, 4.
func MSAA(p fyne.Preferences) int {
	switch p.StringWithFallback(PrefMSAA, "auto") {
	case "off":
		return 1
	case "4x":
		return 4
	}
	return 0
}

// Shell is what the Settings screen needs from the app.
type Shell interface {
	Preferences() fyne.Preferences
	// Engine is OpenGL once started, else nil.
	Engine() *render.Engine
}

// Screen is the Settings screen.
type Screen struct {
	kit.Base
	root fyne.CanvasObject
}

// New builds the Settings screen.
func New(sh Shell) *Screen {
	return &Screen{root: build(sh)}
}

// ID is kit.Settings.
func (s *Screen) ID() kit.ID { return kit.Settings }

// Title is the screen's name in the navigation list.
func (s *Screen) Title() string { return "Settings" }

// Content is the screen.
func (s *Screen) Content() fyne.CanvasObject { return s.root }

func build(sh Shell) fyne.CanvasObject {
	prefs := sh.Preferences()
	msaa := widget.NewRadioGroup([]string{"Automatic (on with a graphics card, off with software rendering)", "Off", "4x"}, nil)
	values := []string{"auto", "off", "4x"}
	cur := prefs.StringWithFallback(PrefMSAA, "auto")
	for i, v := range values {
		if v == cur {
			msaa.SetSelected(msaa.Options[i])
		}
	}
	msaa.OnChanged = func(s string) {
		for i, o := range msaa.Options {
			if o == s {
				prefs.SetString(PrefMSAA, values[i])
			}
		}
	}
	gl := widget.NewLabel("OpenGL is starting…")
	gl.Wrapping = fyne.TextWrapWord
	if e := sh.Engine(); e != nil {
		i := e.Info()
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
