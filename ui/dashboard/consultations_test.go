package dashboard

import (
	"context"
	"strings"
	"testing"

	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/progress"
	"github.com/osteon/osteon/ui/kit/kittest"
)

// TestProgressShowsConsultationCUSUM: consultation Tests get their own section, charted with the
// procedures' CUSUM, titled from the pack or, for another pack's scenario, from its id.
func TestProgressShowsConsultationCUSUM(t *testing.T) {
	p, st, l := newProgressTest(t)
	item, _ := learning.ConsultationItem("osteon-builtin", "telehealth-chest-pain")
	skill, _ := learning.ConsultationSkill("osteon-builtin", "telehealth-chest-pain")
	for _, ok := range []bool{false, true, true} {
		if _, err := st.RecordAttempt(context.Background(), progress.AttemptInput{Learner: l.ID, Item: item,
			Correct: ok, Skills: []learning.SkillID{skill}}); err != nil {
			t.Fatal(err)
		}
	}
	p.Shown()
	page := kittest.Text(p.root)
	if !strings.Contains(page, "Consultations") || !strings.Contains(page, "Telehealth chest pain") ||
		!strings.Contains(page, "Not decided yet after 3 attempts") {
		t.Errorf("after three tests:\n%s", page)
	}
	if len(p.data.consults) != 1 || len(p.data.consults[0].outcomes) != 3 || len(p.data.procedures) != 0 {
		t.Errorf("consultations %+v, procedures %+v", p.data.consults, p.data.procedures)
	}
}
