package content

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Extras keys that open sources such as the Human Reference Atlas use, read besides Osteon's own.
const (
	keyLabel       = "label"                   // a human name ("Anterior papillary muscle of left ventricle")
	keyTitle       = "title"                   // another name key some exporters write
	keyOntologyID  = "ontologyid"              // "UBERON:0002135", "FMA:7264", "FMA64019"
	keyRepresents  = "representation_of"       // the ontology IRI
	keyOrganOf     = "anatomical_structure_of" // the organ, "#VHFLeftKidneyV1.1"
	keyOntologyOut = "ontology_id"             // where an import keeps the standard id it read
	keyOrgan       = "organ"                   // where an import keeps the organ it read
)

// maxNameLen bounds a name read from a source; a longer one is not a name.
const maxNameLen = 200

// ExtrasKeys says where a source keeps what the defaults do not find: the extras key of the
// human name (--name-from) and of the standard id (--id-from). Empty means the defaults.
type ExtrasKeys struct {
	NameFrom string
	IDFrom   string
}

var (
	// ontologyPatterns read FMA, UBERON and TA2 ids as CURIEs ("FMA:7264"), bare ("FMA7264"),
	// with an underscore ("FMA_7264") or at the end of an IRI (".../obo/UBERON_0002135",
	// ".../fma/fma7264").
	ontologyPatterns = []struct {
		re     *regexp.Regexp
		prefix string
		digits int // zero-padded width; 0 keeps the number as written
	}{
		{regexp.MustCompile(`(?i)(?:^|[/#])fma[:_ ]?0*([0-9]{1,9})$`), "FMA", 0},
		{regexp.MustCompile(`(?i)(?:^|[/#])uberon[:_ ]?([0-9]{1,7})$`), "UBERON", 7},
		{regexp.MustCompile(`(?i)(?:^|[/#])ta2[:_ ]?0*([0-9]{1,6})$`), "TA2", 0},
	}
	placeholder = regexp.MustCompile(`^[\s\p{P}]*$`) // "-", "?", "": a source's way of saying nothing
)

// NormalizeOntologyID returns an FMA, UBERON or TA2 id in one form ("UBERON:0002135", "FMA:7264",
// "TA2:1234"), or "" when s is none of them.
func NormalizeOntologyID(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 512 || len(s) == 0 || s[len(s)-1] < '0' || s[len(s)-1] > '9' {
		return "" // every pattern ends in digits: most text is turned away without a regexp
	}
	for _, p := range ontologyPatterns {
		m := p.re.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		n := strings.TrimLeft(m[1], "0")
		if n == "" {
			n = "0"
		}
		if p.digits > 0 {
			n = fmt.Sprintf("%0*s", p.digits, n)
		}
		return p.prefix + ":" + n
	}
	return ""
}

// sourceText is a text extra with placeholders ("-") read as nothing.
func sourceText(s string) string {
	if s != "" && s[0] < utf8.RuneSelf && (unicode.IsLetter(rune(s[0])) || unicode.IsDigit(rune(s[0]))) {
		return s // a letter or digit: not a placeholder, no regexp needed
	}
	if placeholder.MatchString(s) {
		return ""
	}
	return s
}

// standardID finds the structure's standard id in the keys open sources use: the --id-from key,
// then ontologyid, representation_of, then any other text value that is such an id, normalised
// (NormalizeOntologyID). Osteon's own fma_id and uberon_id are read as written elsewhere. An
// unknown form in the --id-from key or ontologyid is reported, and the search goes on.
func standardID(fields map[string]any, keys ExtrasKeys, warn func(string, ...any)) string {
	seen := map[string]bool{keyFMA: true, keyUBERON: true, keyID: true}
	try := func(k string) string {
		if k == "" || seen[k] {
			return ""
		}
		seen[k] = true
		s, ok := fields[k].(string)
		if !ok || sourceText(cleanText(s)) == "" {
			return ""
		}
		if id := NormalizeOntologyID(s); id != "" {
			return id
		}
		if k == keys.IDFrom || k == keyOntologyID {
			warn("extras.%s: %q is not an FMA, UBERON or TA2 id (like \"UBERON:0002135\" or \"FMA:7264\"); kept in extras", k, shortText(s))
		}
		return ""
	}
	for _, k := range []string{keys.IDFrom, keyOntologyID, keyRepresents} {
		if id := try(k); id != "" {
			return id
		}
	}
	rest := make([]string, 0, len(fields))
	for k := range fields {
		rest = append(rest, k)
	}
	sort.Strings(rest)
	for _, k := range rest {
		if s, ok := fields[k].(string); ok && !seen[k] {
			if id := NormalizeOntologyID(s); id != "" {
				return id
			}
		}
	}
	return ""
}

