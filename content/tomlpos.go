package content

import (
	"strconv"
	"strings"
)

// lineIndex maps a field path as problems name it ("id", "structures[3].mesh",
// "structures[3].extras.bp3d") to the line that defines it in a TOML file. BurntSushi/toml keeps
// key positions but not per element of an array of tables, so this small scanner walks the text
// itself: table headers, keys at the start of a line, and values skipped with their strings,
// arrays and inline tables (which may span lines).
type lineIndex map[string]int

// line returns the line of field, or of the nearest enclosing field that has one; 0 if none.
func (ix lineIndex) line(field string) int {
	for field != "" {
		if l, ok := ix[field]; ok {
			return l
		}
		i := strings.LastIndexAny(field, ".[")
		if i < 0 {
			return 0
		}
		field = field[:i]
	}
	return 0
}

type tomlScanner struct {
	src    string
	i      int
	line   int
	table  string         // current table path, with array indices
	arrays map[string]int // array-of-tables path, its parents indexed -> elements seen
	out    lineIndex
}

func indexTOMLLines(src string) lineIndex {
	s := &tomlScanner{src: src, line: 1, arrays: map[string]int{}, out: lineIndex{}}
	for s.i < len(s.src) {
		s.skipSpace()
		if s.i >= len(s.src) {
			break
		}
		switch c := s.src[s.i]; {
		case c == '\n':
			s.line++
			s.i++
		case c == '#' || c == '\r':
			s.skipLine()
		case c == '[':
			s.header()
		default:
			s.keyValue()
		}
	}
	return s.out
}

func (s *tomlScanner) skipSpace() {
	for s.i < len(s.src) && (s.src[s.i] == ' ' || s.src[s.i] == '\t') {
		s.i++
	}
}

// skipLine moves to the newline ending the current line (not past it).
func (s *tomlScanner) skipLine() {
	for s.i < len(s.src) && s.src[s.i] != '\n' {
		s.i++
	}
}

// keyPath reads a dotted key (bare or quoted parts) and returns its parts.
func (s *tomlScanner) keyPath() []string {
	var parts []string
	for s.i < len(s.src) {
		s.skipSpace()
		if s.i >= len(s.src) {
			break
		}
		switch c := s.src[s.i]; c {
		case '"', '\'':
			start := s.i
			s.skipString()
			k := s.src[start:s.i]
			if c == '"' {
				if u, err := strconv.Unquote(k); err == nil {
					k = u
				} else {
					k = strings.Trim(k, `"`)
				}
			} else {
				k = strings.Trim(k, "'")
			}
			parts = append(parts, k)
		default:
			start := s.i
			for s.i < len(s.src) && isBareKey(s.src[s.i]) {
				s.i++
			}
			if s.i == start {
				return parts
			}
			parts = append(parts, s.src[start:s.i])
		}
		s.skipSpace()
		if s.i >= len(s.src) || s.src[s.i] != '.' {
			return parts
		}
		s.i++
	}
	return parts
}

func isBareKey(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

func (s *tomlScanner) header() {
	array := strings.HasPrefix(s.src[s.i:], "[[")
	s.i++
	if array {
		s.i++
	}
	parts := s.keyPath()
	if len(parts) > 0 {
		if array {
			// Counted under the parent's indexed path, so a nested array of tables starts again
			// from 0 in each element of its parent.
			parent := s.withIndices(parts[:len(parts)-1])
			if parent != "" {
				parent += "."
			}
			s.arrays[parent+parts[len(parts)-1]]++
		}
		s.table = s.withIndices(parts)
		s.out[s.table] = s.line
	}
	s.skipLine()
}

// withIndices builds the path of parts, adding "[n]" after every prefix that is an array of
// tables (its latest element).
func (s *tomlScanner) withIndices(parts []string) string {
	var out strings.Builder
	for k, p := range parts {
		if k > 0 {
			out.WriteByte('.')
		}
		out.WriteString(p)
		if n := s.arrays[out.String()]; n > 0 {
			out.WriteString("[" + strconv.Itoa(n-1) + "]")
		}
	}
	return out.String()
}

func (s *tomlScanner) keyValue() {
	line := s.line
	parts := s.keyPath()
	s.skipSpace()
	if len(parts) == 0 || s.i >= len(s.src) || s.src[s.i] != '=' {
		s.skipLine()
		return
	}
	s.i++
	key := strings.Join(parts, ".")
	if s.table != "" {
		key = s.table + "." + key
	}
	if _, dup := s.out[key]; !dup {
		s.out[key] = line
	}
	s.skipValue()
}

// skipValue skips a value, which may span lines inside strings, arrays and inline tables, up to
// the end of its line.
func (s *tomlScanner) skipValue() {
	depth := 0
	for s.i < len(s.src) {
		switch c := s.src[s.i]; c {
		case '"', '\'':
			s.skipString()
			continue
		case '[', '{':
			depth++
		case ']', '}':
			depth--
		case '#':
			s.skipLine()
			continue
		case '\n':
			if depth <= 0 {
				return
			}
			s.line++
		}
		s.i++
	}
}

// skipString skips a basic, literal or multi-line string starting at s.i, counting lines.
func (s *tomlScanner) skipString() {
	q := s.src[s.i]
	if three := strings.Repeat(string(q), 3); strings.HasPrefix(s.src[s.i:], three) {
		s.skipMultiline(q, three)
		return
	}
	s.i++
	for s.i < len(s.src) {
		c := s.src[s.i]
		switch {
		case c == '\n':
			return
		case c == '\\' && q == '"':
			s.i++
		case c == q:
			s.i++
			return
		}
		s.i++
	}
}

// skipMultiline skips a multi-line string (three quotes or three apostrophes) starting at s.i,
// counting its lines.
func (s *tomlScanner) skipMultiline(q byte, three string) {
	s.i += 3
	for s.i < len(s.src) && !strings.HasPrefix(s.src[s.i:], three) {
		switch s.src[s.i] {
		case '\n':
			s.line++
		case '\\':
			if q == '"' {
				s.i++
				if s.i < len(s.src) && s.src[s.i] == '\n' {
					s.line++
				}
			}
		}
		s.i++
	}
	s.i = min(s.i+3, len(s.src))
	for s.i < len(s.src) && s.src[s.i] == q { // up to two quotes may end the string's text
		s.i++
	}
}
