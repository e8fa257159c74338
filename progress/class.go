package progress

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/osteon/osteon/learning"
)

// ClassReport is an instructor's view of a class over a time range: per
// learner (pseudonym, or name where chosen), mastery by system, procedure
// Test outcomes with their CUSUM standing, and drill bests. It is built
// the same way from statements read back from an LRS (ClassReportFrom)
// and from a progress database (Store.ClassReport): mastery is the
// learning rule replayed over the answers in the range, oldest first.
type ClassReport struct {
	From, To time.Time // [From, To); zero is open
	Learners []LearnerReport
}

// LearnerReport is one learner's part of a ClassReport.
type LearnerReport struct {
	Who        string
	Systems    []SystemStanding
	Procedures []ProcedureStanding
	Drills     []DrillStanding
}

// SystemStanding is mastery of one body system over the range.
type SystemStanding struct {
	Skill    learning.SkillID // e.g. system:skeletal
	Estimate float64
	Evidence int
	Mastered bool
}

// ProcedureStanding is a learner's Test record on one procedure.
type ProcedureStanding struct {
	Item     learning.ItemID // procedure-test:...
	Name     string
	Tests    int
	Passed   int
	Standing learning.Decision // CUSUM with learning.DefaultCUSUMParams
}

// DrillStanding is a learner's best on one drill.
type DrillStanding struct {
	Drill        string
	Name         string
	Runs         int
	BestScore    float64
	BestAccuracy float64
}

// reportBuilder gathers the evidence of one report; records must come
// oldest first.
type reportBuilder struct {
	learners map[string]*learnerAcc
}

type learnerAcc struct {
	systems map[learning.SkillID]learning.MasteryState
	tests   map[learning.ItemID]*procAcc
	drills  map[string]*DrillStanding
}

type procAcc struct {
	name     string
	outcomes []bool
}

func (b *reportBuilder) learner(who string) *learnerAcc {
	if b.learners == nil {
		b.learners = map[string]*learnerAcc{}
	}
	a := b.learners[who]
	if a == nil {
		a = &learnerAcc{systems: map[learning.SkillID]learning.MasteryState{},
			tests: map[learning.ItemID]*procAcc{}, drills: map[string]*DrillStanding{}}
		b.learners[who] = a
	}
	return a
}

func (b *reportBuilder) answer(who string, item learning.ItemID, name string, skills []learning.SkillID, score float64, correct bool, at time.Time) {
	a := b.learner(who)
	for _, sk := range skills {
		if sk.Kind() == learning.SkillSystem {
			a.systems[sk] = a.systems[sk].Update(learning.DefaultMasteryParams(learning.SkillSystem), score, at)
		}
	}
	if item.Kind() == learning.KindProcedureTest {
		p := a.tests[item]
		if p == nil {
			p = &procAcc{}
			a.tests[item] = p
		}
		p.name = name
		p.outcomes = append(p.outcomes, correct)
	}
}

func (b *reportBuilder) drill(who, drill, name string, score, acc float64) {
	a := b.learner(who)
	d := a.drills[drill]
	if d == nil {
		d = &DrillStanding{Drill: drill, BestScore: score, BestAccuracy: acc}
		a.drills[drill] = d
	}
	d.Name, d.Runs = name, d.Runs+1
	d.BestScore, d.BestAccuracy = max(d.BestScore, score), max(d.BestAccuracy, acc)
}

func (b *reportBuilder) report(from, to time.Time) (ClassReport, error) {
	r := ClassReport{From: from, To: to}
	for who, a := range b.learners {
		lr := LearnerReport{Who: who}
		for sk, st := range a.systems {
			lr.Systems = append(lr.Systems, SystemStanding{Skill: sk, Estimate: st.Estimate(), Evidence: st.Evidence, Mastered: st.Mastered})
		}
		for item, p := range a.tests {
			res, err := learning.CUSUM(learning.DefaultCUSUMParams(), p.outcomes)
			if err != nil {
				return ClassReport{}, fmt.Errorf("progress: class report: %w", err)
			}
			lr.Procedures = append(lr.Procedures, ProcedureStanding{Item: item, Name: p.name, Tests: len(p.outcomes),
				Passed: count(p.outcomes), Standing: res.Decision})
		}
		for _, d := range a.drills {
			lr.Drills = append(lr.Drills, *d)
		}
		slices.SortFunc(lr.Systems, func(x, y SystemStanding) int { return strings.Compare(string(x.Skill), string(y.Skill)) })
		slices.SortFunc(lr.Procedures, func(x, y ProcedureStanding) int { return strings.Compare(string(x.Item), string(y.Item)) })
		slices.SortFunc(lr.Drills, func(x, y DrillStanding) int { return strings.Compare(x.Drill, y.Drill) })
		r.Learners = append(r.Learners, lr)
	}
	slices.SortFunc(r.Learners, func(x, y LearnerReport) int { return strings.Compare(x.Who, y.Who) })
	return r, nil
}

func count(bs []bool) int {
	n := 0
	for _, b := range bs {
		n += b2i(b)
	}
	return n
}

// ClassCSVHeader is the first row of ClassReport.WriteCSV.
var ClassCSVHeader = []string{"learner", "kind", "id", "name", "evidence", "estimate", "mastered",
	"tests", "passed", "cusum", "runs", "best_score", "best_accuracy"}

// WriteCSV writes the report as CSV with ClassCSVHeader: one row per
// learner and system, procedure or drill (kind says which; the columns
// that do not apply are empty).
func (r ClassReport) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write(ClassCSVHeader)
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', 4, 64) }
	for _, l := range r.Learners {
		for _, s := range l.Systems {
			cw.Write([]string{cell(l.Who), "system", string(s.Skill), SkillName(string(s.Skill)), strconv.Itoa(s.Evidence),
				f(s.Estimate), strconv.FormatBool(s.Mastered), "", "", "", "", "", ""})
		}
		for _, p := range l.Procedures {
			cw.Write([]string{cell(l.Who), "procedure", string(p.Item), cell(p.Name), "", "", "",
				strconv.Itoa(p.Tests), strconv.Itoa(p.Passed), p.Standing.String(), "", "", ""})
		}
		for _, d := range l.Drills {
			cw.Write([]string{cell(l.Who), "drill", cell(d.Drill), cell(d.Name), "", "", "", "", "", "",
				strconv.Itoa(d.Runs), ftoa(d.BestScore), f(d.BestAccuracy)})
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("progress: class report CSV: %w", err)
	}
	return nil
}
