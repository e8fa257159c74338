package content

import (
	"strings"
	"testing"
)

// TestExtrasShortcutsMatchRegexps: NormalizeOntologyID and sourceText turn text away before their
// regexps; they answer as the regexps alone do.
func TestExtrasShortcutsMatchRegexps(t *testing.T) {
	in := []string{"", " ", "-", "?", "—", " - ", "FMA:7264 ", " uberon_0002135\t", "fma7264x", "FMA", "FMA:",
		"http://purl.org/obo/UBERON_0002135", "#TA2:12", "TA2 1234\n", "7264", "FMA:7269", "a-", "Ünter 5", "1", "x",
		"Left kidney", "(FMA7264)", "!!", "ontology 0", "\u00a0FMA12"}
	for _, s := range in {
		trimmed := strings.TrimSpace(s)
		match := false
		for _, p := range ontologyPatterns {
			match = match || p.re.MatchString(trimmed)
		}
		if got := NormalizeOntologyID(s); (got != "") != match {
			t.Errorf("NormalizeOntologyID(%q) = %q; a regexp matches: %v", s, got, match)
		}
		wantText := s
		if placeholder.MatchString(s) {
			wantText = ""
		}
		if got := sourceText(s); got != wantText {
			t.Errorf("sourceText(%q) = %q, want %q", s, got, wantText)
		}
	}
}
