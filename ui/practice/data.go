package practice

import (
	"github.com/osteon/osteon/ui/kit"

	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/progress"
)

// practiceBank turns what is shown into practice items: the scene's parts (on the model unless
// translucent or hidden by default), the pack's structures without a mesh, and the pack's quiz
// items. It reads the quiz files, so it runs off the UI goroutine. Quiz problems are returned
// beside a bank built without the items that have them.
//
// The geometry decides what can be found by clicking (render.Model.Exposure): a structure no ray
// reaches even with what hides it ghosted is Unfindable, and one seen only with others ghosted
// is listed in enclosed, so that its find question ghosts them.
func practiceBank(c kit.Content) (*learning.Bank, map[string]bool, error) {
	if c.Scene == nil {
		return learning.NewBank(nil, nil), nil, nil
	}
	var ss []learning.Structure
	have, enclosed := map[string]bool{}, map[string]bool{}
	for i := range c.Scene.Parts {
		p := &c.Scene.Parts[i]
		s := learningStructure(&p.Structure)
		s.OnModel = !p.Ghosted && !p.Hidden && p.Mesh.TriangleCount() > 0
		if c.Model != nil {
			b := c.Model.BoundsOf(p.ID)
			if !b.Empty() {
				ctr := b.Center()
				s.Center, s.Radius = [3]float64{float64(ctr[0]), float64(ctr[1]), float64(ctr[2])}, float64(b.Radius())
			}
			if s.OnModel {
				ghost, found := c.Model.Exposure(p.ID)
				s.Unfindable, enclosed[p.ID] = !found, len(ghost) > 0
			}
		}
		have[p.ID] = true
		ss = append(ss, s)
	}
	if c.Pack == nil {
		return learning.NewBank(ss, nil), enclosed, nil
	}
	for i := range c.Pack.Structures {
		if e := &c.Pack.Structures[i]; !have[e.ID] {
			st := e.Structure()
			ss = append(ss, learningStructure(&st))
		}
	}
	quiz, err := c.Pack.ReadQuiz()
	mcqs := make([]learning.MCQ, 0, len(quiz))
	for _, q := range quiz {
		mcqs = append(mcqs, learning.MCQ{Pack: c.Pack.ID, ID: q.ID, Prompt: q.Prompt, Choices: q.Choices,
			Answer: q.Answer, Structures: q.Structures, Highlight: q.Highlight, Explanation: q.Explanation,
			FixedOrder: q.FixedOrder})
	}
	b := learning.NewBank(ss, mcqs)
	b.AddPinQuestions(tourPins(c.Pack))
	return b, enclosed, err
}

func learningStructure(s *content.Structure) learning.Structure {
	return learning.Structure{ID: s.ID, Name: s.Name, Latin: s.NameLatin, Synonyms: s.Synonyms, Names: s.Names,
		System: s.System, Region: s.Region, Side: s.Side, Concept: s.Concept}
}

// estimatesOf keeps what a session needs of the store's mastery report.
func estimatesOf(ms []progress.SkillMastery) map[learning.SkillID]learning.SkillEstimate {
	out := make(map[learning.SkillID]learning.SkillEstimate, len(ms))
	for _, m := range ms {
		out[m.Skill] = learning.SkillEstimate{Estimate: m.Estimate, Evidence: m.Evidence}
	}
	return out
}

// regionLabel shows a path-like region in full: "upper_limb/hand" -> "Upper limb › Hand".
func regionLabel(r string) string {
	var parts []string
	for _, p := range strings.Split(r, "/") {
		if p = strings.TrimSpace(strings.ReplaceAll(p, "_", " ")); p != "" {
			parts = append(parts, kit.Capitalise(p))
		}
	}
	if len(parts) == 0 {
		return "General"
	}
	return strings.Join(parts, " › ")
}

// scopeRegions lists the regions a learner can choose: each region with items, and each region
// that holds more than one of them ("upper_limb" above "upper_limb/arm" and "upper_limb/hand").
func scopeRegions(regions []string) []string {
	count := map[string]int{}
	for _, r := range regions {
		parts := strings.Split(r, "/")
		for i := 1; i < len(parts); i++ {
			count[strings.Join(parts[:i], "/")]++
		}
	}
	out := append([]string(nil), regions...)
	for r, n := range count {
		if n > 1 && !contains(out, r) {
			out = append(out, r)
		}
	}
	sort.Strings(out)
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// itemLabel names an item for lists: "Find: Right scaphoid", "Quiz: Which nerve…".
func itemLabel(b *learning.Bank, id learning.ItemID) string {
	it, ok := b.Item(id)
	if !ok {
		return string(id)
	}
	name := it.Structure
	if s, ok := b.Structure(it.Structure); ok && s.Name != "" {
		name = s.Name
	}
	switch it.Kind() {
	case learning.KindFind:
		return "Find: " + name
	case learning.KindNameChoice:
		return "Name (choose): " + name
	case learning.KindNameTyped:
		return "Name (type): " + name
	case learning.KindMCQ:
		return "Quiz: " + shorten(it.MCQ.Prompt, 60)
	case learning.KindPin:
		return "Pin: " + name
	}
	return string(id)
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// friendlyDuration says how long something took: "45 s", "4 min 12 s", "1 h 5 min".
func friendlyDuration(d time.Duration) string {
	d = d.Round(time.Second)
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%d s", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%d min %d s", int(d.Minutes()), int(d.Seconds())%60)
	}
	return fmt.Sprintf("%d h %d min", int(d.Hours()), int(d.Minutes())%60)
}

// whenDue says when a review comes due, from now: "now", "in 10 min", "in 3 h", "tomorrow",
// "in 4 days".
func whenDue(due, now time.Time) string {
	d := due.Sub(now)
	switch {
	case d <= 0:
		return "now"
	case d < time.Hour:
		return fmt.Sprintf("in %d min", max(1, int(d.Minutes()+0.5)))
	case d < 20*time.Hour:
		return fmt.Sprintf("in %d h", int(d.Hours()+0.5))
	case d < 44*time.Hour:
		return "tomorrow"
	}
	return fmt.Sprintf("in %d days", int(d.Hours()/24+0.5))
}

// dueBucket groups due times for a summary: "within the hour", "later today", "tomorrow",
// "in 3 days" (calendar days in the local time zone).
func dueBucket(due, now time.Time) string {
	if due.Sub(now) < time.Hour {
		return "within the hour"
	}
	d0 := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	l := due.In(now.Location())
	days := int(time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, now.Location()).Sub(d0).Hours()/24 + 0.5)
	switch days {
	case 0:
		return "later today"
	case 1:
		return "tomorrow"
	}
	return fmt.Sprintf("in %d days", days)
}
