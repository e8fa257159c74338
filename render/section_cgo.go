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
*/
import "C"

func glClip(on bool) {
	if on {
		C.osteon_clip(1)
	} else {
		C.osteon_clip(0)
	}
}
