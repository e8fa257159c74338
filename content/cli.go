package content

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// Exit codes of the pack commands.
const (
	ExitOK      = 0 // done
	ExitInvalid = 1 // the input was refused, or the work failed
	ExitUsage   = 2 // the command line was wrong
)

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
  osteon pack import gltf --out arm ./arm.glb
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

// RunPackCLI runs `osteon pack ...` with args (the words after "pack"; a leading "pack" is
// skipped) against this machine's packs, without the built-in pack. It returns the exit code.
func RunPackCLI(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return NewLibrary(nil).RunCLI(ctx, args, stdout, stderr)
}

// RunCLI is RunPackCLI against the library l.
func (l *Library) RunCLI(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "pack" {
		args = args[1:]
	}
	c := &cli{lib: l, ctx: ctx, out: stdout, err: stderr}
	if len(args) == 0 {
		fmt.Fprint(stderr, packUsage)
		return ExitUsage
	}
	cmds := map[string]func([]string) int{
		"validate": c.validate, "install": c.install, "list": c.list, "remove": c.remove,
		"export": c.export, "import": c.importCmd,
	}
	switch cmd, ok := cmds[args[0]]; {
	case ok:
		return cmd(args[1:])
	case args[0] == "help" || args[0] == "-h" || args[0] == "--help":
		fmt.Fprint(stdout, packUsage)
		return ExitOK
	default:
		return c.usage("unknown command %q", args[0])
	}
}

type cli struct {
	lib      *Library
	ctx      context.Context
	out, err io.Writer
}

func (c *cli) usage(format string, args ...any) int {
	fmt.Fprintf(c.err, "osteon pack: %s\n\n%s", fmt.Sprintf(format, args...), packUsage)
	return ExitUsage
}

// parse parses flags that may come before or after the arguments, returning the arguments.
func (c *cli) parse(fs *flag.FlagSet, args []string) ([]string, bool) {
	fs.SetOutput(io.Discard)
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprint(c.out, packUsage)
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
func (c *cli) fail(what string, err error) int {
	var ps Problems
	if errors.As(err, &ps) {
		fmt.Fprintf(c.err, "%s: %d problem%s:\n", what, len(ps), plural(len(ps)))
		for _, p := range ps {
			fmt.Fprintf(c.err, "  %s\n", p)
		}
		return ExitInvalid
	}
	fmt.Fprintf(c.err, "osteon pack: %s\n", strings.TrimPrefix(err.Error(), "content: "))
	return ExitInvalid
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func (c *cli) json(v any) int {
	enc := json.NewEncoder(c.out)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		fmt.Fprintf(c.err, "osteon pack: %v\n", err)
		return ExitInvalid
	}
	return ExitOK
}

// progress prints a line each time the work passes another tenth.
func (c *cli) progress(label string) ProgressFunc {
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

func problemsJSON(ps Problems) []problemJSON {
	out := make([]problemJSON, len(ps))
	for i, p := range ps {
		out[i] = problemJSON{p.File, p.Line, p.Field, p.Msg}
	}
	return out
}

func systemsText(counts []SystemCount) string {
	parts := make([]string, len(counts))
	for i, s := range counts {
		parts[i] = fmt.Sprintf("%d %s", s.Count, s.System)
	}
	return strings.Join(parts, ", ")
}
