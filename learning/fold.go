package learning

// fold turns a lower-case accented Latin letter or ligature into plain
// letters ("é" → "e", "æ" → "ae", "ß" → "ss"); other runes are kept. It
// covers Latin-1 and Latin Extended-A, which hold the accents of the
// languages packs are written in (the standard library has no Unicode
// decomposition).
func fold(r rune) string {
	if s, ok := foldTable[r]; ok {
		return s
	}
	return string(r)
}

var foldTable = func() map[rune]string {
	m := map[rune]string{'æ': "ae", 'œ': "oe", 'ß': "ss", 'ø': "o", 'ð': "d", 'þ': "th", 'ı': "i", 'ł': "l", 'đ': "d", 'ħ': "h", 'ŀ': "l", 'ĳ': "ij", 'ŉ': "n", 'ſ': "s"}
	groups := map[string]string{
		"a": "àáâãäåāăą", "c": "çćĉċč", "d": "ď", "e": "èéêëēĕėęě", "g": "ĝğġģ", "h": "ĥ",
		"i": "ìíîïĩīĭį", "j": "ĵ", "k": "ķĸ", "l": "ĺļľ", "n": "ñńņňŋ", "o": "òóôõöōŏő",
		"r": "ŕŗř", "s": "śŝşš", "t": "ţťŧ", "u": "ùúûüũūŭůűų", "w": "ŵ", "y": "ýÿŷ", "z": "źżž",
	}
	for base, rs := range groups {
		for _, r := range rs {
			if r >= 0x80 {
				m[r] = base
			}
		}
	}
	return m
}()
