package dashboard

import (
	"github.com/osteon/osteon/ui/kit"

	"context"
	"encoding/json"
	"fmt"
	"path"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/progress"
	"github.com/osteon/osteon/render"
)

// Shell is what the Progress screen needs from the app.
type Shell interface {
	Store() *progress.Store
	StoreErr() error
	Learner() *progress.Learner
	Content() kit.Content
	LearnerChanged() *kit.Signal[*progress.Learner]
	ContentChanged() *kit.Signal[kit.Content]
	NewView() (*render.View, *kit.Viewer)
	ShowProfiles()
	Show(kit.ID)
	// PractiseWeakest starts a Practice session on the learner's weakest skills.
	PractiseWeakest()
}

// Screen is the Progress screen.
type Screen = progressScreen

// progressScreen shows the learner's progress: mastery painted on the model, mastery by system
// and region, reviews coming due, streaks and milestones, drill curves, procedure proficiency
// and the local leaderboard.
type progressScreen struct {
	sh       Shell
	run      *kit.Runner
	view     *render.View
	viewer   *kit.Viewer
	title    *widget.Label
	painted  *widget.Label
	sections *fyne.Container
	root     fyne.CanvasObject
	weakest  *widget.Button
	data     *progressData // last loaded; nil before
	loads    int           // refreshes started, so a stale load is dropped
	framed   string        // the structures the camera was last framed on
}

// progressData is everything the screen shows, read in one go off the UI goroutine.
type progressData struct {
	learner     progress.Learner
	stats       progress.Stats
	structures  map[learning.SkillID]progress.SkillMastery
	systems     map[learning.SkillID]progress.SkillMastery
	regions     map[learning.SkillID]progress.SkillMastery
	forecast    []progress.DayCount
	milestones  []progress.Milestone
	drills      []drillHistory
	procedures  []procedureTrace
	leaderboard []progress.LeaderboardEntry
}

type drillHistory struct {
	best   progress.DrillBest
	title  string
	scores []float64
}

type procedureTrace struct {
	item     learning.ItemID
	title    string
	outcomes []bool
	cusum    learning.CUSUMResult
}

// New builds the Progress screen; slow work goes through run.
func New(sh Shell, run *kit.Runner) *Screen { return newProgressScreen(sh, run) }

func newProgressScreen(sh Shell, run *kit.Runner) *progressScreen {
	p := &progressScreen{sh: sh, run: run, title: widget.NewLabel(""), painted: widget.NewLabel(""),
		sections: container.NewVBox()}
	p.view, p.viewer = sh.NewView()
	p.viewer.OnPick = p.picked
	p.title.TextStyle.Bold = true
	p.painted.Wrapping = fyne.TextWrapWord
	p.weakest = widget.NewButtonWithIcon("Practise my weakest", theme.MediaPlayIcon(), sh.PractiseWeakest)
	p.weakest.Importance = widget.HighImportance
	left := container.NewBorder(p.title, container.NewVBox(p.painted, masteryLegend(), p.weakest), nil, nil, p.viewer)
	split := container.NewHSplit(container.NewPadded(left), container.NewVScroll(container.NewPadded(p.sections)))
	split.Offset = 0.5
	p.root = split
	sh.LearnerChanged().Subscribe(func(*progress.Learner) { p.refresh() })
	sh.ContentChanged().Subscribe(func(kit.Content) { p.refresh() })
	p.refresh()
	return p
}

// ID is kit.Dashboard.
func (p *progressScreen) ID() kit.ID { return kit.Dashboard }

// Title is the screen's name in the navigation list.
func (p *progressScreen) Title() string { return "Progress" }

// Content is the screen.
func (p *progressScreen) Content() fyne.CanvasObject { return p.root }

// Shown reads the progress again: answers given elsewhere since count.
func (p *progressScreen) Shown() { p.refresh() }

// Hidden does nothing.
func (p *progressScreen) Hidden() {}

// TypedKey uses no key.
func (p *progressScreen) TypedKey(*fyne.KeyEvent) bool { return false }

// TypedRune uses no rune.
func (p *progressScreen) TypedRune(rune) bool { return false }

// refresh reads the learner's progress in the background and shows it.
func (p *progressScreen) refresh() {
	sh := p.sh
	m := sh.Content().Model
	if m != nil && p.view.Model() != m {
		p.view.SetModel(m)
	}
	p.title.SetText("Your mastery on " + kit.FirstNonEmpty(sceneTitle(sh.Content()), "the model"))
	switch {
	case sh.Store() == nil:
		p.showMessage("Progress is not available", sh.StoreErr().Error(), nil)
		return
	case sh.Learner() == nil:
		p.paint(nil)
		p.showMessage("Choose a profile to see your progress",
			"Your progress is kept per profile, on this computer only.",
			widget.NewButtonWithIcon("Choose profile", theme.AccountIcon(), sh.ShowProfiles))
		return
	}
	st, l, pack := sh.Store(), *sh.Learner(), sh.Content().Pack
	p.loads++
	n := p.loads
	p.run.Go(func() func() {
		d, err := loadProgress(context.Background(), st, l, procedureTitles(pack))
		return func() {
			if n != p.loads {
				return // a newer refresh is on its way
			}
			if err != nil {
				p.showMessage("Could not read your progress", err.Error(), nil)
				return
			}
			p.apply(d)
		}
	})
}

