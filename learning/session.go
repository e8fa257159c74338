package learning

import (
	"math/rand/v2"
	"strings"
	"time"
)

// A practice session asks items in this order of classes:
//
//  1. weakest scope only: items already answered whose structure is below
//     the mastery threshold, weakest first;
//  2. due: items whose review is due, most overdue first (an item missed
//     earlier in the session comes back here when its short relearning
//     step is over);
//  3. new: items never answered, where mastery is weakest first (the
//     structure's estimate, then its region's), ties at random; a
//     structure is first met by finding it or choosing its name, never by
//     typing it while other new items wait;
//  4. ahead: items answered before and not yet due, soonest due first, so
//     a long session in a small scope still has something worth asking.
//
// The "due" scope asks only class 2. Within a class the best item from a
// region other than the last question's, about a structure not in the last
// three questions, is preferred (interleaving); failing that the best of
// the class. An item answered in the session is asked again only when due.

// SessionOptions configure a session.
type SessionOptions struct {
	Scope  Scope
	Length int // questions to ask; the session may end sooner when nothing in scope is left
	// Rand breaks ties; nil uses a fixed seed.
	Rand *rand.Rand
	// Scheduler updates memory states within the session (as the store
	// will); nil uses the default parameters.
	Scheduler *Scheduler
}

// Session chooses a practice session's items one at a time.
type Session struct {
	opt      SessionOptions
	sched    *Scheduler
	entries  []entry
	index    map[ItemID]int
	base     map[SkillID]SkillEstimate // mastery at the start (the caller's, not changed)
	updates  map[SkillID]SkillEstimate // mastery the store reported since
	touched  map[string]bool           // structures with an item answered before or in the session
	clock    time.Time                 // never goes back
	asked    int                       // questions answered
	pending  int                       // entry offered by Next and not yet answered; -1 none
	recent   []string                  // structures of the latest questions, newest last
	lastArea string
}

type entry struct {
	item      *Item // in the caller's items, which the session only reads
	card      Card
	seen      bool    // answered before (has a card)
	answered  int     // times answered in this session
	lastAsked int     // question number it was last answered at; -1 never
	tie       float64 // random tie-break
	typed     bool    // a name-typed item
	structure SkillID // the structure's skill ("" without one)
	region    SkillID // the region's skill ("" without one)
	est       SkillEstimate
	regEst    float64
}

// recentWindow is how many latest questions' structures the session
// avoids repeating.
const recentWindow = 3

// NewSession starts a session over items (those in opt.Scope are used)
// for a learner in state st at now.
func NewSession(items []Item, st LearnerState, opt SessionOptions, now time.Time) *Session {
	if opt.Rand == nil {
		opt.Rand = rand.New(rand.NewPCG(1, 2))
	}
	if opt.Scheduler == nil {
		opt.Scheduler = NewScheduler(DefaultSchedulerParams())
	}
	// The index of item ids is built on another goroutine while the entries are made here
	// (together they are most of the work over 10,000 items). Only when the index finds an id
	// twice are the entries made again, one by one, leaving out the repeats.
	indexed := make(chan map[ItemID]int, 1)
	go func() { indexed <- indexItems(items, opt.Scope) }()
	s := newSession(items, st, opt, now, nil)
	if s.index = <-indexed; s.index == nil {
		return newSession(items, st, opt, now, make(map[ItemID]int, len(items)))
	}
	for i := range s.entries { // ties drawn in the same order as the one-by-one way
		s.entries[i].tie = opt.Rand.Float64()
	}
	return s
}

// newSession makes the session's entries. With a non-nil index it fills it as it goes, leaves
// out repeated ids and draws each entry's tie-break; without, the caller does both.
func newSession(items []Item, st LearnerState, opt SessionOptions, now time.Time, index map[ItemID]int) *Session {
	s := &Session{opt: opt, sched: opt.Scheduler, index: index, base: st.Mastery,
		updates: map[SkillID]SkillEstimate{}, touched: make(map[string]bool, len(st.Cards)), clock: now, pending: -1}
	s.entries = make([]entry, 0, len(items))
	var c entryContext
	for k := range items {
		it := &items[k]
		if !opt.Scope.Includes(*it) {
			continue
		}
		e := entry{item: it, lastAsked: -1, typed: it.Kind() == KindNameTyped}
		if index != nil {
			n := len(index)
			if index[it.ID] = len(s.entries); len(index) == n {
				index[it.ID] = s.first(it.ID) // a repeated item: keep the first
				continue
			}
			e.tie = opt.Rand.Float64()
		}
		e.card, e.seen = st.Cards[it.ID]
		c.fill(s, &e)
		s.entries = append(s.entries, e)
	}
	return s
}

// entryContext remembers the last structure and region looked up: the bank lists a structure's
// items side by side, so they are usually the next item's too.
type entryContext struct {
	structure   string
	skill       SkillID
	est         SkillEstimate
	regionName  string
	region      SkillID
	regionEst   float64
	regionsSeen map[string]regionEst
}

type regionEst struct {
	skill SkillID
	est   float64
}

