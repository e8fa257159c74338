package content

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Extras keys read into Structure fields. Any other scalar goes into Structure.Extras.
const (
	keyFMA         = "fma_id"
	keyUBERON      = "uberon_id"
	keyID          = "id"
	keyNameEN      = "name_en"
	keyName        = "name"
	keyNameLA      = "name_la"
	keySynonyms    = "synonyms"
	keySystem      = "system"
	keyRegion      = "region"
	keySide        = "side"
	keyParent      = "parent"
	keyColor       = "color"
	keyState       = "default_state"
	keyDescription = "description"
	keyOrigin      = "origin"
	keyInsertion   = "insertion"
	keyInnervation = "innervation"
	keyBlood       = "blood_supply"
	keyCredit      = "credit"
	keySourceID    = "source_id" // the id a source gave a structure, where a pack or loader had to change it
)

// maxExtraLen bounds any one text field taken from extras.
const maxExtraLen = 4096

// structureFromNode maps a glTF node's name and extras to a structure with the default keys.
func structureFromNode(nodeName string, extras json.RawMessage, index int) (Structure, []string) {
	return structureFromNodeKeys(nodeName, extras, index, ExtrasKeys{})
}

// structureFromNodeKeys maps a glTF node's name and extras to a structure: the id is the standard
// (FMA, UBERON, TA2) id found in the extras (standardID), else extras.id, else the node name; the
// name is the human name found (sourceName), with the side put in where the name lacks it; the
// side comes from extras.side, the node name's _L/_R or left/right, or the name's words; the organ
// from anatomical_structure_of; names, system, region and facts from the keys above. Extras of
// the wrong type are turned into text where that is unambiguous and reported as warnings
// otherwise; they never stop a load.
func structureFromNodeKeys(nodeName string, extras json.RawMessage, index int, keys ExtrasKeys) (Structure, []string) {
	var st Structure
	var warns []string
	warn := func(format string, args ...any) { warns = append(warns, fmt.Sprintf(format, args...)) }
	fields := map[string]any{}
	if len(extras) > 0 {
		var v any
		if err := json.Unmarshal(extras, &v); err == nil {
			if m, ok := v.(map[string]any); ok {
				fields = m
			}
		}
	}
	text := func(key string) string {
		v, ok := fields[key]
		if !ok {
			return ""
		}
		s, ok := scalarText(v)
		if !ok {
			warn("extras.%s: expected text, got %s; ignored", key, jsonKind(v))
		}
		return sourceText(s)
	}
	std := standardID(fields, keys, warn)
	st.ID = firstNonEmpty(text(keyFMA), text(keyUBERON), std, text(keyID), cleanText(nodeName), fmt.Sprintf("node%d", index))
	name := extrasName(fields, keys, nodeName, warn)
	organ, organSide := organName(text(keyOrganOf))
	st.Side = strings.ToLower(text(keySide))
	if st.Side == "" { // a side read, not given: the name says it, so two sides never read alike
		st.Side = firstNonEmpty(sideFromNode(nodeName, name), organSide)
		name = withSide(name, st.Side)
	}
	st.Name = firstNonEmpty(name, st.ID)
	readFacts(&st, text)
	st.Synonyms = textList(fields[keySynonyms])
	if c := text(keyColor); c != "" {
		col, err := ParseColor(c)
		if err != nil {
			warn("extras.color: %v; ignored", err)
		}
		st.Color = col
	}
	st.Extras = otherScalars(fields)
	raw := text(keyOntologyID)
	if NormalizeOntologyID(raw) != "" {
		raw = ""
	}
	for k, v := range map[string]string{keyOntologyOut: std, keyOrgan: organ, keyOntologyID: raw} {
		if v != "" {
			st.Extras = mergeText(st.Extras, map[string]string{k: v})
		}
	}
	return st, warns
}

// readFacts fills the fields that are read as they are.
func readFacts(st *Structure, text func(string) string) {
	st.NameLatin = text(keyNameLA)
	st.System = strings.ToLower(text(keySystem))
	st.Region = text(keyRegion)
	st.Parent = text(keyParent)
	st.Description = text(keyDescription)
	st.Origin = text(keyOrigin)
	st.Insertion = text(keyInsertion)
	st.Innervation = text(keyInnervation)
	st.BloodSupply = text(keyBlood)
	st.Credit = text(keyCredit)
	st.Ghosted = strings.EqualFold(text(keyState), "ghost")
}

var knownKeys = map[string]bool{
	keyFMA: true, keyUBERON: true, keyID: true, keyNameEN: true, keyName: true, keyNameLA: true,
	keySynonyms: true, keySystem: true, keyRegion: true, keySide: true, keyParent: true,
	keyColor: true, keyState: true, keyDescription: true, keyOrigin: true, keyInsertion: true,
	keyInnervation: true, keyBlood: true, keyCredit: true, keyLabel: true, keyOntologyID: true,
	keyRepresents: true, keyOrganOf: true, keyTitle: true,
	// Exporter bookkeeping that means nothing to a learner.
	"currentUVSet": true, "source_spatial_entity": true, "glb_file_of_single_organs": true,
}

func otherScalars(fields map[string]any) map[string]string {
	var out map[string]string
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if knownKeys[k] {
			continue
		}
		if s, ok := scalarText(fields[k]); ok && s != "" {
			if out == nil {
				out = map[string]string{}
			}
			out[cleanText(k)] = s
		}
	}
	return out
}

// scalarText renders a JSON string, number or boolean as cleaned text.
func scalarText(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return cleanText(x), true
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), true
	case bool:
		return strconv.FormatBool(x), true
	case nil:
		return "", true
	}
	return "", false
}

func textList(v any) []string {
	var out []string
	add := func(s string) {
		if s = cleanText(s); s != "" {
			out = append(out, s)
		}
	}
	switch x := v.(type) {
	case string:
		for _, s := range strings.Split(x, ";") {
			add(s)
		}
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok {
				add(s)
			}
		}
	}
	return out
}

func jsonKind(v any) string {
	switch v.(type) {
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

// cleanText trims space, drops control characters and invalid UTF-8, and bounds the length.
func cleanText(s string) string {
	s = strings.ToValidUTF8(s, "")
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && r != '\n' {
			return -1
		}
		return r
	}, s)
	s = strings.TrimSpace(s)
	if len(s) > maxExtraLen {
		cut := maxExtraLen
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	return s
}

// prettyName turns a node name like "right_humerus" into "Right humerus".
func prettyName(s string) string {
	s = cleanText(strings.NewReplacer("_", " ", "-", " ").Replace(s))
	if s == "" {
		return ""
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// ParseColor reads "#rrggbb" or "#rrggbbaa".
func ParseColor(s string) (Color, error) {
	h := strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(h) != 6 && len(h) != 8 {
		return Color{}, fmt.Errorf("colour %q is not #rrggbb or #rrggbbaa", s)
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return Color{}, fmt.Errorf("colour %q is not #rrggbb or #rrggbbaa", s)
	}
	if len(h) == 6 {
		v = v<<8 | 0xff
	}
	return Color{uint8(v >> 24), uint8(v >> 16), uint8(v >> 8), uint8(v)}, nil
}

// sideFromName reads "left" or "right" from a word of a name ("Right humerus", "Distal phalanx
// of left index finger"), as learning reads it.
func sideFromName(name string) string {
	return sideFromNode("", name)
}
