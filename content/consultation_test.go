package content

import (
	"context"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// consultationExample is the example file of FORMAT.md's "Consultations files" section.
func consultationExample(t testing.TB) string {
	t.Helper()
	doc, err := os.ReadFile("FORMAT.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)<!-- consultation example -->\n```toml\n(.*?)```").FindStringSubmatch(string(doc))
	if m == nil {
		t.Fatal("FORMAT.md has no consultation example")
	}
	return m[1]
}

func TestConsultationExample(t *testing.T) {
	cs, ps := ParseConsultations([]byte(consultationExample(t)), "example.toml")
	if len(ps) > 0 || len(cs) != 1 {
		t.Fatalf("%d scenarios, problems:\n%v", len(cs), ps)
	}
	c := cs[0]
	if c.ID != "results-call" || c.PassMark != 0.6 || c.OtherRole != "patient" || len(c.Turns) != 4 || len(c.Elements) != 2 {
		t.Fatalf("read %+v", c)
	}
	hello := c.Turns[0]
	if hello.Cues.Tone != "a little breathless" || !hello.EmpathyDue || hello.Line != 22 {
		t.Errorf("first turn %+v", hello)
	}
	o := hello.Options[1]
	if !o.Critical || o.Next != "result" || len(o.Errors) != 2 || o.Change[0] != (StateChange{"anxiety", 1}) {
		t.Errorf("second option %+v", o)
	}
	b := c.Turns[1].Branches[0]
	if !b.When.Holds(map[string]int{"anxiety": 2}) || b.When.Holds(map[string]int{"anxiety": 1}) || b.Next != "worried" {
		t.Errorf("branch %+v", b)
	}
	if st := c.InitialState(); st["anxiety"] != 1 || len(st) != 1 {
		t.Errorf("state %v", st)
	}
}

// TestErrorKindsDocumented: FORMAT.md lists every error kind the reader accepts.
func TestErrorKindsDocumented(t *testing.T) {
	doc, err := os.ReadFile("FORMAT.md")
	if err != nil {
		t.Fatal(err)
	}
	for k := range ErrorKinds {
		if !strings.Contains(string(doc), "`"+k+"`") {
			t.Errorf("error kind %q is not in FORMAT.md", k)
		}
	}
}

// TestConsultationProblems breaks the example one way at a time: each problem names the file,
// the line and the field, and the scenario is left out.
func TestConsultationProblems(t *testing.T) {
	base := consultationExample(t)
	cases := []struct {
		name, old, new string
		field, msg     string
		line           int
	}{
		{"missing turn", `next = "bye"` + "\n\n[[consultations.turns.options]]\nid = \"number\"", `next = "byee"` + "\n\n[[consultations.turns.options]]\nid = \"number\"",
			"consultations[0].turns[1].options[0].next", `"byee" is not a turn of this consultation (did you mean "bye"?)`, 60},
		{"leads nowhere", "covers = [\"check-understanding\"]\nnext = \"bye\"\n\n[[consultations.turns.options]]\nid = \"number\"",
			"covers = [\"check-understanding\"]\n\n[[consultations.turns.options]]\nid = \"number\"",
			"consultations[0].turns[1].options[0].next", "leads nowhere", 54},
		{"unknown state variable", `when = "anxiety >= 2"`, `when = "anxeity >= 2"`,
			"consultations[0].turns[1].branches[0].when", `"anxeity" is not a state variable`, 52},
		{"bad condition", `when = "anxiety >= 2"`, `when = "anxiety is high"`,
			"consultations[0].turns[1].branches[0].when", "is not a comparison", 52},
		{"unknown element", `covers = ["identity"]`, `covers = ["identiy"]`,
			"consultations[0].turns[0].options[0].covers[0]", `"identiy" is not an element`, 34},
		{"unknown error kind", `errors = ["jargon"]`, `errors = ["jargonn"]`,
			"consultations[0].turns[1].options[1].errors[0]", `did you mean "jargon"?`, 66},
		{"unreachable", `next = "worried" }`, `next = "bye" }`,
			"consultations[0].turns[2]", `turn "worried" cannot be reached`, 70},
		{"no best", "id = \"check-id\"\nbest = true", "id = \"check-id\"",
			"consultations[0].turns[0].options", "no way to pass: no option is marked best", 22},
		{"critical best", "id = \"explain\"\nbest = true", "id = \"explain\"\nbest = true\ncritical = true",
			"consultations[0].turns[1].options[0].best", "a model reply cannot be critical", 56},
		{"only critical path", "change = { anxiety = -1 }\nnext = \"result\"", "change = { anxiety = -1 }\nnext = \"hello\"",
			"consultations[0].turns", "every way from the first turn to an ending goes through a critical option", 1},
		{"unknown key", `setting = "telephone"`, `settings = "telephone"`,
			"consultations[0].settings", `unknown field (did you mean "setting"?)`, 4},
		{"one option", "[[consultations.turns.options]]\nid = \"brush-off\"", "[[consultations.turns.options_]]\nid = \"brush-off\"",
			"", "", 0},
		{"loop without exit", `id = "bye"` + "\ntext = \"Thank you, that's a relief.\"", `id = "bye"` + "\ntext = \"Thank you, that's a relief.\"\n\n[[consultations.turns.options]]\nid = \"a\"\nbest = true\ntext = \"x\"\nfeedback = \"y\"\nnext = \"result\"\n\n[[consultations.turns.options]]\nid = \"b\"\ntext = \"z\"\nfeedback = \"y\"\nnext = \"hello\"",
			"consultations[0].turns[0]", "in a loop with no way out", 22},
		{"empathy unanswerable", "empathic = true\nchange", "change",
			"consultations[0].turns[0].empathy_due", "no option has empathic = true", 27},
		{"critical element only critical", `covers = ["identity"]`, `covers = []`,
			"consultations[0].elements[0]", `critical element "identity" is covered by no option`, 11},
		{"bad pass mark", "pass_mark = 0.6", "pass_mark = 1.5", "consultations[0].pass_mark", "give a share above 0", 8},
		{"missing professions", `professions = ["medicine", "nursing"]`, "", "consultations[0].professions", "missing", 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(base, tc.old, tc.new, 1)
			if src == base {
				t.Fatalf("the case changes nothing")
			}
			cs, ps := ParseConsultations([]byte(src), "bad.toml")
			if len(cs) != 0 || len(ps) == 0 {
				t.Fatalf("%d scenarios kept, problems %v", len(cs), ps)
			}
			for _, p := range ps {
				if p.File != "bad.toml" || p.Field == "" {
					t.Errorf("problem without file or field: %v", p)
				}
			}
			if tc.field == "" {
				return
			}
			for _, p := range ps {
				if p.Field == tc.field && strings.Contains(p.Msg, tc.msg) && (tc.line == 0 || p.Line == tc.line) {
					return
				}
			}
			t.Errorf("want %s:%d %s: …%s…; got\n%v", "bad.toml", tc.line, tc.field, tc.msg, ps)
		})
	}
}

