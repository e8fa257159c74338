package learning_test

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/progress"
)

// The simulated learner has a known forgetting model, different from the
// one FSRS assumes, so the scheduler is not tested against itself:
//
//   - an item never met is not known (recall probability 0);
//   - seeing an item with its answer (every question gives feedback) makes it
//     known with stability S0 = 1 day / d, where the item's difficulty d is
//     drawn once from [0.6, 1.6];
//   - recall at time t is exp(−(t − last)/S) (exponential forgetting);
//   - a successful recall multiplies S by 1 + 0.1 + 2(1 − p)/d, where p was
//     the recall probability: spaced, effortful recall strengthens memory
//     most, cramming hardly at all;
//   - a failed recall (the feedback re-teaches) leaves S = max(S0, 0.4 S);
//   - a right answer can also be a guess: 1 in 4 for choices, 1 in 10 for
//     clicking among the framed neighbours, none for typing. A guess does
//     not strengthen memory.
//
// Every schedule gets the same learner, the same 2,000 questions in one
// sitting a day for 60 days (10 to 20 s a question), and is scored by the
// learner's true mean recall probability over all items at the end.
const (
	simQuestions = 2000
	simDays      = 60
)

var simStart = time.Date(2025, 1, 6, 18, 0, 0, 0, time.UTC)

type simLearner struct {
	diff  map[learning.ItemID]float64
	known map[learning.ItemID]bool
	s     map[learning.ItemID]float64 // stability, days
	last  map[learning.ItemID]time.Time
	rng   *rand.Rand
}

func newSimLearner(items []learning.Item, seed uint64) *simLearner {
	l := &simLearner{diff: map[learning.ItemID]float64{}, known: map[learning.ItemID]bool{},
		s: map[learning.ItemID]float64{}, last: map[learning.ItemID]time.Time{}, rng: rand.New(rand.NewPCG(seed, 99))}
	d := rand.New(rand.NewPCG(20250106, 1)) // the same items for every schedule
	for _, it := range items {
		l.diff[it.ID] = 0.6 + d.Float64()
	}
	return l
}

func (l *simLearner) recall(id learning.ItemID, at time.Time) float64 {
	if !l.known[id] {
		return 0
	}
	return math.Exp(-at.Sub(l.last[id]).Hours() / 24 / l.s[id])
}

// answer says whether the learner gets item id right at at, and how long it
// took; the learner then learns from the feedback.
func (l *simLearner) answer(id learning.ItemID, at time.Time) (bool, time.Duration) {
	p := l.recall(id, at)
	recalled := l.rng.Float64() < p
	guess := map[learning.ItemKind]float64{learning.KindNameChoice: 0.25, learning.KindMCQ: 0.25, learning.KindFind: 0.1}[id.Kind()]
	correct := recalled || l.rng.Float64() < guess
	expected := learning.ExpectedTime(id.Kind())
	resp := time.Duration(float64(expected) * 1.5)
	d := l.diff[id]
	s0 := 1 / d
	switch {
	case !l.known[id]:
		l.known[id], l.s[id] = true, s0
	case recalled:
		resp = time.Duration(float64(expected) * (0.3 + 1.5*(1-p)))
		l.s[id] *= 1 + 0.1 + 2*(1-p)/d
	default:
		l.s[id] = max(s0, 0.4*l.s[id])
	}
	l.last[id] = at
	return correct, resp
}

func (l *simLearner) retention(items []learning.Item, at time.Time) float64 {
	sum := 0.0
	for _, it := range items {
		sum += l.recall(it.ID, at)
	}
	return sum / float64(len(items))
}

// simBank is a made-up pack of 60 structures in 6 regions and 3 systems.
func simBank() *learning.Bank {
	var ss []learning.Structure
	for i := range 60 {
		r := i / 10
		ss = append(ss, learning.Structure{ID: fmt.Sprintf("S%02d", i), Name: fmt.Sprintf("Structure %02d", i),
			System: []string{"skeletal", "muscular", "nervous"}[i%3], Region: fmt.Sprintf("region-%d", r),
			OnModel: true, Center: [3]float64{float64(r), float64(i % 10), 0}})
	}
	return learning.NewBank(ss, nil)
}

