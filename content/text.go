package content

import (
	"bytes"
	"unicode/utf8"
)

// maxTextProblems bounds how many invalid lines one file reports.
const maxTextProblems = 5

// checkText checks that data is UTF-8 text as pack files must be. A UTF-8 byte order mark is
// allowed and removed; UTF-16 (with or without a mark) is named as such; invalid UTF-8 is
// reported line by line. It returns the text without a mark and the problems; when there are
// problems the text is not usable.
func checkText(data []byte, file string) ([]byte, Problems) {
	var ps Problems
	if enc := utf16Kind(data); enc != "" {
		ps.add(file, 0, "", "file is %s text; save it as UTF-8", enc)
		return nil, ps
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if utf8.Valid(data) {
		if i := bytes.IndexByte(data, 0); i >= 0 {
			ps.add(file, lineAt(data, i), "", "file contains a NUL byte: not a text file")
		}
		return data, ps
	}
	line := 1
	for rest := data; len(rest) > 0; line++ {
		l := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			l, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		if !utf8.Valid(l) {
			col := firstInvalid(l)
			ps.add(file, line, "", "invalid UTF-8 (byte 0x%02x at column %d); save the file as UTF-8", l[col], col+1)
			if len(ps) == maxTextProblems {
				break
			}
		}
	}
	return data, ps
}

// utf16Kind names UTF-16 text by its byte order mark, or by the zero bytes that ASCII text in
// UTF-16 has in every other position.
func utf16Kind(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		return "UTF-16 (little-endian)"
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		return "UTF-16 (big-endian)"
	}
	n := min(len(data), 512) &^ 1
	if n < 4 {
		return ""
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	switch half := n / 2; {
	case odd > half*9/10 && even == 0:
		return "UTF-16 (little-endian)"
	case even > half*9/10 && odd == 0:
		return "UTF-16 (big-endian)"
	}
	return ""
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return 0
}

// lineAt is the 1-based line of byte offset off.
func lineAt(data []byte, off int) int {
	return 1 + bytes.Count(data[:min(off, len(data))], []byte("\n"))
}
