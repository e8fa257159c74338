package learning

import (
	"math/rand/v2"
	"time"

	"github.com/osteon/osteon/content"
)

// ConsultFeedback is what Practice tells the learner after a reply.
type ConsultFeedback struct {
	Move     ConsultMove
	Best     bool // the reply is a model reply
	Good     bool // no error, no missed element, not critical, and empathic where the turn asked for it
	Critical bool // the reply would fail a Test
	Errors   []string
	Covers   []int // elements covered (indices into the scenario)
	Misses   []int
	// EmpathyDue: the turn called for an empathic reply; Empathic: this one was.
	EmpathyDue, Empathic bool
	Better               int    // the turn's first best option when this one is not best, else -1
	Text                 string // the reply's feedback
}

// judgeMove says how one reply went; Practice feedback and the Test debrief share it.
func judgeMove(c *content.Consultation, m ConsultMove) ConsultFeedback {
	t := &c.Turns[m.Turn]
	o := t.Options[m.Option]
	fb := ConsultFeedback{Move: m, Best: o.Best, Critical: o.Critical, Errors: append([]string(nil), o.Errors...),
		Covers: elementIndices(c, o.Covers), Misses: elementIndices(c, o.Misses),
		EmpathyDue: t.EmpathyDue, Empathic: o.Empathic, Better: -1, Text: o.Feedback}
	fb.Good = !o.Critical && len(o.Errors) == 0 && len(o.Misses) == 0 && (!t.EmpathyDue || o.Empathic)
	if !o.Best {
		fb.Better = BestOption(t)
	}
	return fb
}

func elementIndices(c *content.Consultation, ids []string) []int {
	var out []int
	for _, id := range ids {
		if i := c.Element(id); i >= 0 {
			out = append(out, i)
		}
	}
	return out
}

// ConsultPractice offers the replies of each turn in a shuffled order and judges each reply as
// it is chosen; the conversation goes on from wherever that reply leads.
type ConsultPractice struct {
	cv       *Conversation
	rng      *rand.Rand
	choices  []ConsultChoice
	feedback []ConsultFeedback
}

// NewConsultPractice starts a Practice run; seed fixes the order of the replies.
func NewConsultPractice(c *content.Consultation, seed uint64) *ConsultPractice {
	p := &ConsultPractice{cv: NewConversation(c), rng: rand.New(rand.NewPCG(seed, seed^0x2545f4914f6cdd1d))}
	p.choices = p.cv.shuffledChoices(p.rng)
	return p
}

// Conversation is the run so far.
func (p *ConsultPractice) Conversation() *Conversation { return p.cv }

// Choices are the replies offered at the current turn (none once the conversation has ended).
func (p *ConsultPractice) Choices() []ConsultChoice {
	return append([]ConsultChoice(nil), p.choices...)
}

// Choose says option k of the current turn and returns the feedback on it. ok is false when k
// is not an option now.
func (p *ConsultPractice) Choose(k int) (ConsultFeedback, bool) {
	m := ConsultMove{Turn: p.cv.turn, Option: k}
	if !p.cv.choose(k) {
		return ConsultFeedback{}, false
	}
	fb := judgeMove(p.cv.c, m)
	p.feedback = append(p.feedback, fb)
	p.choices = p.cv.shuffledChoices(p.rng)
	return fb, true
}

// Feedback lists the feedback given so far, in order.
func (p *ConsultPractice) Feedback() []ConsultFeedback {
	return append([]ConsultFeedback(nil), p.feedback...)
}

// ConsultTest runs a scenario with no feedback: the replies of each turn in a shuffled order,
// nothing judged until Finish.
type ConsultTest struct {
	cv      *Conversation
	rng     *rand.Rand
	start   time.Time
	choices []ConsultChoice
}

// NewConsultTest starts a Test at start; seed fixes the order of the replies.
func NewConsultTest(c *content.Consultation, seed uint64, start time.Time) *ConsultTest {
	t := &ConsultTest{cv: NewConversation(c), rng: rand.New(rand.NewPCG(seed, seed^0x61c8864680b583eb)), start: start}
	t.choices = t.cv.shuffledChoices(t.rng)
	return t
}

// Conversation is the run so far.
func (t *ConsultTest) Conversation() *Conversation { return t.cv }

// Choices are the replies offered at the current turn.
func (t *ConsultTest) Choices() []ConsultChoice { return append([]ConsultChoice(nil), t.choices...) }

// Choose says option k of the current turn; false when k is not an option now.
func (t *ConsultTest) Choose(k int) bool {
	if !t.cv.choose(k) {
		return false
	}
	t.choices = t.cv.shuffledChoices(t.rng)
	return true
}

// Done reports whether the conversation has ended.
func (t *ConsultTest) Done() bool { return t.cv.ended }

// Finish ends the test at end and scores it (an unfinished conversation fails).
func (t *ConsultTest) Finish(end time.Time) ConsultOutcome {
	out := ScoreConsultation(t.cv.c, t.cv.Moves(), t.cv.ended && !t.cv.stopped)
	out.Time = end.Sub(t.start)
	return out
}
