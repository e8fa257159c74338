package content

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// MarshalManifest writes m as pack.toml text, giving only the fields that are set, in the order
// FORMAT.md documents them. ParseManifest reads it back to the same manifest.
func MarshalManifest(m *Manifest) []byte {
	var b bytes.Buffer
	b.WriteString("# Osteon model pack; the format is described in content/FORMAT.md.\n")
	w := tomlWriter{&b}
	if m.Format != 0 {
		fmt.Fprintf(&b, "format = %d\n", m.Format)
	}
	w.str("id", m.ID)
	w.str("version", m.Version)
	w.str("title", m.Title)
	w.str("description", m.Description)
	w.list("authors", m.Authors)
	w.str("license", m.License)
	w.str("attribution", m.Attribution)
	w.str("homepage", m.Homepage)
	w.list("languages", m.Languages)
	w.str("min_app_version", m.MinAppVersion)
	if m.Schematic {
		b.WriteString("schematic = true\n")
	}
	w.list("procedures", m.Procedures)
	w.list("quiz", m.Quiz)
	w.list("consultations", m.Consultations)
	if m.OBJ != (OBJFrame{}) {
		b.WriteString("\n[obj]\n")
		w.str("units", m.OBJ.Units)
		w.str("up", m.OBJ.Up)
	}
	for i := range m.Structures {
		w.structure(&m.Structures[i])
	}
	return b.Bytes()
}

type tomlWriter struct{ b *bytes.Buffer }

func (w tomlWriter) structure(s *StructureEntry) {
	w.b.WriteString("\n[[structures]]\n")
	for _, kv := range [][2]string{{"id", s.ID}, {"name", s.Name}, {"name_la", s.NameLatin}} {
		w.str(kv[0], kv[1])
	}
	w.list("synonyms", s.Synonyms)
	w.table("names", s.Names)
	for _, kv := range [][2]string{
		{"system", s.System}, {"region", s.Region}, {"side", s.Side}, {"parent", s.Parent}, {"concept", s.Concept}, {"mesh", s.Mesh},
		{"units", s.OBJ.Units}, {"up", s.OBJ.Up}, {"color", s.Color}, {"default_state", s.DefaultState},
		{"description", s.Description}, {"origin", s.Origin}, {"insertion", s.Insertion},
		{"innervation", s.Innervation}, {"blood_supply", s.BloodSupply}, {"credit", s.Credit},
	} {
		w.str(kv[0], kv[1])
	}
	w.table("extras", s.Extras)
}

func (w tomlWriter) str(key, v string) {
	if v != "" {
		fmt.Fprintf(w.b, "%s = %s\n", key, quoteTOML(v))
	}
}

func (w tomlWriter) list(key string, vs []string) {
	if len(vs) == 0 {
		return
	}
	q := make([]string, len(vs))
	for i, v := range vs {
		q[i] = quoteTOML(v)
	}
	fmt.Fprintf(w.b, "%s = [%s]\n", key, strings.Join(q, ", "))
}

func (w tomlWriter) table(key string, m map[string]string) {
	if len(m) == 0 {
		return
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	kv := make([]string, len(keys))
	for i, k := range keys {
		kv[i] = tomlKey(k) + " = " + quoteTOML(m[k])
	}
	fmt.Fprintf(w.b, "%s = { %s }\n", key, strings.Join(kv, ", "))
}

// tomlKey writes a key bare when it can be, else quoted.
func tomlKey(k string) string {
	if k == "" {
		return `""`
	}
	for i := 0; i < len(k); i++ {
		if !isBareKey(k[i]) {
			return quoteTOML(k)
		}
	}
	return k
}

// quoteTOML writes s as a TOML basic string. Invalid UTF-8 becomes U+FFFD.
func quoteTOML(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, string(utf8.RuneError)) {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				b.WriteString(`\u` + fmt.Sprintf("%04X", r))
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// formatColor writes a colour as "#rrggbb", or "#rrggbbaa" when it is not opaque.
func formatColor(c Color) string {
	if c.A == 0 {
		return ""
	}
	if c.A == 0xff {
		return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
	}
	return fmt.Sprintf("#%02x%02x%02x%02x", c.R, c.G, c.B, c.A)
}
