package progress

import (
	"context"
	"crypto/sha1"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/osteon/osteon/learning"
)

// XAPIHome is the IRI under which Osteon names its xAPI accounts,
// activities and extensions.
const XAPIHome = "https://github.com/osteon/osteon"

// The ADL verbs Osteon uses.
const (
	VerbAnswered  = "http://adlnet.gov/expapi/verbs/answered"
	VerbCompleted = "http://adlnet.gov/expapi/verbs/completed"
	VerbMastered  = "http://adlnet.gov/expapi/verbs/mastered"
)

// Statement is an xAPI 2.0 statement as Osteon writes it.
type Statement struct {
	ID        string       `json:"id"`
	Actor     Agent        `json:"actor"`
	Verb      Verb         `json:"verb"`
	Object    Activity     `json:"object"`
	Result    *Result      `json:"result,omitempty"`
	Context   *XAPIContext `json:"context,omitempty"`
	Timestamp string       `json:"timestamp"`
}

// Agent identifies the learner by an account (the inverse functional
// identifier): the pseudonym, with the display name only if the learner
// chose to be named.
type Agent struct {
	ObjectType string  `json:"objectType"`
	Name       string  `json:"name,omitempty"`
	Account    Account `json:"account"`
}

// Account is an xAPI account.
type Account struct {
	HomePage string `json:"homePage"`
	Name     string `json:"name"`
}

// Verb is an xAPI verb.
type Verb struct {
	ID      string            `json:"id"`
	Display map[string]string `json:"display"`
}

// Activity is an xAPI activity object.
type Activity struct {
	ObjectType string             `json:"objectType"`
	ID         string             `json:"id"`
	Definition ActivityDefinition `json:"definition"`
}

// ActivityDefinition describes an activity.
type ActivityDefinition struct {
	Name            map[string]string `json:"name"`
	Description     map[string]string `json:"description,omitempty"`
	Type            string            `json:"type"`
	InteractionType string            `json:"interactionType,omitempty"`
	Extensions      map[string]any    `json:"extensions,omitempty"`
}

// Result is an xAPI result.
type Result struct {
	Score      *Score         `json:"score,omitempty"`
	Success    *bool          `json:"success,omitempty"`
	Completion *bool          `json:"completion,omitempty"`
	Duration   string         `json:"duration,omitempty"`
	Extensions map[string]any `json:"extensions,omitempty"`
}

// Score is an xAPI score.
type Score struct {
	Scaled float64 `json:"scaled"`
	Raw    float64 `json:"raw"`
	Min    float64 `json:"min"`
	Max    float64 `json:"max"`
}

// XAPIContext is an xAPI context.
type XAPIContext struct {
	Registration      string                `json:"registration,omitempty"`
	Platform          string                `json:"platform"`
	ContextActivities map[string][]Activity `json:"contextActivities,omitempty"`
	Extensions        map[string]any        `json:"extensions,omitempty"`
}

// ExportXAPI writes the learner's (or AllLearners') record as a JSON array
// of xAPI 2.0 statements, oldest first: "answered" for each quiz attempt,
// "completed" for each procedure or consultation test and drill run, "mastered" for each
// skill mastered. Statement ids are name-based UUIDs of the learner's
// pseudonym and the row, so exporting twice gives the same ids and an LRS
// can drop duplicates. Attempts are streamed, so a large history does not
// have to fit in memory.
func (s *Store) ExportXAPI(ctx context.Context, w io.Writer, learner LearnerID) error {
	var small []Statement // drill runs and mastered skills: few
	for _, q := range []func(context.Context, LearnerID) ([]Statement, error){s.drillStatements, s.masteryStatements} {
		more, err := q(ctx, learner)
		if err != nil {
			return fmt.Errorf("progress: export xAPI: %w", err)
		}
		small = append(small, more...)
	}
	// Timestamps share one format, so string order is time order.
	slices.SortStableFunc(small, func(a, b Statement) int { return strings.Compare(a.Timestamp, b.Timestamp) })
	sw := &statementWriter{w: w}
	err := s.eachAttemptStatement(ctx, learner, func(st Statement) error {
		for len(small) > 0 && small[0].Timestamp <= st.Timestamp {
			if err := sw.write(small[0]); err != nil {
				return err
			}
			small = small[1:]
		}
		return sw.write(st)
	})
	for _, st := range small {
		if err == nil {
			err = sw.write(st)
		}
	}
	if err == nil {
		err = sw.close()
	}
	if err != nil {
		return fmt.Errorf("progress: export xAPI: %w", err)
	}
	return nil
}

// statementWriter writes a JSON array one statement at a time.
type statementWriter struct {
	w io.Writer
	n int
}

func (sw *statementWriter) write(st Statement) error {
	b, err := json.MarshalIndent(st, "  ", "  ")
	if err != nil {
		return err
	}
	sep := ",\n  "
	if sw.n == 0 {
		sep = "[\n  "
	}
	sw.n++
	_, err = io.WriteString(sw.w, sep+string(b))
	return err
}

func (sw *statementWriter) close() error {
	end := "\n]\n"
	if sw.n == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(sw.w, end)
	return err
}

type who struct {
	pseudonym, name string
	useName         bool
}

func (w who) agent() Agent {
	a := Agent{ObjectType: "Agent", Account: Account{HomePage: XAPIHome, Name: w.pseudonym}}
	if w.useName {
		a.Name = w.name
	}
	return a
}

func verb(id string) Verb {
	return Verb{ID: id, Display: map[string]string{"en-US": id[strings.LastIndex(id, "/")+1:]}}
}

// activityIRI names an item, drill, skill or pack under XAPIHome.
func activityIRI(kind, id string) string {
	return XAPIHome + "/xapi/" + kind + "/" + url.PathEscape(id)
}

var interactionTypes = map[learning.ItemKind]string{
	learning.KindFind: "other", learning.KindNameChoice: "choice", learning.KindNameTyped: "fill-in",
	learning.KindMCQ: "choice", learning.KindProcedureStep: "choice", learning.KindDrill: "performance",
}

// uuidFor is a version 5 (SHA-1, name-based) UUID of name in Osteon's
// namespace.
func uuidFor(name string) string {
	ns := [16]byte{0x6f, 0x73, 0x74, 0x65, 0x6f, 0x6e, 0x40, 0x78, 0x80, 0x61, 0x70, 0x69, 0x00, 0x00, 0x00, 0x01}
	h := sha1.New()
	h.Write(ns[:])
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// isoDuration formats d as an ISO 8601 duration, e.g. PT1M5.25S.
func isoDuration(d time.Duration) string {
	d = d.Round(time.Millisecond)
	var b strings.Builder
	b.WriteString("PT")
	if h := d / time.Hour; h > 0 {
		fmt.Fprintf(&b, "%dH", h)
		d -= h * time.Hour
	}
	if m := d / time.Minute; m > 0 {
		fmt.Fprintf(&b, "%dM", m)
		d -= m * time.Minute
	}
	sec := fmt.Sprintf("%d.%03d", d/time.Second, (d%time.Second)/time.Millisecond)
	sec = strings.TrimRight(strings.TrimRight(sec, "0"), ".")
	b.WriteString(sec + "S")
	return b.String()
}

func timestamp(msec int64) string { return rfc3339(msec) }

func ptr[T any](v T) *T { return &v }

func registration(who who, session sql.NullInt64) string {
	if !session.Valid {
		return ""
	}
	return uuidFor(fmt.Sprintf("%s/session/%d", who.pseudonym, session.Int64))
}