// sittings calls ask for every question of the 60 days: one sitting a day,
// the questions shared out evenly, 10 to 20 s apart.
func sittings(rng *rand.Rand, ask func(day, n int, at func() time.Time)) {
	for day := range simDays {
		n := simQuestions/simDays + btoi(day < simQuestions%simDays)
		t := simStart.AddDate(0, 0, day).Add(time.Duration(rng.IntN(90)) * time.Minute)
		ask(day, n, func() time.Time {
			t = t.Add(time.Duration(10+rng.IntN(11)) * time.Second)
			return t
		})
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

var simEnd = simStart.AddDate(0, 0, simDays)

// simFixed asks every item in turn, round and round.
func simFixed(items []learning.Item) float64 {
	l := newSimLearner(items, 1)
	k := 0
	sittings(rand.New(rand.NewPCG(3, 3)), func(_, n int, at func() time.Time) {
		for range n {
			l.answer(items[k%len(items)].ID, at())
			k++
		}
	})
	return l.retention(items, simEnd)
}

// simRandom asks items drawn at random.
func simRandom(items []learning.Item) float64 {
	l := newSimLearner(items, 1)
	pick := rand.New(rand.NewPCG(4, 4))
	sittings(rand.New(rand.NewPCG(3, 3)), func(_, n int, at func() time.Time) {
		for range n {
			l.answer(items[pick.IntN(len(items))].ID, at())
		}
	})
	return l.retention(items, simEnd)
}

// TestSimulatedLearner runs the learner through the real scheduler and the
// real store, and against random and fixed orders with the same number of
// questions. The scheduler must leave the learner remembering more.
func TestSimulatedLearner(t *testing.T) {
	if testing.Short() {
		t.Skip("2,000 durable writes")
	}
	b := simBank()
	items := b.Items()
	run := simScheduler(t, b)
	if run.asked != simQuestions {
		t.Fatalf("the scheduler asked %d questions, want %d", run.asked, simQuestions)
	}
	sched := run.retention
	random, fixed := simRandom(items), simFixed(items)
	t.Logf("true retention after %d questions over %d days, %d items: scheduler %.3f, random order %.3f, fixed order %.3f",
		simQuestions, simDays, len(items), sched, random, fixed)
	if sched <= random || sched <= fixed {
		t.Errorf("the scheduler (%.3f) does not beat random (%.3f) and fixed (%.3f) orders", sched, random, fixed)
	}
	t.Logf("mastery: first skill mastered on day %d; at the end %d of 60 structures, %d of 6 regions, %d of 3 systems mastered; mean structure estimate %.3f",
		run.firstMastered+1, run.mastered[learning.SkillStructure], run.mastered[learning.SkillRegion],
		run.mastered[learning.SkillSystem], run.meanStructure)
	if run.firstMastered < 1 {
		t.Errorf("a skill was mastered on the first day (day %d): mastery needs two occasions", run.firstMastered+1)
	}
}

// simRun is what the scheduler's run left: the learner's true retention,
// the questions asked, the day (from 0) a skill was first mastered, the
// skills mastered at the end by kind and the mean estimate of structures.
type simRun struct {
	retention     float64
	asked         int
	firstMastered int
	mastered      map[learning.SkillKind]int
	meanStructure float64
}

// simScheduler runs the learner through learning.Session and progress.Store
// as the Practice screen does: load the learner's state, ask, record each
// answer, feed the store's result back.
func simScheduler(t *testing.T, b *learning.Bank) simRun {
	ctx := context.Background()
	st, err := progress.Open(ctx, filepath.Join(t.TempDir(), "sim.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	now := simStart
	st.Now = func() time.Time { return now }
	who, err := st.CreateLearner(ctx, "simulated", "")
	if err != nil {
		t.Fatal(err)
	}
	items := b.Items()
	l := newSimLearner(items, 1)
	asked, first := 0, -1
	sittings(rand.New(rand.NewPCG(3, 3)), func(day, n int, at func() time.Time) {
		now = at()
		state := loadState(t, st, who.ID, items)
		sess := learning.NewSession(items, state, learning.SessionOptions{Scope: learning.Scope{Kind: learning.ScopePack},
			Length: n, Rand: rand.New(rand.NewPCG(uint64(day), 5))}, now)
		for {
			it, ok := sess.Next(now)
			if !ok {
				break
			}
			correct, resp := l.answer(it.ID, now)
			g := learning.GradeAnswer(correct, resp, learning.ExpectedTime(it.Kind()))
			sess.Answered(it.ID, g, now)
			res, err := st.RecordAttempt(ctx, progress.AttemptInput{Learner: who.ID, Item: it.ID, Correct: correct,
				Grade: g, Response: resp, Skills: it.Skills})
			if err != nil {
				t.Fatal(err)
			}
			sess.Update(it.ID, res.Card, estimates(res.Mastery))
			if first < 0 && len(res.NewlyMastered) > 0 {
				first = day
			}
			asked++
			now = at()
		}
	})
	run := simRun{retention: l.retention(items, simEnd), asked: asked, firstMastered: first,
		mastered: map[learning.SkillKind]int{}}
	for _, kind := range []learning.SkillKind{learning.SkillStructure, learning.SkillRegion, learning.SkillSystem} {
		ms, err := st.Mastery(ctx, who.ID, kind)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			run.mastered[kind] += btoi(m.Mastered)
			if kind == learning.SkillStructure {
				run.meanStructure += m.Estimate / float64(len(ms))
			}
		}
	}
	return run
}

func loadState(t *testing.T, st *progress.Store, who progress.LearnerID, items []learning.Item) learning.LearnerState {
	ctx := context.Background()
	ids := make([]learning.ItemID, len(items))
	var skills []learning.SkillID
	seen := map[learning.SkillID]bool{}
	for i, it := range items {
		ids[i] = it.ID
		for _, sk := range it.Skills {
			if !seen[sk] {
				seen[sk] = true
				skills = append(skills, sk)
			}
		}
	}
	cards, err := st.Cards(ctx, who, ids)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := st.SkillMastery(ctx, who, skills)
	if err != nil {
		t.Fatal(err)
	}
	m := map[learning.SkillID]learning.SkillEstimate{}
	for k, v := range ms {
		m[k] = learning.SkillEstimate{Estimate: v.Estimate, Evidence: v.Evidence}
	}
	return learning.LearnerState{Cards: cards, Mastery: m}
}

func estimates(ms []progress.SkillMastery) map[learning.SkillID]learning.SkillEstimate {
	out := make(map[learning.SkillID]learning.SkillEstimate, len(ms))
	for _, m := range ms {
		out[m.Skill] = learning.SkillEstimate{Estimate: m.Estimate, Evidence: m.Evidence}
	}
	return out
}
