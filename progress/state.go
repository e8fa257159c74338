package progress

import (
	"context"
	"fmt"

	"github.com/osteon/osteon/learning"
)

// LearnerState reads what a practice session needs to know of a learner: the memory state of the
// given items (missing ones are new) and the mastery of every skill they train. The Practice
// screen calls it once, off the UI goroutine, when it opens.
func (s *Store) LearnerState(ctx context.Context, l LearnerID, items []learning.Item) (learning.LearnerState, error) {
	ids := make([]learning.ItemID, len(items))
	seen := map[learning.SkillID]bool{}
	var skills []learning.SkillID
	for i, it := range items {
		ids[i] = it.ID
		for _, sk := range it.Skills {
			if !seen[sk] {
				seen[sk] = true
				skills = append(skills, sk)
			}
		}
	}
	cards, err := s.Cards(ctx, l, ids)
	if err != nil {
		return learning.LearnerState{}, fmt.Errorf("progress: learner state: %w", err)
	}
	ms, err := s.SkillMastery(ctx, l, skills)
	if err != nil {
		return learning.LearnerState{}, fmt.Errorf("progress: learner state: %w", err)
	}
	m := make(map[learning.SkillID]learning.SkillEstimate, len(ms))
	for k, v := range ms {
		m[k] = learning.SkillEstimate{Estimate: v.Estimate, Evidence: v.Evidence}
	}
	return learning.LearnerState{Cards: cards, Mastery: m}, nil
}
