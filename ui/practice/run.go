package practice

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"fyne.io/fyne/v2/dialog"

	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/progress"
)

// practiceRun is one session in progress.
type practiceRun struct {
	scope    learning.Scope
	session  *learning.Session
	bank     *learning.Bank
	learner  progress.LearnerID
	id       progress.SessionID // set by the worker once the store has opened the session
	started  time.Time
	finished time.Time
	q        learning.Question
	shownAt  time.Time
	done     bool // the question on screen has been answered
	selected int  // choice picked with a number key, -1 none
	results  []*practiceResult
	before   map[learning.SkillID]learning.SkillEstimate
	saving   int   // answers given and not yet saved
	saveErr  error // the latest answer that could not be saved
	dueNext  []progress.DueItem
	dueRead  bool
	summary  bool // the summary is showing
	left     bool // the learner left before the end
}

// practiceResult is one answer and what the store made of it.
type practiceResult struct {
	item    learning.Item
	correct bool
	saved   *progress.AttemptResult // nil until saved
}

func (r *practiceRun) answered() int { return len(r.results) }

func (r *practiceRun) correct() int {
	n := 0
	for _, x := range r.results {
		if x.correct {
			n++
		}
	}
	return n
}

// start begins a session: the store opens it in the background while the first question shows.
func (p *practice) start(scope learning.Scope, n int) {
	c := p.sh.Content()
	if p.data.bank == nil || p.sh.Store() == nil || p.sh.Learner() == nil || c.Model == nil {
		return
	}
	now := p.now()
	r := &practiceRun{scope: scope, bank: p.data.bank, learner: p.sh.Learner().ID, started: now, selected: -1,
		before: p.data.state.Mastery,
		session: learning.NewSession(p.data.bank.Items(), p.data.state,
			learning.SessionOptions{Scope: scope, Length: n, Rand: p.rng}, now)}
	p.run, p.notice = r, ""
	if p.view.Model() != c.Model {
		p.view.SetModel(c.Model)
	}
	st := p.sh.Store()
	p.jobs.Go(func() func() {
		id, err := st.StartSession(context.Background(), r.learner, "practice", scope.String())
		r.id = id // read only by later jobs on this runner
		if err != nil {
			return func() { p.saveFailed(r, err) }
		}
		return nil
	})
	p.ask()
}

// ask shows the next question, or the summary when the session is over.
func (p *practice) ask() {
	r := p.run
	it, ok := r.session.Next(p.now())
	if !ok {
		p.finish()
		return
	}
	r.q = r.bank.Ask(it, p.rng)
	r.done, r.selected = false, -1
	r.shownAt = p.now()
	p.stage(p.askStaging(r.q))
	p.viewer.Pins().Set(questionPins(r.q))
	p.question.show(r)
	p.screen.show(p.question.root)
	p.question.focus(r)
}

// answer takes the learner's answer: grade it, tell the session, save it, show the feedback.
func (p *practice) answer(a learning.Answer) {
	r := p.run
	if r == nil || r.done {
		return
	}
	if r.q.Item.Kind() == learning.KindNameTyped && !a.GaveUp && learning.NormalizeName(a.Typed) == "" {
		p.question.hint.SetText("Type a name first, or choose “I don't know”.")
		return
	}
	now := p.now()
	correct, v := r.bank.Judge(r.q, a)
	resp := max(now.Sub(r.shownAt), 0)
	g := learning.GradeItem(r.q.Item.Kind(), correct, resp)
	r.session.Answered(r.q.Item.ID, g, now)
	res := &practiceResult{item: r.q.Item, correct: correct}
	r.results = append(r.results, res)
	r.done = true
	p.record(r, res, g, resp, detailOf(r.q, a))
	p.question.showFeedback(r, a, correct, v)
	p.stage(feedbackStaging(r.q, a, correct))
	p.question.focus(r)
}

// askStaging is the view while a question is asked: the structure to name lit and framed close
// enough to see, landmarks in their colour, and what hides them ghosted. A find question lights
// nothing and ghosts nothing, as that would give the answer away, unless its target lies inside
// others (spongy bone in compact bone): then what hides it is ghosted, or it could not be clicked.
func (p *practice) askStaging(q learning.Question) staging {
	s := staging{lit: q.Highlight, context: q.Context, frame: q.Frame}
	if q.Item.Kind() == learning.KindFind {
		if p.data.enclosed[q.Target] {
			s.expose = []string{q.Target}
		}
		return s
	}
	s.focus, s.near = q.Highlight, askFar
	s.expose = append(append([]string(nil), q.Highlight...), q.Context...)
	return s
}

// feedbackStaging is the view after an answer: the answer lit, with what hides it ghosted and
// the camera close enough that it is not a few pixels wide; a wrong click in its colour; the
// landmarks still shown.
func feedbackStaging(q learning.Question, a learning.Answer, correct bool) staging {
	s := staging{lit: q.Reveal, context: q.Context, frame: q.Frame, focus: q.Reveal}
	if a.Picked != "" && !correct {
		s.wrong = []string{a.Picked}
		s.frame = append(append([]string(nil), q.Frame...), a.Picked)
	}
	s.expose = append(append([]string(nil), q.Reveal...), q.Context...)
	return s
}

