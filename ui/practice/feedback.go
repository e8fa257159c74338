package practice

import (
	"github.com/osteon/osteon/ui/kit"

	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/render"
)

// feedback shows whether the answer was right, what the learner did, and the right structure's
// names and facts; the 3D view lights it up meanwhile, and the learner may look around.
func (v *questionView) showFeedback(r *practiceRun, a learning.Answer, correct bool, verdict learning.Verdict) {
	q := r.q
	for i, b := range v.buttons {
		b.SetDisabled(true)
		switch {
		case i == q.Answer:
			b.SetMark(kit.ChoiceRight)
		case i == a.Choice:
			b.SetMark(kit.ChoiceWrong)
		default:
			b.SetMark(kit.ChoicePlain)
		}
	}
	v.entry.Disable()
	v.check.Hide()
	v.dontKnow.Hide()
	v.hint.SetText("The answer is lit up in green" + wrongNote(a, correct) + ". Turn the model to look around, then continue.")
	v.legend.Set(feedbackKeys(q, a, correct)...)
	segs := []widget.RichTextSegment{verdictSegment(correct)}
	if said := v.said(r, a, correct, verdict); said != "" {
		segs = append(segs, kit.Para(said))
	}
	if q.Explanation != "" {
		segs = append(segs, kit.Para(q.Explanation))
	}
	for _, id := range q.Reveal {
		if st := structureOf(v.p.sh.Content(), id); st != nil {
			if ls, ok := r.bank.Structure(id); ok && st.Side == "" {
				c := *st
				c.Side = ls.Side // read from the name ("… of left ring finger")
				st = &c
			}
			segs = append(segs, structureFacts(st)...)
		}
	}
	v.feedback.Segments = segs
	v.feedback.Refresh()
	v.progress.SetText(v.progressDone(r))
	v.next.Show()
	v.status(r)
}

func wrongNote(a learning.Answer, correct bool) string {
	if a.Picked != "" && !correct {
		return ", what you clicked in orange"
	}
	return ""
}

// feedbackKeys explain the colours of the feedback: the answer, a wrong click, landmarks.
func feedbackKeys(q learning.Question, a learning.Answer, correct bool) []kit.Key {
	keys := kit.Keys(render.MeaningAnswer)
	if a.Picked != "" && !correct {
		keys = append(keys, kit.Key{Meaning: render.MeaningClick})
	}
	if len(q.Context) > 0 {
		keys = append(keys, kit.Key{Meaning: render.MeaningContext})
	}
	return keys
}

func (v *questionView) progressDone(r *practiceRun) string {
	return fmt.Sprintf("Question %d of %d · %d of %d right so far", r.answered(), r.session.Length(), r.correct(), r.answered())
}

// verdictSegment is "Right" or "Not quite", in the success or error colour and in words.
func verdictSegment(correct bool) widget.RichTextSegment {
	st := widget.RichTextStyleHeading
	if correct {
		st.ColorName = theme.ColorNameSuccess
		return &widget.TextSegment{Text: "✓ Right", Style: st}
	}
	st.ColorName = theme.ColorNameError
	return &widget.TextSegment{Text: "✗ Not quite", Style: st}
}

// said puts what happened into words: what was clicked, chosen or typed, and the answer.
func (v *questionView) said(r *practiceRun, a learning.Answer, correct bool, verdict learning.Verdict) string {
	q, b := r.q, r.bank
	name := func(id string) string {
		if s, ok := b.Structure(id); ok && s.Name != "" {
			return s.Name
		}
		return id
	}
	answer := ""
	if q.Answer >= 0 && q.Answer < len(q.Choices) {
		answer = q.Choices[q.Answer].Text
	} else if q.Target != "" {
		answer = name(q.Target)
	}
	switch {
	case a.GaveUp:
		return "The answer: " + answer + "."
	case q.Item.Kind() == learning.KindFind && correct:
		return "You found the " + lowerFirstRune(answer) + "."
	case q.Item.Kind() == learning.KindFind:
		return fmt.Sprintf("You clicked the %s. This is the %s.", lowerFirstRune(name(a.Picked)), lowerFirstRune(answer))
	case q.Item.Kind() == learning.KindNameTyped:
		return typedSaid(a.Typed, answer, verdict, name)
	case correct:
		return "" // the right choice is marked, and named below
	}
	chose := ""
	if a.Choice >= 0 && a.Choice < len(q.Choices) {
		chose = q.Choices[a.Choice].Text
	}
	return fmt.Sprintf("You chose %s. The answer: %s.", chose, answer)
}

