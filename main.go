// Osteon: practise anatomy and clinical procedures on 3D models.
//
//	osteon [FILE]        open the app, on FILE (.glb, .gltf, .obj) or the built-in model
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/osteon/osteon/assets"
	"github.com/osteon/osteon/ui"
)

const appID = "org.osteon.Osteon"

func main() {
	started := time.Now()
	log.SetFlags(0)
	log.SetPrefix("osteon: ")
	flag.Usage = usage
	flag.Parse()
	if flag.NArg() > 1 {
		usage()
		os.Exit(2)
	}
	a := app.NewWithID(appID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	u := ui.New(a, ui.Config{
		ModelPath:    flag.Arg(0),
		Builtin:      assets.FS,
		BuiltinModel: assets.BuiltinModel,
		Started:      started,
	})
	u.ShowAndRun()
}

func usage() {
	fmt.Fprintf(os.Stderr, `usage: osteon [FILE]

Opens Osteon on FILE, a glTF 2.0 (.glb, .gltf) or Wavefront OBJ (.obj) model,
or on the built-in schematic upper limb when no file is given.
`)
}
