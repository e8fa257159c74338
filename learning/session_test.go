package learning

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// reviewCard is a card in review, last seen days ago and due at due.
func reviewCard(due time.Time) Card {
	return Card{Due: due, Stability: 3, Difficulty: 5, State: StateReview, Reps: 2, LastReview: due.Add(-72 * time.Hour)}
}

// askN asks up to n questions, answering each Good ten seconds apart (so nothing comes back from
// its learning step), and returns the item ids.
func askN(s *Session, n int, at time.Time) []ItemID {
	var out []ItemID
	for range n {
		it, ok := s.Next(at)
		if !ok {
			break
		}
		out = append(out, it.ID)
		s.Answered(it.ID, Good, at)
		at = at.Add(10 * time.Second)
	}
	return out
}

func TestSessionDueFirstMostOverdueFirst(t *testing.T) {
	b := handBank()
	st := LearnerState{Cards: map[ItemID]Card{
		"find:FMA24435":        reviewCard(t0.Add(-time.Hour)),      // due
		"name-choice:FMA23464": reviewCard(t0.Add(-48 * time.Hour)), // due, more overdue
		"find:FMA23130":        reviewCard(t0.Add(48 * time.Hour)),  // not due
	}}
	s := NewSession(b.Items(), st, SessionOptions{Scope: Scope{Kind: ScopePack}, Length: 4}, t0)
	got := askN(s, 4, t0)
	if diff := cmp.Diff([]ItemID{"name-choice:FMA23464", "find:FMA24435"}, got[:2]); diff != "" {
		t.Errorf("due items first, most overdue first (-want +got):\n%s", diff)
	}
	for _, id := range got[2:] {
		if _, seen := st.Cards[id]; seen {
			t.Errorf("%s asked before new items although not due", id)
		}
	}
}

func TestSessionDueScopeAsksOnlyDue(t *testing.T) {
	b := handBank()
	st := LearnerState{Cards: map[ItemID]Card{
		"find:FMA24435":        reviewCard(t0.Add(-time.Hour)),
		"name-choice:FMA23464": reviewCard(t0.Add(-2 * time.Hour)),
		"find:FMA23130":        reviewCard(t0.Add(time.Hour)),
	}}
	s := NewSession(b.Items(), st, SessionOptions{Scope: Scope{Kind: ScopeDue}, Length: 10}, t0)
	if c := CountScope(b.Items(), st, Scope{Kind: ScopeDue}, t0); c.Due != 2 || c.New != len(b.Items())-3 {
		t.Errorf("count %+v", c)
	}
	got := askN(s, 10, t0)
	if diff := cmp.Diff([]ItemID{"name-choice:FMA23464", "find:FMA24435"}, got); diff != "" {
		t.Errorf("due scope (-want +got):\n%s", diff)
	}
	// Nothing due: the session is empty, not an error.
	s = NewSession(b.Items(), LearnerState{}, SessionOptions{Scope: Scope{Kind: ScopeDue}, Length: 10}, t0)
	if it, ok := s.Next(t0); ok {
		t.Errorf("nothing is due but the session asks %s", it.ID)
	}
}

func TestSessionNoHistoryInterleaves(t *testing.T) {
	b := handBank()
	s := NewSession(b.Items(), LearnerState{}, SessionOptions{Scope: Scope{Kind: ScopePack}, Length: 12,
		Rand: rand.New(rand.NewPCG(5, 5))}, t0)
	got := askN(s, 12, t0)
	if len(got) != 12 {
		t.Fatalf("asked %d of 12", len(got))
	}
	seen := map[ItemID]bool{}
	met := map[string]bool{}
	var prev Item
	for i, id := range got {
		it, _ := b.Item(id)
		if seen[id] {
			t.Errorf("%s asked twice", id)
		}
		seen[id] = true
		if it.Kind() == KindNameTyped && !met[it.Structure] {
			t.Errorf("question %d types the name of %s before anything easier about it", i, it.Structure)
		}
		met[it.Structure] = true
		if i > 0 && it.Region == prev.Region {
			t.Errorf("questions %d and %d both in %s: regions not interleaved (%v)", i-1, i, it.Region, got)
		}
		prev = it
	}
}