// extrasName finds the human name: the --name-from key, then name_en, label, name, title, then
// the node name made readable. A name that is empty, a placeholder or absurdly long is reported
// and the next one is taken.
func extrasName(fields map[string]any, keys ExtrasKeys, nodeName string, warn func(string, ...any)) string {
	for _, k := range []string{keys.NameFrom, keyNameEN, keyLabel, keyName, keyTitle} {
		v, ok := fields[k]
		if k == "" || !ok {
			continue
		}
		s, _ := scalarText(v)
		s = sourceText(s)
		switch n := utf8.RuneCountInString(s); {
		case n > maxNameLen:
			warn("extras.%s: %d characters is too long for a name (at most %d); not used", k, n, maxNameLen)
		case s == "" && k == keys.NameFrom:
			warn("extras.%s: empty; not used as the name", k)
		case s != "":
			return humanName(s)
		}
	}
	return machineName(nodeName)
}

// humanName writes a name as a person does: first letter capital, single spaces.
func humanName(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return ""
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// machineName reads a node name like "VH_F_renal_pyramid_L_a" as "Renal pyramid": the source's
// short upper-case prefixes ("VH", "F", "SBU"), the side letter and a trailing instance letter
// are dropped, and underscores become spaces. The side is read separately (sideFromNode).
func machineName(node string) string {
	words := strings.FieldsFunc(cleanText(node), func(r rune) bool { return r == '_' || r == '-' || unicode.IsSpace(r) })
	for len(words) > 1 && isTagWord(words[0]) {
		words = words[1:]
	}
	if n := len(words); n > 2 && len(words[n-1]) == 1 && unicode.IsLower(rune(words[n-1][0])) &&
		(words[n-2] == "L" || words[n-2] == "R") {
		words = words[:n-1] // "..._L_a": the instance letter after the side
	}
	var out []string
	for _, w := range words {
		if w != "L" && w != "R" {
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return humanName(strings.Join(words, " "))
	}
	return humanName(strings.Join(out, " "))
}

// isTagWord: a short all-capitals word at the start of a machine name ("VH", "F", "SBU").
func isTagWord(w string) bool {
	if len(w) > 3 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return w != "L" && w != "R"
}

// sideFromNode reads the side from a node name's "_L"/"_R" or "left"/"right" word, else from the
// words of the name. "" when neither says.
func sideFromNode(node, name string) string {
	for _, w := range strings.FieldsFunc(node, func(r rune) bool { return r == '_' || r == '-' || r == ' ' || r == '.' }) {
		if s := sideWord(w, true); s != "" {
			return s
		}
	}
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if s := sideWord(w, false); s != "" {
			return s
		}
	}
	return ""
}

func sideWord(w string, letters bool) string {
	switch {
	case letters && w == "L", strings.EqualFold(w, "left"):
		return "left"
	case letters && w == "R", strings.EqualFold(w, "right"):
		return "right"
	}
	return ""
}

// withSide puts the side into a name that does not say it: "Renal pyramid", left ->
// "Left renal pyramid", so that two sides' structures never read alike.
func withSide(name, side string) string {
	if side != "left" && side != "right" || name == "" {
		return name
	}
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if sideWord(w, false) != "" {
			return name
		}
	}
	return humanName(side + " " + lowerFirstWord(name))
}

// lowerFirstWord lower-cases the first letter unless the word is an abbreviation ("ACL").
func lowerFirstWord(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r2, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(r2) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

var (
	organPrefix  = regexp.MustCompile(`^(?:VH|SBU)?[FM](?:[A-Z])`)
	organVersion = regexp.MustCompile(`V[0-9]+(?:\.[0-9]+)*$`)
	camelBreak   = regexp.MustCompile(`([a-z])([A-Z])`)
)

// organName reads an organ reference like "#VHFLeftKidneyV1.1" as the organ "kidney" and its
// side ("left"); "" for a placeholder.
func organName(ref string) (organ, side string) {
	s := strings.TrimPrefix(sourceText(cleanText(ref)), "#")
	if s == "" || len(s) > 256 {
		return "", ""
	}
	if loc := organPrefix.FindStringIndex(s); loc != nil {
		s = s[loc[1]-1:]
	}
	s = organVersion.ReplaceAllString(s, "")
	s = strings.ToLower(camelBreak.ReplaceAllString(s, "$1 $2"))
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '_' || r == ' ' || r == '-' }), " ")
	for _, sd := range []string{"left", "right"} {
		if rest, ok := strings.CutPrefix(s, sd+" "); ok {
			return rest, sd
		}
		if rest, ok := strings.CutSuffix(s, " "+sd); ok {
			return rest, sd
		}
	}
	return s, ""
}

func shortText(s string) string {
	if len(s) <= 60 {
		return s
	}
	cut := 60
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
