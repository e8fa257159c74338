package content

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// ManifestName is the file at the root of every pack.
const ManifestName = "pack.toml"

// maxManifest bounds the size of pack.toml and of procedures and quiz files.
const maxManifest = 16 << 20

// Manifest is a pack's pack.toml: identity, the OBJ frame, the structures and the procedures and
// quiz files. FORMAT.md describes every field.
type Manifest struct {
	File          string // path of pack.toml, for messages
	Format        int    // pack format; 0 in the file means 1
	ID            string
	Version       string // semver
	Title         string
	Description   string
	Authors       []string
	License       string // SPDX identifier or short text
	Attribution   string // credit to show wherever the content is shown
	Homepage      string
	Languages     []string // BCP 47 tags of the text in the pack
	MinAppVersion string
	Schematic     bool     // drawn for teaching, not from patient anatomy
	Procedures    []string // procedures files, relative to the pack root
	Quiz          []string // quiz files, relative to the pack root
	Consultations []string // consultations files, relative to the pack root
	OBJ           OBJFrame // how OBJ meshes are placed, for structures that do not say
	Structures    []StructureEntry

	lines lineIndex
}

// OBJFrame says how an OBJ mesh's coordinates map to the scene (Y up, metres). Empty fields
// are read from the OBJ file's header comments (DetectOBJOptions).
type OBJFrame struct {
	Units string // "m", "cm", "mm" or ""
	Up    string // "y", "z" or ""
}

// StructureEntry is one [[structures]] table as written in pack.toml.
type StructureEntry struct {
	Line         int // line of its [[structures]] header; 0 when not known
	ID           string
	Name         string
	NameLatin    string // name_la
	Synonyms     []string
	Names        map[string]string // other languages, by BCP 47 tag
	System       string
	Region       string
	Side         string
	Parent       string
	Concept      string // the concept this mesh shows with others of the same concept; "" for its own
	Mesh         string // "file.obj", "file.gltf", "file.glb" with optional "#node"
	Color        string
	DefaultState string // "", "shown", "ghost" or "hidden"
	Description  string
	Origin       string
	Insertion    string
	Innervation  string
	BloodSupply  string
	Credit       string
	OBJ          OBJFrame // units and up for this structure's OBJ mesh
	Extras       map[string]string
}

// ParseManifest reads pack.toml text named file. It returns the manifest, as much as could be
// read, and every problem the manifest has on its own; references to files are checked by
// ValidatePack. The manifest is nil only when the text is not TOML at all.
func ParseManifest(data []byte, file string) (*Manifest, Problems) {
	raw, lines, ps := decodeTOMLFile(data, file)
	if raw == nil {
		return nil, ps
	}
	m := &Manifest{File: file, lines: lines}
	r := &tomlReader{file: file, lines: m.lines}
	m.read(r, raw)
	r.ps = append(r.ps, m.check()...)
	r.ps.Sort()
	return m, r.ps
}

// tomlError turns a decode error into a problem with its line and key.
func tomlError(err error, file string) *Error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		msg := pe.Message
		if pe.Position.Col > 0 {
			msg = fmt.Sprintf("column %d: %s", pe.Position.Col, msg)
		}
		return &Error{File: file, Line: pe.Position.Line, Field: pe.LastKey, Msg: "TOML syntax: " + msg}
	}
	return &Error{File: file, Msg: "TOML: " + err.Error()}
}

var manifestKeys = keySet("format", "id", "version", "title", "description", "authors", "license", "attribution",
	"homepage", "languages", "min_app_version", "schematic", "procedures", "quiz", "consultations", "obj", "structures")

var structureKeys = keySet("id", "name", "name_la", "synonyms", "names", "system", "region", "side", "parent", "concept", "mesh",
	"color", "default_state", "description", "origin", "insertion", "innervation", "blood_supply", "credit",
	"units", "up", "extras")

func keySet(keys ...string) map[string]bool {
	m := map[string]bool{}
	for _, k := range keys {
		m[k] = true
	}
	return m
}

func (m *Manifest) read(r *tomlReader, raw map[string]any) {
	r.unknown(raw, manifestKeys, "")
	m.Format = r.integer(raw, "format", "format")
	m.ID = r.str(raw, "id", "id")
	m.Version = r.str(raw, "version", "version")
	m.Title = r.str(raw, "title", "title")
	m.Description = r.str(raw, "description", "description")
	m.Authors = r.strList(raw, "authors", "authors")
	m.License = r.str(raw, "license", "license")
	m.Attribution = r.str(raw, "attribution", "attribution")
	m.Homepage = r.str(raw, "homepage", "homepage")
	m.Languages = r.strList(raw, "languages", "languages")
	m.MinAppVersion = r.str(raw, "min_app_version", "min_app_version")
	m.Schematic = r.boolean(raw, "schematic", "schematic")
	m.Procedures = r.strList(raw, "procedures", "procedures")
	m.Quiz = r.strList(raw, "quiz", "quiz")
	m.Consultations = r.strList(raw, "consultations", "consultations")
	if obj := r.table(raw, "obj", "obj"); obj != nil {
		r.unknown(obj, keySet("units", "up"), "obj.")
		m.OBJ = OBJFrame{Units: r.str(obj, "units", "obj.units"), Up: r.str(obj, "up", "obj.up")}
	}
	for i, t := range r.tableList(raw, "structures", "structures") {
		m.Structures = append(m.Structures, readStructure(r, t, fmt.Sprintf("structures[%d]", i)))
	}
}

