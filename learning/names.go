package learning

import (
	"strings"
	"unicode"
)

// Names are compared in a normal form: lower case, accents and ligatures
// folded to plain letters by [FoldName] ("Humérus" → "humerus", "Æ" → "ae"),
// punctuation turned into spaces, runs of spaces made one, a leading "the"
// dropped, English ordinals spelt out ("5th" → "fifth") and the Latin
// abbreviations at the start expanded ("m." → "musculus", "n." → "nervus"),
// and Roman numerals after the first word spelt out ("digitus v").

// NormalizeName is the form names and typed answers are compared in.
func NormalizeName(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range FoldName(s) {
		switch {
		case r < 0x80 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
			b.WriteRune(r)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	words := strings.Fields(b.String())
	if len(words) > 1 && words[0] == "the" {
		words = words[1:]
	}
	for i, w := range words {
		if o, ok := ordinals[w]; ok {
			words[i] = o
		} else if o, ok := roman[w]; ok && i > 0 {
			words[i] = o
		}
	}
	if len(words) > 1 {
		if x, ok := latinAbbrev[words[0]]; ok {
			words[0] = x
		}
	}
	return strings.Join(words, " ")
}

var ordinals = map[string]string{"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth", "5th": "fifth"}

// roman numerals after the first word ("digitus v", "metacarpal ii"); at the
// start "v" is the Latin abbreviation of vena.
var roman = map[string]string{"i": "first", "ii": "second", "iii": "third", "iv": "fourth", "v": "fifth"}

var latinAbbrev = map[string]string{"m": "musculus", "mm": "musculi", "n": "nervus", "nn": "nervi",
	"a": "arteria", "aa": "arteriae", "v": "vena", "vv": "venae", "lig": "ligamentum", "ligg": "ligamenta", "proc": "processus"}

// sideWords maps words that give a side, in the languages packs commonly
// use, to "left" or "right".
var sideWords = map[string]string{
	"left": "left", "right": "right",
	"sinister": "left", "sinistra": "left", "sinistrum": "left", "dexter": "right", "dextra": "right", "dextrum": "right",
	"gauche": "left", "droit": "right", "droite": "right",
	"izquierdo": "left", "izquierda": "left", "derecho": "right", "derecha": "right",
	"esquerdo": "left", "esquerda": "left", "direito": "right", "direita": "right",
	"linke": "left", "linker": "left", "linkes": "left", "rechte": "right", "rechter": "right", "rechtes": "right",
	"sinistro": "left", "destro": "right", "destra": "right",
}

// stripSide removes side words from a normalized name and says which side
// they gave ("" for none, "both" when they disagree).
func stripSide(n string) (string, string) {
	words := strings.Fields(n)
	side := ""
	out := words[:0:0]
	for _, w := range words {
		if s, ok := sideWords[w]; ok {
			if side != "" && side != s {
				side = "both"
			} else {
				side = s
			}
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " "), side
}

// genericPrefix and genericSuffix are words a name may be given without:
// "first metacarpal" for "First metacarpal bone", "deltoideus" for
// "Musculus deltoideus". Type words that tell structures apart (nerve,
// artery, vein) are not among them.
var (
	genericPrefix = []string{"musculus ", "os "}
	genericSuffix = []string{" bone", " muscle"}
)

// variants are the forms a normalized name is accepted in.
func variants(n string) []string {
	out := []string{n}
	for _, p := range genericPrefix {
		if r, ok := strings.CutPrefix(n, p); ok && r != "" {
			out = append(out, r)
		}
	}
	for _, s := range genericSuffix {
		if r, ok := strings.CutSuffix(n, s); ok && r != "" {
			out = append(out, r)
		}
	}
	return out
}

// nameForms holds a structure's names in every form matching needs.
type nameForms struct {
	display  string          // the English name, normalized
	full     []string        // every accepted name, normalized, with variants
	source   []string        // the name each of full comes from, as written
	sideless []string        // the same with side words removed
	english  string          // the English name without side words: tells a left/right pair
	words    map[string]bool // words of english, for name similarity
}

func formsOf(s *Structure) nameForms {
	raw := append([]string{s.Name, s.Latin}, s.Synonyms...)
	raw = append(raw, sortedValues(s.Names)...)
	var f nameForms
	seen := map[string]bool{}
	for _, r := range raw {
		n := NormalizeName(r)
		if n == "" {
			continue
		}
		for _, v := range variants(n) {
			if !seen[v] {
				seen[v] = true
				f.full = append(f.full, v)
				f.source = append(f.source, r)
				sl, _ := stripSide(v)
				f.sideless = append(f.sideless, sl)
			}
		}
	}
	f.display = NormalizeName(s.Name)
	f.english, _ = stripSide(f.display)
	f.words = map[string]bool{}
	for _, w := range strings.Fields(f.english) {
		if !stopWords[w] {
			f.words[w] = true
		}
	}
	return f
}

var stopWords = map[string]bool{"of": true, "the": true, "and": true, "de": true, "du": true, "des": true}

// wordSimilarity is the Jaccard index of two word sets.
func wordSimilarity(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	both := 0
	for w := range a {
		if b[w] {
			both++
		}
	}
	return float64(both) / float64(len(a)+len(b)-both)
}

// editDistance is the optimal-string-alignment distance between a and b in
// runes: insertions, deletions, substitutions and swaps of neighbours each
// count 1.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) == 0 {
		return len(rb)
	}
	if len(rb) == 0 {
		return len(ra)
	}
	w := len(rb) + 1
	d := make([]int, (len(ra)+1)*w)
	for j := 0; j <= len(rb); j++ {
		d[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		d[i*w] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			v := min(d[(i-1)*w+j]+1, d[i*w+j-1]+1, d[(i-1)*w+j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				v = min(v, d[(i-2)*w+j-2]+1)
			}
			d[i*w+j] = v
		}
	}
	return d[len(ra)*w+len(rb)]
}

// Tolerance is how many typing slips (edit distance) a typed answer may
// have against a name of n letters: none up to 4, one up to 7, two up to
// 12, three beyond. Short names must be exact, since one letter turns
// "ulna" into "ulnar".
func Tolerance(n int) int {
	switch {
	case n <= 4:
		return 0
	case n <= 7:
		return 1
	case n <= 12:
		return 2
	}
	return 3
}
