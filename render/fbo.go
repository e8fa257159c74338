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

typedef struct {
	GLuint fbo, color, depth;          // single-sampled target, read back
	GLuint msFbo, msColor, msDepth;    // multisampled target, resolved into fbo
	int w, h, samples;
} osteon_fbo;

static GLenum osteon_gl_error(void) {
	GLenum first = glGetError(), e = first;
	while (e != GL_NO_ERROR) e = glGetError();
	return first;
}

static void osteon_fbo_delete(osteon_fbo *f) {
	if (f->fbo) glDeleteFramebuffers(1, &f->fbo);
	if (f->msFbo) glDeleteFramebuffers(1, &f->msFbo);
	GLuint rbs[4] = {f->color, f->depth, f->msColor, f->msDepth};
	glDeleteRenderbuffers(4, rbs);
	f->fbo = f->color = f->depth = f->msFbo = f->msColor = f->msDepth = 0;
}

static GLenum osteon_make_target(GLuint *fbo, GLuint *color, GLuint *depth, int w, int h, int samples) {
	glGenFramebuffers(1, fbo);
	glBindFramebuffer(GL_FRAMEBUFFER, *fbo);
	glGenRenderbuffers(1, color);
	glBindRenderbuffer(GL_RENDERBUFFER, *color);
	if (samples > 1) glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_RGBA8, w, h);
	else glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, w, h);
	glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, *color);
	glGenRenderbuffers(1, depth);
	glBindRenderbuffer(GL_RENDERBUFFER, *depth);
	if (samples > 1) glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_DEPTH24_STENCIL8, w, h);
	else glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, w, h);
	glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, *depth);
	return glCheckFramebufferStatus(GL_FRAMEBUFFER);
}

// osteon_fbo_resize (re)creates the targets; returns 0 or a GL status/error code.
static GLenum osteon_fbo_resize(osteon_fbo *f, int w, int h, int samples) {
	osteon_fbo_delete(f);
	osteon_gl_error();
	f->w = w; f->h = h; f->samples = samples;
	GLenum st = osteon_make_target(&f->fbo, &f->color, &f->depth, w, h, 0);
	if (st != GL_FRAMEBUFFER_COMPLETE) return st;
	if (samples > 1) {
		st = osteon_make_target(&f->msFbo, &f->msColor, &f->msDepth, w, h, samples);
		if (st != GL_FRAMEBUFFER_COMPLETE) return st;
	}
	GLenum e = osteon_gl_error();
	return e;
}

// osteon_fbo_begin binds the draw target, clears it to the colour given (alpha 1), and masks
// alpha writes so the read-back image stays opaque whatever the blending does.
static void osteon_fbo_begin(osteon_fbo *f, float r, float g, float b) {
	glBindFramebuffer(GL_FRAMEBUFFER, f->samples > 1 ? f->msFbo : f->fbo);
	glViewport(0, 0, f->w, f->h);
	glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
	glDepthMask(GL_TRUE);
	glStencilMask(0xFF);
	glClearColor(r, g, b, 1);
	glClearDepth(1);
	glClearStencil(0);
	glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
	glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_FALSE);
}

