package render

/*
#cgo linux freebsd LDFLAGS: -lGL
#cgo windows LDFLAGS: -lopengl32
#cgo darwin LDFLAGS: -framework OpenGL
#define GL_GLEXT_PROTOTYPES 1
#ifdef __APPLE__
#include <OpenGL/gl3.h>
#else
#include <GL/gl.h>
#include <GL/glext.h>
#endif

static void osteon_clip(int on) {
	if (on) glEnable(GL_CLIP_DISTANCE0); else glDisable(GL_CLIP_DISTANCE0);
}

// osteon_stencil_count: the next draws toggle bit 0 of the stencil for every fragment, writing
// no colour: afterwards the bit is the parity of the surfaces along each pixel's ray.
static void osteon_stencil_count(void) {
	glEnable(GL_STENCIL_TEST);
	glStencilMask(1);
	glStencilFunc(GL_ALWAYS, 0, 1);
	glStencilOp(GL_KEEP, GL_KEEP, GL_INVERT);
	glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
}

// osteon_stencil_fill: the next draws colour only where the parity bit is set, and clear it.
static void osteon_stencil_fill(void) {
	glStencilFunc(GL_EQUAL, 1, 1);
	glStencilOp(GL_ZERO, GL_ZERO, GL_ZERO);
	glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_FALSE);
}

static void osteon_stencil_off(void) {
	glStencilMask(0xFF);
	glDisable(GL_STENCIL_TEST);
	glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_FALSE);
}
*/
import "C"

func glClip(on bool) {
	if on {
		C.osteon_clip(1)
	} else {
		C.osteon_clip(0)
	}
}

func glStencilCount() { C.osteon_stencil_count() }
func glStencilFill()  { C.osteon_stencil_fill() }
func glStencilOff()   { C.osteon_stencil_off() }
