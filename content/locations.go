package content

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// Environment variables that move the pack folders.
const (
	// EnvSystemPacks lists system-wide pack folders (separated like PATH), searched before the
	// platform's; the first is where `osteon pack install --system` writes.
	EnvSystemPacks = "OSTEON_SYSTEM_PACKS"
	// EnvData overrides the learner's data folder; packs live in its "packs" folder.
	EnvData = "OSTEON_DATA"
)

// DefaultSystemDirs returns the system-wide, read-only pack folders, highest precedence first:
// those in OSTEON_SYSTEM_PACKS, then the platform's shared data folders
// ($XDG_DATA_DIRS/osteon/packs and /usr/share/osteon/packs on Linux and BSD,
// %ProgramData%\Osteon\packs on Windows, /Library/Application Support/Osteon/packs on macOS).
func DefaultSystemDirs() []string { return systemDirs(runtime.GOOS, os.Getenv) }

// DefaultSystemInstallDir is where a system-wide install goes: the first folder in
// OSTEON_SYSTEM_PACKS, else the platform's usual one (/usr/share/osteon/packs on Linux).
func DefaultSystemInstallDir() string {
	if d := splitList(os.Getenv(EnvSystemPacks)); len(d) > 0 {
		return d[0]
	}
	return platformSystemDir(runtime.GOOS, os.Getenv)
}

// DefaultLearnerDir returns the learner's pack folder: $OSTEON_DATA/packs, else
// $XDG_DATA_HOME/osteon/packs or ~/.local/share/osteon/packs on Linux and BSD,
// %LOCALAPPDATA%\Osteon\packs on Windows, ~/Library/Application Support/Osteon/packs on macOS.
func DefaultLearnerDir() (string, error) {
	return learnerDir(runtime.GOOS, os.Getenv, os.UserHomeDir)
}

func splitList(s string) []string {
	var out []string
	for _, d := range filepath.SplitList(s) {
		if d = strings.TrimSpace(d); d != "" {
			out = append(out, filepath.Clean(d))
		}
	}
	return out
}

func platformSystemDir(goos string, getenv func(string) string) string {
	switch goos {
	case "windows":
		pd := firstNonEmpty(getenv("ProgramData"), `C:\ProgramData`)
		return pd + `\Osteon\packs`
	case "darwin":
		return "/Library/Application Support/Osteon/packs"
	}
	return "/usr/share/osteon/packs"
}

func systemDirs(goos string, getenv func(string) string) []string {
	dirs := splitList(getenv(EnvSystemPacks))
	if goos != "windows" && goos != "darwin" {
		xdg := getenv("XDG_DATA_DIRS")
		if xdg == "" {
			xdg = "/usr/local/share:/usr/share"
		}
		for _, d := range strings.Split(xdg, ":") {
			if filepath.IsAbs(d) {
				dirs = append(dirs, filepath.Join(d, "osteon", "packs"))
			}
		}
	}
	dirs = append(dirs, platformSystemDir(goos, getenv))
	seen := map[string]bool{}
	out := dirs[:0]
	for _, d := range dirs {
		if !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	return out
}

func learnerDir(goos string, getenv func(string) string, home func() (string, error)) (string, error) {
	if d := getenv(EnvData); d != "" {
		return filepath.Join(d, "packs"), nil
	}
	if goos == "windows" {
		if d := getenv("LOCALAPPDATA"); d != "" {
			return d + `\Osteon\packs`, nil
		}
	}
	if goos != "windows" && goos != "darwin" {
		if d := getenv("XDG_DATA_HOME"); filepath.IsAbs(d) {
			return filepath.Join(d, "osteon", "packs"), nil
		}
	}
	h, err := home()
	if err != nil || h == "" {
		return "", fmt.Errorf("content: no folder for the learner's packs: set %s (%v)", EnvData, err)
	}
	switch goos {
	case "windows":
		return h + `\AppData\Local\Osteon\packs`, nil
	case "darwin":
		return filepath.Join(h, "Library", "Application Support", "Osteon", "packs"), nil
	}
	return filepath.Join(h, ".local", "share", "osteon", "packs"), nil
}
