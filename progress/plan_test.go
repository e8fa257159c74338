package progress

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/osteon/osteon/learning"
)

// TestQueryPlans runs each read query the app makes while learning and on
// the Progress screen, captures its SQL, and checks SQLite's plan for it on
// a database without ANALYZE statistics (as learners' databases are): no
// full scan of a per-learner table, and, where noted, no sort (the index
// delivers the order, so LIMIT stops early).
func TestQueryPlans(t *testing.T) {
	s, ada, _ := exportFixture(t)
	ctx := context.Background()
	l := ada.ID
	items := []learning.ItemID{"find:a", "find:b"}
	tests := []struct {
		name   string
		noSort bool
		call   func() error
	}{
		{"DueItems", true, func() error { _, err := s.DueItems(ctx, l, 20); return err }},
		{"DueCount", true, func() error { _, err := s.DueCount(ctx, l); return err }},
		{"DueForecast", true, func() error { _, err := s.DueForecast(ctx, l, 7); return err }},
		{"Cards", true, func() error { _, err := s.Cards(ctx, l, items); return err }},
		{"Mastery", true, func() error { _, err := s.Mastery(ctx, l, learning.SkillSystem); return err }},
		{"WeakestSkills", true, func() error { _, err := s.WeakestSkills(ctx, l, learning.SkillStructure, 5); return err }},
		{"SkillMastery", true, func() error { _, err := s.SkillMastery(ctx, l, []learning.SkillID{"system:x"}); return err }},
		{"Attempts by item", false, func() error { _, err := s.Attempts(ctx, l, AttemptFilter{Item: "find:a", Limit: 50}); return err }},
		{"Attempts recent", true, func() error { _, err := s.Attempts(ctx, l, AttemptFilter{Limit: 50}); return err }},
		{"Outcomes", true, func() error { _, err := s.Outcomes(ctx, l, "procedure-test:core/venepuncture"); return err }},
		{"Stats", true, func() error { _, err := s.Stats(ctx, l); return err }},
		{"Milestones", false, func() error { _, err := s.Milestones(ctx, l); return err }},
		{"DrillHistory", false, func() error { _, err := s.DrillHistory(ctx, l, "core/locate", 30); return err }},
		{"PersonalBests", false, func() error { _, err := s.PersonalBests(ctx, l); return err }},
		{"SessionSummary", false, func() error { _, err := s.SessionSummary(ctx, l, 1); return err }},
		{"Leaderboard", false, func() error { _, err := s.Leaderboard(ctx, 10); return err }},
	}
	fullScan := regexp.MustCompile(`\bSCAN (attempts|memory|mastery|drill_runs|milestones|sessions|learner_stats)\b`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			type captured struct {
				q    string
				args []any
			}
			var qs []captured
			queryHook = func(q string, args []any) { qs = append(qs, captured{q, args}) }
			err := tt.call()
			queryHook = nil
			if err != nil {
				t.Fatal(err)
			}
			if len(qs) == 0 {
				t.Fatal("no query captured")
			}
			for _, c := range qs {
				plan := explain(t, s, c.q, c.args)
				if fullScan.MatchString(plan) {
					t.Errorf("full scan:\n%s\nfor %s", plan, c.q)
				}
				if tt.noSort && strings.Contains(plan, "TEMP B-TREE") {
					t.Errorf("sorts:\n%s\nfor %s", plan, c.q)
				}
			}
		})
	}
}

func explain(t *testing.T, s *Store, q string, args []any) string {
	t.Helper()
	rows, err := s.rdb.Query("EXPLAIN QUERY PLAN "+q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var id, parent, notused int
		var detail string
		if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, detail)
	}
	return strings.Join(lines, "\n")
}