func TestSessionNewItemsWeakestFirst(t *testing.T) {
	b := handBank()
	st := LearnerState{Mastery: map[SkillID]SkillEstimate{
		"structure:FMA24435":             {Estimate: 0.4, Evidence: 3}, // scaphoid weak
		"structure:FMA23130":             {Estimate: 0.95, Evidence: 9},
		"region:upper_limb/forearm":      {Estimate: 0.1, Evidence: 30},
		"region:upper_limb/wrist":        {Estimate: 0.9, Evidence: 30},
		"region:upper_limb/arm":          {Estimate: 0.9, Evidence: 30},
		"structure:osteon:ulnar-nerve":   {Estimate: 0.9, Evidence: 9},
		"structure:FMA23131":             {Estimate: 0.9, Evidence: 9},
		"structure:FMA24437":             {Estimate: 0.9, Evidence: 9},
		"structure:FMA24439":             {Estimate: 0.9, Evidence: 9},
		"structure:FMA24443":             {Estimate: 0.9, Evidence: 9},
		"structure:FMA24445":             {Estimate: 0.9, Evidence: 9},
		"structure:FMA24436":             {Estimate: 0.9, Evidence: 9},
		"structure:osteon:radial-artery": {Estimate: 0.9, Evidence: 9},
	}}
	// Unseen structures (radius, ulna: estimate 0) come first, their typing once they have been
	// met; then the scaphoid (0.4).
	s := NewSession(b.Items(), st, SessionOptions{Scope: Scope{Kind: ScopePack}, Length: 8}, t0)
	got := askN(s, 8, t0)
	var structs []string
	for _, id := range got {
		it, _ := b.Item(id)
		structs = append(structs, it.Structure)
	}
	for i, sid := range structs[:6] {
		if sid != "FMA23464" && sid != "FMA23467" {
			t.Errorf("question %d about %s; want the radius or ulna first (%v)", i, sid, structs)
		}
	}
	if structs[6] != "FMA24435" || structs[7] != "FMA24435" {
		t.Errorf("the weak scaphoid does not follow: %v", structs)
	}
}

func TestSessionScopes(t *testing.T) {
	b := handBank()
	tests := []struct {
		scope Scope
		want  int // items in scope
	}{
		{Scope{Kind: ScopeRegion, Key: "upper_limb/wrist"}, 18},
		{Scope{Kind: ScopeRegion, Key: "upper_limb"}, 36},
		{Scope{Kind: ScopeRegion, Key: "upper_limb/wr"}, 0},
		{Scope{Kind: ScopeSystem, Key: "nervous"}, 3},
		{Scope{Kind: ScopePack}, 36},
	}
	for _, tt := range tests {
		t.Run(tt.scope.String(), func(t *testing.T) {
			s := NewSession(b.Items(), LearnerState{}, SessionOptions{Scope: tt.scope, Length: 100}, t0)
			if s.Len() != tt.want {
				t.Fatalf("%d items in scope, want %d", s.Len(), tt.want)
			}
			for _, id := range askN(s, 100, t0) {
				it, _ := b.Item(id)
				if !tt.scope.Includes(it) {
					t.Errorf("%s is outside %s", id, tt.scope)
				}
			}
			if s.Asked() != tt.want {
				t.Errorf("asked %d, want every item once (%d)", s.Asked(), tt.want)
			}
		})
	}
}

func TestParseScope(t *testing.T) {
	for _, in := range []string{"pack", "due", "weakest", "region:upper_limb/hand", "system:skeletal"} {
		s, err := ParseScope(in)
		if err != nil || s.String() != in {
			t.Errorf("ParseScope(%q) = %v, %v", in, s, err)
		}
	}
	for _, in := range []string{"", "region", "region:", "pack:x", "everything"} {
		if _, err := ParseScope(in); err == nil {
			t.Errorf("ParseScope(%q) accepted", in)
		}
	}
}

func TestSessionWeakestScope(t *testing.T) {
	b := handBank()
	st := LearnerState{
		Cards: map[ItemID]Card{
			"find:FMA24435":        reviewCard(t0.Add(30 * 24 * time.Hour)), // scaphoid: weak, not due
			"name-choice:FMA23464": reviewCard(t0.Add(30 * 24 * time.Hour)), // radius: weaker, not due
			"find:FMA23130":        reviewCard(t0.Add(30 * 24 * time.Hour)), // humerus: mastered
		},
		Mastery: map[SkillID]SkillEstimate{
			"structure:FMA24435": {Estimate: 0.5, Evidence: 6},
			"structure:FMA23464": {Estimate: 0.3, Evidence: 6},
			"structure:FMA23130": {Estimate: 0.95, Evidence: 10},
		},
	}
	s := NewSession(b.Items(), st, SessionOptions{Scope: Scope{Kind: ScopeWeakest}, Length: 3}, t0)
	got := askN(s, 3, t0)
	if diff := cmp.Diff([]ItemID{"name-choice:FMA23464", "find:FMA24435"}, got[:2]); diff != "" {
		t.Errorf("weakest first (-want +got):\n%s", diff)
	}
}

