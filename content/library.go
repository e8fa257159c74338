package content

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// Origin says where an installed pack was found.
type Origin int

// Origins, lowest precedence first.
const (
	OriginNone    Origin = iota // opened from a path, not installed
	OriginBuiltin               // embedded in the app
	OriginSystem                // a read-only system-wide folder that staff fill
	OriginLearner               // the learner's own data folder
)

func (o Origin) String() string {
	switch o {
	case OriginBuiltin:
		return "built-in"
	case OriginSystem:
		return "system"
	case OriginLearner:
		return "learner"
	}
	return "file"
}

// Library is where packs live: built in, system-wide (read-only to learners) and the learner's
// own folder. The same id in several places resolves to the highest version; on equal versions
// the learner's copy beats a system one, which beats the built-in one.
type Library struct {
	Builtin          fs.FS    // the built-in pack (pack.toml at its root) or packs (one per folder); may be nil
	SystemDirs       []string // system-wide folders, highest precedence first
	SystemInstallDir string   // where Install with System writes
	LearnerDir       string   // the learner's packs folder; empty when there is none
}

// NewLibrary returns the library for this machine: builtin (may be nil), the folders from
// DefaultSystemDirs and DefaultSystemInstallDir, and DefaultLearnerDir.
func NewLibrary(builtin fs.FS) *Library {
	learner, _ := DefaultLearnerDir()
	return &Library{Builtin: builtin, SystemDirs: DefaultSystemDirs(), SystemInstallDir: DefaultSystemInstallDir(), LearnerDir: learner}
}

// Errors from Remove.
var (
	ErrNotInstalled  = errors.New("pack is not installed")
	ErrSystemManaged = errors.New("the system administrator manages system-wide packs")
	ErrBuiltin       = errors.New("built-in packs come with Osteon and cannot be removed")
)

// List returns the installed packs, one per id (the winner, its Shadows listing the copies it
// hides), sorted by title. Packs that cannot be read are left out and reported in the error,
// a Problems; the packs that could be read still come back.
func (l *Library) List(ctx context.Context) ([]*Pack, error) {
	all, ps := l.scanAll(ctx)
	byID := map[string][]*Pack{}
	var ids []string
	for _, p := range all {
		if byID[p.ID] == nil {
			ids = append(ids, p.ID)
		}
		byID[p.ID] = append(byID[p.ID], p)
	}
	out := make([]*Pack, 0, len(ids))
	for _, id := range ids {
		copies := byID[id]
		// all is in ascending precedence; a stable sort by version keeps that for ties.
		sort.SliceStable(copies, func(i, j int) bool { return compareVersionText(copies[i].Version, copies[j].Version) < 0 })
		win := copies[len(copies)-1]
		for i := len(copies) - 2; i >= 0; i-- {
			win.Shadows = append(win.Shadows, copies[i])
		}
		out = append(out, win)
	}
	sort.SliceStable(out, func(i, j int) bool {
		return strings.ToLower(out[i].Title) < strings.ToLower(out[j].Title) || out[i].Title == out[j].Title && out[i].ID < out[j].ID
	})
	return out, ps.Err()
}

// scanAll opens every pack in every place, lowest precedence first.
func (l *Library) scanAll(ctx context.Context) ([]*Pack, Problems) {
	var all []*Pack
	var ps Problems
	keep := func(found []*Pack, bad Problems) {
		all = append(all, found...)
		ps = append(ps, bad...)
	}
	keep(scanBuiltin(l.Builtin))
	for i := len(l.SystemDirs) - 1; i >= 0 && ctx.Err() == nil; i-- {
		keep(scanDir(l.SystemDirs[i], OriginSystem))
	}
	if l.LearnerDir != "" {
		keep(scanDir(l.LearnerDir, OriginLearner))
	}
	return all, ps
}

