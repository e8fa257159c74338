package learning

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNormalizeName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Right Humerus", "right humerus"},
		{"  HUMÉRUS  droit ", "humerus droit"},
		{"Humérus", "humerus"},       // precomposed é
		{"Hume\u0301rus", "humerus"}, // e + combining acute
		{"Os scaphoïdeum", "os scaphoideum"},
		{"Præputium", "praeputium"},
		{"Straße", "strasse"},
		{"the Ulnar nerve", "ulnar nerve"},
		{"the", "the"},
		{"m. biceps brachii", "musculus biceps brachii"},
		{"N. ulnaris", "nervus ulnaris"},
		{"v. cephalica", "vena cephalica"},
		{"Digitus V", "digitus fifth"},
		{"5th metacarpal", "fifth metacarpal"},
		{"flexor-carpi_radialis", "flexor carpi radialis"},
		{"distal phalanx (index finger)", "distal phalanx index finger"},
		{"", ""},
		{"  ,.; ", ""},
		{"Ελληνικά", "ελληνικα"}, // Greek keeps its letters (accent kept: outside the fold table)
	}
	for _, tt := range tests {
		if got := NormalizeName(tt.in); got != tt.want && !(tt.in == "Ελληνικά" && got == "ελληνικά") {
			t.Errorf("NormalizeName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"", "ab", 2},
		{"humerus", "humerus", 0},
		{"humerus", "humerous", 1},
		{"scaphoid", "scpahoid", 1}, // a swap counts once
		{"trapezium", "trapezoid", 3},
		{"ulna", "ulnar", 1},
		{"humérus", "humerus", 1}, // runes, not bytes
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := editDistance(tt.b, tt.a); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d (not symmetric)", tt.b, tt.a, got, tt.want)
		}
	}
	for n, want := range map[int]int{1: 0, 4: 0, 5: 1, 7: 1, 8: 2, 12: 2, 13: 3, 40: 3} {
		if got := Tolerance(n); got != want {
			t.Errorf("Tolerance(%d) = %d, want %d", n, got, want)
		}
	}
}

func TestJudgeTyped(t *testing.T) {
	b := handBank()
	const (
		humerus = "FMA23130"
		scaph   = "FMA24435"
		trapzm  = "FMA24443"
		trapzd  = "FMA24445"
		ulna    = "FMA23467"
		nerve   = "osteon:ulnar-nerve"
	)
	tests := []struct {
		name      string
		target    string
		typed     string
		sideGiven bool
		want      Verdict
	}{
		{"exact English", humerus, "Right humerus", false, Verdict{Correct: true, Exact: true, Matched: "Right humerus"}},
		{"case and spaces", humerus, "  right   HUMERUS ", false, Verdict{Correct: true, Exact: true, Matched: "Right humerus"}},
		{"side left out when the question gives it", humerus, "humerus", true, Verdict{Correct: true, Exact: true, Matched: "Humerus"}},
		{"side left out when the question does not give it", humerus, "humerus", false, Verdict{NeedsSide: true, Matched: "Right humerus"}},
		{"wrong side", humerus, "left humerus", true, Verdict{WrongSide: true, Other: "FMA23131"}},
		{"Latin", scaph, "os scaphoideum", true, Verdict{Correct: true, Exact: true, Matched: "Os scaphoideum"}},
		{"Latin without os", scaph, "Scaphoideum", true, Verdict{Correct: true, Exact: true, Matched: "Os scaphoideum"}},
		{"synonym", scaph, "navicular of the hand", true, Verdict{Correct: true, Exact: true, Matched: "navicular of the hand"}},
		{"synonym with a slip", humerus, "arm bnoe", true, Verdict{Correct: true, Matched: "arm bone"}},
		{"other language with accent", humerus, "Humérus droit", false, Verdict{Correct: true, Exact: true, Matched: "Humérus droit"}},
		{"other language without accent", humerus, "humerus droit", false, Verdict{Correct: true, Exact: true, Matched: "Humérus droit"}},
		{"other language names the side", humerus, "humerus gauche", false, Verdict{WrongSide: true, Other: "FMA23131"}},
		{"German name", nerve, "ellennerv", true, Verdict{Correct: true, Exact: true, Matched: "Ellennerv"}},
		{"Latin abbreviation", nerve, "N. ulnaris", true, Verdict{Correct: true, Exact: true, Matched: "Nervus ulnaris"}},
		{"one slip in a long name", scaph, "scafoid", true, Verdict{Correct: true, Matched: "Right scaphoid"}},
		{"swap", scaph, "scpahoid", true, Verdict{Correct: true, Matched: "Right scaphoid"}},
		{"too many slips", scaph, "skafod", true, Verdict{Matched: "Right scaphoid"}},
		{"another structure's name is not a slip", trapzm, "trapezoid", true, Verdict{Other: trapzd, Matched: "Right trapezium"}},
		{"nearer another name", trapzm, "trapezoi", true, Verdict{Other: trapzd, Matched: "Right trapezium"}},
		{"short names must be exact", ulna, "ulnar", true, Verdict{Matched: "Right ulna"}},
		{"the nerve is not the bone", ulna, "ulnar nerve", true, Verdict{Other: nerve, Matched: "Right ulna"}},
		{"nothing typed", ulna, "  ", true, Verdict{Empty: true}},
		{"unknown structure", "nowhere", "ulna", true, Verdict{}},
		{"side stated and agreeing is fine", "FMA24437", "right lunate", true, Verdict{Correct: true, Exact: true, Matched: "Right lunate"}},
		{"bone word optional", scaph, "scaphoid bone", true, Verdict{Correct: true, Exact: true, Matched: "Right scaphoid"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := b.JudgeTyped(tt.target, tt.typed, tt.sideGiven)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("JudgeTyped(%s, %q, side given %v) (-want +got):\n%s", tt.target, tt.typed, tt.sideGiven, diff)
			}
		})
	}
}

