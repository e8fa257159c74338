package progress

import (
	"bytes"
	"context"
	"encoding/csv"
	"path/filepath"
	"testing"
	"time"

	"github.com/osteon/osteon/learning"
)

// TestMigration3RecomputesMastery opens a version-2 file in which Ben's two
// right answers were stored as estimate 1, and Ada's skill as mastered
// after one right and one wrong answer: after migrating, both are what the
// current rule gives from their attempts, in the store and in the export.
func TestMigration3RecomputesMastery(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "progress.db")
	buildAt(t, path, 2)
	db := rawDB(t, path)
	if _, err := db.Exec(`INSERT INTO attempts (learner_id, item_id, item_kind, grade, correct, score, response_ms, at, points, skills) VALUES
		(2, 'find:lunate', 'find', 3, 1, 1, 2000, 5000, 10, '["structure:lunate"]'),
		(2, 'find:lunate', 'find', 3, 1, 1, 2000, 6000, 10, '["structure:lunate"]');
	INSERT INTO mastery (learner_id, skill_id, skill_kind, weighted_sum, weight, evidence, estimate,
		mastered, mastered_at, updated_at) VALUES (2, 'structure:lunate', 'structure', 1.87, 1.87, 2, 1, 0, NULL, 6000);`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p := learning.DefaultMasteryParams(learning.SkillStructure)
	two := learning.EstimateMastery(p, []learning.Scored{{Score: 1, At: time.UnixMilli(5000)}, {Score: 1, At: time.UnixMilli(6000)}})
	ben, _ := s.LearnerByName(ctx, "Ben")
	got, err := s.Mastery(ctx, ben.ID, learning.SkillStructure)
	if err != nil || len(got) != 1 {
		t.Fatalf("Ben's mastery %+v, %v", got, err)
	}
	if m := got[0]; m.Estimate != two.Estimate() || m.Estimate > 0.5 || m.Evidence != 2 || m.Occasions != 1 || m.Mastered {
		t.Errorf("Ben's lunate after migrating: %+v; want estimate %.3f from two right answers, not mastered", m, two.Estimate())
	}
	var buf bytes.Buffer
	if err := s.ExportMasteryCSV(ctx, &buf, ben.ID); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil || len(recs) != 2 {
		t.Fatalf("export %q, %v", buf.String(), err)
	}
	if est := recs[1][3]; est == "1" || est[:4] != "0.45" {
		t.Errorf("exported estimate %s after two right answers; want 0.45…", est)
	}
	ada, _ := s.LearnerByName(ctx, "Ada")
	am, err := s.SkillMastery(ctx, ada.ID, []learning.SkillID{"structure:FMA:23462", "system:skeletal"})
	if err != nil {
		t.Fatal(err)
	}
	if m := am["structure:FMA:23462"]; m.Mastered || !m.MasteredAt.IsZero() || m.Evidence != 2 || m.Estimate >= 0.3 {
		t.Errorf("Ada's structure after migrating: %+v; want not mastered, 2 answers, one wrong", m)
	}
	if m := am["system:skeletal"]; m.Evidence != 2 || m.Mastered {
		t.Errorf("Ada's system after migrating: %+v", m)
	}
	if st, _ := s.Stats(ctx, ada.ID); st.Mastered != 0 || st.Points != 20 {
		t.Errorf("Ada's stats %+v; want 0 mastered now, her 20 points kept", st)
	}
}
