package learning

import (
	"strings"
	"testing"
)

// TestFoldNameOneRule: names on which Explore's search (Unicode
// decomposition) and typed-answer grading (a table of Latin-1 and
// Latin Extended-A letters) disagreed until both used FoldName. Each name
// must be found by searching for its plain spelling and accepted when that
// spelling is typed.
func TestFoldNameOneRule(t *testing.T) {
	tests := []struct {
		name, plain, fold string
		before            string // which rule got it wrong before
	}{
		{"Fußwurzelknochen", "fusswurzelknochen", "fusswurzelknochen", "search kept ß"},
		{"Cæcum", "caecum", "caecum", "search kept æ"},
		{"Œsophagus", "oesophagus", "oesophagus", "search kept œ"},
		{"Skulderblad, højre", "skulderblad hojre", "skulderblad, hojre", "search kept ø"},
		{"Mușchiul deltoid", "muschiul deltoid", "muschiul deltoid", "grading kept ș (Latin Extended-B)"},
		{"Cơ delta", "co delta", "co delta", "grading kept ơ (Latin Extended-B)"},
		{"ﬁbula", "fibula", "fibula", "both kept the ﬁ ligature"},
		{"Hume\u0301rus", "humerus", "humerus", "none: an accent typed as a combining mark"},
		{"Humérus", "humerus", "humerus", "none: both folded é"},
		{"ÉPAULE", "epaule", "epaule", "none"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FoldName(tt.name); got != tt.fold {
				t.Errorf("FoldName(%q) = %q, want %q (before: %s)", tt.name, got, tt.fold, tt.before)
			}
			if !strings.Contains(FoldName(tt.name), FoldName(strings.Fields(tt.plain)[0])) {
				t.Errorf("searching %q does not find %q", tt.plain, tt.name)
			}
			if a, b := NormalizeName(tt.name), NormalizeName(tt.plain); a != b {
				t.Errorf("typing %q for %q: normal forms %q and %q differ", tt.plain, tt.name, a, b)
			}
		})
	}
}

// FuzzFoldName: folding is idempotent and never changes what grading
// compares.
func FuzzFoldName(f *testing.F) {
	for _, s := range []string{"Fußwurzel", "Cæcum", "Mușchi", "ﬁbula", "Hume\u0301rus", "", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := FoldName(s)
		if twice := FoldName(once); twice != once {
			t.Errorf("FoldName not idempotent on %q: %q then %q", s, once, twice)
		}
		if a, b := NormalizeName(s), NormalizeName(once); a != b {
			t.Errorf("NormalizeName(%q) = %q but of its fold %q", s, a, b)
		}
	})
}

func BenchmarkNormalizeName(b *testing.B) {
	names := []string{"Right first metacarpal bone", "Musculus flexor digitorum profundus", "Humérus droit", "Fußwurzelknochen"}
	for i := 0; b.Loop(); i++ {
		NormalizeName(names[i%len(names)])
	}
}
