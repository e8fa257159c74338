package content

import (
	"strings"
	"testing"
)

func TestParseVersion(t *testing.T) {
	good := []string{"0.1.0", "1.2.3", "10.20.30", "1.0.0-rc.1", "1.0.0-alpha-1.0", "1.0.0+build.5", "1.0.0-0.3.7+x"}
	for _, s := range good {
		v, err := ParseVersion(s)
		if err != nil {
			t.Errorf("ParseVersion(%q): %v", s, err)
			continue
		}
		if v.String() != s {
			t.Errorf("round trip %q -> %q", s, v.String())
		}
	}
	bad := []string{"", "1", "1.2", "v1.2.3", "1.2.3.4", "01.2.3", "1.2.x", "1.2.3-", "1.2.3-01", "1.2.3+", "1.2.3-a..b", " 1.2.3", "99999999999999999999.0.0"}
	for _, s := range bad {
		if _, err := ParseVersion(s); err == nil || !strings.Contains(err.Error(), "semantic version") {
			t.Errorf("ParseVersion(%q) = %v, want a semver error", s, err)
		}
	}
}

func TestVersionCompare(t *testing.T) {
	// Ascending, from semver.org section 11.
	order := []string{"1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0", "10.0.0"}
	for i := range order {
		for j := range order {
			a, _ := ParseVersion(order[i])
			b, _ := ParseVersion(order[j])
			want := 0
			if i < j {
				want = -1
			} else if i > j {
				want = 1
			}
			if got := a.Compare(b); got != want {
				t.Errorf("Compare(%s, %s) = %d, want %d", order[i], order[j], got, want)
			}
		}
	}
	if compareVersionText("1.0.0+a", "1.0.0+b") != 0 {
		t.Error("build metadata must not count")
	}
	if compareVersionText("junk", "0.0.1") != -1 || compareVersionText("0.0.1", "junk") != 1 {
		t.Error("an invalid version must sort below a valid one")
	}
}
