package progress

import (
	"fmt"
	"math"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// validateStatement checks a decoded JSON statement against the xAPI 2.0
// (IEEE 9274.1.1) data rules a Learning Record Store enforces on receipt.
// It works on generic JSON so that it shares nothing with the encoder.
func validateStatement(st map[string]any) []string {
	v := &validator{}
	v.keys("statement", st, "id", "actor", "verb", "object", "result", "context", "timestamp",
		"stored", "authority", "version", "attachments")
	if id, ok := st["id"]; ok {
		v.uuid("id", id)
	}
	v.required("statement", st, "actor", "verb", "object")
	v.agent(st["actor"])
	v.verb(st["verb"])
	v.activity("object", st["object"])
	if r, ok := st["result"]; ok {
		v.result(r)
	}
	if c, ok := st["context"]; ok {
		v.context(c)
	}
	if ts, ok := st["timestamp"]; ok {
		s, _ := ts.(string)
		if _, err := time.Parse(time.RFC3339Nano, s); err != nil || !strings.ContainsAny(s[len(s)-6:], "Z+-") {
			v.fail("timestamp %q is not RFC 3339 with a zone", ts)
		}
	}
	return v.errs
}

type validator struct{ errs []string }

func (v *validator) fail(f string, a ...any) { v.errs = append(v.errs, fmt.Sprintf(f, a...)) }

func (v *validator) object(where string, x any) map[string]any {
	m, ok := x.(map[string]any)
	if !ok {
		v.fail("%s is not an object", where)
	}
	return m
}

func (v *validator) keys(where string, m map[string]any, allowed ...string) {
	for k := range m {
		found := false
		for _, a := range allowed {
			found = found || k == a
		}
		if !found {
			v.fail("%s has unknown property %q", where, k)
		}
	}
}

func (v *validator) required(where string, m map[string]any, keys ...string) {
	for _, k := range keys {
		if _, ok := m[k]; !ok {
			v.fail("%s lacks required %q", where, k)
		}
	}
}

var uuidRE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func (v *validator) uuid(where string, x any) {
	if s, _ := x.(string); !uuidRE.MatchString(s) {
		v.fail("%s %v is not a UUID", where, x)
	}
}

func (v *validator) iri(where string, x any) {
	s, ok := x.(string)
	u, err := url.Parse(s)
	if !ok || err != nil || !u.IsAbs() || u.Host == "" && u.Opaque == "" {
		v.fail("%s %v is not an absolute IRI", where, x)
	}
}

var langRE = regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)

func (v *validator) langMap(where string, x any) {
	m := v.object(where, x)
	if len(m) == 0 {
		v.fail("%s is an empty language map", where)
	}
	for k, s := range m {
		if _, ok := s.(string); !ok || !langRE.MatchString(k) {
			v.fail("%s entry %q: %v", where, k, s)
		}
	}
}

func (v *validator) agent(x any) {
	a := v.object("actor", x)
	v.keys("actor", a, "objectType", "name", "mbox", "mbox_sha1sum", "openid", "account")
	if ot, ok := a["objectType"]; ok && ot != "Agent" {
		v.fail("actor objectType %v", ot)
	}
	if n, ok := a["name"]; ok {
		if _, isStr := n.(string); !isStr {
			v.fail("actor name %v", n)
		}
	}
	ifis := 0
	for _, k := range []string{"mbox", "mbox_sha1sum", "openid", "account"} {
		if _, ok := a[k]; ok {
			ifis++
		}
	}
	if ifis != 1 {
		v.fail("actor has %d inverse functional identifiers, want exactly 1", ifis)
	}
	if acc, ok := a["account"]; ok {
		m := v.object("account", acc)
		v.keys("account", m, "homePage", "name")
		v.required("account", m, "homePage", "name")
		v.iri("account homePage", m["homePage"])
		if s, _ := m["name"].(string); s == "" {
			v.fail("account name empty")
		}
	}
}

var adlVerbs = map[string]bool{VerbAnswered: true, VerbCompleted: true, VerbMastered: true}

func (v *validator) verb(x any) {
	m := v.object("verb", x)
	v.keys("verb", m, "id", "display")
	v.required("verb", m, "id")
	v.iri("verb id", m["id"])
	if !adlVerbs[fmt.Sprint(m["id"])] {
		v.fail("verb %v is not answered/completed/mastered", m["id"])
	}
	if d, ok := m["display"]; ok {
		v.langMap("verb display", d)
	}
}

