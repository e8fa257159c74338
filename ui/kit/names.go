package kit

import (
	"path"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/osteon/osteon/content"
)

// SystemName is how a system is shown: "skeletal" -> "Skeletal"; none -> "Other".
func SystemName(s string) string {
	if s = strings.TrimSpace(s); s == "" {
		return "Other"
	}
	return Capitalise(s)
}

// RegionName shows the last part of a path-like region: "upper_limb/arm" -> "Arm".
func RegionName(r string) string {
	r = strings.TrimSpace(strings.ReplaceAll(path.Base(strings.TrimSpace(r)), "_", " "))
	if r == "" || r == "." || r == "/" {
		return "General"
	}
	return Capitalise(r)
}

// OriginName is how the Packs screen names where a pack lives.
func OriginName(o content.Origin) string {
	switch o {
	case content.OriginBuiltin:
		return "built-in"
	case content.OriginSystem:
		return "system-wide"
	case content.OriginLearner:
		return "yours"
	}
	return "opened from a file"
}

// columnLayout centres its objects in a column at most width wide, stacked at the top.
type columnLayout struct{ width float32 }

func (l columnLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := min(size.Width, l.width)
	for _, o := range objs {
		h := max(o.MinSize().Height, size.Height)
		o.Resize(fyne.NewSize(w, h))
		o.Move(fyne.NewPos((size.Width-w)/2, 0))
	}
}

func (l columnLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}

// Column centres o in a column at most width wide.
func Column(width float32, o fyne.CanvasObject) fyne.CanvasObject {
	return container.New(columnLayout{width}, o)
}
