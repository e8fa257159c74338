package content

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
)

// Tours live in a pack as tours/NAME.tour.toml; a standalone tour file has the same content.
const (
	TourDir = "tours"
	TourExt = ".tour.toml"
)

var tourNamePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,63}$`)

// Tours lists the pack's tour files (slash-separated paths within the pack).
func (p *Pack) Tours() []string {
	var out []string
	for _, f := range p.Files {
		if path.Dir(f) == TourDir && strings.HasSuffix(f, TourExt) {
			out = append(out, f)
		}
	}
	return out
}

// StructureIDs is the set of the pack's structure ids.
func (p *Pack) StructureIDs() map[string]bool {
	ids := make(map[string]bool, len(p.Structures))
	for _, s := range p.Structures {
		ids[s.ID] = true
	}
	return ids
}

// LoadTour reads one of the pack's tours, checked against the pack's structures.
func (p *Pack) LoadTour(file string) (*Tour, Problems) {
	data, err := fs.ReadFile(p.FS, file)
	if err != nil {
		return nil, Problems{{File: p.Name(file), Msg: fmt.Sprintf("cannot read: %v", err)}}
	}
	return ParseTour(data, p.Name(file), p.StructureIDs())
}

// ErrNotLearnerPack is returned when a tour would be saved into a pack that is not the
// learner's own (built-in and system packs are never written).
var ErrNotLearnerPack = errors.New("content: tours are saved only into a pack in your own packs folder, never into built-in or system packs")

// SaveTour writes t into p as tours/NAME.tour.toml, naming p's id and version as the pack the
// tour needs, and returns the file written. Only a learner's own installed pack is written; the
// file is replaced whole (written aside, then renamed), so a failed save loses nothing.
func SaveTour(p *Pack, t *Tour, name string) (string, error) {
	if p.Origin != OriginLearner || p.Dir == "" {
		return "", fmt.Errorf("content: save tour into %s (%s): %w", p.ID, p.Origin, ErrNotLearnerPack)
	}
	if !tourNamePattern.MatchString(name) {
		return "", fmt.Errorf("content: save tour: name %q: use 1 to 64 lower-case letters, digits, '_' or '-'", name)
	}
	t.PackID, t.PackVersion = p.ID, p.Version
	dir := filepath.Join(p.Dir, TourDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("content: save tour: %w", err)
	}
	file := filepath.Join(dir, name+TourExt)
	if err := WriteTourFile(file, t); err != nil {
		return "", err
	}
	return file, nil
}

// WriteTourFile writes t as a standalone tour file (written aside, then renamed into place).
func WriteTourFile(file string, t *Tour) error {
	tmp, err := os.CreateTemp(filepath.Dir(file), ".tour-*")
	if err != nil {
		return fmt.Errorf("content: write tour %s: %w", file, err)
	}
	_, err = tmp.Write(MarshalTour(t))
	if err == nil {
		err = tmp.Chmod(0o644) // a tour is for sharing; CreateTemp makes it private
	}
	if err2 := tmp.Close(); err == nil {
		err = err2
	}
	if err == nil {
		err = os.Rename(tmp.Name(), file)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("content: write tour %s: %w", file, err)
	}
	return nil
}
