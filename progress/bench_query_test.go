package progress

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/osteon/osteon/learning"
)

// The big benchmark database: one learner with 1,000,000 attempts over
// 10,000 items (5,000 structures × find and name-choice, in 50 regions and
// 12 systems) across a year, 2,000 drill runs, and two small learners. It
// is generated once and cached under os.TempDir, keyed by schema version
// and generator version.
const (
	bigAttempts   = 1_000_000
	bigStructures = 5_000
	bigRegions    = 50
	bigSystems    = 12
	bigGenVersion = 2
)

var bigEnd = time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)

func getenvDir(k string) string { return os.Getenv(k) }

func bigDBPath(tb testing.TB) string {
	tb.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("osteon-bench-v%d-g%d.db", SchemaVersion, bigGenVersion))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	start := time.Now()
	tmp := path + fmt.Sprintf(".%d.tmp", os.Getpid())
	if err := genBigDB(tmp); err != nil {
		os.Remove(tmp)
		tb.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		tb.Fatal(err)
	}
	tb.Logf("generated %s in %v", path, time.Since(start).Round(time.Millisecond))
	return path
}

func bigItem(n int) (learning.ItemID, []learning.SkillID) {
	st := n / 2
	kind := []string{"find", "name-choice"}[n%2]
	return learning.ItemID(fmt.Sprintf("%s:FMA:%d", kind, 10000+st)), []learning.SkillID{
		learning.SkillID(fmt.Sprintf("structure:FMA:%d", 10000+st)),
		learning.SkillID(fmt.Sprintf("region:region-%02d", st%bigRegions)),
		learning.SkillID(fmt.Sprintf("system:system-%02d", st%bigSystems))}
}

// genBigDB builds the file with the real migrations, then fills it in one
// transaction through prepared statements, with FSRS states and mastery
// computed by replaying the attempts through package learning.
func genBigDB(path string) error {
	ctx := context.Background()
	s, err := open(ctx, path, options{synchronous: "OFF"})
	if err != nil {
		return err
	}
	defer s.Close()
	s.Now = func() time.Time { return bigEnd.AddDate(-1, 0, 0) }
	var ids []LearnerID
	for _, name := range []string{"main", "other-1", "other-2"} {
		l, err := s.CreateLearner(ctx, name, "")
		if err != nil {
			return err
		}
		ids = append(ids, l.ID)
		s.SetLeaderboard(ctx, l.ID, true)
	}
	// A big page cache keeps the one transaction from spilling, and the
	// attempts' indexes are built after the rows (from their own schema
	// text) rather than row by row.
	if _, err := s.db.ExecContext(ctx, "PRAGMA cache_size = -524288"); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *wtx) error {
		indexes, err := dropIndexes(ctx, tx, "attempts")
		if err != nil {
			return err
		}
		for i, id := range ids {
			n := bigAttempts
			if i > 0 {
				n = 1000
			}
			if err := fillLearner(ctx, s, tx, id, n, uint64(i+1)); err != nil {
				return err
			}
		}
		for _, ix := range indexes {
			if _, err := tx.ExecContext(ctx, ix); err != nil {
				return err
			}
		}
		return nil
	})
}

