package learning

import "sort"

// SessionAnswer is one answer given in a session.
type SessionAnswer struct {
	Item    Item
	Correct bool
}

// Improvement is a structure asked in a session whose mastery rose.
type Improvement struct {
	Skill         SkillID // the structure's skill
	Before, After SkillEstimate
	Answers       int // answers about it this session
}

// First reports that the session gave the structure's first answers, so
// there is no earlier figure to compare with.
func (i Improvement) First() bool { return i.Before.Evidence == 0 }

// SessionSummary is what a session's end shows about its answers.
type SessionSummary struct {
	// Improved lists the structures asked and never missed in the session
	// whose mastery rose, the largest rise first.
	Improved []Improvement
	// Missed lists the items answered wrong at least once, each once, in
	// the order first missed.
	Missed []ItemID
}

// Summarize sums a session's answers up, from the learner's mastery before
// it and after (the latest the store reported). Only structures the session
// asked about are listed, and a structure missed in the session is listed
// under Missed only, never also as improved.
func Summarize(answers []SessionAnswer, before, after map[SkillID]SkillEstimate) SessionSummary {
	var s SessionSummary
	asked := map[SkillID]int{}
	var order []SkillID
	missedSkill := map[SkillID]bool{}
	missedItem := map[ItemID]bool{}
	for _, a := range answers {
		sk := SkillID("")
		if a.Item.Structure != "" {
			sk = StructureSkill(a.Item.Structure)
			if asked[sk] == 0 {
				order = append(order, sk)
			}
			asked[sk]++
		}
		if a.Correct {
			continue
		}
		missedSkill[sk] = true
		if !missedItem[a.Item.ID] {
			missedItem[a.Item.ID] = true
			s.Missed = append(s.Missed, a.Item.ID)
		}
	}
	for _, sk := range order {
		b, now := before[sk], after[sk]
		if missedSkill[sk] || now.Evidence <= b.Evidence || now.Estimate <= b.Estimate+0.005 {
			continue
		}
		s.Improved = append(s.Improved, Improvement{Skill: sk, Before: b, After: now, Answers: asked[sk]})
	}
	sort.SliceStable(s.Improved, func(i, j int) bool {
		return s.Improved[i].After.Estimate-s.Improved[i].Before.Estimate >
			s.Improved[j].After.Estimate-s.Improved[j].Before.Estimate
	})
	return s
}
