package kittest

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/osteon/osteon/assets"
	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/content/contenttest"
	"github.com/osteon/osteon/render"
	"github.com/osteon/osteon/ui/kit"
)

// Box is a box-shaped structure for a made-up pack.
type Box struct {
	ID, Name, Latin, Region, Side string
	Min, Max                      [3]float64 // metres, Y up
	NoMesh, Ghost                 bool
}

// Arm is three bones far enough apart to click: humerus above, radius and ulna below.
var Arm = []Box{
	{ID: "T:humerus", Name: "Right humerus", Latin: "Humerus", Region: "upper_limb/arm", Side: "right",
		Min: [3]float64{-0.05, 0.50, -0.05}, Max: [3]float64{0.05, 0.85, 0.05}},
	{ID: "T:radius", Name: "Right radius", Latin: "Radius", Region: "upper_limb/forearm", Side: "right",
		Min: [3]float64{-0.16, 0.05, -0.04}, Max: [3]float64{-0.04, 0.42, 0.04}},
	{ID: "T:ulna", Name: "Right ulna", Latin: "Ulna", Region: "upper_limb/forearm", Side: "right",
		Min: [3]float64{0.04, 0.05, -0.04}, Max: [3]float64{0.16, 0.42, 0.04}},
	{ID: "T:limb", Name: "Right upper limb", Region: "upper_limb", NoMesh: true},
}

const quizTOML = `[[items]]
id = "elbow"
prompt = "Which bones meet the humerus at the elbow?"
choices = ["Radius and ulna", "Radius only", "Scapula and clavicle"]
answer = "Radius and ulna"
structures = ["T:humerus", "T:radius", "T:ulna"]
explanation = "The humerus meets the ulna (trochlea) and the radius (capitulum)."
`

// Pack builds a pack of boxes, with the quiz when quiz is set, and loads it as the UI would.
func Pack(t testing.TB, boxes []Box, quiz bool) kit.Content {
	t.Helper()
	var obj, man strings.Builder
	man.WriteString("format = 1\nid = \"test-arm\"\nversion = \"1.0.0\"\ntitle = \"Test arm\"\nlicense = \"CC0-1.0\"\n" +
		"attribution = \"Boxes drawn for a test\"\n")
	if quiz {
		man.WriteString("quiz = [\"quiz.toml\"]\n")
	}
	man.WriteString("[obj]\nunits = \"m\"\nup = \"y\"\n")
	n := 0
	for _, b := range boxes {
		fmt.Fprintf(&man, "[[structures]]\nid = %q\nname = %q\nsystem = \"skeletal\"\nregion = %q\n", b.ID, b.Name, b.Region)
		if b.Latin != "" {
			fmt.Fprintf(&man, "name_la = %q\n", b.Latin)
		}
		if b.Side != "" {
			fmt.Fprintf(&man, "side = %q\n", b.Side)
		}
		if b.Ghost {
			man.WriteString("default_state = \"ghost\"\n")
		}
		if b.NoMesh {
			continue
		}
		name := strings.TrimPrefix(b.ID, "T:")
		fmt.Fprintf(&man, "mesh = \"bones.obj#%s\"\n", name)
		writeBox(&obj, name, b.Min, b.Max, n)
		n += 8
	}
	fsys := fstest.MapFS{"pack.toml": {Data: []byte(man.String())}, "bones.obj": {Data: []byte(obj.String())},
		"quiz.toml": {Data: []byte(quizTOML)}}
	c := Open(t, fsys, "test-arm")
	if ps := content.ValidatePack(context.Background(), c.Pack, nil); len(ps) > 0 {
		t.Fatalf("test pack: %v", ps)
	}
	return c
}

// writeBox writes an OBJ object: a box from lo to hi, its vertices numbered after base.
func writeBox(w *strings.Builder, name string, lo, hi [3]float64, base int) {
	fmt.Fprintf(w, "o %s\n", name)
	for i := range 8 {
		x, y, z := lo[0], lo[1], lo[2]
		if i&1 != 0 {
			x = hi[0]
		}
		if i&2 != 0 {
			y = hi[1]
		}
		if i&4 != 0 {
			z = hi[2]
		}
		fmt.Fprintf(w, "v %g %g %g\n", x, y, z)
	}
	for _, f := range [][4]int{{0, 2, 3, 1}, {4, 5, 7, 6}, {0, 1, 5, 4}, {2, 6, 7, 3}, {0, 4, 6, 2}, {1, 3, 7, 5}} {
		a, b, c, d := base+f[0]+1, base+f[1]+1, base+f[2]+1, base+f[3]+1
		fmt.Fprintf(w, "f %d %d %d\nf %d %d %d\n", a, b, c, a, c, d)
	}
}

// bp3dPack is the BodyParts3D upper limb imported as a pack (sides and regions included),
// loaded once per test binary; the imported folder is removed once loaded.
var bp3dPack struct {
	once sync.Once
	c    kit.Content
	err  error
}

func BP3D(t *testing.T) kit.Content {
	t.Helper()
	dir := contenttest.UpperLimb(t)
	bp3dPack.once.Do(func() {
		tmp, err := os.MkdirTemp("", "osteon-bp3d-")
		if err != nil {
			bp3dPack.err = err
			return
		}
		defer os.RemoveAll(tmp)
		out := filepath.Join(tmp, "pack")
		ctx := context.Background()
		if _, err := content.ImportBodyParts3D(ctx, dir, "", content.ImportOptions{Out: out}); err != nil {
			bp3dPack.err = err
			return
		}
		p, err := content.OpenPackPath(out)
		if err != nil {
			bp3dPack.err = err
			return
		}
		s, err := content.LoadPackScene(ctx, p)
		if err != nil {
			bp3dPack.err = err
			return
		}
		bp3dPack.c = kit.Content{Pack: p, Scene: s, Model: render.NewModel(s)}
	})
	if bp3dPack.err != nil {
		t.Fatal(bp3dPack.err)
	}
	return bp3dPack.c
}

// Builtin is the built-in pack (the schematic upper limb) loaded as the app loads it.
func Builtin(t testing.TB) kit.Content {
	t.Helper()
	return Open(t, assets.BuiltinPack(), "built-in")
}

// Open opens the pack in fsys (name is how messages call it), loads its scene and makes the
// model, as the app does when a pack is chosen.
func Open(t testing.TB, fsys fs.FS, name string) kit.Content {
	t.Helper()
	p, err := content.OpenPack(fsys, name)
	if err != nil {
		t.Fatal(err)
	}
	s, err := content.LoadPackScene(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	return kit.Content{Pack: p, Scene: s, Model: render.NewModel(s)}
}