func TestSessionMissedItemComesBackWhenDue(t *testing.T) {
	b := NewBank([]Structure{
		{ID: "a", Name: "Radius", Region: "forearm", OnModel: true, Center: [3]float64{0, 0, 0}},
		{ID: "b", Name: "Ulna", Region: "forearm", OnModel: true, Center: [3]float64{1, 0, 0}},
	}, nil)
	s := NewSession(b.Items(), LearnerState{}, SessionOptions{Scope: Scope{Kind: ScopePack}, Length: 20}, t0)
	first, _ := s.Next(t0)
	s.Answered(first.ID, Again, t0)
	at := t0
	for range 3 { // other items meanwhile, a few seconds apart
		at = at.Add(5 * time.Second)
		it, ok := s.Next(at)
		if !ok || it.ID == first.ID {
			t.Fatalf("missed item back at once (%v, %v)", it.ID, ok)
		}
		s.Answered(it.ID, Good, at)
	}
	// FSRS relearns a miss after a short step: once it is due the item comes back first.
	card, _ := s.Card(first.ID)
	if !card.Due.After(at) {
		t.Fatalf("missed card due %v, already at %v", card.Due, at)
	}
	it, ok := s.Next(card.Due.Add(time.Second))
	if !ok || it.ID != first.ID {
		t.Errorf("after its relearning step the missed item should come back first; got %v", it.ID)
	}
}

func TestSessionClockBackwards(t *testing.T) {
	b := handBank()
	s := NewSession(b.Items(), LearnerState{}, SessionOptions{Scope: Scope{Kind: ScopePack}, Length: 5}, t0)
	it, _ := s.Next(t0)
	s.Answered(it.ID, Good, t0)
	back := t0.Add(-3 * time.Hour) // the computer's clock was put back
	if _, ok := s.Next(back); !ok {
		t.Fatal("session stopped when the clock went back")
	}
	if !s.Now().Equal(t0) {
		t.Errorf("session clock %v went back from %v", s.Now(), t0)
	}
	next, _ := s.Next(back)
	s.Answered(next.ID, Good, back)
	c, _ := s.Card(next.ID)
	if c.LastReview.Before(t0) {
		t.Errorf("review recorded at %v, before the session's %v", c.LastReview, t0)
	}
	// A card reviewed "in the future" before the clock went back: the scheduler treats the
	// review as happening at its last review, never with a negative interval.
	future := reviewCard(t0.Add(24 * time.Hour))
	future.LastReview = t0.Add(2 * time.Hour)
	st := LearnerState{Cards: map[ItemID]Card{"find:FMA23130": future}}
	s = NewSession(b.Items(), st, SessionOptions{Scope: Scope{Kind: ScopePack}, Length: 5}, t0)
	s.Answered("find:FMA23130", Good, t0)
	c, _ = s.Card("find:FMA23130")
	if c.LastReview.Before(future.LastReview) || !c.Due.After(future.LastReview) {
		t.Errorf("after a backward jump: %+v", c)
	}
}

func TestSessionPendingAndEnd(t *testing.T) {
	b := handBank()
	s := NewSession(b.Items(), LearnerState{}, SessionOptions{Scope: Scope{Kind: ScopePack}, Length: 2}, t0)
	a, _ := s.Next(t0)
	again, _ := s.Next(t0.Add(time.Minute))
	if a.ID != again.ID {
		t.Errorf("an unanswered question changed: %s then %s", a.ID, again.ID)
	}
	s.Answered("find:nowhere", Good, t0) // unknown items are ignored
	if s.Asked() != 0 {
		t.Errorf("asked %d", s.Asked())
	}
	askN(s, 5, t0)
	if s.Asked() != 2 {
		t.Errorf("asked %d, want the length 2", s.Asked())
	}
	if _, ok := s.Next(t0); ok {
		t.Error("session goes on past its length")
	}
	empty := NewSession(nil, LearnerState{}, SessionOptions{Scope: Scope{Kind: ScopePack}, Length: 10}, t0)
	if _, ok := empty.Next(t0); ok || empty.Len() != 0 {
		t.Error("an empty pack asks something")
	}
	zero := NewSession(b.Items(), LearnerState{}, SessionOptions{Scope: Scope{Kind: ScopePack}}, t0)
	if _, ok := zero.Next(t0); ok {
		t.Error("a session of length 0 asks something")
	}
}