func scanBuiltin(fsys fs.FS) ([]*Pack, Problems) {
	if fsys == nil {
		return nil, nil
	}
	var roots []string
	if _, err := fs.Stat(fsys, ManifestName); err == nil {
		roots = []string{"."}
	} else {
		entries, _ := fs.ReadDir(fsys, ".")
		for _, e := range entries {
			if _, err := fs.Stat(fsys, path.Join(e.Name(), ManifestName)); e.IsDir() && err == nil {
				roots = append(roots, e.Name())
			}
		}
	}
	var out []*Pack
	var ps Problems
	for _, r := range roots {
		sub, _ := fs.Sub(fsys, r)
		p, err := OpenPack(sub, path.Join("built-in", r))
		if err != nil {
			ps = append(ps, AsProblems(err, "built-in")...)
			continue
		}
		p.Origin = OriginBuiltin
		out = append(out, p)
	}
	return out, ps
}

// scanDir opens the packs in one packs folder. Hidden entries are skipped, except that a pack
// set aside by an interrupted update (.osteon-old-…-id) stands in for a missing id, so a
// read-only folder still shows the old copy until someone with rights recovers it.
func scanDir(dir string, origin Origin) ([]*Pack, Problems) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, Problems{{File: dir, Msg: notReadable(err)}}
	}
	names := map[string]bool{}
	for _, e := range entries {
		names[e.Name()] = true
	}
	var out []*Pack
	var ps Problems
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			kind, id := leftover(name)
			if kind != leftoverOld || names[id] {
				continue
			}
			names[id] = true
		}
		if !e.IsDir() {
			continue
		}
		full := filepath.Join(dir, name)
		p, err := OpenPack(os.DirFS(full), full)
		if err != nil {
			ps = append(ps, AsProblems(err, full)...)
			continue
		}
		p.Origin, p.Dir = origin, full
		out = append(out, p)
	}
	return out, ps
}

// Remove uninstalls the learner's copy of pack id. Built-in packs and packs installed
// system-wide cannot be removed here; the error says who manages them and where.
func (l *Library) Remove(id string) error {
	if l.LearnerDir != "" {
		err := RemoveFrom(l.LearnerDir, id)
		if !errors.Is(err, ErrNotInstalled) {
			return err
		}
	}
	for i := len(l.SystemDirs) - 1; i >= 0; i-- {
		found, _ := scanDir(l.SystemDirs[i], OriginSystem)
		for _, p := range found {
			if p.ID == id {
				return fmt.Errorf("content: remove %s: it is installed system-wide in %s, and %w", id, l.SystemDirs[i], ErrSystemManaged)
			}
		}
	}
	if found, _ := scanBuiltin(l.Builtin); len(found) > 0 {
		for _, p := range found {
			if p.ID == id {
				return fmt.Errorf("content: remove %s: %w", id, ErrBuiltin)
			}
		}
	}
	return fmt.Errorf("content: remove %s: %w", id, ErrNotInstalled)
}

// RemoveFrom removes pack id from the packs folder dir. The folder is first renamed aside, so an
// interruption never leaves half a pack under its id; RecoverDir finishes the removal.
func RemoveFrom(dir, id string) error {
	if _, err := os.Stat(dir); err != nil {
		return fmt.Errorf("content: remove %s from %s: %w", id, dir, ErrNotInstalled)
	}
	unlock, err := lockDir(dir)
	if err != nil {
		return fmt.Errorf("content: remove %s: %w", id, err)
	}
	defer unlock()
	found, _ := scanDir(dir, OriginNone)
	var victim string
	for _, p := range found {
		if p.ID == id && !strings.HasPrefix(filepath.Base(p.Dir), ".") {
			victim = p.Dir
		}
	}
	if victim == "" {
		return fmt.Errorf("content: remove %s from %s: %w", id, dir, ErrNotInstalled)
	}
	aside := filepath.Join(dir, leftoverName(leftoverDel, id))
	if err := os.Rename(victim, aside); err != nil {
		return fmt.Errorf("content: remove %s: %w", id, err)
	}
	if err := syncDir(dir); err != nil {
		return fmt.Errorf("content: remove %s: %w", id, err)
	}
	if err := os.RemoveAll(aside); err != nil {
		return fmt.Errorf("content: remove %s: %w", id, err)
	}
	return nil
}
