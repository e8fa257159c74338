package render

import (
	"image"
)

// showLevel makes part i of the current model visible at the level the frame asks for (0: the
// full mesh), uploading a simplified level the first time it is drawn; every other level of the
// part is hidden, so the renderer skips it (GL thread).
func (e *Engine) showLevel(p *glPart, i int, visible bool, spec *frameSpec) {
	visible = visible && !e.low.batch.batched(i)
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
			gm := newClipMesh(newGeometry(l.Positions, l.Normals, l.Indices), p.mat, &e.clipPlane) // cut where the plane is now
			e.current.node.Add(gm)
			p.lod = append(p.lod, &gm.Mesh)
			e.low.uploads++
		}
	}
	if level == 0 && e.current.reveal.waiting(i) {
		visible = false
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

// lowRes is the half-size target of interaction frames that would otherwise miss the frame
// budget: drawn at half width and height, then stretched (filtered) over the full-size target
// and read back from there (GL thread).
type lowRes struct {
	fb      fbo
	uploads int          // meshes first drawn in this frame (their upload is in its cost)
	batch   *coarseBatch // merged structures of interaction frames (batch.go)
}

// target returns the framebuffer to draw spec into and its size.
func (e *Engine) target(spec *frameSpec, w, h int) (*fbo, int, int) {
	if spec.half {
		return &e.low.fb, (w + 1) / 2, (h + 1) / 2
	}
	return &e.fb, w, h
}

// readHalf scales the half-size frame up into the full-size target and reads it into dst.
func (e *Engine) readHalf(dst *image.RGBA) error {
	w, h := dst.Rect.Dx(), dst.Rect.Dy()
	if err := e.fb.resize(w, h, e.samples); err != nil {
		return err
	}
	if err := e.low.fb.scaleInto(&e.fb); err != nil {
		return err
	}
	return e.fb.read(dst.Pix)
}
