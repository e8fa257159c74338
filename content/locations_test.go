package content

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPackLocations(t *testing.T) {
	env := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	home := func() (string, error) { return "/home/ann", nil }
	tests := []struct {
		name, goos string
		getenv     func(string) string
		system     []string
		learner    string
	}{
		{"linux defaults", "linux", env(), []string{"/usr/local/share/osteon/packs", "/usr/share/osteon/packs"}, "/home/ann/.local/share/osteon/packs"},
		{"linux xdg", "linux", env("XDG_DATA_DIRS", "/opt/share:relative:/usr/share", "XDG_DATA_HOME", "/data/ann"),
			[]string{"/opt/share/osteon/packs", "/usr/share/osteon/packs"}, "/data/ann/osteon/packs"},
		{"env overrides", "linux", env(EnvSystemPacks, "/lab/packs:/lab/more", EnvData, "/srv/ann", "XDG_DATA_DIRS", "/usr/share"),
			[]string{"/lab/packs", "/lab/more", "/usr/share/osteon/packs"}, "/srv/ann/packs"},
		{"windows", "windows", env("ProgramData", `D:\PD`, "LOCALAPPDATA", `C:\Users\ann\AppData\Local`),
			[]string{`D:\PD\Osteon\packs`}, `C:\Users\ann\AppData\Local\Osteon\packs`},
		{"macos", "darwin", env(), []string{"/Library/Application Support/Osteon/packs"}, "/home/ann/Library/Application Support/Osteon/packs"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.system, systemDirs(tc.goos, tc.getenv)); diff != "" {
				t.Errorf("system dirs (-want +got):\n%s", diff)
			}
			got, err := learnerDir(tc.goos, tc.getenv, home)
			if err != nil || got != tc.learner {
				t.Errorf("learner dir %q, %v; want %q", got, err, tc.learner)
			}
		})
	}
	if _, err := learnerDir("linux", env(), func() (string, error) { return "", errors.New("no home") }); err == nil {
		t.Error("no home and no OSTEON_DATA: want an error")
	}
}
