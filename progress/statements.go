package progress

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/osteon/osteon/learning"
)

// ActivityText is how a pack names a quiz item, drill or skill, in the
// pack's language, for the statements an LRS shows an instructor:
// "Name the highlighted structure: Scaphoid", "Venepuncture at the
// antecubital fossa: test".
type ActivityText struct {
	Lang        string // BCP 47 tag of the pack's text; "en" when empty
	Name        string
	Description string
	// StandardID is the structure's id in its standard (e.g. FMA:23462);
	// for structure items it defaults to the item's key.
	StandardID string
}

func (t ActivityText) lang() string {
	if t.Lang == "" {
		return "en"
	}
	return t.Lang
}

// clip bounds the text a caller gives: names are for reading, so a long
// one is cut (on a character boundary), never a reason to lose an answer.
func (t ActivityText) clip() ActivityText {
	if len(t.Lang) > 35 || !utf8.ValidString(t.Lang) {
		t.Lang = ""
	}
	t.Name, t.Description, t.StandardID = clipText(t.Name, 512), clipText(t.Description, 2048), clipText(t.StandardID, 128)
	return t
}

func clipText(s string, n int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// Extension IRIs Osteon writes.
const (
	extHome       = XAPIHome + "/xapi/ext/"
	ExtItem       = extHome + "item"        // result: the quiz item id
	ExtDrill      = extHome + "drill"       // result: the drill id
	ExtSkills     = extHome + "skills"      // result: the skill ids the answer is evidence for
	ExtSeq        = extHome + "seq"         // result: the record's number, to order equal timestamps
	ExtStandardID = extHome + "standard-id" // activity definition: e.g. FMA:23462
	ExtPackID     = extHome + "pack-id"     // context
	ExtPackVer    = extHome + "pack-version"
	ExtDrillScore = extHome + "drill-score"
	ExtTrials     = extHome + "trials"
	ExtEstimate   = extHome + "estimate"
)

// attemptFacts is what a statement says about one attempt.
type attemptFacts struct {
	who                       who
	id, grade, respMS, at     int64
	session                   sql.NullInt64
	item, kind, pack, version string
	correct                   bool
	score                     float64
	skills                    string // JSON array
	text                      ActivityText
}

func attemptStatement(f attemptFacts) Statement {
	kind := learning.ItemKind(f.kind)
	var skills []string
	json.Unmarshal([]byte(f.skills), &skills)
	if skills == nil {
		skills = []string{}
	}
	st := Statement{ID: uuidFor(fmt.Sprintf("%s/attempt/%d", f.who.pseudonym, f.id)), Actor: f.who.agent(),
		Verb: verb(VerbAnswered), Timestamp: timestamp(f.at),
		Object: activity("items", f.item, itemText(f.item, f.text), "http://adlnet.gov/expapi/activities/cmi.interaction"),
		Result: &Result{Score: &Score{Scaled: f.score, Raw: f.score, Min: 0, Max: 1}, Success: ptr(f.correct),
			Completion: ptr(true), Duration: isoDuration(time.Duration(f.respMS) * time.Millisecond),
			Extensions: map[string]any{extHome + "fsrs-grade": learning.Grade(f.grade).String(),
				ExtItem: f.item, ExtSkills: skills, ExtSeq: f.id}},
		Context: packContext(f.who, f.session, f.pack, f.version)}
	st.Object.Definition.InteractionType = interactionTypes[kind]
	if kind == learning.KindProcedureTest || kind == learning.KindConsultation {
		st.Verb = verb(VerbCompleted)
		st.Object.Definition.Type = "http://adlnet.gov/expapi/activities/assessment"
		st.Object.Definition.InteractionType = ""
	}
	return st
}

// itemText fills the standard id of a structure item from its key.
func itemText(item string, t ActivityText) ActivityText {
	id := learning.ItemID(item)
	switch id.Kind() {
	case learning.KindFind, learning.KindNameChoice, learning.KindNameTyped:
		if t.StandardID == "" {
			t.StandardID = id.Subject()
		}
	}
	return t
}

// activity is the object of a statement: named by t when it has a name,
// else by its id.
func activity(kind, id string, t ActivityText, typ string) Activity {
	name := t.Name
	if name == "" {
		name = id
	}
	d := ActivityDefinition{Name: map[string]string{t.lang(): name}, Type: typ}
	if t.Description != "" {
		d.Description = map[string]string{t.lang(): t.Description}
	}
	if t.StandardID != "" {
		d.Extensions = map[string]any{ExtStandardID: t.StandardID}
	}
	return Activity{ObjectType: "Activity", ID: activityIRI(kind, id), Definition: d}
}

func packContext(w who, sess sql.NullInt64, pack, ver string) *XAPIContext {
	c := &XAPIContext{Registration: registration(w, sess), Platform: "Osteon"}
	if pack != "" {
		c.ContextActivities = map[string][]Activity{"grouping": {activity("packs", pack, ActivityText{},
			"http://adlnet.gov/expapi/activities/module")}}
		c.Extensions = map[string]any{ExtPackID: pack, ExtPackVer: ver}
	}
	return c
}

// drillFacts is what a statement says about one drill run.
type drillFacts struct {
	who                      who
	id, at, dur, trials      int64
	session                  sql.NullInt64
	drill, pack, version     string
	score, acc, speed, thput float64
	text                     ActivityText
}

func drillStatement(f drillFacts) Statement {
	return Statement{ID: uuidFor(fmt.Sprintf("%s/drill/%d", f.who.pseudonym, f.id)), Actor: f.who.agent(),
		Verb: verb(VerbCompleted), Timestamp: timestamp(f.at),
		Object: activity("drills", f.drill, f.text, "http://adlnet.gov/expapi/activities/performance"),
		Result: &Result{Score: &Score{Scaled: f.acc, Raw: f.acc, Min: 0, Max: 1}, Completion: ptr(true),
			Duration: isoDuration(time.Duration(f.dur) * time.Millisecond),
			Extensions: map[string]any{ExtDrillScore: f.score, ExtTrials: f.trials,
				extHome + "trials-per-minute": f.speed, extHome + "throughput-bits-per-second": f.thput,
				ExtSeq: f.id, ExtDrill: f.drill}},
		Context: packContext(f.who, f.session, f.pack, f.version)}
}

func masteryStatement(w who, skill string, at int64, est float64, t ActivityText) Statement {
	if t.Name == "" {
		t.Name = SkillName(skill)
	}
	return Statement{ID: uuidFor(fmt.Sprintf("%s/mastered/%s", w.pseudonym, skill)),
		Actor: w.agent(), Verb: verb(VerbMastered), Timestamp: timestamp(at),
		Object:  activity("skills", skill, t, "http://adlnet.gov/expapi/activities/objective"),
		Result:  &Result{Success: ptr(true), Extensions: map[string]any{ExtEstimate: est}},
		Context: &XAPIContext{Platform: "Osteon"}}
}

// SkillName is a readable default for a skill with no pack name:
// "system:skeletal" reads "Skeletal system".
func SkillName(skill string) string {
	kind, key, ok := strings.Cut(skill, ":")
	if !ok || key == "" {
		return skill
	}
	if kind == string(learning.SkillSystem) {
		r := []rune(key)
		return string(unicode.ToUpper(r[0])) + string(r[1:]) + " system"
	}
	return skill
}