// detailOf is what an attempt's record keeps of the question and answer.
func detailOf(q learning.Question, a learning.Answer) json.RawMessage {
	d := map[string]any{}
	switch {
	case a.GaveUp:
		d["gave_up"] = true
	case a.Picked != "":
		d["clicked"] = a.Picked
	case a.Typed != "":
		d["typed"] = a.Typed
	case a.Choice >= 0 && a.Choice < len(q.Choices):
		d["chose"] = q.Choices[a.Choice].Text
	}
	if q.Answer >= 0 && q.Answer < len(q.Choices) {
		d["answer"] = q.Choices[q.Answer].Text
	}
	b, err := json.Marshal(d)
	if err != nil {
		return nil
	}
	return b
}

// record saves an answer in the background; the feedback says when it is saved.
func (p *practice) record(r *practiceRun, res *practiceResult, g learning.Grade, resp time.Duration, detail json.RawMessage) {
	in := progress.AttemptInput{Learner: r.learner, Item: res.item.ID, Correct: res.correct, Grade: g,
		Response: resp, Skills: res.item.Skills, Detail: detail}
	if pk := p.sh.Content().Pack; pk != nil {
		in.PackID, in.PackVersion = pk.ID, pk.Version
	}
	in.Text = activityText(r.bank, res.item, p.sh.Content().Pack)
	r.saving++
	st := p.sh.Store()
	p.jobs.Go(func() func() {
		in.Session = r.id
		out, err := st.RecordAttempt(context.Background(), in)
		return func() {
			r.saving--
			if err != nil {
				p.saveFailed(r, err)
				return
			}
			res.saved = &out
			r.session.Update(res.item.ID, out.Card, estimatesOf(out.Mastery))
			p.saved(r)
		}
	})
}

func (p *practice) saveFailed(r *practiceRun, err error) {
	p.sh.Logf("practice: %v", err)
	r.saveErr = err
	p.saved(r)
}

// saved updates whatever shows the run's saving.
func (p *practice) saved(r *practiceRun) {
	if p.run != r {
		return
	}
	if r.summary {
		p.showSummary()
		return
	}
	p.question.status(r)
}

// next moves on from the feedback.
func (p *practice) next() {
	if r := p.run; r != nil && r.done && !r.summary {
		p.ask()
	}
}

// finish ends the session and shows the summary; the store closes the session and says what
// comes due next once every answer is saved.
func (p *practice) finish() {
	r := p.run
	if r == nil || r.summary {
		return
	}
	r.summary, r.finished = true, p.now()
	p.endStored(r, true)
	p.showSummary()
}

// endStored closes the session in the store (after the answers queued before it) and, when
// asked, reads what comes due next.
func (p *practice) endStored(r *practiceRun, due bool) {
	st, until := p.sh.Store(), p.now().Add(8*24*time.Hour)
	p.jobs.Go(func() func() {
		ctx := context.Background()
		if r.id != 0 {
			if err := st.EndSession(ctx, r.learner, r.id); err != nil {
				p.sh.Logf("practice: end session: %v", err)
			}
		}
		if !due {
			return nil
		}
		items, err := st.DueBy(ctx, r.learner, until, 2000)
		return func() {
			if err != nil {
				p.sh.Logf("practice: due next: %v", err)
			}
			r.dueNext, r.dueRead = items, true
			p.saved(r)
		}
	})
}

// endRun ends the session (without a summary if none shows) and goes back to the setup.
func (p *practice) endRun() {
	if r := p.run; r != nil {
		if !r.summary {
			p.endStored(r, false)
		}
		p.absorb(r)
		p.run = nil
		p.refresh()
	}
}

// leave asks before ending a session mid-way; answers given are saved either way.
func (p *practice) leave() {
	r := p.run
	if r == nil {
		return
	}
	if r.summary {
		p.endRun()
		return
	}
	msg := fmt.Sprintf("Your %d answers so far are saved.", r.answered())
	if r.answered() == 1 {
		msg = "Your answer so far is saved."
	}
	if !r.done {
		msg += " The question on screen will not count."
	}
	d := dialog.NewConfirm("Leave this session?", msg, func(ok bool) {
		if ok && p.run == r {
			p.abandon()
		}
	}, p.sh.Window())
	d.SetConfirmText("Leave")
	d.SetDismissText("Keep going")
	d.Show()
}

// abandon ends the session mid-way: a summary of what was answered, or the setup if nothing was.
func (p *practice) abandon() {
	r := p.run
	if r.answered() == 0 {
		p.endStored(r, false)
		p.run = nil
		p.refresh()
		return
	}
	r.left = true
	p.finish()
}

// weakestLength is how many questions "Practise my weakest" asks.
const weakestLength = 10

// StartWeakest starts a session on the learner's weakest structures (the Progress screen's
// "Practise my weakest"). A session under way is left alone; if the learner's data is still
// being read, the session starts when it arrives.
func (p *practice) StartWeakest() {
	if p.run != nil && !p.run.summary {
		return
	}
	if p.run != nil {
		p.endRun()
	}
	p.refresh()
	if p.data.bank == nil || p.data.key != p.dataKey() {
		p.wantWeakest = p.dataKey() != ""
		return
	}
	p.start(learning.Scope{Kind: learning.ScopeWeakest}, weakestLength)
}
