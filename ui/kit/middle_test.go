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

func TestShortenWordsKeepsWhatTellsNamesApart(t *testing.T) {
	chars := func(s string) float32 { return float32(utf8.RuneCountInString(s)) }
	names := []string{"Long head of left biceps brachii", "Long head of right biceps brachii",
		"Proximal phalanx of right index finger", "Proximal phalanx of right middle finger",
		"Middle phalanx of right index finger", "Right ulna"}
	keep := DistinctWords(names)
	if !keep[0][3] || !keep[1][3] || len(keep[0]) != 1 || keep[5] != nil {
		t.Fatalf("distinct words %v", keep)
	}
	seen := map[string]string{}
	for i, n := range names {
		got := ShortenWords(n, keep[i], 24, chars)
		if chars(got) > 24 {
			t.Errorf("%q → %q: too wide", n, got)
		}
		if other, dup := seen[got]; dup {
			t.Errorf("%q and %q both show as %q", n, other, got)
		}
		seen[got] = n
		for k, w := range strings.Fields(n) {
			if keep[i][k] && !strings.Contains(got, w) {
				t.Errorf("%q → %q lost %q", n, got, w)
			}
		}
	}
	if got := ShortenWords(names[2], keep[2], 24, chars); got != "Proximal … index finger" {
		t.Errorf("got %q", got)
	}
}
