package progress

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// LRSConfig is where and as whom statements are sent. It is kept in a
// file of its own (mode 0600), never in the progress database, so an
// export or a copy of the database never carries the password. String
// and GoString leave the password out, so it cannot reach a log.
type LRSConfig struct {
	Endpoint string `json:"endpoint"` // the xAPI base, e.g. https://lrs.example.org/xAPI/
	User     string `json:"user"`
	Password string `json:"password"`
}

func (c LRSConfig) String() string {
	return fmt.Sprintf("LRS %s as %q", c.Endpoint, c.User)
}

// GoString keeps the password out of %#v too.
func (c LRSConfig) GoString() string { return c.String() }

// EnvLRSConfig and EnvLRSSystemConfig override where the user's and the
// machine's LRS configuration files are.
const (
	EnvLRSConfig       = "OSTEON_LRS_CONFIG"
	EnvLRSSystemConfig = "OSTEON_LRS_SYSTEM_CONFIG"
)

// LRSConfigPath is the configuration file: the machine's, set by an
// administrator for every learner (system), or the user's own:
//
//	system  $OSTEON_LRS_SYSTEM_CONFIG, else /etc/osteon/lrs.json
//	        (Windows %ProgramData%\Osteon\lrs.json)
//	user    $OSTEON_LRS_CONFIG, else the user's config folder/osteon/lrs.json
func LRSConfigPath(system bool) (string, error) {
	if p := os.Getenv(EnvLRSSystemConfig); system && p != "" {
		return p, nil
	}
	if system {
		if runtime.GOOS == "windows" {
			return filepath.Join(os.Getenv("ProgramData"), "Osteon", "lrs.json"), nil
		}
		return "/etc/osteon/lrs.json", nil
	}
	if p := os.Getenv(EnvLRSConfig); p != "" {
		return p, nil
	}
	d, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("progress: LRS config: %w", err)
	}
	return filepath.Join(d, "osteon", "lrs.json"), nil
}

// FindLRSConfig loads the user's configuration, else the machine's. It
// returns ErrNotFound (wrapped) when neither exists.
func FindLRSConfig() (LRSConfig, string, error) {
	for _, system := range []bool{false, true} {
		p, err := LRSConfigPath(system)
		if err != nil {
			return LRSConfig{}, "", err
		}
		c, err := LoadLRSConfig(p)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		return c, p, err
	}
	return LRSConfig{}, "", fmt.Errorf("progress: LRS config: %w: no LRS is configured", ErrNotFound)
}

// LoadLRSConfig reads and checks a configuration file.
func LoadLRSConfig(path string) (LRSConfig, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return LRSConfig{}, err
	}
	var c LRSConfig
	if err := json.Unmarshal(b, &c); err != nil {
		return LRSConfig{}, fmt.Errorf("progress: LRS config %s: %w", path, err)
	}
	if c, err = c.Check(); err != nil {
		return LRSConfig{}, fmt.Errorf("progress: LRS config %s: %w", path, err)
	}
	return c, nil
}

// Check validates the configuration and normalises the endpoint to end in
// a slash.
func (c LRSConfig) Check() (LRSConfig, error) {
	u, err := url.Parse(c.Endpoint)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return c, invalid("endpoint %q: want an http or https URL such as https://lrs.example.org/xAPI/", c.Endpoint)
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return c, invalid("endpoint %q: give the user and password apart, and no query", c.Endpoint)
	}
	if !strings.HasSuffix(c.Endpoint, "/") {
		c.Endpoint += "/"
	}
	if c.User == "" || strings.Contains(c.User, ":") {
		return c, invalid("user: want a non-empty name without ':'")
	}
	if c.Password == "" {
		return c, invalid("password: empty")
	}
	return c, nil
}

// SaveLRSConfig writes the configuration to path, readable by its owner
// only (mode 0600), replacing the file whole.
func SaveLRSConfig(path string, c LRSConfig) error {
	c, err := c.Check()
	if err != nil {
		return fmt.Errorf("progress: save LRS config: %w", err)
	}
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return fmt.Errorf("progress: save LRS config: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("progress: save LRS config: %w", err)
	}
	err = writeFileAtomic(path, func(w io.Writer) error {
		if f, ok := w.(*os.File); ok {
			if err := f.Chmod(0o600); err != nil {
				return err
			}
		}
		_, err := w.Write(append(b, '\n'))
		return err
	})
	if err != nil {
		return fmt.Errorf("progress: save LRS config %s: %w", path, err)
	}
	return nil
}
