package kit

import (
	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/render"
)

// Content is what the app is showing: a pack (nil for a loose model file), its scene, and the
// model prepared for viewing and picking. Screens read it from the shell and hear of changes
// through its content signal.
type Content struct {
	Pack  *content.Pack
	Scene *content.Scene
	Model *render.Model
}
