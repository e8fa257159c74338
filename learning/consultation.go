package learning

import (
	"math/rand/v2"

	"github.com/osteon/osteon/content"
)

// A consultation (content.Consultation) is a conversation written as a graph of turns and the
// learner's options. Conversation walks it: it keeps the other person's state, follows the
// turns' branches, and records the replies chosen. Learn plays the model consultation, Practice
// judges each reply as it is chosen and Test scores the whole run at the end
// (ScoreConsultation), with the CUSUM of procedure tests (ProcedureProficiency) over repeated
// Tests.

// maxConsultMoves ends a conversation that goes round a loop this many times.
const maxConsultMoves = 200

// ConsultMove is one reply chosen: the turn and the option (indices into the scenario).
type ConsultMove struct {
	Turn, Option int
}

// Conversation is one run through a scenario.
type Conversation struct {
	c       *content.Consultation
	turns   map[string]int
	state   map[string]int
	turn    int
	moves   []ConsultMove
	ended   bool
	stopped bool // ended by the move limit, not at an ending turn
}

// NewConversation starts a conversation at the scenario's first turn.
func NewConversation(c *content.Consultation) *Conversation {
	cv := &Conversation{c: c, turns: map[string]int{}, state: c.InitialState()}
	for i, t := range c.Turns {
		if _, dup := cv.turns[t.ID]; !dup {
			cv.turns[t.ID] = i
		}
	}
	cv.enter(0)
	return cv
}

// Scenario is the consultation being walked.
func (cv *Conversation) Scenario() *content.Consultation { return cv.c }

// Turn is the index of the turn being shown.
func (cv *Conversation) Turn() int { return cv.turn }

// Ended reports whether the conversation has reached an ending turn (or the move limit).
func (cv *Conversation) Ended() bool { return cv.ended }

// Moves lists the replies chosen so far.
func (cv *Conversation) Moves() []ConsultMove { return append([]ConsultMove(nil), cv.moves...) }

// State is a copy of the other person's state now.
func (cv *Conversation) State() map[string]int {
	out := make(map[string]int, len(cv.state))
	for k, v := range cv.state {
		out[k] = v
	}
	return out
}

// enter moves to turn i, following branches whose conditions hold (at most once per turn, so
// branches cannot loop), and ends the conversation at a turn with no options.
func (cv *Conversation) enter(i int) {
	visited := make([]bool, len(cv.c.Turns))
	for !visited[i] {
		visited[i] = true
		next := -1
		for _, b := range cv.c.Turns[i].Branches {
			if b.When.Holds(cv.state) {
				if j, ok := cv.turns[b.Next]; ok {
					next = j
				}
				break
			}
		}
		if next < 0 {
			break
		}
		i = next
	}
	cv.turn = i
	if len(cv.c.Turns[i].Options) == 0 {
		cv.ended = true
	}
}

// choose says option k of the current turn: it applies the option's state changes and moves to
// the turn that follows. It returns false when k is not an option now.
func (cv *Conversation) choose(k int) bool {
	opts := cv.c.Turns[cv.turn].Options
	if cv.ended || k < 0 || k >= len(opts) {
		return false
	}
	o := opts[k]
	cv.moves = append(cv.moves, ConsultMove{Turn: cv.turn, Option: k})
	for _, ch := range o.Change {
		cv.state[ch.Var] += ch.Delta
	}
	next, ok := cv.turns[o.Next]
	if !ok {
		cv.ended, cv.stopped = true, true // validation rules this out
		return true
	}
	cv.enter(next)
	if !cv.ended && len(cv.moves) >= maxConsultMoves {
		cv.ended, cv.stopped = true, true
	}
	return true
}

// BestOption is the first option of turn t marked best, or -1.
func BestOption(t *content.Turn) int {
	for k, o := range t.Options {
		if o.Best {
			return k
		}
	}
	return -1
}

// ConsultChoice is one reply offered, by its option index in the turn.
type ConsultChoice struct {
	Option int
	Text   string
}

// shuffledChoices lists the current turn's options in an order drawn from rng.
func (cv *Conversation) shuffledChoices(rng *rand.Rand) []ConsultChoice {
	if cv.ended {
		return nil
	}
	opts := cv.c.Turns[cv.turn].Options
	out := make([]ConsultChoice, len(opts))
	for k, o := range opts {
		out[k] = ConsultChoice{Option: k, Text: o.Text}
	}
	rng.Shuffle(len(out), func(a, b int) { out[a], out[b] = out[b], out[a] })
	return out
}

// ModelRun plays the model consultation: the first best option of every turn, from the start,
// until an ending (or the move limit). It returns the finished conversation.
func ModelRun(c *content.Consultation) *Conversation {
	cv := NewConversation(c)
	for !cv.ended {
		k := BestOption(&c.Turns[cv.turn])
		if k < 0 || !cv.choose(k) {
			cv.ended, cv.stopped = true, true
		}
	}
	return cv
}

// ConsultLearn steps through the model consultation: each step is a turn and the model reply
// to it, with the reply's feedback as commentary; the last step is the ending turn (Option -1).
type ConsultLearn struct {
	c     *content.Consultation
	steps []ConsultMove
	stepper
}

// NewConsultLearn plays the model consultation of c.
func NewConsultLearn(c *content.Consultation) *ConsultLearn {
	cv := ModelRun(c)
	steps := cv.Moves()
	if !cv.stopped {
		steps = append(steps, ConsultMove{Turn: cv.turn, Option: -1})
	}
	return &ConsultLearn{c: c, steps: steps, stepper: stepper{n: len(steps)}}
}

// Step is the step shown: a turn and the model reply (Option -1 at the ending).
func (l *ConsultLearn) Step() ConsultMove { return l.steps[l.pos] }

// Steps lists every step of the model consultation.
func (l *ConsultLearn) Steps() []ConsultMove { return append([]ConsultMove(nil), l.steps...) }