func sceneTitle(c kit.Content) string {
	if c.Scene == nil {
		return ""
	}
	return c.Scene.Title
}

func (p *progressScreen) showMessage(title, text string, action fyne.CanvasObject) {
	t := widget.NewRichText(kit.Heading(title), kit.Para(text))
	t.Wrapping = fyne.TextWrapWord
	p.sections.Objects = []fyne.CanvasObject{t}
	if action != nil {
		p.sections.Add(container.NewHBox(action))
	}
	p.sections.Refresh()
}

// loadProgress reads everything the screen shows for one learner.
func loadProgress(ctx context.Context, st *progress.Store, l progress.Learner, titles map[string]string) (*progressData, error) {
	d := &progressData{learner: l}
	var err error
	if d.learner, err = st.Learner(ctx, l.ID); err != nil {
		return nil, err
	}
	if d.stats, err = st.Stats(ctx, l.ID); err != nil {
		return nil, err
	}
	kinds := []struct {
		kind learning.SkillKind
		into *map[learning.SkillID]progress.SkillMastery
	}{{learning.SkillStructure, &d.structures}, {learning.SkillSystem, &d.systems}, {learning.SkillRegion, &d.regions}}
	for _, k := range kinds {
		ms, err := st.Mastery(ctx, l.ID, k.kind)
		if err != nil {
			return nil, err
		}
		*k.into = map[learning.SkillID]progress.SkillMastery{}
		for _, m := range ms {
			(*k.into)[m.Skill] = m
		}
	}
	if d.forecast, err = st.DueForecast(ctx, l.ID, 7); err != nil {
		return nil, err
	}
	if d.milestones, err = st.Milestones(ctx, l.ID); err != nil {
		return nil, err
	}
	if d.drills, err = loadDrills(ctx, st, l.ID); err != nil {
		return nil, err
	}
	if d.procedures, err = loadProcedures(ctx, st, l.ID, titles); err != nil {
		return nil, err
	}
	if d.leaderboard, err = st.Leaderboard(ctx, 10); err != nil {
		return nil, err
	}
	return d, nil
}

// loadDrills reads each drill's runs, most recently run first, with its title from the last
// run's detail.
func loadDrills(ctx context.Context, st *progress.Store, id progress.LearnerID) ([]drillHistory, error) {
	bests, err := st.PersonalBests(ctx, id)
	if err != nil {
		return nil, err
	}
	var out []drillHistory
	last := map[string]int64{}
	for _, b := range bests {
		runs, err := st.DrillHistory(ctx, id, b.DrillID, 0)
		if err != nil {
			return nil, err
		}
		h := drillHistory{best: b, title: b.DrillID}
		for _, r := range runs {
			h.scores = append(h.scores, r.Score)
			last[b.DrillID] = r.At.UnixMilli()
		}
		if len(runs) > 0 {
			h.title = drillTitle(runs[len(runs)-1])
		}
		out = append(out, h)
	}
	sort.SliceStable(out, func(i, j int) bool { return last[out[i].best.DrillID] > last[out[j].best.DrillID] })
	return out, nil
}

// drillTitle is the title a drill run stored in its detail, else its id.
func drillTitle(r progress.DrillRun) string {
	var d struct {
		Title string `json:"title"`
	}
	if json.Unmarshal(r.Detail, &d) == nil && d.Title != "" {
		return d.Title
	}
	return r.DrillID
}

// loadProcedures charts a CUSUM over the outcomes of each procedure tested.
func loadProcedures(ctx context.Context, st *progress.Store, id progress.LearnerID, titles map[string]string) ([]procedureTrace, error) {
	atts, err := st.Attempts(ctx, id, progress.AttemptFilter{Kind: learning.KindProcedureTest})
	if err != nil {
		return nil, err
	}
	var items []learning.ItemID
	seen := map[learning.ItemID]bool{}
	for _, a := range atts {
		if !seen[a.Item] {
			seen[a.Item] = true
			items = append(items, a.Item)
		}
	}
	var out []procedureTrace
	for _, it := range items {
		outcomes, err := st.Outcomes(ctx, id, it)
		if err != nil {
			return nil, err
		}
		res, err := learning.CUSUM(learning.DefaultCUSUMParams(), outcomes)
		if err != nil {
			return nil, err
		}
		title := titles[it.Subject()]
		if title == "" {
			title = procedureTitle(it)
		}
		out = append(out, procedureTrace{item: it, title: title, outcomes: outcomes, cusum: res})
	}
	return out, nil
}

