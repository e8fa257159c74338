package main

import (
	_ "fyne.io/fyne/v2/app"
	_ "fyne.io/fyne/v2/widget"
	_ "fyne.io/fyne/v2/test"
	_ "github.com/g3n/engine/renderer"
	_ "github.com/g3n/engine/gls"
	_ "github.com/g3n/engine/camera"
	_ "github.com/g3n/engine/graphic"
	_ "github.com/g3n/engine/experimental/collision"
	_ "github.com/g3n/engine/light"
	_ "github.com/g3n/engine/loader/gltf"
	_ "modernc.org/sqlite"
	_ "github.com/google/go-cmp/cmp"
	_ "github.com/open-spaced-repetition/go-fsrs/v4"
)

func main() {}