// typedSaid explains the judgement of a typed name.
func typedSaid(typed, answer string, v learning.Verdict, name func(string) string) string {
	t := strings.TrimSpace(typed)
	switch {
	case v.Correct && v.Exact:
		return fmt.Sprintf("“%s” is right: %s.", t, answer)
	case v.Correct:
		return fmt.Sprintf("“%s” counts, allowing for spelling: it is written “%s”.", t, v.Matched)
	case v.WrongSide:
		return fmt.Sprintf("“%s” is the other side. This is the %s.", t, lowerFirstRune(answer))
	case v.NeedsSide:
		return fmt.Sprintf("Say which side: this is the %s.", lowerFirstRune(answer))
	case v.Other != "":
		return fmt.Sprintf("“%s” is the %s. This is the %s.", t, lowerFirstRune(name(v.Other)), lowerFirstRune(answer))
	}
	return fmt.Sprintf("You typed “%s”. The answer: %s.", t, answer)
}

// lowerFirstRune lower-cases the first letter for use inside a sentence, unless the second is
// upper case too (an abbreviation).
func lowerFirstRune(s string) string {
	r := []rune(s)
	if len(r) == 0 || len(r) > 1 && strings.ToUpper(string(r[1])) == string(r[1]) && strings.ToLower(string(r[1])) != string(r[1]) {
		return s
	}
	return strings.ToLower(string(r[0])) + string(r[1:])
}

// structureOf finds a structure shown or listed in the pack.
func structureOf(c kit.Content, id string) *content.Structure {
	if c.Scene != nil {
		if p := c.Scene.Part(id); p != nil {
			return &p.Structure
		}
	}
	if c.Pack != nil {
		for i := range c.Pack.Structures {
			if c.Pack.Structures[i].ID == id {
				s := c.Pack.Structures[i].Structure()
				return &s
			}
		}
	}
	return nil
}

// structureFacts are a structure's names and facts for the feedback.
func structureFacts(st *content.Structure) []widget.RichTextSegment {
	segs := []widget.RichTextSegment{kit.Subheading(st.Name)}
	if st.NameLatin != "" {
		segs = append(segs, kit.Italic(st.NameLatin))
	}
	if len(st.Synonyms) > 0 {
		segs = append(segs, kit.Field("Also called", strings.Join(st.Synonyms, ", ")))
	}
	if len(st.Names) > 0 {
		langs := make([]string, 0, len(st.Names))
		for l := range st.Names {
			langs = append(langs, l)
		}
		sort.Strings(langs)
		var ns []string
		for _, l := range langs {
			ns = append(ns, st.Names[l]+" ("+l+")")
		}
		segs = append(segs, kit.Field("In other languages", strings.Join(ns, ", ")))
	}
	place := kit.SystemName(st.System) + " · " + regionLabel(st.Region)
	if st.Side != "" {
		place += " · " + kit.Capitalise(st.Side)
	}
	segs = append(segs, kit.Field("Where", place))
	for _, f := range []struct{ label, text string }{
		{"Description", st.Description}, {"Origin", st.Origin}, {"Insertion", st.Insertion},
		{"Innervation", st.Innervation}, {"Blood supply", st.BloodSupply},
	} {
		if f.text != "" {
			segs = append(segs, kit.Field(f.label, f.text))
		}
	}
	return segs
}