// osteon_fbo_finish waits for the draw to complete (so the caller can time it apart from the
// read-back) and resolves multisampling.
static void osteon_fbo_finish(osteon_fbo *f) {
	if (f->samples > 1) {
		glBindFramebuffer(GL_READ_FRAMEBUFFER, f->msFbo);
		glBindFramebuffer(GL_DRAW_FRAMEBUFFER, f->fbo);
		glBlitFramebuffer(0, 0, f->w, f->h, 0, 0, f->w, f->h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
	}
	glFinish();
}

// osteon_fbo_read reads the resolved colour buffer, bottom row first, into dst (w*h*4 bytes).
static GLenum osteon_fbo_read(osteon_fbo *f, void *dst) {
	glBindFramebuffer(GL_READ_FRAMEBUFFER, f->fbo);
	glPixelStorei(GL_PACK_ALIGNMENT, 4);
	glReadPixels(0, 0, f->w, f->h, GL_RGBA, GL_UNSIGNED_BYTE, dst);
	glBindFramebuffer(GL_FRAMEBUFFER, 0);
	return osteon_gl_error();
}

// osteon_fbo_scale_into stretches src's resolved colour over all of dst, filtered.
static GLenum osteon_fbo_scale_into(osteon_fbo *src, osteon_fbo *dst) {
	glBindFramebuffer(GL_READ_FRAMEBUFFER, src->fbo);
	glBindFramebuffer(GL_DRAW_FRAMEBUFFER, dst->fbo);
	glBlitFramebuffer(0, 0, src->w, src->h, 0, 0, dst->w, dst->h, GL_COLOR_BUFFER_BIT, GL_LINEAR);
	glBindFramebuffer(GL_FRAMEBUFFER, 0);
	return osteon_gl_error();
}

static int osteon_max_samples(void) {
	GLint n = 0;
	glGetIntegerv(GL_MAX_SAMPLES, &n);
	osteon_gl_error();
	return n;
}

static const char *osteon_gl_string(GLenum name) {
	const GLubyte *s = glGetString(name);
	return s ? (const char *)s : "";
}
*/
import "C"

import (
	"fmt"
	"unsafe"
)

// fbo is the offscreen target g3n draws into. Only the GL thread touches it.
type fbo struct {
	c       C.osteon_fbo
	scratch []byte
}

func (f *fbo) resize(w, h, samples int) error {
	if int(f.c.w) == w && int(f.c.h) == h && int(f.c.samples) == samples && f.c.fbo != 0 {
		return nil
	}
	if st := C.osteon_fbo_resize(&f.c, C.int(w), C.int(h), C.int(samples)); st != 0 && st != C.GL_FRAMEBUFFER_COMPLETE {
		C.osteon_fbo_delete(&f.c)
		return fmt.Errorf("render: framebuffer %dx%d with %d samples: GL status 0x%x", w, h, samples, uint32(st))
	}
	f.scratch = make([]byte, w*h*4)
	return nil
}

func (f *fbo) begin(bg [3]float32) {
	C.osteon_fbo_begin(&f.c, C.float(bg[0]), C.float(bg[1]), C.float(bg[2]))
}

func (f *fbo) finish() { C.osteon_fbo_finish(&f.c) }

// read copies the frame into dst (w*h*4 bytes, top row first).
func (f *fbo) read(dst []byte) error {
	w, h := int(f.c.w), int(f.c.h)
	if len(dst) < w*h*4 {
		return fmt.Errorf("render: read buffer too small")
	}
	if e := C.osteon_fbo_read(&f.c, unsafe.Pointer(&f.scratch[0])); e != 0 {
		return fmt.Errorf("render: glReadPixels: GL error 0x%x", uint32(e))
	}
	row := w * 4
	for y := 0; y < h; y++ {
		copy(dst[y*row:(y+1)*row], f.scratch[(h-1-y)*row:(h-y)*row])
	}
	return nil
}

func (f *fbo) release() { C.osteon_fbo_delete(&f.c) }

// scaleInto stretches f's frame over all of dst (linear filtering).
func (f *fbo) scaleInto(dst *fbo) error {
	if e := C.osteon_fbo_scale_into(&f.c, &dst.c); e != 0 {
		return fmt.Errorf("render: scale frame up: GL error 0x%x", uint32(e))
	}
	return nil
}

func glMaxSamples() int { return int(C.osteon_max_samples()) }

func glClearErrors() uint32 { return uint32(C.osteon_gl_error()) }

func glString(name uint32) string { return C.GoString(C.osteon_gl_string(C.GLenum(name))) }

const (
	glVendor   = C.GL_VENDOR
	glRenderer = C.GL_RENDERER
	glVersion  = C.GL_VERSION
)
