package render

import (
	"fmt"

	"github.com/go-gl/glfw/v3.3/glfw"
)

// openGLFW makes a hidden GLFW window on the main thread (GLFW must already be initialised, as
// Fyne does) and makes its context current on the calling thread.
func openGLFW(mainThread func(func())) (*glfwContext, error) {
	var win *glfw.Window
	var err error
	mainThread(func() {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("%v", r)
			}
		}()
		glfw.WindowHint(glfw.Visible, glfw.False)
		glfw.WindowHint(glfw.ContextVersionMajor, 3)
		glfw.WindowHint(glfw.ContextVersionMinor, 3)
		glfw.WindowHint(glfw.OpenGLProfile, glfw.OpenGLCoreProfile)
		glfw.WindowHint(glfw.OpenGLForwardCompatible, glfw.True)
		win, err = glfw.CreateWindow(16, 16, "Osteon offscreen", nil, nil)
		glfw.DefaultWindowHints() // or Fyne's next window (GL 2.1) fails
		// GLFW restores the previously current context after creating a window, so the new
		// context is current nowhere and the GL thread can take it.
	})
	if err != nil {
		return nil, err
	}
	win.MakeContextCurrent()
	return &glfwContext{win: win, mainThread: mainThread}, nil
}

type glfwContext struct {
	win        *glfw.Window
	mainThread func(func())
}

func (c *glfwContext) release() {
	glfw.DetachCurrentContext()
	c.mainThread(c.win.Destroy)
}
