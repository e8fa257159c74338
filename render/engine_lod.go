package render

import (
	"image"

	"github.com/g3n/engine/geometry"
	"github.com/g3n/engine/gls"
	"github.com/g3n/engine/graphic"
	"github.com/g3n/engine/math32"
)

// showLevel makes part i of the current model visible at the level the frame asks for (0: the
// full mesh), uploading a simplified level the first time it is drawn; every other level of the
// part is hidden, so the renderer skips it (GL thread).
func (e *Engine) showLevel(p *glPart, i int, visible bool, spec *frameSpec) {
	level := 0
	if visible && i < len(spec.levels) {
		level = int(spec.levels[i])
	}
	if level > 0 {
		lv := spec.model.levels(i)
		if level > len(lv) {
			level = 0
		}
		for len(p.lod) < level {
			l := &lv[len(p.lod)]
			gm := graphic.NewMesh(levelGeometry(l), p.mat)
			e.current.node.Add(gm)
			p.lod = append(p.lod, gm)
		}
	}
	if p.levelSet && p.shown == level && p.visible == visible {
		return
	}
	p.mesh.SetVisible(visible && level == 0)
	for k, gm := range p.lod {
		gm.SetVisible(visible && level == k+1)
	}
	p.shown, p.visible, p.levelSet = level, visible, true
}

func levelGeometry(l *lodLevel) *geometry.Geometry {
	g := geometry.NewGeometry()
	g.AddVBO(gls.NewVBO(math32.ArrayF32(l.Positions)).AddAttrib(gls.VertexPosition))
	g.AddVBO(gls.NewVBO(math32.ArrayF32(l.Normals)).AddAttrib(gls.VertexNormal))
	g.SetIndices(math32.ArrayU32(l.Indices))
	return g
}

// lowRes is the half-size target of interaction frames that would otherwise miss the frame
// budget: drawn at half width and height, then scaled up into the frame (GL thread).
type lowRes struct {
	fb  fbo
	pix []byte
}

// target returns the framebuffer to draw spec into and its size.
func (e *Engine) target(spec *frameSpec, w, h int) (*fbo, int, int) {
	if spec.half {
		return &e.low.fb, (w + 1) / 2, (h + 1) / 2
	}
	return &e.fb, w, h
}

// readHalf reads the half-size frame and doubles it into dst, each pixel a 2x2 block.
func (e *Engine) readHalf(dst *image.RGBA) error {
	l := &e.low
	lw, lh := int(l.fb.c.w), int(l.fb.c.h)
	if len(l.pix) != lw*lh*4 {
		l.pix = make([]byte, lw*lh*4)
	}
	if err := l.fb.read(l.pix); err != nil {
		return err
	}
	upscale2(dst, l.pix, lw, lh)
	return nil
}

// upscale2 fills dst from a (lw x lh) RGBA image at half its size, nearest neighbour.
func upscale2(dst *image.RGBA, src []byte, lw, lh int) {
	w, h := dst.Rect.Dx(), dst.Rect.Dy()
	for y := 0; y < h; y++ {
		row := dst.Pix[y*dst.Stride : y*dst.Stride+4*w]
		if y%2 == 1 {
			copy(row, dst.Pix[(y-1)*dst.Stride:(y-1)*dst.Stride+4*w])
			continue
		}
		s := src[min(y/2, lh-1)*lw*4:]
		for x := 0; x+1 < w; x += 2 {
			p := s[(x/2)*4 : (x/2)*4+4]
			copy(row[4*x:], p)
			copy(row[4*x+4:], p)
		}
		if w%2 == 1 {
			copy(row[4*(w-1):], s[(lw-1)*4:lw*4])
		}
	}
}