// TestConsultationsOneBrokenLeavesOthers: a broken scenario in a pack is reported and the
// others of its file, and the pack, stay usable.
func TestConsultationsOneBrokenLeavesOthers(t *testing.T) {
	good := consultationExample(t)
	broken := strings.Replace(strings.Replace(good, `id = "results-call"`, `id = "broken-call"`, 1), `next = "worried" }`, `next = "nowhere" }`, 1)
	fsys, _ := formatExample(t)
	manifest := strings.Replace(string(fsys["pack.toml"].Data), "quiz = [", `consultations = ["consultations/calls.toml", "consultations/missing.toml"]`+"\nquiz = [", 1)
	fsys["pack.toml"] = &fstest.MapFile{Data: []byte(manifest)}
	fsys["consultations/calls.toml"] = &fstest.MapFile{Data: []byte(good + "\n" + broken)}
	p, err := OpenPack(fsys, "demo")
	if err != nil {
		t.Fatal(err)
	}
	cs, ps := p.LoadConsultations()
	if len(cs) != 1 || cs[0].ID != "results-call" || cs[0].File != "demo/consultations/calls.toml" {
		t.Fatalf("loaded %d: %+v", len(cs), cs)
	}
	want := []string{"missing.toml\" is not in the pack", `"nowhere" is not a turn`}
	for _, w := range want {
		if !strings.Contains(ps.Error(), w) {
			t.Errorf("problems lack %q:\n%v", w, ps)
		}
	}
	vps := ValidatePack(context.Background(), p, nil)
	if !strings.Contains(vps.Error(), `"nowhere" is not a turn`) || strings.Count(vps.Error(), "missing.toml") != 1 {
		t.Errorf("validation:\n%v", vps)
	}
}

func TestParseCondition(t *testing.T) {
	cases := []struct {
		src   string
		state map[string]int
		holds bool
		err   bool
	}{
		{"trust < 0", map[string]int{"trust": -1}, true, false},
		{"trust < 0", map[string]int{"trust": 0}, false, false},
		{"trust <= 0", map[string]int{"trust": 0}, true, false},
		{"trust >= -2 and anxiety != 3", map[string]int{"trust": -2, "anxiety": 2}, true, false},
		{"trust >= -2 and anxiety != 3", map[string]int{"trust": -2, "anxiety": 3}, false, false},
		{"anxiety == 2", map[string]int{}, false, false},
		{"anxiety > 1", map[string]int{"anxiety": 2}, true, false},
		{"anxiety = 2", nil, false, true},
		{"2 < anxiety", nil, false, true},
		{"anxiety < many", nil, false, true},
		{"Anxiety < 1", nil, false, true},
		{"", nil, false, true},
	}
	for _, tc := range cases {
		c, err := ParseCondition(tc.src)
		if (err != nil) != tc.err {
			t.Errorf("%q: error %v", tc.src, err)
			continue
		}
		if err == nil && c.Holds(tc.state) != tc.holds {
			t.Errorf("%q in %v: holds %v", tc.src, tc.state, !tc.holds)
		}
	}
}

// FuzzParseConsultations: no input makes the reader panic; every problem names the file; every
// scenario it keeps has turns whose references resolve.
func FuzzParseConsultations(f *testing.F) {
	base := consultationExample(f)
	f.Add([]byte(base))
	f.Add([]byte(strings.Replace(base, `next = "worried" }`, `next = "nowhere" }`, 1)))
	f.Add([]byte(strings.Replace(base, `when = "anxiety >= 2"`, `when = "x <"`, 1)))
	f.Add([]byte("[[consultations]]\nid = \"a\"\n[[consultations.turns]]\nid = \"t\"\n"))
	f.Add([]byte("consultations = 3"))
	f.Add([]byte{0xff, 0xfe, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		cs, ps := ParseConsultations(data, "fuzz.toml")
		for _, p := range ps {
			if p.File != "fuzz.toml" || p.Msg == "" {
				t.Fatalf("problem without file or message: %+v", p)
			}
		}
		for _, c := range cs {
			for _, tu := range c.Turns {
				for _, o := range tu.Options {
					if c.Turn(o.Next) < 0 {
						t.Fatalf("kept %q with option %q leading to missing turn %q", c.ID, o.ID, o.Next)
					}
				}
			}
		}
	})
}
