package content

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

var procIDs = map[string]bool{"vein": true, "artery": true, "nerve": true, "skin": true}

// goodProcedure is a valid procedures file used as the base of the bad cases.
const goodProcedure = `[[procedures]]
id = "demo"
title = "Demo"
references = ["A public guideline"]

[[procedures.steps]]
id = "wash"
group = "prep"
instruction = "Wash hands."
critical = true
expected_seconds = 20

[[procedures.steps]]
id = "consent"
group = "prep"
instruction = "Ask consent."

[[procedures.steps]]
id = "find"
instruction = "Find the vein."
focus = { highlight = ["vein"], avoid = ["artery"], yaw = -20, pitch = 10 }
location = { structure = "vein", tolerance_mm = 3 }

[[procedures.steps]]
id = "poke"
instruction = "Insert the needle."
location = { point = [1, 2, 3], tolerance_mm = 5 }

[[procedures.errors]]
id = "no-wash"
text = "Skip washing."
feedback = "Always wash."
critical = true
instead_of = "wash"
`

func TestParseGoodProcedure(t *testing.T) {
	procs, ps := ParseProcedures([]byte(goodProcedure), "p.toml", procIDs)
	if len(ps) > 0 {
		t.Fatalf("problems:\n%v", ps)
	}
	if len(procs) != 1 {
		t.Fatalf("%d procedures", len(procs))
	}
	p := procs[0]
	want := ProcedureStep{Line: 18, ID: "find", Instruction: "Find the vein.",
		Focus:    Focus{Highlight: []string{"vein"}, Avoid: []string{"artery"}, Yaw: -20, Pitch: 10, View: true},
		Location: &Location{Structure: "vein", ToleranceMM: 3}}
	if diff := cmp.Diff(want, p.Steps[2]); diff != "" {
		t.Errorf("step (-want +got):\n%s", diff)
	}
	if l := p.Steps[3].Location; l == nil || !l.HasPoint || l.Point != [3]float64{1, 2, 3} || l.ToleranceMM != 5 {
		t.Errorf("point location %+v", l)
	}
	if e := p.Errors[0]; e.InsteadOf != "wash" || !e.Critical || e.Line != 29 {
		t.Errorf("error %+v", e)
	}
	if got := StepPrerequisites(p.Steps); !cmp.Equal(got, [][]int{nil, nil, {0, 1}, {2}}) {
		t.Errorf("prerequisites %v", got)
	}
}

// editProc replaces old with new in goodProcedure (old must be there).
func editProc(t *testing.T, pairs ...string) string {
	t.Helper()
	s := goodProcedure
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			t.Fatalf("no %q in the base procedure", pairs[i])
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return s
}

