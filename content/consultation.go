package content

import (
	"fmt"
	"regexp"
)

// A consultations file holds [[consultations]]: clinical conversations as a graph of turns (what
// the patient, relative or colleague says, with the cues a learner would see or hear) and the
// learner's options at each turn, tagged with the communication-framework elements they cover
// or miss. FORMAT.md ("Consultations files") describes every key; ParseConsultations reads and
// checks one file, Pack.LoadConsultations every file of a pack.

// KindConsultations names consultations files in pack.toml.
const KindConsultations = "consultations"

// Consultation is one scenario as written in a consultations file.
type Consultation struct {
	File        string // the file it came from, for messages
	Line        int    // line of its [[consultations]] header
	ID          string
	Title       string
	Summary     string
	Setting     string   // where it happens: "video", "ward", "clinic", "telephone"…
	Professions []string // who it is for: "medicine", "nursing"…
	LearnerRole string   // who the learner plays: "doctor", "nurse"…
	OtherRole   string   // who speaks the turns: "patient" by default
	Procedure   string   // a procedure of the pack this conversation goes with, or ""
	References  []string // the public frameworks and guidance it follows, by name
	PassMark    float64  // share of the score a Test needs, 0..1 (DefaultPassMark when not given)
	State       []StateVar
	Elements    []Element
	Turns       []Turn // the first one starts the conversation
}

// StateVar is a variable of the other person's state (trust, anxiety…) with its starting value.
type StateVar struct {
	Name    string
	Initial int
}

// Element is one element of a communication framework that the scenario scores: a
// Calgary-Cambridge stage, a SPIKES step, a NURSE response, an SBAR part…
type Element struct {
	Line      int
	ID        string
	Framework string // "SPIKES", "Calgary-Cambridge", "NURSE", "SBAR"…
	Name      string
	// Critical: a Test in which no chosen reply covers it fails.
	Critical bool
}

// Turn is what the other person says, with the cues, and the learner's options. A turn with no
// options ends the conversation.
type Turn struct {
	Line    int
	ID      string
	Stage   string // the stage of the consultation, for the debrief
	Speaker string // who speaks; the scenario's OtherRole when not given
	Text    string
	Cues    Cues
	// EmpathyDue: the turn holds an emotional cue that calls for an empathic response.
	EmpathyDue bool
	Branches   []Branch // checked on entering the turn: the first that holds leads elsewhere
	Options    []Option
}

// Cues are what a learner sees and hears besides the words.
type Cues struct {
	Tone    string // "flat, quiet"
	Pause   string // "a long pause before answering"
	Present string // who else is in the room or on the call
	Body    string // posture, face, gestures
}

// Branch sends the conversation to another turn when the state meets a condition.
type Branch struct {
	Line int
	When Condition
	Next string
}

// Option is one reply the learner may choose.
type Option struct {
	Line     int
	ID       string
	Text     string // what the learner says
	Feedback string // why it is good or poor: Practice feedback, Learn commentary, the debrief
	Best     bool   // a model reply: Learn follows the first best option of each turn
	Covers   []string
	Misses   []string
	Empathic bool     // responds to the turn's emotional cue
	Errors   []string // error kinds (ErrorKinds)
	Critical bool     // choosing it fails a Test
	Next     string
	Change   []StateChange
}

// StateChange adds Delta to a state variable.
type StateChange struct {
	Var   string
	Delta int
}

// DefaultPassMark is the share of the score a Test needs when a scenario does not say.
const DefaultPassMark = 0.7

// ErrorKinds names the kinds of communication error an option may be tagged with.
var ErrorKinds = map[string]string{
	"jargon":                  "medical jargon the listener may not understand",
	"closed-question":         "a closed question where an open one was needed",
	"leading-question":        "a leading question",
	"premature-reassurance":   "reassurance before the facts are known",
	"ignored-cue":             "an emotion or cue left unanswered",
	"missed-red-flag":         "a red-flag symptom missed",
	"no-identity-check":       "identity (and, by video or phone, location) not confirmed",
	"no-safety-net":           "no safety-net advice",
	"no-consent":              "acting or sharing without consent",
	"privacy":                 "confidentiality or privacy not protected",
	"no-understanding-check":  "understanding not checked",
	"information-overload":    "too much information at once",
	"interrupting":            "interrupting or cutting the speaker off",
	"false-hope":              "false hope or collusion",
	"blunt-delivery":          "bad news given without warning or care",
	"dismissive":              "dismissing the speaker's concern",
	"judgemental":             "blaming or judging",
	"coercion":                "pressure on a decision that should be free",
	"unstructured":            "information given without structure",
	"vague-request":           "no clear request or time frame",
	"no-escalation":           "a deteriorating patient not escalated",
	"wrong-person":            "speaking to the wrong person",
	"no-plan":                 "no agreed plan or follow-up",
	"no-summary":              "no summary or read-back",
	"assumption":              "an assumption instead of a question",
	"unsafe-advice":           "advice that puts the patient at risk",
	"ignores-ideas-concerns":  "the patient's ideas, concerns or expectations not explored",
	"inappropriate-humour":    "humour or casualness out of place",
	"no-introduction":         "no introduction or role given",
	"no-permission-to-record": "recording or sharing the call without permission",
}

