package content

import (
	"regexp"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

const goodQuiz = `# Two good items
[[items]]
id = "scaphoid-fracture"
prompt = "Which carpal bone is most often fractured?"
choices = ["Scaphoid", "Lunate", "Capitate", "Hamate"]
answer = "Scaphoid"
structures = ["S"]
highlight = ["S", "L"]
explanation = "A fall on the outstretched hand."

[[items]]
id = "all"
prompt = "Which are carpal bones?"
choices = ["Scaphoid", "Lunate", "Both of the above"]
answer = "Both of the above"
fixed_order = true
`

var quizIDs = map[string]bool{"S": true, "L": true}

func TestParseQuizGood(t *testing.T) {
	items, ps := ParseQuiz("q.toml", []byte(goodQuiz), quizIDs)
	if len(ps) > 0 {
		t.Fatalf("problems: %v", ps)
	}
	want := []QuizItem{
		{Line: 2, ID: "scaphoid-fracture", Prompt: "Which carpal bone is most often fractured?",
			Choices: []string{"Scaphoid", "Lunate", "Capitate", "Hamate"}, Answer: 0, Structures: []string{"S"},
			Highlight: []string{"S", "L"}, Explanation: "A fall on the outstretched hand."},
		{Line: 11, ID: "all", Prompt: "Which are carpal bones?", Choices: []string{"Scaphoid", "Lunate", "Both of the above"},
			Answer: 2, FixedOrder: true},
	}
	if diff := cmp.Diff(want, items); diff != "" {
		t.Errorf("items (-want +got):\n%s", diff)
	}
}

func TestParseQuizProblems(t *testing.T) {
	item := func(body string) string { return "[[items]]\nid = \"q\"\nprompt = \"P?\"\n" + body }
	tests := []struct {
		name string
		text string
		want []string // every problem, as Error() prints it
	}{
		{"no choices", item(`answer = "A"`), []string{`q.toml:1: items[0].choices: missing: a list of 2 to 9 answers to choose from`}},
		{"one choice", item("choices = [\"A\"]\nanswer = \"A\""), []string{`q.toml:4: items[0].choices: 1 choices; give 2 to 9`}},
		{"ten choices", item("choices = [\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\"]\nanswer = \"1\""),
			[]string{`q.toml:4: items[0].choices: 10 choices; give 2 to 9`}},
		{"repeated choice", item("choices = [\"Ulna\", \"ulna \"]\nanswer = \"Ulna\""),
			[]string{`q.toml:4: items[0].choices[1]: "ulna" repeats choice 1`}},
		{"empty choice", item("choices = [\"Ulna\", \" \"]\nanswer = \"Ulna\""), []string{`q.toml:4: items[0].choices[1]: empty choice`}},
		{"no answer", item(`choices = ["A", "B"]`), []string{`q.toml:1: items[0].answer: missing: the right choice, written as in choices`}},
		{"answer not a choice", item("choices = [\"Ulna\", \"Radius\"]\nanswer = \"Humerus\""),
			[]string{`q.toml:5: items[0].answer: "Humerus" is not one of the choices`}},
		{"empty answer (a fuzz find)", item("choices = [\"0\", \"1\"]\nanswer = \"\""),
			[]string{`q.toml:5: items[0].answer: empty: write the right choice as in choices`}},
		{"answer in another case", item("choices = [\"Ulna\", \"Radius\"]\nanswer = \"ulna\""),
			[]string{`q.toml:5: items[0].answer: "ulna" is not one of the choices (did you mean "Ulna"?)`}},
		{"answer a number", item("choices = [\"Ulna\", \"Radius\"]\nanswer = 1"),
			[]string{`q.toml:5: items[0].answer: expected text in quotes, got the number 1`}},
		{"no prompt", "[[items]]\nid = \"q\"\nchoices = [\"A\", \"B\"]\nanswer = \"A\"", []string{`q.toml:1: items[0].prompt: missing: the question to ask`}},
		{"no id", "[[items]]\nprompt = \"P\"\nchoices = [\"A\", \"B\"]\nanswer = \"A\"", []string{`q.toml:1: items[0].id: missing: every item needs an id`}},
		{"bad id", "[[items]]\nid = \"has space\"\nprompt = \"P\"\nchoices = [\"A\", \"B\"]\nanswer = \"A\"",
			[]string{`q.toml:2: items[0].id: "has space": an id is 1 to 64 letters, digits, '_', '-', '.' or ':', starting with a letter or digit`}},
		{"unknown key", item("choices = [\"A\", \"B\"]\nanswer = \"A\"\nexplantion = \"x\""),
			[]string{`q.toml:6: items[0].explantion: unknown field (did you mean "explanation"?)`}},
		{"unknown structure", item("choices = [\"A\", \"B\"]\nanswer = \"A\"\nstructures = [\"S\", \"X\"]\nhighlight = [\"Y\"]"),
			[]string{`q.toml:6: items[0].structures[1]: "X" is not a structure in this pack`,
				`q.toml:7: items[0].highlight[0]: "Y" is not a structure in this pack`}},
		{"fixed order not a bool", item("choices = [\"A\", \"B\"]\nanswer = \"A\"\nfixed_order = \"yes\""),
			[]string{`q.toml:6: items[0].fixed_order: expected true or false, got text "yes"`}},
		{"unknown top-level key", "title = \"x\"\n" + item("choices = [\"A\", \"B\"]\nanswer = \"A\""),
			[]string{`q.toml:1: title: unknown field`}},
		{"items not tables", "items = [1, 2]", []string{`q.toml:1: items[0]: expected a table, got the number 1`,
			`q.toml:1: items[1]: expected a table, got the number 2`}},
		{"duplicate id", item("choices = [\"A\", \"B\"]\nanswer = \"A\"\n") + item("choices = [\"A\", \"B\"]\nanswer = \"A\"\n"),
			[]string{`q.toml:7: items[1].id: duplicate id "q"`}},
		{"bad TOML", "[[items]\nid = 1", []string{`q.toml:2: TOML syntax`}},
		{"UTF-16", "\xff\xfe[\x00", []string{`q.toml: file is UTF-16 (little-endian) text`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, ps := ParseQuiz("q.toml", []byte(tt.text), quizIDs)
			var got []string
			for _, p := range ps {
				got = append(got, p.Error())
			}
			if tt.name == "bad TOML" || tt.name == "UTF-16" {
				if len(got) != 1 || !strings.HasPrefix(got[0], tt.want[0]) {
					t.Errorf("problems %q, want one starting %q", got, tt.want[0])
				}
				return
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			if tt.name == "duplicate id" || tt.name == "unknown top-level key" {
				if len(items) != 1 {
					t.Errorf("%d items kept, want the first", len(items))
				}
			} else if len(items) != 0 {
				t.Errorf("an item with problems was kept: %+v", items)
			}
		})
	}
}

// TestValidatePackQuizOnce: ValidatePack runs the quiz check and says each problem once (the
// shared document check already reports ids and structures).
func TestValidatePackQuizOnce(t *testing.T) {
	fsys := demoFS(t)
	fsys["quiz/basic.toml"] = &fstest.MapFile{Data: []byte(`[[items]]
id = "q1"
prompt = "Which is the humerus?"
choices = ["Right humerus"]
answer = "Humerus"
structures = ["FMA3", "FMA9"]

[[items]]
id = "q1"
prompt = "Again?"
choices = ["A", "B"]
answer = "A"
`)}
	_, ps := openDemo(t, fsys)
	var got []string
	for _, p := range ps {
		got = append(got, p.Error())
	}
	want := []string{
		`demo/quiz/basic.toml:4: items[0].choices: 1 choices; give 2 to 9`,
		`demo/quiz/basic.toml:5: items[0].answer: "Humerus" is not one of the choices`,
		`demo/quiz/basic.toml:6: items[0].structures[1]: "FMA9" is not a structure in this pack`,
		`demo/quiz/basic.toml:9: items[1].id: duplicate id "q1" (first used by items[0])`,
	}
	sort.Strings(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestReadQuiz(t *testing.T) {
	fsys := demoFS(t)
	replaceIn(t, fsys, "pack.toml", `quiz = ["quiz/basic.toml"]`, `quiz = ["quiz/basic.toml", "quiz/more.toml", "quiz/gone.toml"]`)
	fsys["quiz/more.toml"] = &fstest.MapFile{Data: []byte(demoQuiz + `
[[items]]
id = "q2"
prompt = "Which is square?"
choices = ["Square", "Round"]
answer = "Square"
`)}
	p, err := OpenPack(fsys, "demo")
	if err != nil {
		t.Fatal(err)
	}
	items, err := p.ReadQuiz()
	var ids []string
	for _, q := range items {
		ids = append(ids, q.File+"#"+q.ID)
	}
	if diff := cmp.Diff([]string{"quiz/basic.toml#q1", "quiz/more.toml#q2"}, ids); diff != "" {
		t.Errorf("items (-want +got):\n%s", diff)
	}
	msg := ""
	if err != nil {
		msg = err.Error()
	}
	for _, w := range []string{`demo/quiz/more.toml:1: id: id "q1" is already used in quiz/basic.toml`, `demo/quiz/gone.toml`} {
		if !strings.Contains(msg, w) {
			t.Errorf("error %q lacks %q", msg, w)
		}
	}
	if _, ps := openDemo(t, demoFS(t)); len(ps) > 0 {
		t.Errorf("demo pack: %v", ps)
	}
	p, _ = OpenPack(demoFS(t), "demo")
	if items, err := p.ReadQuiz(); err != nil || len(items) != 1 || items[0].Answer != 0 {
		t.Errorf("demo quiz: %+v, %v", items, err)
	}
}

// TestFormatDocumentsQuizKeys keeps FORMAT.md's quiz table equal to the keys the parser knows.
func TestFormatDocumentsQuizKeys(t *testing.T) {
	_, doc := formatExample(t)
	i := strings.Index(doc, "### Quiz files\n")
	if i < 0 {
		t.Fatal("FORMAT.md has no quiz section")
	}
	var keys []string
	for _, m := range regexp.MustCompile("(?m)^\\| `([a-z_]+)` \\|").FindAllStringSubmatch(strings.SplitN(doc[i:], "\n## ", 2)[0], -1) {
		keys = append(keys, m[1])
	}
	var known []string
	for k := range quizKeys {
		known = append(known, k)
	}
	sort.Strings(keys)
	sort.Strings(known)
	if diff := cmp.Diff(known, keys); diff != "" {
		t.Errorf("quiz keys (-parser +FORMAT.md):\n%s", diff)
	}
}

// FuzzParseQuiz: nothing panics, every problem names the file, and every item returned is whole.
func FuzzParseQuiz(f *testing.F) {
	f.Add([]byte(goodQuiz))
	f.Add([]byte(demoQuiz))
	f.Add([]byte("items = [1]"))
	f.Add([]byte("[[items]]\nid = \"q\"\nprompt = \"P\"\nchoices = [\"A\", \"a\"]\nanswer = \"a\"\n"))
	f.Add([]byte("\xef\xbb\xbf[[items]]\nid = \"é\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		items, ps := ParseQuiz("f.toml", data, quizIDs)
		for _, p := range ps {
			if p.File != "f.toml" || p.Msg == "" {
				t.Fatalf("problem without file or message: %+v", p)
			}
		}
		seen := map[string]bool{}
		for _, q := range items {
			if q.ID == "" || seen[q.ID] || q.Prompt == "" || len(q.Choices) < MinChoices || len(q.Choices) > MaxChoices ||
				q.Answer < 0 || q.Answer >= len(q.Choices) {
				t.Fatalf("incomplete item returned: %+v", q)
			}
			seen[q.ID] = true
			for _, id := range append(q.Structures, q.Highlight...) {
				if !quizIDs[id] {
					t.Fatalf("unknown structure %q returned", id)
				}
			}
		}
	})
}
