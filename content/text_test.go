package content

import (
	"strings"
	"testing"
	"unicode/utf16"
)

func utf16le(s string, bom bool) []byte {
	var out []byte
	if bom {
		out = append(out, 0xff, 0xfe)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

func TestCheckText(t *testing.T) {
	be := []byte{0xfe, 0xff, 0, 'i', 0, 'd'}
	tests := []struct {
		name, want string
		data       []byte
		text       string
	}{
		{"plain", "", []byte("id = \"x\"\n"), "id = \"x\"\n"},
		{"utf8 bom", "", []byte("\xef\xbb\xbfid = 1\n"), "id = 1\n"},
		{"latin", "", []byte("name = \"Humérus\"\n"), "name = \"Humérus\"\n"},
		{"utf16 bom", "f.toml: file is UTF-16 (little-endian) text", utf16le("id = \"x\"\n", true), ""},
		{"utf16 no bom", "f.toml: file is UTF-16 (little-endian) text", utf16le("id = \"x\"\nname = \"y\"\n", false), ""},
		{"utf16 be", "UTF-16 (big-endian)", be, ""},
		{"latin1", "f.toml:2: invalid UTF-8 (byte 0xe9 at column 12)", []byte("id = \"x\"\nname = \"Hum\xe9rus\"\n"), ""},
		{"nul", "f.toml:2: file contains a NUL byte", []byte("a\nb\x00c\n"), ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, ps := checkText(tc.data, "f.toml")
			if tc.want == "" {
				if len(ps) > 0 || string(text) != tc.text {
					t.Fatalf("got %q, %v; want %q and no problems", text, ps, tc.text)
				}
				return
			}
			if len(ps) == 0 || !strings.Contains(ps.Error(), tc.want) {
				t.Fatalf("problems %v, want %q", ps, tc.want)
			}
		})
	}
}

func TestCheckTextBoundsReports(t *testing.T) {
	data := strings.Repeat("bad \xff\n", 50)
	_, ps := checkText([]byte(data), "f")
	if len(ps) != maxTextProblems {
		t.Fatalf("%d problems, want %d", len(ps), maxTextProblems)
	}
}
