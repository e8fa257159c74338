package explore

import (
	"testing"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/learning"
)

// TestSearchFoldsAsGradingDoes: Explore's search and typed-answer grading
// use one accent-folding rule (learning.FoldName), so a name typed plainly
// finds the structure whose name grading would accept it for. Searching
// "fuss" for "Fußwurzelknochen" or "caecum" for "Cæcum" found nothing while
// search decomposed accents on its own.
func TestSearchFoldsAsGradingDoes(t *testing.T) {
	names := map[string]string{"a": "Fußwurzelknochen", "b": "Cæcum", "c": "Œsophagus", "d": "Mușchiul deltoid", "e": "Humérus"}
	s := &content.Scene{}
	for id, n := range names {
		s.Parts = append(s.Parts, content.Part{Structure: content.Structure{ID: id, Name: n}})
	}
	c := newCatalog(s)
	for _, tt := range []struct{ query, want string }{
		{"fuss", "a"}, {"caecum", "b"}, {"oesophagus", "c"}, {"muschiul", "d"}, {"HUMERUS", "e"}, {"humérus", "e"},
	} {
		if n := c.filter(tt.query); n != 1 || !c.shown(tt.want) {
			t.Errorf("searching %q matches %d, want only %q (%s)", tt.query, n, tt.want, names[tt.want])
		}
		if learning.NormalizeName(tt.query) != learning.NormalizeName(names[tt.want]) && tt.query != "fuss" && tt.query != "muschiul" {
			t.Errorf("grading would not accept %q for %q", tt.query, names[tt.want])
		}
	}
}
