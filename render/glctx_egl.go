//go:build linux || freebsd

package render

/*
#cgo LDFLAGS: -lEGL
#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <string.h>
#include <stdio.h>

#ifndef EGL_PLATFORM_SURFACELESS_MESA
#define EGL_PLATFORM_SURFACELESS_MESA 0x31DD
#endif

typedef struct {
	EGLDisplay dpy;
	EGLContext ctx;
	EGLSurface surf;
} osteon_egl;

static const char *osteon_egl_errstr(EGLint e) {
	switch (e) {
	case EGL_NOT_INITIALIZED: return "EGL_NOT_INITIALIZED";
	case EGL_BAD_ACCESS: return "EGL_BAD_ACCESS";
	case EGL_BAD_ALLOC: return "EGL_BAD_ALLOC";
	case EGL_BAD_ATTRIBUTE: return "EGL_BAD_ATTRIBUTE";
	case EGL_BAD_CONFIG: return "EGL_BAD_CONFIG";
	case EGL_BAD_CONTEXT: return "EGL_BAD_CONTEXT";
	case EGL_BAD_DISPLAY: return "EGL_BAD_DISPLAY";
	case EGL_BAD_MATCH: return "EGL_BAD_MATCH";
	case EGL_BAD_PARAMETER: return "EGL_BAD_PARAMETER";
	case EGL_BAD_SURFACE: return "EGL_BAD_SURFACE";
	}
	return "EGL error";
}

// osteon_egl_open makes an OpenGL 3.3 core context current on the calling thread. surfaceless
// selects EGL_PLATFORM_SURFACELESS_MESA; otherwise the default display is used. On failure it
// writes a reason into err and returns non-zero.
static int osteon_egl_open(int surfaceless, osteon_egl *out, char *err, int errlen) {
	EGLDisplay dpy = EGL_NO_DISPLAY;
	if (surfaceless) {
		const char *exts = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
		if (!exts || !strstr(exts, "EGL_MESA_platform_surfaceless")) {
			snprintf(err, errlen, "EGL has no surfaceless platform (EGL_MESA_platform_surfaceless)");
			return 1;
		}
		PFNEGLGETPLATFORMDISPLAYEXTPROC getPlatformDisplay =
			(PFNEGLGETPLATFORMDISPLAYEXTPROC)eglGetProcAddress("eglGetPlatformDisplayEXT");
		if (!getPlatformDisplay) {
			snprintf(err, errlen, "eglGetPlatformDisplayEXT is missing");
			return 1;
		}
		dpy = getPlatformDisplay(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, NULL);
	} else {
		dpy = eglGetDisplay(EGL_DEFAULT_DISPLAY);
	}
	if (dpy == EGL_NO_DISPLAY) {
		snprintf(err, errlen, "no EGL display");
		return 1;
	}
	EGLint major, minor;
	if (!eglInitialize(dpy, &major, &minor)) {
		snprintf(err, errlen, "eglInitialize: %s", osteon_egl_errstr(eglGetError()));
		return 1;
	}
	if (!eglBindAPI(EGL_OPENGL_API)) {
		snprintf(err, errlen, "eglBindAPI(OpenGL): %s", osteon_egl_errstr(eglGetError()));
		eglTerminate(dpy);
		return 1;
	}
	const EGLint cfgAttrs[] = {
		EGL_SURFACE_TYPE, EGL_PBUFFER_BIT,
		EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT,
		EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_ALPHA_SIZE, 8,
		EGL_NONE
	};
	EGLConfig cfg;
	EGLint n = 0;
	if (!eglChooseConfig(dpy, cfgAttrs, &cfg, 1, &n) || n < 1) {
		snprintf(err, errlen, "no EGL config for desktop OpenGL");
		eglTerminate(dpy);
		return 1;
	}
	const EGLint ctxAttrs[] = {
		EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
		EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
		EGL_NONE
	};
	EGLContext ctx = eglCreateContext(dpy, cfg, EGL_NO_CONTEXT, ctxAttrs);
	if (ctx == EGL_NO_CONTEXT) {
		snprintf(err, errlen, "eglCreateContext(OpenGL 3.3 core): %s", osteon_egl_errstr(eglGetError()));
		eglTerminate(dpy);
		return 1;
	}
	EGLSurface surf = EGL_NO_SURFACE;
	const char *dexts = eglQueryString(dpy, EGL_EXTENSIONS);
	if (!dexts || !strstr(dexts, "EGL_KHR_surfaceless_context")) {
		const EGLint pbAttrs[] = { EGL_WIDTH, 1, EGL_HEIGHT, 1, EGL_NONE };
		surf = eglCreatePbufferSurface(dpy, cfg, pbAttrs);
	}
	if (!eglMakeCurrent(dpy, surf, surf, ctx)) {
		snprintf(err, errlen, "eglMakeCurrent: %s", osteon_egl_errstr(eglGetError()));
		eglDestroyContext(dpy, ctx);
		eglTerminate(dpy);
		return 1;
	}
	out->dpy = dpy; out->ctx = ctx; out->surf = surf;
	return 0;
}

static void osteon_egl_close(osteon_egl *e) {
	eglMakeCurrent(e->dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
	if (e->surf != EGL_NO_SURFACE) eglDestroySurface(e->dpy, e->surf);
	eglDestroyContext(e->dpy, e->ctx);
	eglTerminate(e->dpy);
	eglReleaseThread();
}
*/
import "C"

import (
	"errors"
	"unsafe"
)

type eglContext struct{ c C.osteon_egl }

// openEGL makes an OpenGL 3.3 core context current on the calling (locked) thread.
func openEGL(surfaceless bool) (*eglContext, error) {
	var e eglContext
	var buf [256]C.char
	flag := C.int(0)
	if surfaceless {
		flag = 1
	}
	if C.osteon_egl_open(flag, &e.c, &buf[0], C.int(len(buf))) != 0 {
		return nil, errors.New(C.GoString((*C.char)(unsafe.Pointer(&buf[0]))))
	}
	return &e, nil
}

func (e *eglContext) release() { C.osteon_egl_close(&e.c) }
