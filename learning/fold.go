package learning

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FoldName is Osteon's one accent-folding rule, used wherever a name is
// compared with what a learner typed: grading typed answers (through
// [NormalizeName]) and searching structures by name. It lowers case, takes
// accents off by Unicode compatibility decomposition (NFKD, then dropping
// combining marks: "Humérus" → "humerus", "Mușchi" → "muschi", "ﬁ" → "fi"),
// and spells the letters that have no decomposition in plain letters
// ("æ" → "ae", "œ" → "oe", "ß" → "ss", "ø" → "o", "ł" → "l"). Everything else,
// punctuation and spaces included, is kept; a byte that is not UTF-8
// becomes U+FFFD.
func FoldName(s string) string {
	if isPlainLower(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < utf8.RuneSelf {
			b.WriteRune(unicode.ToLower(r))
		} else {
			b.WriteString(foldRune(r))
		}
	}
	return b.String()
}

// isPlainLower: s is ASCII with no upper-case letter, so folding keeps it.
func isPlainLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			return false
		}
	}
	return true
}

// foldedBelow caches foldRune for the runes under foldCached, which cover
// the Latin, Greek, Cyrillic and other alphabets names are written in.
const foldCached = 0x3000

var (
	foldedOnce  sync.Once
	foldedBelow []string
)

// foldRune is FoldName of one rune: its compatibility decomposition without
// combining marks, in lower case, with foldTable's letters spelt out.
func foldRune(r rune) string {
	if r < foldCached {
		foldedOnce.Do(func() {
			foldedBelow = make([]string, foldCached)
			for c := rune(0); c < foldCached; c++ {
				foldedBelow[c] = decompose(c)
			}
		})
		return foldedBelow[r]
	}
	return decompose(r)
}

func decompose(r rune) string {
	var b strings.Builder
	for _, d := range norm.NFKD.String(string(r)) {
		if unicode.Is(unicode.Mn, d) {
			continue
		}
		d = unicode.ToLower(d)
		if f, ok := foldTable[d]; ok {
			b.WriteString(f)
		} else {
			b.WriteRune(d)
		}
	}
	return b.String()
}

// foldTable spells the lower-case letters that NFKD leaves whole.
var foldTable = map[rune]string{'æ': "ae", 'œ': "oe", 'ß': "ss", 'ø': "o", 'ð': "d", 'þ': "th",
	'ı': "i", 'ł': "l", 'đ': "d", 'ħ': "h", 'ŧ': "t", 'ĸ': "k", 'ŋ': "n"}
