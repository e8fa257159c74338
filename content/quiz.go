package content

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
)

// QuizItem is one authored multiple-choice question of a quiz file (FORMAT.md, "Quiz files").
type QuizItem struct {
	Line        int    // line of its [[items]] header
	ID          string // unique in its file; the learner's memory of it is kept under the pack's id and this
	Prompt      string
	Choices     []string // 2 to 9, distinct
	Answer      int      // index of the right choice in Choices
	Structures  []string // what it is about: framed, lit in the feedback, evidence for mastery
	Highlight   []string // lit while the question is asked
	Explanation string   // shown after answering
	FixedOrder  bool     // show the choices as written (for "all of the above")
}

// Limits of a quiz item.
const (
	MinChoices    = 2
	MaxChoices    = 9 // number keys 1 to 9 choose
	maxQuizPrompt = 1000
	maxQuizText   = 4000
)

var quizKeys = keySet("id", "prompt", "choices", "answer", "structures", "highlight", "explanation", "fixed_order")

var quizIDPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$`)

func init() {
	RegisterDocumentCheck(KindQuiz, func(file string, data []byte, ids map[string]bool) Problems {
		_, ps := parseQuiz(file, data, ids, false)
		return ps
	})
}

// ParseQuiz reads a quiz file named file (UTF-8 TOML; ids holds the pack's structure ids) and
// returns its valid items, in order, and every problem found, each with its line and field.
// Items with problems are left out.
func ParseQuiz(file string, data []byte, ids map[string]bool) ([]QuizItem, Problems) {
	if len(data) > maxManifest {
		return nil, Problems{{File: file, Msg: fmt.Sprintf("file is %d bytes; the limit is %d", len(data), maxManifest)}}
	}
	text, ps := checkText(data, file)
	if len(ps) > 0 {
		return nil, ps
	}
	return parseQuiz(file, text, ids, true)
}

// parseQuiz checks a quiz file's items. Without all, it leaves out what the shared document
// check already reports (TOML syntax, the list of items, missing and repeated ids, unknown ids
// under "structures"), so ValidatePack says each problem once.
func parseQuiz(file string, text []byte, ids map[string]bool, all bool) ([]QuizItem, Problems) {
	var raw map[string]any
	if _, err := toml.Decode(string(text), &raw); err != nil {
		if all {
			return nil, Problems{tomlError(err, file)}
		}
		return nil, nil
	}
	r := &tomlReader{file: file, lines: indexTOMLLines(string(text))}
	r.unknown(raw, keySet("items"), "")
	quiet := &tomlReader{file: file, lines: r.lines} // problems the shared check reports
	list := quiet.tableList(raw, "items", "items")
	if all {
		r.ps = append(r.ps, quiet.ps...)
	}
	var out []QuizItem
	seen := map[string]bool{}
	for i, t := range list {
		f := fmt.Sprintf("items[%d]", i)
		before := len(r.ps)
		q := readQuizItem(r, t, f, ids, all)
		switch {
		case q.ID == "":
			if all {
				r.bad(f+".id", "missing: every item needs an id")
			}
		case seen[q.ID]:
			if all {
				r.bad(f+".id", "duplicate id %q", q.ID)
			}
		}
		if len(r.ps) == before && q.ID != "" && !seen[q.ID] {
			out = append(out, q)
		}
		seen[q.ID] = true
	}
	r.ps.Sort()
	return out, r.ps
}

// readQuizItem reads and checks one [[items]] table.
func readQuizItem(r *tomlReader, t map[string]any, f string, ids map[string]bool, all bool) QuizItem {
	r.unknown(t, quizKeys, f+".")
	q := QuizItem{Line: r.lines.line(f), ID: r.str(t, "id", f+".id"), Prompt: r.str(t, "prompt", f+".prompt"),
		Choices: r.strList(t, "choices", f+".choices"), Explanation: r.str(t, "explanation", f+".explanation"),
		FixedOrder: r.boolean(t, "fixed_order", f+".fixed_order")}
	if q.ID != "" && !quizIDPattern.MatchString(q.ID) {
		r.bad(f+".id", "%q: an id is 1 to 64 letters, digits, '_', '-', '.' or ':', starting with a letter or digit", q.ID)
	}
	switch {
	case q.Prompt == "":
		r.bad(f+".prompt", "missing: the question to ask")
	case len(q.Prompt) > maxQuizPrompt:
		r.bad(f+".prompt", "%d bytes; keep a question under %d", len(q.Prompt), maxQuizPrompt)
	}
	if len(q.Explanation) > maxQuizText {
		r.bad(f+".explanation", "%d bytes; keep an explanation under %d", len(q.Explanation), maxQuizText)
	}
	checkChoices(r, t, f, &q)
	q.Structures = readRefs(r, t, "structures", f, ids, all)
	q.Highlight = readRefs(r, t, "highlight", f, ids, true)
	return q
}

// checkChoices checks the choices and finds the answer among them.
func checkChoices(r *tomlReader, t map[string]any, f string, q *QuizItem) {
	_, has := t["choices"]
	switch n := len(q.Choices); {
	case !has:
		r.bad(f+".choices", "missing: a list of %d to %d answers to choose from", MinChoices, MaxChoices)
	case n < MinChoices || n > MaxChoices:
		r.bad(f+".choices", "%d choices; give %d to %d", n, MinChoices, MaxChoices)
	}
	first := map[string]int{}
	for i, c := range q.Choices {
		k := strings.Join(strings.Fields(strings.ToLower(c)), " ")
		switch j, dup := first[k]; {
		case c == "":
			r.bad(fmt.Sprintf("%s.choices[%d]", f, i), "empty choice")
		case dup:
			r.bad(fmt.Sprintf("%s.choices[%d]", f, i), "%q repeats choice %d", c, j+1)
		default:
			first[k] = i
		}
	}
	answer := r.str(t, "answer", f+".answer")
	q.Answer = -1
	for i, c := range q.Choices {
		if c == answer {
			q.Answer = i
		}
	}
	if _, ok := t["answer"]; !ok {
		r.bad(f+".answer", "missing: the right choice, written as in choices")
		return
	}
	if _, text := t["answer"].(string); !text || len(q.Choices) == 0 || q.Answer >= 0 {
		return
	}
	if answer == "" {
		r.bad(f+".answer", "empty: write the right choice as in choices")
		return
	}
	msg := fmt.Sprintf("%q is not one of the choices", answer)
	if j, ok := first[strings.Join(strings.Fields(strings.ToLower(answer)), " ")]; ok {
		msg += fmt.Sprintf(" (did you mean %q?)", q.Choices[j])
	}
	r.bad(f+".answer", "%s", msg)
}

// readRefs reads a list of structure ids; with check it reports those not in the pack.
func readRefs(r *tomlReader, t map[string]any, key, f string, ids map[string]bool, check bool) []string {
	list := r.strList(t, key, f+"."+key)
	if check {
		for i, id := range list {
			if !ids[id] {
				r.bad(fmt.Sprintf("%s.%s[%d]", f, key, i), "%q is not a structure in this pack", id)
			}
		}
	}
	return list
}

// ReadQuiz reads every quiz file of the pack and returns the valid items, file by file in the
// order pack.toml lists them, with their files. Problems (files missing, unreadable or with bad
// items) come back as Problems beside the items that could be read.
func (p *Pack) ReadQuiz() ([]QuizFileItem, error) {
	ids := map[string]bool{}
	for _, s := range p.Structures {
		ids[s.ID] = true
	}
	var out []QuizFileItem
	var ps Problems
	first := map[string]string{} // id -> file
	for _, f := range p.Quiz {
		data, err := readLimited(p.FS, f, maxManifest)
		if err != nil {
			ps = append(ps, &Error{File: p.Name(f), Msg: notReadable(err)})
			continue
		}
		items, fps := ParseQuiz(p.Name(f), data, ids)
		ps = append(ps, fps...)
		for _, q := range items {
			if other, dup := first[q.ID]; dup {
				ps.add(p.Name(f), q.Line, "id", "id %q is already used in %s; this item is left out", q.ID, other)
				continue
			}
			first[q.ID] = f
			out = append(out, QuizFileItem{File: f, QuizItem: q})
		}
	}
	return out, ps.Err()
}

// QuizFileItem is a quiz item with the file it comes from.
type QuizFileItem struct {
	File string // relative to the pack root
	QuizItem
}