func readStructure(r *tomlReader, t map[string]any, f string) StructureEntry {
	r.unknown(t, structureKeys, f+".")
	s := func(k string) string { return r.str(t, k, f+"."+k) }
	return StructureEntry{
		Line: r.lines.line(f), ID: s("id"), Name: s("name"), NameLatin: s("name_la"),
		Synonyms: r.strList(t, "synonyms", f+".synonyms"), Names: r.strMap(t, "names", f+".names"),
		System: s("system"), Region: s("region"), Side: s("side"), Parent: s("parent"), Concept: s("concept"), Mesh: s("mesh"),
		Color: s("color"), DefaultState: s("default_state"), Description: s("description"),
		Origin: s("origin"), Insertion: s("insertion"), Innervation: s("innervation"),
		BloodSupply: s("blood_supply"), Credit: s("credit"), OBJ: OBJFrame{Units: s("units"), Up: s("up")},
		Extras: r.strMap(t, "extras", f+".extras"),
	}
}

// tomlReader takes typed values out of decoded TOML, recording a problem (with its line) for
// each value of the wrong type instead of stopping at the first.
type tomlReader struct {
	file  string
	lines lineIndex
	ps    Problems
}

func (r *tomlReader) bad(field, format string, args ...any) {
	r.ps.add(r.file, r.lines.line(field), field, format, args...)
}

func (r *tomlReader) str(m map[string]any, key, field string) string {
	v, ok := m[key]
	if !ok {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		r.bad(field, "expected text in quotes, got %s", tomlKind(v))
	}
	return strings.TrimSpace(s)
}

func (r *tomlReader) integer(m map[string]any, key, field string) int {
	v, ok := m[key]
	if !ok {
		return 0
	}
	n, ok := v.(int64)
	if !ok || n < 0 || n > 1<<20 {
		r.bad(field, "expected a small whole number, got %s", tomlKind(v))
		return -1
	}
	return int(n)
}

func (r *tomlReader) boolean(m map[string]any, key, field string) bool {
	v, ok := m[key]
	if !ok {
		return false
	}
	b, ok := v.(bool)
	if !ok {
		r.bad(field, "expected true or false, got %s", tomlKind(v))
	}
	return b
}

func (r *tomlReader) strList(m map[string]any, key, field string) []string {
	v, ok := m[key]
	if !ok {
		return nil
	}
	list, ok := v.([]any)
	if !ok {
		r.bad(field, "expected a list of text, like [\"a\", \"b\"], got %s", tomlKind(v))
		return nil
	}
	out := make([]string, 0, len(list))
	for i, e := range list {
		s, ok := e.(string)
		if !ok {
			r.bad(fmt.Sprintf("%s[%d]", field, i), "expected text in quotes, got %s", tomlKind(e))
			continue
		}
		out = append(out, strings.TrimSpace(s))
	}
	return out
}

// strMap reads a table of scalars as text.
func (r *tomlReader) strMap(m map[string]any, key, field string) map[string]string {
	t := r.table(m, key, field)
	if t == nil {
		return nil
	}
	out := make(map[string]string, len(t))
	for k, v := range t {
		switch x := v.(type) {
		case string:
			out[k] = strings.TrimSpace(x)
		case int64, float64, bool:
			out[k] = fmt.Sprint(x)
		default:
			r.bad(field+"."+k, "expected text, a number or true/false, got %s", tomlKind(v))
		}
	}
	return out
}

func (r *tomlReader) table(m map[string]any, key, field string) map[string]any {
	v, ok := m[key]
	if !ok {
		return nil
	}
	t, ok := v.(map[string]any)
	if !ok {
		r.bad(field, "expected a table, got %s", tomlKind(v))
	}
	return t
}

func (r *tomlReader) tableList(m map[string]any, key, field string) []map[string]any {
	v, ok := m[key]
	if !ok {
		return nil
	}
	switch x := v.(type) {
	case []map[string]any:
		return x
	case []any:
		out := make([]map[string]any, 0, len(x))
		for i, e := range x {
			if t, ok := e.(map[string]any); ok {
				out = append(out, t)
			} else {
				r.bad(fmt.Sprintf("%s[%d]", field, i), "expected a table, got %s", tomlKind(e))
			}
		}
		return out
	}
	r.bad(field, "expected [[%s]] tables, got %s", key, tomlKind(v))
	return nil
}

// unknown reports keys of m that are not in known, suggesting a close known key.
func (r *tomlReader) unknown(m map[string]any, known map[string]bool, prefix string) {
	keys := make([]string, 0, len(m))
	for k := range m {
		if !known[k] {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		msg := "unknown field"
		if s := closest(k, known); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		r.bad(prefix+k, "%s", msg)
	}
}

func tomlKind(v any) string {
	switch x := v.(type) {
	case string:
		return fmt.Sprintf("text %q", x)
	case int64:
		return fmt.Sprintf("the number %d", x)
	case float64:
		return fmt.Sprintf("the number %g", x)
	case bool:
		return fmt.Sprintf("%t", x)
	case time.Time:
		return "a date"
	case []any, []map[string]any:
		return "a list"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("%T", v)
}

// closest returns the known key within edit distance 2 of k, if there is exactly one best.
func closest(k string, known map[string]bool) string {
	best, bestD := "", 3
	for c := range known {
		if d := editDistance(k, c); d < bestD || d == bestD && c < best {
			best, bestD = c, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 99
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