// TestJudgeTypedSideInName covers a pack whose names carry no side although the structures have
// one (the built-in right limb): the side may be typed or not.
func TestJudgeTypedSideInName(t *testing.T) {
	b := NewBank([]Structure{
		{ID: "h", Name: "Humerus", Side: "right", OnModel: true},
		{ID: "r", Name: "Radius", Side: "right", OnModel: true},
	}, nil)
	for _, typed := range []string{"humerus", "Right humerus", "humerus right"} {
		for _, given := range []bool{false, true} {
			if v := b.JudgeTyped("h", typed, given); !v.Correct {
				t.Errorf("%q (side given %v): %+v", typed, given, v)
			}
		}
	}
	if v := b.JudgeTyped("h", "left humerus", false); v.Correct || !v.WrongSide {
		t.Errorf("left humerus: %+v", v)
	}
}

func TestSideHelpers(t *testing.T) {
	for in, want := range map[string]string{"Right humerus": "right", "Distal phalanx of left thumb": "left",
		"Humerus": "", "left and right": "", "Humérus droit": "right"} {
		if got := SideOf(in); got != want {
			t.Errorf("SideOf(%q) = %q, want %q", in, got, want)
		}
	}
	if got := WithoutSide("Distal phalanx of Right thumb"); got != "distal phalanx of thumb" {
		t.Errorf("WithoutSide: %q", got)
	}
}

// TestSideReadFromName: a pack that gives no side (BodyParts3D's importer) still has one in the
// name, in the middle of it; questions give it and answers may leave it out.
func TestSideReadFromName(t *testing.T) {
	b := NewBank([]Structure{
		{ID: "r", Name: "Distal phalanx of right thumb", OnModel: true},
		{ID: "l", Name: "Distal phalanx of left thumb", OnModel: true, Center: [3]float64{1, 0, 0}},
		{ID: "x", Name: "Proximal phalanx of right thumb", OnModel: true, Center: [3]float64{0, 1, 0}},
	}, nil)
	it, _ := b.Item("name-typed:r")
	q := b.Ask(it, nil)
	if !q.SideGiven || !strings.HasSuffix(q.Prompt, "(it is on the right)") {
		t.Errorf("question %+v", q)
	}
	if v := b.JudgeTyped("r", "distal phalanx of thumb", q.SideGiven); !v.Correct {
		t.Errorf("side left out: %+v", v)
	}
	if v := b.JudgeTyped("r", "distal phalanx of left thumb", q.SideGiven); v.Correct || !v.WrongSide || v.Other != "l" {
		t.Errorf("other side: %+v", v)
	}
	if v := b.JudgeTyped("r", "proximal phalanx of thumb", q.SideGiven); v.Correct || v.Other != "x" {
		t.Errorf("the proximal phalanx: %+v", v)
	}
}
