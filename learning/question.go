package learning

import (
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Question is an item made ready to ask: its words, its choices in the
// order shown, and what the 3D view should do.
type Question struct {
	Item   Item
	Prompt string
	// Choices for name-choice and MCQ items, in the order shown; nil for
	// find and typed items.
	Choices []Choice
	Answer  int    // index of the right choice; -1 without choices
	Target  string // the structure to find or name; "" for an MCQ
	// Frame is what the camera shows while asking and in the feedback: for
	// find and name questions the target's region on its side, or the
	// target and its nearest neighbours (so the learner sees where it is,
	// and for "find" the target is not given away); for an MCQ its
	// structures. Empty means the whole model.
	Frame []string
	// Highlight is lit while asking, in the answer's colour: the structure
	// to name, or an MCQ's highlight when it is all the MCQ is about.
	Highlight []string
	// Context are landmarks shown to find one's way, not the answer (an
	// MCQ's highlight beside other structures): drawn in the landmark
	// colour while asking and in the feedback.
	Context []string
	// SideGiven: the prompt says which side, so a typed answer may leave it
	// out.
	SideGiven bool
	// Reveal is lit in the feedback: the right structure, or an MCQ's
	// structures.
	Reveal []string
	// Explanation, for an MCQ, is shown with the feedback.
	Explanation string
	// Accept lists what a click may land on to answer a find question when
	// its concept has several instances: the target and the others (see
	// Finds); nil when the target alone answers.
	Accept []string
}

// Choice is one of a question's choices.
type Choice struct {
	Text      string
	Structure string // the structure it names, for name-choice items
}

// ChoiceCount is how many choices a name-choice question offers when the
// pack has enough structures.
const ChoiceCount = 4

// Ask makes an item into a question. rng shuffles choices and draws
// distractors; nil keeps the most confusable in a fixed order.
func (b *Bank) Ask(it Item, rng *rand.Rand) Question {
	q := Question{Item: it, Answer: -1, Target: it.Structure}
	s, _ := b.Structure(it.Structure)
	switch it.Kind() {
	case KindFind:
		q.Prompt = "Find the " + lowerFirst(s.Name)
		q.Frame = b.findFrame(s.ID)
		q.Reveal = b.Instances(s.ID)
		if len(q.Reveal) > 1 {
			q.Accept = q.Reveal
		}
	case KindNameChoice:
		q.Prompt = "Which structure is highlighted?"
		q.Frame = b.findFrame(s.ID)
		q.Highlight, q.Reveal = b.Instances(s.ID), b.Instances(s.ID)
		q.Choices = []Choice{{Text: s.Name, Structure: s.ID}}
		for _, id := range b.Distractors(s.ID, ChoiceCount-1, rng) {
			d, _ := b.Structure(id)
			q.Choices = append(q.Choices, Choice{Text: d.Name, Structure: id})
		}
		q.Answer = shuffleChoices(q.Choices, 0, rng)
	case KindNameTyped:
		q.Prompt = "Type the name of the highlighted structure"
		if s.Side == "left" || s.Side == "right" {
			q.Prompt += " (it is on the " + s.Side + ")"
			q.SideGiven = true
		}
		q.Frame = b.findFrame(s.ID)
		q.Highlight, q.Reveal = b.Instances(s.ID), b.Instances(s.ID)
	case KindMCQ:
		b.askMCQ(&q, rng)
	case KindPin:
		b.askPin(&q, rng)
	}
	return q
}

func (b *Bank) askMCQ(q *Question, rng *rand.Rand) {
	m := q.Item.MCQ
	if m == nil {
		return
	}
	q.Target = ""
	q.Prompt, q.Explanation = m.Prompt, m.Explanation
	q.Frame = b.known(m.Structures)
	q.Reveal = q.Frame
	lit := b.known(m.Highlight)
	if rest := without(q.Frame, lit); len(rest) > 0 && len(lit) > 0 {
		q.Context, q.Reveal = lit, rest // a landmark beside the answer
	} else {
		q.Highlight = lit // what the question is about
	}
	for _, c := range m.Choices {
		q.Choices = append(q.Choices, Choice{Text: c})
	}
	if m.FixedOrder {
		q.Answer = m.Answer
		return
	}
	q.Answer = shuffleChoices(q.Choices, m.Answer, rng)
}

// known keeps the ids that are structures of the bank.
func (b *Bank) known(ids []string) []string {
	var out []string
	for _, id := range ids {
		if _, ok := b.byID[id]; ok {
			out = append(out, id)
		}
	}
	return out
}

// without is ids less those in drop, in order.
func without(ids, drop []string) []string {
	var out []string
	for _, id := range ids {
		if !slices.Contains(drop, id) {
			out = append(out, id)
		}
	}
	return out
}

// shuffleChoices shuffles cs with rng (nil: leaves them) and returns where
// the choice at answer went.
func shuffleChoices(cs []Choice, answer int, rng *rand.Rand) int {
	if rng == nil {
		return answer
	}
	right := cs[answer]
	rng.Shuffle(len(cs), func(i, j int) { cs[i], cs[j] = cs[j], cs[i] })
	for i, c := range cs {
		if c == right {
			return i
		}
	}
	return answer
}

// lowerFirst lower-cases a name's first letter for use inside a sentence,
// unless the next letter is upper case too (an abbreviation).
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	if r2, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(r2) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// IsRight reports whether choice i is the answer.
func (q Question) IsRight(i int) bool { return i >= 0 && i == q.Answer }

// Names lists a structure's names for feedback: English, then Latin,
// synonyms and other languages, each once.
func (b *Bank) Names(id string) []string {
	s, ok := b.Structure(id)
	if !ok {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	add := func(n string) {
		n = strings.TrimSpace(n)
		if k := NormalizeName(n); k != "" && !seen[k] {
			seen[k] = true
			out = append(out, n)
		}
	}
	add(s.Name)
	add(s.Latin)
	for _, n := range s.Synonyms {
		add(n)
	}
	for _, n := range sortedValues(s.Names) {
		add(n)
	}
	return out
}
