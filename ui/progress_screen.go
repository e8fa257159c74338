package ui

import "fyne.io/fyne/v2"

func (u *UI) progressScreen() fyne.CanvasObject {
	return comingScreen("Progress", "soon")
}