// Limits on a consultations file, so a hostile pack cannot make the app slow.
const (
	maxConsultations = 200
	maxTurns         = 300
	maxOptions       = 5 // number keys 1 to 5 choose
	minOptions       = 2
	maxElements      = 100
	maxStateVars     = 20
	maxBranches      = 10
)

var (
	consultKeys = keySet("id", "title", "summary", "setting", "professions", "learner_role", "other_role",
		"procedure", "references", "pass_mark", "state", "elements", "turns")
	elementKeys = keySet("id", "framework", "name", "critical")
	turnKeys    = keySet("id", "stage", "speaker", "text", "cues", "empathy_due", "branches", "options")
	cueKeys     = keySet("tone", "pause", "present", "body")
	branchKeys  = keySet("when", "next")
	optionKeys  = keySet("id", "text", "feedback", "best", "covers", "misses", "empathic", "errors", "critical",
		"next", "change")
	stateNamePattern = regexp.MustCompile(`^[a-z][a-z0-9_]{0,31}$`)
)

// Turn returns the index of the turn with the given id, or -1.
func (c *Consultation) Turn(id string) int {
	for i := range c.Turns {
		if c.Turns[i].ID == id {
			return i
		}
	}
	return -1
}

// Element returns the index of the element with the given id, or -1.
func (c *Consultation) Element(id string) int {
	for i := range c.Elements {
		if c.Elements[i].ID == id {
			return i
		}
	}
	return -1
}

// InitialState is the state a conversation starts in.
func (c *Consultation) InitialState() map[string]int {
	out := make(map[string]int, len(c.State))
	for _, v := range c.State {
		out[v.Name] = v.Initial
	}
	return out
}

// ParseConsultations reads a consultations file named file. It returns the scenarios that have
// no problems and every problem found, each naming the file, line and field, so one broken
// scenario leaves the others usable.
func ParseConsultations(data []byte, file string) ([]Consultation, Problems) {
	return parseConsultations(data, file, true)
}

// parseConsultations is ParseConsultations; without basic it leaves out what the minimal check
// of every such file already reports (entry ids).
func parseConsultations(data []byte, file string, basic bool) ([]Consultation, Problems) {
	raw, lines, ps := decodeTOMLFile(data, file)
	if raw == nil {
		return nil, ps
	}
	cr := &consultReader{procReader: procReader{tomlReader: tomlReader{file: file, lines: lines}, basic: basic}}
	cr.unknown(raw, keySet("consultations"), "")
	tables := cr.tableList(raw, "consultations", "consultations")
	if _, ok := raw["consultations"]; !ok {
		cr.bad("consultations", "missing: a consultations file holds [[consultations]] tables")
	}
	if len(tables) > maxConsultations {
		cr.bad("consultations", "%d consultations; the limit is %d", len(tables), maxConsultations)
		tables = tables[:maxConsultations]
	}
	var out []Consultation
	seen := map[string]string{}
	for i, t := range tables {
		f := fmt.Sprintf("consultations[%d]", i)
		before := len(cr.ps)
		c := cr.consultation(t, f)
		if first := seen[c.ID]; first != "" && c.ID != "" {
			if basic {
				cr.bad(f+".id", "duplicate id %q (first used by %s)", c.ID, first)
			} else {
				cr.silent()
			}
		} else if c.ID != "" {
			seen[c.ID] = f
		}
		if len(cr.ps) == before {
			out = append(out, c)
		}
	}
	return out, withoutSilent(cr.ps)
}

// consultReader reads consultations, recording problems like procReader.
type consultReader struct {
	procReader
}