func TestParseBadProcedures(t *testing.T) {
	for _, c := range []struct {
		name string
		src  string
		want string // "line field: message part"
	}{
		{"not TOML", "[[procedures]\nid = 1", "2 : TOML syntax"},
		{"empty", "", "0 procedures: missing: a procedures file holds"},
		{"no procedures", "x = 1\n", "1 x: unknown field"},
		{"unknown key", editProc(t, `title = "Demo"`, `titel = "Demo"`), `3 procedures[0].titel: unknown field (did you mean "title"?)`},
		{"missing title", editProc(t, `title = "Demo"`, ``), `1 procedures[0].title: missing`},
		{"bad id", editProc(t, `id = "demo"`, `id = "Demo Proc"`), `2 procedures[0].id: "Demo Proc" is not a procedure id`},
		{"missing step id", editProc(t, `id = "consent"`, ``), `13 procedures[0].steps[1].id: missing: every step needs an id`},
		{"duplicate step", editProc(t, `id = "consent"`, `id = "wash"`), `14 procedures[0].steps[1].id: duplicate step id "wash"`},
		{"missing instruction", editProc(t, `instruction = "Ask consent."`, ``), `13 procedures[0].steps[1].instruction: missing`},
		{"wrong type", editProc(t, `critical = true`+"\nexpected", `critical = "yes"`+"\nexpected"), `10 procedures[0].steps[0].critical: expected true or false`},
		{"bad time", editProc(t, `expected_seconds = 20`, `expected_seconds = -1`), `11 procedures[0].steps[0].expected_seconds: -1 seconds`},
		{"missing structure", editProc(t, `highlight = ["vein"]`, `highlight = ["veen"]`), `21 procedures[0].steps[2].focus.highlight[0]: "veen" is not a structure in this pack`},
		{"missing location structure", editProc(t, `structure = "vein"`, `structure = "vien"`), `22 procedures[0].steps[2].location.structure: "vien" is not a structure`},
		{"bad yaw", editProc(t, `yaw = -20`, `yaw = 400`), `21 procedures[0].steps[2].focus.yaw: 400 degrees`},
		{"pose half", editProc(t, `yaw = -20`, `target = [0, 0, 0]`), `21 procedures[0].steps[2].focus: a camera pose needs both`},
		{"unknown after", editProc(t, `id = "poke"`, `id = "poke"`+"\nafter = [\"fnd\"]"), `26 procedures[0].steps[3].after[0]: "fnd" is not a step of this procedure (did you mean "find"?)`},
		{"after itself", editProc(t, `id = "poke"`, `id = "poke"`+"\nafter = [\"poke\"]"), `26 procedures[0].steps[3].after[0]: no way to pass this step: it cannot come after itself`},
		{"cycle", editProc(t, `id = "find"`, `id = "find"`+"\nafter = [\"poke\"]"), `20 procedures[0].steps[2].after: no way to pass these steps: the order constraints form a cycle: "find" after "poke", "poke" after "find"`},
		{"cycle in group", editProc(t, `id = "wash"`, `id = "wash"`+"\nafter = [\"consent\"]", `id = "consent"`, `id = "consent"`+"\nafter = [\"wash\"]"),
			`8 procedures[0].steps[0].after: no way to pass these steps: the order constraints form a cycle: "wash" after "consent", "consent" after "wash"`},
		{"split group", editProc(t, `id = "poke"`, `id = "poke"`+"\ngroup = \"prep\""), `26 procedures[0].steps[3].group: group "prep" is split`},
		{"point without tolerance", editProc(t, `point = [1, 2, 3], tolerance_mm = 5`, `point = [1, 2, 3]`), `27 procedures[0].steps[3].location.tolerance_mm: no way to pass this step: a point needs tolerance_mm above 0`},
		{"point and structure", editProc(t, `point = [1, 2, 3]`, `point = [1, 2, 3], structure = "vein"`), `27 procedures[0].steps[3].location: give a structure or a point, not both`},
		{"bad point", editProc(t, `point = [1, 2, 3]`, `point = [1, 2]`), `27 procedures[0].steps[3].location.point: expected three numbers`},
		{"empty location", editProc(t, `point = [1, 2, 3], tolerance_mm = 5`, ``), `27 procedures[0].steps[3].location: missing: a location needs a structure or a point`},
		{"avoid target", editProc(t, `avoid = ["artery"]`, `avoid = ["vein"]`), `22 procedures[0].steps[2].location.structure: no way to pass this step: "vein" is where to click and also a structure to avoid`},
		{"same text", editProc(t, `instruction = "Ask consent."`, `instruction = "wash   HANDS."`), `16 procedures[0].steps[1].instruction: no way to pass this step: its instruction is the same as step "wash"'s`},
		{"error same as step", editProc(t, `text = "Skip washing."`, `text = "Insert the needle."`), `31 procedures[0].errors[0].text: no way to pass: this error reads the same as step "poke"`},
		{"error unknown step", editProc(t, `instead_of = "wash"`, `instead_of = "wsh"`), `34 procedures[0].errors[0].instead_of: "wsh" is not a step of this procedure (did you mean "wash"?)`},
		{"error no step", editProc(t, `instead_of = "wash"`, ``), `29 procedures[0].errors[0]: missing: say at = "step-id"`},
		{"error both", editProc(t, `instead_of = "wash"`, `instead_of = "wash"`+"\nat = \"wash\""), `34 procedures[0].errors[0].instead_of: give at or instead_of, not both`},
		{"error id is a step", editProc(t, `id = "no-wash"`, `id = "wash"`), `30 procedures[0].errors[0].id: "wash" is already a step id`},
		{"error no feedback", editProc(t, `feedback = "Always wash."`, ``), `29 procedures[0].errors[0].feedback: missing`},
		{"no steps", "[[procedures]]\nid = \"x\"\ntitle = \"X\"\nsteps = []\n", `4 procedures[0].steps: a procedure needs at least one step`},
	} {
		t.Run(c.name, func(t *testing.T) {
			procs, ps := ParseProcedures([]byte(c.src), "p.toml", procIDs)
			var got []string
			for _, p := range ps {
				if p.File != "p.toml" {
					t.Errorf("problem names file %q", p.File)
				}
				got = append(got, fmt.Sprintf("%d %s: %s", p.Line, p.Field, p.Msg))
			}
			found := false
			for _, g := range got {
				found = found || strings.HasPrefix(g, c.want)
			}
			if !found {
				t.Fatalf("want a problem starting %q, got:\n%s", c.want, strings.Join(got, "\n"))
			}
			if len(procs) != 0 {
				t.Errorf("the broken procedure was still returned")
			}
		})
	}
}

