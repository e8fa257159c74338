package progress

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/osteon/osteon/learning"
)

// bigBank is the item bank behind the big benchmark database: its 5,000
// structures in 50 regions and 12 systems, keeping the 10,000 items the
// database holds (find and name-choice).
func bigBank() []learning.Item {
	ss := make([]learning.Structure, bigStructures)
	for st := range ss {
		ss[st] = learning.Structure{ID: fmt.Sprintf("FMA:%d", 10000+st), Name: fmt.Sprintf("Structure %d", st),
			Region: fmt.Sprintf("region-%02d", st%bigRegions), System: fmt.Sprintf("system-%02d", st%bigSystems),
			OnModel: true, Center: [3]float64{float64(st % 71), float64(st % 13), float64(st % 7)}}
	}
	var items []learning.Item
	for _, it := range learning.NewBank(ss, nil).Items() {
		if k := it.Kind(); k == learning.KindFind || k == learning.KindNameChoice {
			items = append(items, it)
		}
	}
	return items
}

// BenchmarkNextItem: choosing the next practice item for a learner with
// 10,000 items and 1,000,000 attempts. Target: next-item under 5 ms.
//
//   - load-state: reading the learner's cards and mastery for all 10,000
//     items from the store, done once when Practice opens (it also gives the
//     setup screen its due count), off the UI goroutine;
//   - start-session: building a session over the loaded state;
//   - next-item-*: choosing the next item and taking in its answer, what the
//     learner waits for between questions, in each scope.
func BenchmarkNextItem(b *testing.B) {
	s, l := openBig(b)
	ctx := context.Background()
	items := bigBank()
	if len(items) != 2*bigStructures {
		b.Fatalf("%d items", len(items))
	}
	state, err := s.LearnerState(ctx, l, items)
	if err != nil {
		b.Fatal(err)
	}
	if len(state.Cards) < len(items)/2 {
		b.Fatalf("only %d of %d items have cards: wrong ids?", len(state.Cards), len(items))
	}
	b.Run("load-state-10000", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.LearnerState(ctx, l, items); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("start-session", func(b *testing.B) {
		for b.Loop() {
			learning.NewSession(items, state, learning.SessionOptions{Scope: learning.Scope{Kind: learning.ScopePack}, Length: 20}, bigEnd)
		}
	})
	for _, scope := range []learning.Scope{{Kind: learning.ScopePack}, {Kind: learning.ScopeDue},
		{Kind: learning.ScopeWeakest}, {Kind: learning.ScopeRegion, Key: "region-07"}} {
		b.Run("next-item-"+scope.String(), func(b *testing.B) {
			benchNext(b, items, state, scope)
		})
	}
}

func benchNext(b *testing.B, items []learning.Item, state learning.LearnerState, scope learning.Scope) {
	newSession := func() *learning.Session {
		return learning.NewSession(items, state, learning.SessionOptions{Scope: scope, Length: 1 << 30,
			Rand: rand.New(rand.NewPCG(1, 1))}, bigEnd)
	}
	sess, now := newSession(), bigEnd
	for b.Loop() {
		it, ok := sess.Next(now)
		if !ok {
			b.StopTimer()
			sess, now = newSession(), bigEnd
			b.StartTimer()
			continue
		}
		sess.Answered(it.ID, learning.Good, now)
		now = now.Add(10 * time.Second)
	}
}
