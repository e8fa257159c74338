package class

import (
	"fmt"

	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/progress"
)

// rowsOf lays the report out as table rows, a learner's systems, procedures and drills together.
func rowsOf(r progress.ClassReport) [][]string {
	var rows [][]string
	for _, l := range r.Learners {
		who := l.Who
		add := func(cells ...string) {
			rows = append(rows, append([]string{who}, cells...))
			who = "" // the name once per learner
		}
		for _, s := range l.Systems {
			standing := "not yet mastered"
			if s.Mastered {
				standing = "mastered"
			}
			add("system", progress.SkillName(string(s.Skill)), plural(s.Evidence, "answer"),
				fmt.Sprintf("%.0f%% mastery", 100*s.Estimate), standing)
		}
		for _, p := range l.Procedures {
			add("procedure", p.Name, plural(p.Tests, "test"), fmt.Sprintf("passed %d of %d", p.Passed, p.Tests),
				cusumWords(p.Standing))
		}
		for _, d := range l.Drills {
			add("drill", d.Name, plural(d.Runs, "run"), fmt.Sprintf("best %.4g, %.0f%% accurate", d.BestScore, 100*d.BestAccuracy), "")
		}
	}
	return rows
}

// plural says "1 learner", "2 learners".
func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func cusumWords(d learning.Decision) string {
	switch d {
	case learning.Proficient:
		return "CUSUM: proficient"
	case learning.Unacceptable:
		return "CUSUM: needs work"
	}
	return "CUSUM: undecided"
}
