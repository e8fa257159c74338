package learning

import (
	"fmt"
	"strings"
	"time"
)

// ScopeKind is what a practice session covers.
type ScopeKind string

// The scopes a learner can choose.
const (
	ScopePack    ScopeKind = "pack"    // everything in the pack
	ScopeRegion  ScopeKind = "region"  // one region and the regions inside it
	ScopeSystem  ScopeKind = "system"  // one body system
	ScopeDue     ScopeKind = "due"     // only what is due for review
	ScopeWeakest ScopeKind = "weakest" // the learner's weakest structures first
)

// Scope is what a session covers: a kind, and for regions and systems
// which one.
type Scope struct {
	Kind ScopeKind
	Key  string
}

// String is the scope as progress.StartSession stores it: "pack", "due",
// "weakest", "region:<region>" or "system:<system>".
func (s Scope) String() string {
	if s.Kind == ScopeRegion || s.Kind == ScopeSystem {
		return string(s.Kind) + ":" + s.Key
	}
	return string(s.Kind)
}

// ParseScope reads a scope written by String.
func ParseScope(str string) (Scope, error) {
	kind, key, _ := strings.Cut(str, ":")
	s := Scope{Kind: ScopeKind(kind), Key: key}
	switch s.Kind {
	case ScopePack, ScopeDue, ScopeWeakest:
		if key == "" {
			return s, nil
		}
	case ScopeRegion, ScopeSystem:
		if key != "" {
			return s, nil
		}
	}
	return Scope{}, fmt.Errorf("learning: scope %q: want pack, due, weakest, region:<name> or system:<name>", str)
}

// Includes reports whether an item is in scope. A region includes the
// regions inside it ("upper_limb" includes "upper_limb/hand"). Due and
// weakest include every item; the session decides which to ask.
func (s Scope) Includes(it Item) bool {
	switch s.Kind {
	case ScopeRegion:
		return it.Region == s.Key || strings.HasPrefix(it.Region, s.Key+"/")
	case ScopeSystem:
		return it.System == s.Key
	}
	return true
}

// SkillEstimate is a learner's mastery of one skill, as the store reports
// it.
type SkillEstimate struct {
	Estimate float64 // 0..1
	Evidence int     // answers counted
}

// LearnerState is what a session knows of the learner when it starts: the
// memory state of every item answered before (an item missing is new) and
// mastery of the skills the items are evidence for (a skill missing has no
// evidence).
type LearnerState struct {
	Cards   map[ItemID]Card
	Mastery map[SkillID]SkillEstimate
}

// Count is how much of a scope there is to practise. The parts add up:
// Items = Due + New + Ahead.
type Count struct {
	Items int // in scope
	Due   int // answered before and due now
	New   int // never answered
	Ahead int // answered before and not due yet
}

// CountScope counts the items of a scope: in scope, due at now, and new.
func CountScope(items []Item, st LearnerState, scope Scope, now time.Time) Count {
	var c Count
	for _, it := range items {
		if !scope.Includes(it) {
			continue
		}
		c.Items++
		card, seen := st.Cards[it.ID]
		switch {
		case !seen:
			c.New++
		case card.IsDue(now):
			c.Due++
		default:
			c.Ahead++
		}
	}
	return c
}