// fill sets the entry's skills and their estimates.
func (c *entryContext) fill(s *Session, e *entry) {
	it := e.item
	if it.Structure != "" {
		if it.Structure != c.structure || c.skill == "" {
			c.structure, c.skill = it.Structure, structureSkillOf(*it)
			c.est = s.base[c.skill]
		}
		e.structure, e.est = c.skill, c.est
		if e.seen {
			s.touched[it.Structure] = true
		}
	}
	if it.Region != "" {
		if it.Region != c.regionName {
			if c.regionsSeen == nil {
				c.regionsSeen = map[string]regionEst{}
			}
			r, ok := c.regionsSeen[it.Region]
			if !ok {
				r.skill = RegionSkill(it.Region)
				r.est = s.base[r.skill].Estimate
				c.regionsSeen[it.Region] = r
			}
			c.regionName, c.region, c.regionEst = it.Region, r.skill, r.est
		}
		e.region, e.regEst = c.region, c.regionEst
	}
}

// indexItems maps the ids of the items in scope to their places among them, or returns nil
// when an id comes twice.
func indexItems(items []Item, sc Scope) map[ItemID]int {
	index := make(map[ItemID]int, len(items))
	for k := range items {
		if !sc.Includes(items[k]) {
			continue
		}
		n := len(index)
		if index[items[k].ID] = n; len(index) == n {
			return nil
		}
	}
	return index
}

// first is the index of the first entry for id.
func (s *Session) first(id ItemID) int {
	for i := range s.entries {
		if s.entries[i].item.ID == id {
			return i
		}
	}
	return -1
}

// structureSkillOf is the skill of the item's structure: the bank lists it first among the
// item's skills; for items made otherwise it is built.
func structureSkillOf(it Item) SkillID {
	const prefix = string(SkillStructure) + ":"
	if len(it.Skills) > 0 {
		if sk := it.Skills[0]; len(sk) == len(prefix)+len(it.Structure) && strings.HasPrefix(string(sk), prefix) &&
			string(sk[len(prefix):]) == it.Structure {
			return sk
		}
	}
	return StructureSkill(it.Structure)
}

// Len is the number of items in scope.
func (s *Session) Len() int { return len(s.entries) }

// Asked is the number of questions answered so far.
func (s *Session) Asked() int { return s.asked }

// Length is the number of questions the session was asked to hold.
func (s *Session) Length() int { return s.opt.Length }

// Now is the session's clock: the latest time it was given. A clock that
// jumps back does not move it back, so intervals never run backwards.
func (s *Session) Now() time.Time { return s.clock }

func (s *Session) tick(now time.Time) time.Time {
	if now.After(s.clock) {
		s.clock = now
	}
	return s.clock
}

// Next returns the item to ask next, or false when the session is over
// (its length reached, or nothing in scope left to ask). Until that item
// is answered, Next returns it again.
func (s *Session) Next(now time.Time) (Item, bool) {
	now = s.tick(now)
	if s.pending >= 0 {
		return *s.entries[s.pending].item, true
	}
	if s.asked >= s.opt.Length {
		return Item{}, false
	}
	i := s.choose(now)
	if i < 0 {
		return Item{}, false
	}
	s.pending = i
	return *s.entries[i].item, true
}

// Answered records that item id was answered with grade g at now: the
// session updates the item's memory state itself (so it never waits for
// the store) and moves on. Update later brings the store's own result.
func (s *Session) Answered(id ItemID, g Grade, now time.Time) {
	now = s.tick(now)
	i, ok := s.index[id]
	if !ok {
		return
	}
	e := &s.entries[i]
	if !e.seen {
		e.card = NewCard(now)
	}
	if c, err := s.sched.Review(e.card, now, g); err == nil {
		e.card = c
	}
	e.seen = true
	e.answered++
	e.lastAsked = s.asked
	s.asked++
	if s.pending == i {
		s.pending = -1
	}
	if e.item.Structure != "" {
		s.touched[e.item.Structure] = true
	}
	s.recent = append(s.recent, e.item.Structure)
	if len(s.recent) > recentWindow {
		s.recent = s.recent[1:]
	}
	s.lastArea = e.item.Region
}

// Update brings what the store recorded for an answer: the item's memory
// state and the new mastery of its skills. A card reviewed earlier than the
// session's own review of the item (the store's clock went back while the
// session's did not) is ignored, so the session never sees an item it just
// asked as overdue.
func (s *Session) Update(id ItemID, c Card, mastery map[SkillID]SkillEstimate) {
	if i, ok := s.index[id]; ok {
		e := &s.entries[i]
		if !e.seen || !c.LastReview.Before(e.card.LastReview) {
			e.card, e.seen = c, true
		}
	}
	if len(mastery) == 0 {
		return
	}
	for sk, m := range mastery {
		s.updates[sk] = m
	}
	for i := range s.entries {
		e := &s.entries[i]
		if _, ok := mastery[e.structure]; ok {
			s.refresh(e)
		} else if _, ok := mastery[e.region]; ok {
			s.refresh(e)
		}
	}
}

// refresh reads an entry's mastery estimates.
func (s *Session) refresh(e *entry) {
	e.est, _ = s.Mastery(e.structure)
	r, _ := s.Mastery(e.region)
	e.regEst = r.Estimate
}

// Mastery is the session's latest estimate of a skill.
func (s *Session) Mastery(sk SkillID) (SkillEstimate, bool) {
	if sk == "" {
		return SkillEstimate{}, false
	}
	if len(s.updates) > 0 {
		if m, ok := s.updates[sk]; ok {
			return m, true
		}
	}
	m, ok := s.base[sk]
	return m, ok
}

// Card is the session's latest memory state of an item; false if new.
func (s *Session) Card(id ItemID) (Card, bool) {
	i, ok := s.index[id]
	if !ok || !s.entries[i].seen {
		return Card{}, false
	}
	return s.entries[i].card, true
}
