package content

import (
	"fmt"
	"strconv"
	"strings"
)

// AppVersion is the version of Osteon this package belongs to. A pack whose min_app_version is
// above it is refused.
const AppVersion = "0.1.0"

// FormatVersion is the newest pack format (pack.toml `format`) this package reads.
const FormatVersion = 1

// Version is a semantic version (https://semver.org): MAJOR.MINOR.PATCH with an optional
// pre-release and build metadata.
type Version struct {
	Major, Minor, Patch uint64
	Pre                 []string // pre-release identifiers ("rc", "1"); empty for a release
	Build               string   // build metadata; ignored when comparing
}

// ParseVersion reads a semantic version such as "1.4.0", "2.0.0-rc.1" or "1.0.0+20260101".
// A leading "v" is not allowed, nor are missing parts ("1.2").
func ParseVersion(s string) (Version, error) {
	var v Version
	bad := func(why string) (Version, error) {
		return Version{}, fmt.Errorf("%q is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.2.0): %s", s, why)
	}
	rest := s
	if i := strings.IndexByte(rest, '+'); i >= 0 {
		v.Build = rest[i+1:]
		rest = rest[:i]
		if !validIdents(v.Build, false) {
			return bad("bad build metadata")
		}
	}
	if i := strings.IndexByte(rest, '-'); i >= 0 {
		pre := rest[i+1:]
		rest = rest[:i]
		if !validIdents(pre, true) {
			return bad("bad pre-release")
		}
		v.Pre = strings.Split(pre, ".")
	}
	nums := strings.Split(rest, ".")
	if len(nums) != 3 {
		return bad("needs three numbers")
	}
	parts := [3]*uint64{&v.Major, &v.Minor, &v.Patch}
	for i, n := range nums {
		if !numeric(n) || (len(n) > 1 && n[0] == '0') {
			return bad("parts must be numbers without leading zeros")
		}
		x, err := strconv.ParseUint(n, 10, 64)
		if err != nil {
			return bad("number too large")
		}
		*parts[i] = x
	}
	return v, nil
}

func numeric(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// validIdents checks dot-separated identifiers of [0-9A-Za-z-]; pre-release numbers may not
// have leading zeros.
func validIdents(s string, pre bool) bool {
	for _, id := range strings.Split(s, ".") {
		if id == "" {
			return false
		}
		for i := 0; i < len(id); i++ {
			c := id[i]
			if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-') {
				return false
			}
		}
		if pre && numeric(id) && len(id) > 1 && id[0] == '0' {
			return false
		}
	}
	return true
}

// String formats the version back into semver text.
func (v Version) String() string {
	s := fmt.Sprintf("%d.%d.%d", v.Major, v.Minor, v.Patch)
	if len(v.Pre) > 0 {
		s += "-" + strings.Join(v.Pre, ".")
	}
	if v.Build != "" {
		s += "+" + v.Build
	}
	return s
}

// Compare returns -1, 0 or +1 as v is lower than, equal to or higher than o in semver
// precedence (build metadata ignored; a pre-release is lower than its release).
func (v Version) Compare(o Version) int {
	for _, d := range [3][2]uint64{{v.Major, o.Major}, {v.Minor, o.Minor}, {v.Patch, o.Patch}} {
		if d[0] != d[1] {
			return cmpInt(d[0] < d[1])
		}
	}
	switch {
	case len(v.Pre) == 0 && len(o.Pre) == 0:
		return 0
	case len(v.Pre) == 0:
		return 1
	case len(o.Pre) == 0:
		return -1
	}
	for i := 0; i < len(v.Pre) && i < len(o.Pre); i++ {
		if c := comparePre(v.Pre[i], o.Pre[i]); c != 0 {
			return c
		}
	}
	switch {
	case len(v.Pre) < len(o.Pre):
		return -1
	case len(v.Pre) > len(o.Pre):
		return 1
	}
	return 0
}

func cmpInt(less bool) int {
	if less {
		return -1
	}
	return 1
}

func comparePre(a, b string) int {
	an, bn := numeric(a), numeric(b)
	switch {
	case an && bn:
		if len(a) != len(b) {
			return cmpInt(len(a) < len(b))
		}
		return strings.Compare(a, b)
	case an:
		return -1
	case bn:
		return 1
	}
	return strings.Compare(a, b)
}

// CompareVersions compares two version strings as the library orders pack copies: by semantic
// version, text that does not parse lower than any valid version.
func CompareVersions(a, b string) int { return compareVersionText(a, b) }

// compareVersionText compares two version strings, treating text that does not parse as lower
// than any valid version (so a broken copy never wins over a good one).
func compareVersionText(a, b string) int {
	va, ea := ParseVersion(a)
	vb, eb := ParseVersion(b)
	switch {
	case ea != nil && eb != nil:
		return strings.Compare(a, b)
	case ea != nil:
		return -1
	case eb != nil:
		return 1
	}
	return va.Compare(vb)
}
