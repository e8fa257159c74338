// Osteon: practise anatomy and clinical procedures on 3D models.
//
//	osteon [--db PATH] [FILE]   open the app, on FILE (.glb, .gltf, .obj), or play FILE (.tour.toml)
//	osteon export ...           export progress (CSV, xAPI); osteon export -h for more
//	osteon lrs ...              send progress to a Learning Record Store; osteon lrs -h
//	osteon class report ...     a class report from an LRS or a database; osteon class -h
//	osteon pack ...             validate, install, list, remove, export, import and get packs
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/osteon/osteon/assets"
	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/progress"
	"github.com/osteon/osteon/ui"
	_ "github.com/osteon/osteon/ui/locale" // before Fyne reads the locale
)

const appID = "org.osteon.Osteon"

func main() {
	started := time.Now()
	log.SetFlags(0)
	log.SetPrefix("osteon: ")
	if len(os.Args) > 1 {
		switch os.Args[1] {
		case "export":
			os.Exit(cmdExport(context.Background(), os.Args[2:], os.Stdout, os.Stderr))
		case "lrs":
			os.Exit(cmdLRS(context.Background(), os.Args[2:], os.Stdout, os.Stderr))
		case "class":
			os.Exit(cmdClass(context.Background(), os.Args[2:], os.Stdout, os.Stderr))
		case "pack":
			os.Exit(cmdPack(context.Background(), os.Args[2:], os.Stdout, os.Stderr))
		}
	}
	db := flag.String("db", "", "progress database `file` (default: $"+progress.EnvDB+", else your data folder)")
	flag.Usage = usage
	flag.Parse()
	if flag.NArg() > 1 {
		usage()
		os.Exit(2)
	}
	st, path, err := openStore(context.Background(), *db)
	a := app.NewWithID(appID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	cfg := ui.Config{
		ModelPath: flag.Arg(0),
		Store:     st,
		StorePath: path,
		StoreErr:  err,
		Builtin:   assets.BuiltinPack(),
		Started:   started,
	}
	if content.IsTourFile(cfg.ModelPath) {
		cfg.ModelPath, cfg.TourPath = "", cfg.ModelPath
	}
	u := ui.New(a, cfg)
	u.ShowAndRun()
}

func usage() {
	fmt.Fprintf(os.Stderr, `usage: osteon [--db FILE] [MODEL | TOUR]
       osteon export attempts|mastery|xapi [flags]   (osteon export -h)
       osteon lrs set|status|send|test|pause|resume [flags]   (osteon lrs -h)
       osteon class report --lrs URL|--db FILE [flags]   (osteon class -h)
       osteon pack validate|install|list|remove|export|import|get|catalog ...   (osteon pack -h)

Opens Osteon on MODEL, a glTF 2.0 (.glb, .gltf) or Wavefront OBJ (.obj) file,
or on the built-in schematic upper limb when none is given. A TOUR file
(.tour.toml) opens in the Tours screen's player, with the pack it names.

  --db FILE   keep progress in FILE instead of $%s or your data folder
`, progress.EnvDB)
}
