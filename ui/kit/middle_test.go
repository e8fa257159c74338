package kit

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestMiddleEllipsis(t *testing.T) {
	chars := func(s string) float32 { return float32(utf8.RuneCountInString(s)) } // one unit a character
	for _, c := range []struct {
		s     string
		width float32
		want  string
	}{
		{"Right ulna", 20, "Right ulna"},
		{"Proximal phalanx of right index finger", 22, "Proxima…t index finger"},
		{"Proximal phalanx of right middle finger", 22, "Proxima… middle finger"},
		{"Proximal phalanx of right index finger", 1, "…"},
		{"Proximal phalanx of right index finger", 0, "…"},
	} {
		got := MiddleEllipsis(c.s, c.width, chars)
		if got != c.want || chars(got) > max(c.width, 1) {
			t.Errorf("MiddleEllipsis(%q, %v) = %q, want %q", c.s, c.width, got, c.want)
		}
		if got != c.s && !strings.HasSuffix(c.s, strings.SplitN(got, "…", 2)[1]) {
			t.Errorf("%q does not keep the end of %q", got, c.s)
		}
	}
}