// dropIndexes drops table's indexes and returns the SQL that recreates them.
func dropIndexes(ctx context.Context, tx *wtx, table string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT name, sql FROM sqlite_schema
		WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`, table)
	if err != nil {
		return nil, err
	}
	var names, defs []string
	for rows.Next() {
		var n, d string
		if err := rows.Scan(&n, &d); err != nil {
			rows.Close()
			return nil, err
		}
		names, defs = append(names, n), append(defs, d)
	}
	rows.Close()
	for _, n := range names {
		if _, err := tx.ExecContext(ctx, `DROP INDEX "`+n+`"`); err != nil {
			return nil, err
		}
	}
	return defs, rows.Err()
}

type bigState struct {
	card learning.Card
	seen bool
}

// attemptBatch rows go into one multi-row INSERT, to spare per-statement
// overhead.
const attemptBatch = 100

func fillLearner(ctx context.Context, s *Store, tx *wtx, l LearnerID, n int, seed uint64) error {
	rng := rand.New(rand.NewPCG(seed, 42))
	one := "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}')"
	ins, err := tx.PrepareContext(ctx, `INSERT INTO attempts (learner_id, item_id, item_kind, grade, correct,
		score, response_ms, at, points, skills, detail) VALUES `+strings.Repeat(one+",", attemptBatch-1)+one)
	if err != nil {
		return err
	}
	defer ins.Close()
	g := &bigGen{items: make([]bigState, 2*bigStructures), mastery: map[learning.SkillID]*learning.MasteryState{},
		masteredAt: map[learning.SkillID]time.Time{}, sched: learning.NewScheduler(learning.SchedulerParams{
			RequestRetention: 0.9, MaximumInterval: 36500})} // no fuzz: same states, faster
	start := bigEnd.AddDate(-1, 0, 0)
	step := bigEnd.Sub(start) / time.Duration(n)
	args := make([]any, 0, 10*attemptBatch)
	for i := range n {
		row, err := g.attempt(rng, l, start.Add(time.Duration(i)*step))
		if err != nil {
			return err
		}
		args = append(args, row...)
		if len(args) == cap(args) {
			if _, err := ins.ExecContext(ctx, args...); err != nil {
				return err
			}
			args = args[:0]
		}
	}
	for ; len(args) > 0; args = args[10:] { // a last partial batch, row by row
		if _, err := tx.ExecContext(ctx, `INSERT INTO attempts (learner_id, item_id, item_kind, grade, correct,
			score, response_ms, at, points, skills, detail) VALUES `+one, args[:10]...); err != nil {
			return err
		}
	}
	if err := fillStates(ctx, tx, l, g.items, g.mastery, g.masteredAt); err != nil {
		return err
	}
	if err := fillDrills(ctx, tx, l, rng, start); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE learner_stats SET points = ?, attempts = ?, correct = ?,
		streak = 30, longest_streak = 45, last_day = ? WHERE learner_id = ?`,
		g.points, n, g.correct, bigEnd.Format(time.DateOnly), l)
	return err
}

// bigGen replays generated attempts through FSRS and mastery.
type bigGen struct {
	items           []bigState
	mastery         map[learning.SkillID]*learning.MasteryState
	masteredAt      map[learning.SkillID]time.Time
	sched           *learning.Scheduler
	points, correct int
}

// attempt makes one random attempt at time at and returns its row values.
func (g *bigGen) attempt(rng *rand.Rand, l LearnerID, at time.Time) ([]any, error) {
	k := rng.IntN(len(g.items))
	id, skills := bigItem(k)
	correct := rng.Float64() < 0.55+0.4*float64(k%10)/10
	resp := time.Duration(1000+rng.IntN(8000)) * time.Millisecond
	grade := learning.GradeAnswer(correct, resp, learning.ExpectedTime(id.Kind()))
	st := &g.items[k]
	if !st.seen {
		st.card, st.seen = learning.NewCard(at), true
	}
	var err error
	if st.card, err = g.sched.Review(st.card, at, grade); err != nil {
		return nil, err
	}
	score := float64(b2i(correct))
	for _, sk := range skills {
		m := g.mastery[sk]
		if m == nil {
			m = &learning.MasteryState{}
			g.mastery[sk] = m
		}
		*m = m.Update(learning.DefaultMasteryParams(sk.Kind()), score, at)
		if m.Mastered && g.masteredAt[sk].IsZero() {
			g.masteredAt[sk] = at
		}
	}
	g.points += 10 * b2i(correct)
	g.correct += b2i(correct)
	skillsJSON := `["` + string(skills[0]) + `","` + string(skills[1]) + `","` + string(skills[2]) + `"]`
	return []any{l, string(id), string(id.Kind()), int(grade), correct, score, resp.Milliseconds(), ms(at),
		10 * b2i(correct), skillsJSON}, nil
}

