package main

import (
	"os"

	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"github.com/osteon/osteon/assets"
	"github.com/osteon/osteon/content"
	"io"
	"strings"
)

// Exit codes of the pack commands.
const (
	packExitOK      = 0 // done
	packExitFailure = 1 // the input was refused, or the work failed
	packExitUsage   = 2 // the command line was wrong
)

// invokedAs is the program as the user typed it ("./osteon", "osteon"), for the commands it
// suggests.
func invokedAs() string {
	a := os.Args[0]
	if a == "" || strings.HasSuffix(a, ".test") || strings.Contains(a, "go-build") {
		return "osteon"
	}
	return a
}

// packUsageText is the usage with the program named as invoked.
func packUsageText() string { return strings.ReplaceAll(packUsage, "osteon ", invokedAs()+" ") }

func firstText(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

const packUsage = `usage: osteon pack <command> [flags] [arguments]

Commands:
  validate [--json] PACK...            check packs (folders or .zip files) and report every problem
  install [--system] [--force] PACK    check a pack, then install it for this learner, or for
                                       everyone with --system (needs administrator rights)
  list [--json]                        installed packs: version, where each came from, licence,
                                       and the copies each one hides
  remove [--system] ID                 uninstall a pack (--system: from the system-wide folder)
  export [--out FILE] ID|PACK          write an installed pack, or a pack folder, as a .zip
  import bodyparts3d [flags] FOLDER    make a pack from OBJ files (one structure each) and a
                                       parts list (CSV: fma_id, name_en, name_la, system, region, file)
  import gltf [flags] SCENE.glb|FOLDER...
                                       make one pack from glTF scenes in one frame (a folder of
                                       organ files becomes one body, each file an organ group)
  catalog                              the open sets that get can fetch: files, size, licence
  get [--mirror URL] [--system] [--force] SET
                                       fetch a catalog set (resuming an interrupted download),
                                       verify every file's SHA-256, import it and install it as
                                       one pack; --mirror (or $OSTEON_CATALOG_MIRROR) fetches from
                                       your own server: it replaces the scheme and host of each URL

Import flags:
  --out PATH          the pack to write: a folder, or a file ending in .zip (required)
  --parts FILE        the parts list (bodyparts3d; default FOLDER/structures.csv)
  --name-from KEY     gltf: the extras key that holds each structure's name (default: name_en,
                      label, name, title, else the node name)
  --id-from KEY       gltf: the extras key that holds the FMA, UBERON or TA2 id (default:
                      ontologyid, representation_of, any value that is such an id)
  --system SYSTEM     gltf: the body system of structures the source and crosswalk do not place
  --id, --title, --version, --license, --attribution, --description
                      the pack's identity; by default read from the source where it can be

Examples:
  osteon pack import bodyparts3d --out upper-limb.zip --title "Upper limb" ./bodyparts3d-upper-limb
  osteon pack import gltf --out /tmp/female.zip --license CC-BY-4.0 ./hra-female-organs/models
  osteon pack get hra-v1.2-female
  osteon pack get --mirror http://skills-centre.local:8080 hra-v1.2-male
  osteon pack validate upper-limb.zip
  sudo osteon pack install --system upper-limb.zip
  osteon pack list --json
  osteon pack remove upper-limb

Packs are installed in the learner's folder ($OSTEON_DATA/packs, else the platform's data folder)
or, with --system, in the first folder of $OSTEON_SYSTEM_PACKS, else the platform's shared one
(/usr/share/osteon/packs on Linux, %ProgramData%\Osteon\packs on Windows,
/Library/Application Support/Osteon/packs on macOS).

Exit status: 0 done, 1 invalid input or failure, 2 usage error.
`

// The get command is the only code in Osteon that uses the network.

// packLibrary is the library the pack commands work on: this machine's packs and the built-in
// one (tests replace it).
var packLibrary = func() *content.Library { return content.NewLibrary(assets.BuiltinPack()) }

// cmdPack runs `osteon pack ...`: args are the words after "pack".
func cmdPack(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return runPack(ctx, packLibrary(), args, stdout, stderr)
}

func runPack(ctx context.Context, l *content.Library, args []string, stdout, stderr io.Writer) int {
	c := &packCLI{lib: l, ctx: ctx, out: stdout, err: stderr}
	if len(args) == 0 {
		fmt.Fprint(stderr, packUsageText())
		return packExitUsage
	}
	cmds := map[string]func([]string) int{
		"validate": c.validate, "install": c.install, "list": c.list, "remove": c.remove,
		"export": c.export, "import": c.importCmd, "get": c.get, "catalog": c.catalog,
	}
	switch cmd, ok := cmds[args[0]]; {
	case ok:
		return cmd(args[1:])
	case args[0] == "help" || args[0] == "-h" || args[0] == "--help":
		fmt.Fprint(stdout, packUsageText())
		return packExitOK
	default:
		return c.usage("unknown command %q", args[0])
	}
}

type packCLI struct {
	lib      *content.Library
	ctx      context.Context
	out, err io.Writer
}

func (c *packCLI) usage(format string, args ...any) int {
	fmt.Fprintf(c.err, "%s pack: %s\n\n%s", invokedAs(), fmt.Sprintf(format, args...), packUsageText())
	return packExitUsage
}

// parse parses flags that may come before or after the arguments, returning the arguments.
func (c *packCLI) parse(fs *flag.FlagSet, args []string) ([]string, bool) {
	fs.SetOutput(io.Discard)
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprint(c.out, packUsageText())
			} else {
				c.usage("%s: %v", fs.Name(), err)
			}
			return nil, false
		}
		args = fs.Args()
		if len(args) == 0 {
			return rest, true
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

// fail reports err: a list of problems one per line, anything else as one line.
func (c *packCLI) fail(what string, err error) int {
	var ps content.Problems
	if errors.As(err, &ps) {
		fmt.Fprintf(c.err, "%s: %d problem%s:\n", what, len(ps), packPlural(len(ps)))
		for _, p := range ps {
			fmt.Fprintf(c.err, "  %s\n", p)
		}
		return packExitFailure
	}
	fmt.Fprintf(c.err, "%s pack: %s\n", invokedAs(), strings.TrimPrefix(err.Error(), "content: "))
	return packExitFailure
}

func packPlural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func (c *packCLI) json(v any) int {
	enc := json.NewEncoder(c.out)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		fmt.Fprintf(c.err, "%s pack: %v\n", invokedAs(), err)
		return packExitFailure
	}
	return packExitOK
}

// progress prints a line each time the work passes another tenth.
func (c *packCLI) progress(label string) content.ProgressFunc {
	last := -1
	return func(done, total int64, what string) {
		if total <= 0 {
			return
		}
		if tenth := int(10 * done / total); tenth != last {
			last = tenth
			fmt.Fprintf(c.err, "%s %3d%% %s\n", label, 10*tenth, what)
		}
	}
}

// problemJSON is a problem in --json output.
type problemJSON struct {
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	Field   string `json:"field,omitempty"`
	Message string `json:"message"`
}

func problemsJSON(ps content.Problems) []problemJSON {
	out := make([]problemJSON, len(ps))
	for i, p := range ps {
		out[i] = problemJSON{p.File, p.Line, p.Field, p.Msg}
	}
	return out
}

func systemsText(counts []content.SystemCount) string {
	parts := make([]string, len(counts))
	for i, s := range counts {
		parts[i] = fmt.Sprintf("%d %s", s.Count, s.System)
	}
	return strings.Join(parts, ", ")
}