func TestSessionUpdateFromStore(t *testing.T) {
	b := handBank()
	s := NewSession(b.Items(), LearnerState{}, SessionOptions{Scope: Scope{Kind: ScopePack}, Length: 5}, t0)
	c := reviewCard(t0.Add(time.Hour))
	s.Update("find:FMA23130", c, map[SkillID]SkillEstimate{"structure:FMA23130": {Estimate: 0.7, Evidence: 1}})
	if got, ok := s.Card("find:FMA23130"); !ok || !got.Due.Equal(c.Due) {
		t.Errorf("card %+v", got)
	}
	if m, _ := s.Mastery("structure:FMA23130"); m.Estimate != 0.7 {
		t.Errorf("mastery %+v", m)
	}
	if _, ok := s.Card("find:FMA23131"); ok {
		t.Error("a new item has a card")
	}
}

// TestSessionUpdateAfterClockWentBack: the store, whose clock went back, reports a review older
// than the session's own; the session keeps its own, or the item would look overdue at once.
func TestSessionUpdateAfterClockWentBack(t *testing.T) {
	b := handBank()
	s := NewSession(b.Items(), LearnerState{}, SessionOptions{Scope: Scope{Kind: ScopePack}, Length: 5}, t0)
	s.Answered("find:FMA23130", Good, t0)
	mine, _ := s.Card("find:FMA23130")
	old := NewScheduler(DefaultSchedulerParams())
	stale, _ := old.Review(NewCard(t0.Add(-2*time.Hour)), t0.Add(-2*time.Hour), Good)
	s.Update("find:FMA23130", stale, nil)
	if got, _ := s.Card("find:FMA23130"); !got.LastReview.Equal(mine.LastReview) || got.IsDue(t0.Add(time.Minute)) {
		t.Errorf("the session took a stale card: %+v", got)
	}
}

func TestSessionRepeatedItems(t *testing.T) {
	b := handBank()
	items := append(append([]Item(nil), b.Items()...), b.Items()[:5]...)
	s := NewSession(items, LearnerState{}, SessionOptions{Scope: Scope{Kind: ScopePack}, Length: 100}, t0)
	if s.Len() != len(b.Items()) {
		t.Fatalf("%d items in the session, want %d", s.Len(), len(b.Items()))
	}
	got := askN(s, 100, t0)
	seen := map[ItemID]bool{}
	for _, id := range got {
		if seen[id] {
			t.Fatalf("%s asked twice", id)
		}
		seen[id] = true
	}
	s.Answered(b.Items()[0].ID, Again, t0)
	if c, ok := s.Card(b.Items()[0].ID); !ok || c.Lapses == 0 && c.State != StateRelearning && c.Reps < 2 {
		t.Errorf("a repeated item's card is not the one answered: %+v", c)
	}
}

// BenchmarkNewSession starts a session over 10,000 items (5,000 structures, half the items
// answered before): the one-off work before a session's first question.
func BenchmarkNewSession(b *testing.B) {
	ss := make([]Structure, 5000)
	for st := range ss {
		ss[st] = Structure{ID: fmt.Sprintf("FMA:%d", 10000+st), Name: fmt.Sprintf("Structure %d", st),
			Region: fmt.Sprintf("region-%02d", st%50), System: fmt.Sprintf("system-%02d", st%12),
			OnModel: true, Center: [3]float64{float64(st % 71), float64(st % 13), float64(st % 7)}}
	}
	var items []Item
	for _, it := range NewBank(ss, nil).Items() {
		if k := it.Kind(); k == KindFind || k == KindNameChoice {
			items = append(items, it)
		}
	}
	st := LearnerState{Cards: map[ItemID]Card{}, Mastery: map[SkillID]SkillEstimate{}}
	for i, it := range items {
		if i%2 == 0 {
			st.Cards[it.ID] = Card{Due: t0, LastReview: t0.Add(-time.Hour), State: StateReview, Stability: 2, Difficulty: 5, Reps: 1}
		}
		for _, sk := range it.Skills {
			st.Mastery[sk] = SkillEstimate{Estimate: 0.5, Evidence: 3}
		}
	}
	for b.Loop() {
		NewSession(items, st, SessionOptions{Length: 10}, t0)
	}
}