// TestBrokenProcedureLeavesOthers: one bad procedure in a file, and a malformed file, leave the
// other procedures and the pack's model usable, and validation names the problems.
func TestBrokenProcedureLeavesOthers(t *testing.T) {
	fsys, _ := formatExample(t)
	good := string(fsys["procedures/shoulder.toml"].Data)
	bad := strings.Replace(good, `id = "palpate-shoulder"`, `id = "second"`, 1)
	bad = strings.Replace(bad, `highlight = ["FMA13395"]`, `highlight = ["FMA99999"]`, 1)
	fsys["procedures/shoulder.toml"].Data = []byte(good + "\n" + bad)
	fsys["procedures/broken.toml"] = &fstest.MapFile{Data: []byte("[[procedures]\nid = \"x\"\n")}
	man := strings.Replace(string(fsys["pack.toml"].Data), `procedures = ["procedures/shoulder.toml"]`,
		`procedures = ["procedures/shoulder.toml", "procedures/broken.toml"]`, 1)
	fsys["pack.toml"].Data = []byte(man)
	p, err := OpenPack(fsys, "demo")
	if err != nil {
		t.Fatal(err)
	}
	ps := ValidatePack(context.Background(), p, nil)
	var got []string
	for _, e := range ps {
		got = append(got, e.Error())
	}
	want := []string{
		"demo/procedures/broken.toml:2: TOML syntax",
		"demo/procedures/shoulder.toml:85: procedures[1].steps[2].focus.highlight[0]: \"FMA99999\" is not a structure in this pack",
	}
	if len(got) != len(want) {
		t.Fatalf("validation:\n%s", strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %d: %q, want it to start %q", i, got[i], want[i])
		}
	}
	procs, lps := p.LoadProcedures()
	if len(procs) != 1 || procs[0].ID != "palpate-shoulder" || len(lps) != 2 {
		t.Fatalf("LoadProcedures: %d procedures, problems:\n%v", len(procs), lps)
	}
	if _, err := LoadPackScene(context.Background(), p); err != nil {
		t.Fatalf("the model no longer loads: %v", err)
	}
}

