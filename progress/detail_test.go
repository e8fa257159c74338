package progress

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCleanDetail(t *testing.T) {
	tests := []struct {
		name, in, want string
		bad            bool
	}{
		{name: "empty", in: "", want: "{}"},
		{name: "spaces", in: "  \n", want: "{}"},
		{name: "object compacted", in: `{ "a" : [1, 2] }`, want: `{"a":[1,2]}`},
		{name: "array", in: `[1]`, bad: true},
		{name: "null", in: `null`, bad: true},
		{name: "string", in: `"x"`, bad: true},
		{name: "truncated", in: `{"a":`, bad: true},
		{name: "two objects", in: `{}{}`, bad: true},
		{name: "invalid UTF-8", in: "{\"a\":\"\xff\"}", bad: true},
		{name: "too long", in: `{"a":"` + strings.Repeat("x", maxDetail) + `"}`, bad: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := cleanDetail(json.RawMessage(tt.in))
			if tt.bad {
				if !errors.Is(err, ErrInvalid) {
					t.Errorf("cleanDetail(%q) = %q, %v; want ErrInvalid", tt.in, got, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("cleanDetail(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func FuzzCleanDetail(f *testing.F) {
	for _, s := range []string{"", `{"a":1}`, `[1]`, `{"a":`, `{} `, `{"\u00e9":"\ud800"}`, "{\"a\":1}\n{"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, err := cleanDetail(json.RawMessage(in))
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("error %v is not ErrInvalid", err)
			}
			return
		}
		if !utf8.ValidString(got) {
			t.Fatalf("cleanDetail(%q) = %q, not UTF-8", in, got)
		}
		var obj map[string]any
		if json.Unmarshal([]byte(got), &obj) != nil || obj == nil {
			t.Fatalf("cleanDetail(%q) = %q, not a JSON object", in, got)
		}
		if again, err := cleanDetail(json.RawMessage(got)); err != nil || again != got {
			t.Fatalf("not idempotent: %q → %q → %q, %v", in, got, again, err)
		}
	})
}
