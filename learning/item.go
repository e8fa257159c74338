package learning

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ItemKind says what sort of question an item is.
type ItemKind string

// The item kinds Osteon generates.
const (
	KindFind          ItemKind = "find"
	KindNameChoice    ItemKind = "name-choice"
	KindNameTyped     ItemKind = "name-typed"
	KindMCQ           ItemKind = "mcq"
	KindProcedureStep ItemKind = "procedure-step"
	KindProcedureTest ItemKind = "procedure-test"
	KindDrill         ItemKind = "drill"
	KindConsultation  ItemKind = "consultation"
)

// Kinds lists the known item kinds.
var Kinds = []ItemKind{KindFind, KindNameChoice, KindNameTyped, KindMCQ,
	KindProcedureStep, KindProcedureTest, KindDrill, KindConsultation, KindPin}

// Known reports whether k is one of [Kinds].
func (k ItemKind) Known() bool {
	for _, x := range Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// ItemID identifies an item across sessions and pack versions:
// "<kind>:<subject>" (see the package documentation).
type ItemID string

// SkillKind is the level a skill sits at.
type SkillKind string

// The skill kinds mastery is tracked at.
const (
	SkillStructure SkillKind = "structure"
	SkillRegion    SkillKind = "region"
	SkillSystem    SkillKind = "system"
	SkillProcedure SkillKind = "procedure"
	// SkillConsultation: a consultation scenario, from its Tests.
	SkillConsultation SkillKind = "consultation"
)

// SkillKinds lists the known skill kinds.
var SkillKinds = []SkillKind{SkillStructure, SkillRegion, SkillSystem, SkillProcedure, SkillConsultation}

// Known reports whether k is one of [SkillKinds].
func (k SkillKind) Known() bool {
	for _, x := range SkillKinds {
		if x == k {
			return true
		}
	}
	return false
}

// SkillID identifies a skill: "<kind>:<key>", e.g. "system:skeletal".
type SkillID string

// ErrBadID is wrapped by the errors of the ID parsers.
var ErrBadID = errors.New("malformed id")

const maxSubject = 256

// NewItemID builds an ItemID from a kind and a subject.
func NewItemID(kind ItemKind, subject string) (ItemID, error) {
	return ParseItemID(string(kind) + ":" + subject)
}

// ParseItemID checks that s is a well-formed ItemID. The kind must be
// well-formed but need not be one of [Kinds], so that newer kinds survive
// in older builds.
func ParseItemID(s string) (ItemID, error) {
	if _, _, err := splitID(s); err != nil {
		return "", fmt.Errorf("learning: item id %q: %w", s, err)
	}
	return ItemID(s), nil
}

// Kind is the part before the first ':'.
func (id ItemID) Kind() ItemKind {
	k, _, _ := strings.Cut(string(id), ":")
	return ItemKind(k)
}

// Subject is the part after the first ':'.
func (id ItemID) Subject() string {
	_, s, _ := strings.Cut(string(id), ":")
	return s
}

// NewSkillID builds a SkillID from a kind and a key.
func NewSkillID(kind SkillKind, key string) (SkillID, error) {
	return ParseSkillID(string(kind) + ":" + key)
}

// ParseSkillID checks that s is a well-formed SkillID with a known kind.
func ParseSkillID(s string) (SkillID, error) {
	kind, _, err := splitID(s)
	if err != nil {
		return "", fmt.Errorf("learning: skill id %q: %w", s, err)
	}
	if !SkillKind(kind).Known() {
		return "", fmt.Errorf("learning: skill id %q: unknown kind %q: %w", s, kind, ErrBadID)
	}
	return SkillID(s), nil
}

// Kind is the part before the first ':'.
func (id SkillID) Kind() SkillKind {
	k, _, _ := strings.Cut(string(id), ":")
	return SkillKind(k)
}

// Key is the part after the first ':'.
func (id SkillID) Key() string {
	_, s, _ := strings.Cut(string(id), ":")
	return s
}

// splitID validates "<kind>:<subject>" and returns both parts.
func splitID(s string) (kind, subject string, err error) {
	kind, subject, ok := strings.Cut(s, ":")
	if !ok {
		return "", "", fmt.Errorf("no ':' separator: %w", ErrBadID)
	}
	if err := checkKind(kind); err != nil {
		return "", "", err
	}
	if err := checkSubject(subject); err != nil {
		return "", "", err
	}
	return kind, subject, nil
}

func checkKind(k string) error {
	if k == "" || len(k) > 32 {
		return fmt.Errorf("kind must be 1 to 32 bytes: %w", ErrBadID)
	}
	if k[0] < 'a' || k[0] > 'z' {
		return fmt.Errorf("kind must start with a-z: %w", ErrBadID)
	}
	for _, c := range k {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
			return fmt.Errorf("kind has %q, want a-z, 0-9 or '-': %w", c, ErrBadID)
		}
	}
	return nil
}

func checkSubject(s string) error {
	if s == "" || len(s) > maxSubject {
		return fmt.Errorf("subject must be 1 to %d bytes: %w", maxSubject, ErrBadID)
	}
	if !utf8.ValidString(s) {
		return fmt.Errorf("subject is not UTF-8: %w", ErrBadID)
	}
	for _, c := range s {
		if unicode.IsSpace(c) || unicode.IsControl(c) {
			return fmt.Errorf("subject has space or control character %q: %w", c, ErrBadID)
		}
	}
	return nil
}