var interactions = map[string]bool{"true-false": true, "choice": true, "fill-in": true, "long-fill-in": true,
	"matching": true, "performance": true, "sequencing": true, "likert": true, "numeric": true, "other": true}

func (v *validator) activity(where string, x any) {
	m := v.object(where, x)
	v.keys(where, m, "objectType", "id", "definition")
	v.required(where, m, "id")
	if ot, ok := m["objectType"]; ok && ot != "Activity" {
		v.fail("%s objectType %v", where, ot)
	}
	v.iri(where+" id", m["id"])
	d, ok := m["definition"]
	if !ok {
		return
	}
	def := v.object(where+" definition", d)
	v.keys(where+" definition", def, "name", "description", "type", "moreInfo", "extensions",
		"interactionType", "correctResponsesPattern", "choices", "scale", "source", "target", "steps")
	for _, k := range []string{"name", "description"} {
		if lm, ok := def[k]; ok {
			v.langMap(where+" "+k, lm)
		}
	}
	if t, ok := def["type"]; ok {
		v.iri(where+" type", t)
	}
	if it, ok := def["interactionType"]; ok && !interactions[fmt.Sprint(it)] {
		v.fail("%s interactionType %v", where, it)
	}
	v.extensions(where, def)
}

func (v *validator) extensions(where string, m map[string]any) {
	if e, ok := m["extensions"]; ok {
		for k := range v.object(where+" extensions", e) {
			v.iri(where+" extension key", k)
		}
	}
}

// durationRE is ISO 8601's duration (xAPI: PnYnMnDTnHnMnS or PnW).
var durationRE = regexp.MustCompile(`^P(?:\d+W|(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?)$`)

func (v *validator) result(x any) {
	r := v.object("result", x)
	v.keys("result", r, "score", "success", "completion", "response", "duration", "extensions")
	for _, k := range []string{"success", "completion"} {
		if b, ok := r[k]; ok {
			if _, isBool := b.(bool); !isBool {
				v.fail("result %s %v is not boolean", k, b)
			}
		}
	}
	if d, ok := r["duration"]; ok {
		s, _ := d.(string)
		if !durationRE.MatchString(s) || s == "P" || strings.HasSuffix(s, "T") {
			v.fail("duration %q is not ISO 8601", d)
		}
	}
	if sc, ok := r["score"]; ok {
		v.score(v.object("score", sc))
	}
	v.extensions("result", r)
}

func (v *validator) score(s map[string]any) {
	v.keys("score", s, "scaled", "raw", "min", "max")
	num := func(k string) (float64, bool) {
		x, ok := s[k]
		f, isNum := x.(float64)
		if ok && !isNum {
			v.fail("score %s %v is not a number", k, x)
		}
		return f, ok && isNum
	}
	if sc, ok := num("scaled"); ok && (sc < -1 || sc > 1) {
		v.fail("score scaled %v outside [-1,1]", sc)
	}
	lo, hasLo := num("min")
	hi, hasHi := num("max")
	raw, hasRaw := num("raw")
	if hasLo && hasHi && !(lo < hi) {
		v.fail("score min %v not below max %v", lo, hi)
	}
	if hasRaw && (hasLo && raw < lo || hasHi && raw > hi) {
		v.fail("score raw %v outside [%v,%v]", raw, lo, hi)
	}
	_ = math.Inf
}

func (v *validator) context(x any) {
	c := v.object("context", x)
	v.keys("context", c, "registration", "instructor", "team", "contextActivities", "contextAgents",
		"contextGroups", "revision", "platform", "language", "statement", "extensions")
	if r, ok := c["registration"]; ok {
		v.uuid("registration", r)
	}
	if ca, ok := c["contextActivities"]; ok {
		for k, list := range v.object("contextActivities", ca) {
			if k != "parent" && k != "grouping" && k != "category" && k != "other" {
				v.fail("contextActivities key %q", k)
			}
			arr, ok := list.([]any)
			if !ok {
				v.fail("contextActivities %s is not an array", k)
			}
			for _, a := range arr {
				v.activity("context activity", a)
			}
		}
	}
	v.extensions("context", c)
}
