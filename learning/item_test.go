package learning

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseItemID(t *testing.T) {
	type parts struct {
		Kind    ItemKind
		Subject string
		Known   bool
	}
	tests := []struct {
		name string
		in   string
		want parts
		bad  bool
	}{
		{name: "find with FMA id", in: "find:FMA:23462", want: parts{KindFind, "FMA:23462", true}},
		{name: "mcq pack-scoped", in: "mcq:osteon.upper/q17", want: parts{KindMCQ, "osteon.upper/q17", true}},
		{name: "procedure step", in: "procedure-step:core/venepuncture#tourniquet", want: parts{KindProcedureStep, "core/venepuncture#tourniquet", true}},
		{name: "unknown but well-formed kind", in: "sequence2:wrist", want: parts{"sequence2", "wrist", false}},
		{name: "unicode subject", in: "name-typed:os_scaphoïdeum", want: parts{KindNameTyped, "os_scaphoïdeum", true}},
		{name: "no separator", in: "find", bad: true},
		{name: "empty kind", in: ":x", bad: true},
		{name: "empty subject", in: "find:", bad: true},
		{name: "upper-case kind", in: "Find:x", bad: true},
		{name: "kind starts with digit", in: "1find:x", bad: true},
		{name: "space in subject", in: "find:left ulna", bad: true},
		{name: "tab in subject", in: "find:a\tb", bad: true},
		{name: "control in subject", in: "find:a\x00b", bad: true},
		{name: "invalid utf-8", in: "find:\xff", bad: true},
		{name: "subject too long", in: "find:" + strings.Repeat("a", 257), bad: true},
		{name: "subject at limit", in: "find:" + strings.Repeat("a", 256), want: parts{KindFind, strings.Repeat("a", 256), true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, err := ParseItemID(tt.in)
			if tt.bad {
				if !errors.Is(err, ErrBadID) {
					t.Fatalf("ParseItemID(%q) error = %v, want ErrBadID", tt.in, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseItemID(%q): %v", tt.in, err)
			}
			got := parts{id.Kind(), id.Subject(), id.Kind().Known()}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseItemID(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestParseSkillID(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		wantKind SkillKind
		wantKey  string
		bad      bool
	}{
		{name: "structure", in: "structure:FMA:23462", wantKind: SkillStructure, wantKey: "FMA:23462"},
		{name: "region", in: "region:upper-limb", wantKind: SkillRegion, wantKey: "upper-limb"},
		{name: "system", in: "system:skeletal", wantKind: SkillSystem, wantKey: "skeletal"},
		{name: "procedure", in: "procedure:core/venepuncture", wantKind: SkillProcedure, wantKey: "core/venepuncture"},
		{name: "unknown kind", in: "organ:heart", bad: true},
		{name: "no key", in: "system:", bad: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, err := ParseSkillID(tt.in)
			if tt.bad {
				if !errors.Is(err, ErrBadID) {
					t.Fatalf("ParseSkillID(%q) error = %v, want ErrBadID", tt.in, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if id.Kind() != tt.wantKind || id.Key() != tt.wantKey {
				t.Errorf("ParseSkillID(%q) = kind %q key %q, want %q %q", tt.in, id.Kind(), id.Key(), tt.wantKind, tt.wantKey)
			}
		})
	}
}

func FuzzParseItemID(f *testing.F) {
	for _, s := range []string{"find:FMA:23462", "mcq:p/q1", "x:", ":", "find:a b", "a-b-c:\u00e9", "find:\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := ParseItemID(s)
		if err != nil {
			if !errors.Is(err, ErrBadID) {
				t.Fatalf("error %v does not wrap ErrBadID", err)
			}
			return
		}
		if string(id) != s {
			t.Fatalf("ParseItemID(%q) = %q", s, id)
		}
		again, err := NewItemID(id.Kind(), id.Subject())
		if err != nil || again != id {
			t.Fatalf("NewItemID(%q, %q) = %q, %v; want %q", id.Kind(), id.Subject(), again, err, id)
		}
		if strings.ContainsAny(id.Subject(), " \t\n\r\x00") {
			t.Fatalf("accepted white space or NUL in %q", s)
		}
	})
}

func FuzzParseSkillID(f *testing.F) {
	for _, s := range []string{"system:skeletal", "region:", "structure:FMA:1", "organ:x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := ParseSkillID(s)
		if err != nil {
			return
		}
		if !id.Kind().Known() || id.Key() == "" {
			t.Fatalf("accepted %q with kind %q key %q", s, id.Kind(), id.Key())
		}
		if again, err := NewSkillID(id.Kind(), id.Key()); err != nil || again != id {
			t.Fatalf("round trip of %q gave %q, %v", s, again, err)
		}
	})
}
