package learning

import (
	"testing"

	"github.com/osteon/osteon/content"
)

// consultFixture is a scenario built to exercise every scoring rule: four elements (two
// critical), two turns asking for empathy (one reached only by a branch on the state), a
// critical reply that covers an element, a reply that loops back, and replies that miss.
const consultFixture = `
[[consultations]]
id = "fixture"
title = "Fixture"
professions = ["medicine"]
learner_role = "doctor"
pass_mark = 0.75
state = { trust = 0 }

[[consultations.elements]]
id = "identity"
framework = "Calgary-Cambridge"
name = "Confirm identity"
critical = true

[[consultations.elements]]
id = "open"
framework = "Calgary-Cambridge"
name = "Open question"

[[consultations.elements]]
id = "summary"
framework = "Calgary-Cambridge"
name = "Summarise"

[[consultations.elements]]
id = "safety-net"
framework = "Calgary-Cambridge"
name = "Safety-net"
critical = true

[[consultations.turns]]
id = "t1"
stage = "Opening"
text = "Hello, I'm scared."
cues = { tone = "shaky" }
empathy_due = true

[[consultations.turns.options]]
id = "a"
best = true
text = "Can you tell me your name? You sound frightened."
feedback = "Identity and empathy."
covers = ["identity"]
empathic = true
next = "t2"

[[consultations.turns.options]]
id = "b"
text = "Let's get on with it."
feedback = "No identity check."
errors = ["no-identity-check"]
critical = true
next = "t2"

[[consultations.turns.options]]
id = "c"
text = "Your name, please?"
feedback = "Identity, but the fear is ignored."
covers = ["identity"]
errors = ["ignored-cue"]
next = "t2"

[[consultations.turns]]
id = "t2"
stage = "Gathering"
text = "Where do I start?"

[[consultations.turns.options]]
id = "a"
best = true
text = "Tell me what's been happening."
feedback = "Open."
covers = ["open"]
next = "t3"

[[consultations.turns.options]]
id = "b"
text = "Is it your chest?"
feedback = "Closed."
misses = ["open"]
errors = ["closed-question"]
next = "t3"

[[consultations.turns.options]]
id = "c"
text = "Start wherever. Quickly, though."
feedback = "Open but hurried: trust falls."
covers = ["open"]
change = { trust = -2 }
next = "t3"

[[consultations.turns.options]]
id = "d"
text = "Describe the aetiology of your dyspnoea."
feedback = "Jargon: the patient asks again."
errors = ["jargon"]
next = "t2"

[[consultations.turns.options]]
id = "e"
text = "Your wife already told me everything on the phone."
feedback = "Shared without consent."
covers = ["open"]
errors = ["privacy"]
critical = true
next = "t3"

[[consultations.turns]]
id = "t3"
text = "So what now?"
branches = [{ when = "trust < 0", next = "t3b" }]

[[consultations.turns.options]]
id = "a"
best = true
text = "To sum up... and if it gets worse, call 999."
feedback = "Summary and safety-net."
covers = ["summary", "safety-net"]
next = "end"

[[consultations.turns.options]]
id = "b"
text = "If it gets worse, call 999."
feedback = "Safety-net without a summary."
covers = ["safety-net"]
misses = ["summary"]
next = "end"

[[consultations.turns.options]]
id = "c"
text = "To sum up... Bye."
feedback = "Summary, no safety-net."
covers = ["summary"]
misses = ["safety-net"]
errors = ["no-safety-net"]
next = "end"

[[consultations.turns]]
id = "t3b"
stage = "Closing"
text = "I don't think you're listening."
cues = { body = "arms folded" }
empathy_due = true

[[consultations.turns.options]]
id = "a"
best = true
text = "I'm sorry, I rushed you. To sum up... and if it gets worse, call 999."
feedback = "Repairs, summarises, safety-nets."
covers = ["summary", "safety-net"]
empathic = true
next = "end"

[[consultations.turns.options]]
id = "b"
text = "I am listening. If it gets worse, call 999."
feedback = "Defensive."
covers = ["safety-net"]
errors = ["dismissive"]
next = "end"

[[consultations.turns]]
id = "end"
stage = "Closing"
text = "Thanks."
`

func fixtureScenario(t testing.TB) *content.Consultation {
	t.Helper()
	cs, ps := content.ParseConsultations([]byte(consultFixture), "fixture.toml")
	if len(ps) > 0 || len(cs) != 1 {
		t.Fatalf("fixture: %v", ps)
	}
	return &cs[0]
}

// playPath plays replies named "turn>option" and returns the conversation.
func playPath(t *testing.T, c *content.Consultation, path ...string) *Conversation {
	t.Helper()
	cv := NewConversation(c)
	for _, p := range path {
		turn := c.Turns[cv.Turn()]
		k := -1
		for i, o := range turn.Options {
			if turn.ID+">"+o.ID == p {
				k = i
			}
		}
		if k < 0 || !cv.choose(k) {
			t.Fatalf("%s is not an option at turn %q", p, turn.ID)
		}
	}
	return cv
}
