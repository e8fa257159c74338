package progress

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
)

// EnvDB is the environment variable that overrides the default database
// path. Precedence: an explicit path (the --db flag) beats OSTEON_DB, which
// beats DefaultPath's platform default.
const EnvDB = "OSTEON_DB"

// DefaultPath is where the progress database lives unless told otherwise:
// $OSTEON_DB if set, else the learner's data folder:
//
//	Linux, BSD  $XDG_DATA_HOME/osteon/progress.db (default ~/.local/share)
//	macOS       ~/Library/Application Support/Osteon/progress.db
//	Windows     %AppData%\Osteon\progress.db
//
// It does not create anything.
func DefaultPath() (string, error) {
	return defaultPath(runtime.GOOS, os.Getenv, os.UserHomeDir)
}

func defaultPath(goos string, getenv func(string) string, home func() (string, error)) (string, error) {
	if p := getenv(EnvDB); p != "" {
		return p, nil
	}
	switch goos {
	case "windows":
		if d := getenv("AppData"); d != "" {
			return filepath.Join(d, "Osteon", "progress.db"), nil
		}
		return "", errors.New("progress: default path: %AppData% is not set")
	case "darwin", "ios":
		h, err := home()
		if err != nil {
			return "", err
		}
		return filepath.Join(h, "Library", "Application Support", "Osteon", "progress.db"), nil
	}
	if d := getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "osteon", "progress.db"), nil
	}
	h, err := home()
	if err != nil {
		return "", err
	}
	return filepath.Join(h, ".local", "share", "osteon", "progress.db"), nil
}