func fillStates(ctx context.Context, tx *wtx, l LearnerID, items []bigState,
	mastery map[learning.SkillID]*learning.MasteryState, masteredAt map[learning.SkillID]time.Time) error {
	for k, st := range items {
		if !st.seen {
			continue
		}
		id, _ := bigItem(k)
		if err := saveCard(ctx, tx, l, id, st.card); err != nil {
			return err
		}
	}
	for sk, m := range mastery {
		err := saveMastery(ctx, tx, l, SkillMastery{Skill: sk, MasteredAt: masteredAt[sk], UpdatedAt: bigEnd}, *m)
		if err != nil {
			return err
		}
	}
	return nil
}

func fillDrills(ctx context.Context, tx *wtx, l LearnerID, rng *rand.Rand, start time.Time) error {
	for i := range 2000 {
		_, err := tx.ExecContext(ctx, `INSERT INTO drill_runs (learner_id, drill_id, at, duration_ms, trials,
			score, accuracy, speed, throughput) VALUES (?, ?, ?, 30000, 10, ?, ?, 20, ?)`,
			l, fmt.Sprintf("core/drill-%d", i%20), ms(start.Add(time.Duration(i)*time.Hour)),
			50+rng.Float64()*50, rng.Float64(), 2+rng.Float64()*3)
		if err != nil {
			return err
		}
	}
	return nil
}

// openBig opens the cached big database with the clock at its end.
func openBig(tb testing.TB) (*Store, LearnerID) {
	tb.Helper()
	s, err := Open(context.Background(), bigDBPath(tb))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	s.Now = func() time.Time { return bigEnd }
	l, err := s.LearnerByName(context.Background(), "main")
	if err != nil {
		tb.Fatal(err)
	}
	return s, l.ID
}

// BenchmarkQueries runs the Progress-screen and scheduling queries over the
// big database. Target: under 50 ms each; the store's share of choosing
// the next item ("next-item reads") should stay well under 5 ms.
func BenchmarkQueries(b *testing.B) {
	s, l := openBig(b)
	ctx := context.Background()
	cands := make([]learning.ItemID, 50)
	for i := range cands {
		cands[i], _ = bigItem(i * 97)
	}
	benches := []struct {
		name string
		fn   func() error
	}{
		{"due-items-20", func() error { _, err := s.DueItems(ctx, l, 20); return err }},
		{"due-count", func() error { _, err := s.DueCount(ctx, l); return err }},
		{"due-forecast-30d", func() error { _, err := s.DueForecast(ctx, l, 30); return err }},
		{"mastery-by-system", func() error { _, err := s.Mastery(ctx, l, learning.SkillSystem); return err }},
		{"mastery-by-region", func() error { _, err := s.Mastery(ctx, l, learning.SkillRegion); return err }},
		{"weakest-structures-10", func() error { _, err := s.WeakestSkills(ctx, l, learning.SkillStructure, 10); return err }},
		{"cards-50", func() error { _, err := s.Cards(ctx, l, cands); return err }},
		{"next-item-reads", func() error {
			if _, err := s.DueItems(ctx, l, 20); err != nil {
				return err
			}
			if _, err := s.WeakestSkills(ctx, l, learning.SkillStructure, 5); err != nil {
				return err
			}
			_, err := s.Cards(ctx, l, cands)
			return err
		}},
		{"item-history", func() error { _, err := s.Attempts(ctx, l, AttemptFilter{Item: cands[3]}); return err }},
		{"outcomes", func() error { _, err := s.Outcomes(ctx, l, cands[3]); return err }},
		{"stats", func() error { _, err := s.Stats(ctx, l); return err }},
		{"leaderboard", func() error { _, err := s.Leaderboard(ctx, 10); return err }},
		{"personal-bests", func() error { _, err := s.PersonalBests(ctx, l); return err }},
		{"drill-history-50", func() error { _, err := s.DrillHistory(ctx, l, "core/drill-3", 50); return err }},
	}
	for _, bb := range benches {
		b.Run(bb.name, func(b *testing.B) {
			for b.Loop() {
				if err := bb.fn(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkOpenBig is the start-up cost on the big database: the read-only
// quick_check, the pools and the migration check.
func BenchmarkOpenBig(b *testing.B) {
	path := bigDBPath(b)
	for b.Loop() {
		s, err := Open(context.Background(), path)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}