// TestMinimalCheckNotRepeated: what the minimal check of every procedures file reports (ids,
// structure references) is not reported twice by the full check.
func TestMinimalCheckNotRepeated(t *testing.T) {
	fsys, _ := formatExample(t)
	src := string(fsys["procedures/shoulder.toml"].Data)
	src = strings.Replace(src, `structures = ["FMA13395", "FMA23130"]`, `structures = ["FMA1"]`, 1)
	src = strings.Replace(src, `location = { structure = "FMA13395" }`, `location = { structure = "FMA2" }`, 1)
	fsys["procedures/shoulder.toml"].Data = []byte(src + "\n[[procedures]]\ntitle = \"No id\"\n[[procedures.steps]]\nid = \"a\"\ninstruction = \"A.\"\n")
	p, err := OpenPack(fsys, "demo")
	if err != nil {
		t.Fatal(err)
	}
	ps := ValidatePack(context.Background(), p, nil)
	seen := map[string]int{}
	for _, e := range ps {
		seen[e.Field]++
	}
	for _, f := range []string{"procedures[0].structures[0]", "procedures[0].steps[2].location.structure", "procedures[1].id"} {
		if seen[f] != 1 {
			t.Errorf("%s reported %d times:\n%v", f, seen[f], ps)
		}
	}
}

// TestFormatDocumentsProcedureKeys keeps FORMAT.md's procedure key tables equal to the keys
// the parser knows.
func TestFormatDocumentsProcedureKeys(t *testing.T) {
	_, doc := formatExample(t)
	for _, c := range []struct {
		heading string
		keys    map[string]bool
	}{
		{"### [[procedures]] keys", procKeys},
		{"### [[procedures.steps]] keys", stepKeys},
		{"### focus keys", focusKeys},
		{"### location keys", locationKeys},
		{"### [[procedures.errors]] keys", errorKeys},
	} {
		i := strings.Index(doc, c.heading+"\n")
		if i < 0 {
			t.Fatalf("FORMAT.md has no %q", c.heading)
		}
		var documented []string
		rows := 0
		for _, line := range strings.Split(doc[i:], "\n")[1:] {
			if strings.HasPrefix(line, "|") {
				rows++
			} else if rows > 0 {
				break
			}
			for _, m := range regexp.MustCompile("^\\| (`[a-z_]+`(?:, `[a-z_]+`)*) \\|").FindAllStringSubmatch(line, -1) {
				for _, k := range strings.Split(m[1], ", ") {
					documented = append(documented, strings.Trim(k, "`"))
				}
			}
		}
		var known []string
		for k := range c.keys {
			known = append(known, k)
		}
		sort.Strings(known)
		sort.Strings(documented)
		if diff := cmp.Diff(known, documented); diff != "" {
			t.Errorf("%s (-parser +FORMAT.md):\n%s", c.heading, diff)
		}
	}
}

// FuzzParseProcedures: nothing panics, every problem names the file and says what is wrong,
// and every procedure returned is self-consistent (its order has no cycle, its steps resolve).
func FuzzParseProcedures(f *testing.F) {
	f.Add([]byte(goodProcedure))
	f.Add([]byte(strings.Replace(goodProcedure, `id = "find"`, `id = "find"`+"\nafter = [\"poke\"]", 1)))
	f.Add([]byte("[[procedures]]\nid = \"x\"\ntitle = \"X\"\n[[procedures.steps]]\nid = \"a\"\ninstruction = \"A\"\nfocus.target = [1,2,3]\nfocus.distance_mm = 1e400\n"))
	f.Add([]byte("[[procedures]]\n[procedures.steps]\n"))
	f.Add([]byte("\xef\xbb\xbf[[procedures]]\nid='a'\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		procs, ps := ParseProcedures(data, "f.toml", procIDs)
		for _, p := range ps {
			if p.File != "f.toml" || p.Msg == "" {
				t.Fatalf("problem without file or message: %+v", p)
			}
		}
		for _, p := range procs {
			if p.ID == "" || p.Title == "" || len(p.Steps) == 0 {
				t.Fatalf("incomplete procedure returned: %+v", p)
			}
			if c := findCycle(&p); c != nil {
				t.Fatalf("procedure with a cycle returned: %v", c)
			}
			for _, s := range p.Steps {
				if s.Instruction == "" || s.ID == "" {
					t.Fatalf("incomplete step returned: %+v", s)
				}
			}
		}
	})
}