// procedureTitles maps the subjects of a pack's procedure items ("<pack>/<procedure>") to their
// titles; procedures from other packs fall back to procedureTitle (background goroutine).
func procedureTitles(p *content.Pack) map[string]string {
	titles := map[string]string{}
	if p == nil {
		return titles
	}
	procs, _ := p.LoadProcedures() // problems are reported on the Procedures screen
	for _, pr := range procs {
		titles[learning.ProcedureSubject(p.ID, pr.ID)] = pr.Title
	}
	return titles
}

// procedureTitle makes a readable name from a procedure-test item: "core/iv-cannulation" →
// "Iv cannulation".
func procedureTitle(it learning.ItemID) string {
	s := strings.NewReplacer("-", " ", "_", " ").Replace(path.Base(it.Subject()))
	return kit.Capitalise(s)
}

// apply shows loaded progress: the model painted, and the sections.
func (p *progressScreen) apply(d *progressData) {
	p.data = d
	if p.sh.Learner() != nil && p.sh.Learner().ID == d.learner.ID {
		p.sh.Learner().OnLeaderboard = d.learner.OnLeaderboard
	}
	n := p.paint(d.structures)
	if d.stats.Attempts == 0 && d.stats.DrillRuns == 0 {
		p.sections.Objects = []fyne.CanvasObject{p.emptyState()}
		p.sections.Refresh()
		return
	}
	total := 0
	if m := p.sh.Content().Model; m != nil {
		total = m.Len()
	}
	p.painted.SetText(fmt.Sprintf("%d of the %d structures here have answers from you; the rest are grey.", n, total))
	p.sections.Objects = p.buildSections(d)
	p.sections.Refresh()
}

// paint tints the model by mastery (all grey with none) and, when the structures with answers
// change, frames them from the front (everything when there are none).
func (p *progressScreen) paint(mastery map[learning.SkillID]progress.SkillMastery) int {
	m := p.sh.Content().Model
	if m == nil {
		p.painted.SetText("No model open.")
		return 0
	}
	with := paintMastery(p.view, m, mastery)
	if sig := fmt.Sprint(m.Scene.Title, with); sig != p.framed {
		p.framed = sig
		if pose, ok := p.view.FramePose(0, 0, with...); ok && len(with) > 0 {
			p.view.SetPose(pose, 0)
		} else {
			p.view.ResetView(0)
		}
	}
	if len(with) == 0 {
		p.painted.SetText("Nothing practised on this model yet, so every structure is grey.")
	}
	return len(with)
}

// picked tells the learner their mastery of the structure clicked.
func (p *progressScreen) picked(hit render.Hit, ok bool) {
	m := p.sh.Content().Model
	if !ok || m == nil || m.Index(hit.ID) < 0 {
		return
	}
	name := m.Scene.Parts[m.Index(hit.ID)].Name
	var sm progress.SkillMastery
	found := false
	if p.data != nil && p.sh.Learner() != nil && p.data.learner.ID == p.sh.Learner().ID {
		sm, found = p.data.structures[structureSkill(hit.ID)]
	}
	switch {
	case !found || sm.Evidence == 0:
		p.painted.SetText(name + ": not practised yet.")
	case sm.Mastered:
		p.painted.SetText(fmt.Sprintf("%s: %.0f%% over %d answers, mastered.", name, 100*sm.Estimate, sm.Evidence))
	default:
		p.painted.SetText(fmt.Sprintf("%s: %.0f%% over %d answer%s.", name, 100*sm.Estimate, sm.Evidence, kit.PluralS(sm.Evidence)))
	}
}

// emptyState encourages a learner with no history, without made-up numbers.
func (p *progressScreen) emptyState() fyne.CanvasObject {
	t := widget.NewRichText(kit.Heading("Your progress starts here"),
		kit.Para("You have not answered anything yet, so there is nothing to show, and that is fine. "+
			"Answer a few questions in Practice or run a drill, and this page fills in: your mastery painted "+
			"on the model, the reviews coming due, your streak and your learning curves."),
		kit.Italic("Everything you answer stays on this computer."))
	t.Wrapping = fyne.TextWrapWord
	practise := widget.NewButtonWithIcon("Start practising", theme.QuestionIcon(), func() { p.sh.Show(kit.Practice) })
	practise.Importance = widget.HighImportance
	drill := widget.NewButtonWithIcon("Try a drill", theme.MediaFastForwardIcon(), func() { p.sh.Show(kit.Drills) })
	return container.NewVBox(t, container.NewHBox(practise, drill))
}
