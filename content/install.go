package content

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// InstallOptions adjust Install.
type InstallOptions struct {
	System   bool         // install into the system-wide folder instead of the learner's
	Force    bool         // replace an installed newer version with this older one
	Progress ProgressFunc // bytes checked and copied; may be nil
}

// installStep, when set (by tests), is called at each step of an install; a test child
// process uses it to kill itself at a chosen point.
var installStep func(step string)

func step(s string) {
	if installStep != nil {
		installStep(s)
	}
}

// Install validates the pack at src (a folder or a .zip) and installs it into the learner's
// folder, or the system-wide one with opt.System. Validation problems come back as Problems and
// nothing is written. See InstallPack for how an install cannot be left half done.
func (l *Library) Install(ctx context.Context, src string, opt InstallOptions) (*Pack, error) {
	dir, origin := l.LearnerDir, OriginLearner
	if opt.System {
		dir, origin = l.SystemInstallDir, OriginSystem
	}
	if dir == "" {
		return nil, fmt.Errorf("content: install %s: no packs folder to install into", src)
	}
	p, err := OpenPackPath(src)
	if err != nil {
		return nil, err
	}
	defer p.Close()
	out, err := InstallPack(ctx, p, dir, opt)
	if out != nil {
		out.Origin = origin
	}
	return out, err
}

// InstallPack installs an opened pack into the packs folder dir as dir/<id>. It validates the
// whole pack first; copies it into a temporary folder beside the target (.osteon-tmp-…), syncing
// every file and folder to disk; and only then swaps it in: an installed copy is renamed aside
// (.osteon-old-…), the new one renamed to dir/<id>, and the old one removed. A crash at any
// point leaves either the old pack or the new one; RecoverDir, run at the next start and before
// every install, removes what an interrupted install left. An installed newer version is kept
// unless opt.Force.
func InstallPack(ctx context.Context, p *Pack, dir string, opt InstallOptions) (*Pack, error) {
	half := func(offset int64) ProgressFunc {
		if opt.Progress == nil {
			return nil
		}
		return func(done, total int64, what string) { opt.Progress(offset+done, 2*p.Size, what) }
	}
	if ps := ValidatePack(ctx, p, half(0)); len(ps) > 0 {
		return nil, ps
	}
	step("validated")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("content: install %s: %w", p.ID, err)
	}
	unlock, err := lockDir(dir)
	if err != nil {
		return nil, fmt.Errorf("content: install %s: %w", p.ID, err)
	}
	defer unlock()
	if err := recoverLocked(dir); err != nil {
		return nil, err
	}
	target := filepath.Join(dir, p.ID)
	if err := checkDowngrade(target, p, opt.Force); err != nil {
		return nil, err
	}
	tmp := filepath.Join(dir, leftoverName(leftoverTmp, p.ID))
	if err := copyPack(ctx, p, tmp, half(p.Size)); err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("content: install %s into %s: %w", p.ID, dir, err)
	}
	step("copied")
	if err := swapIn(dir, tmp, target, p.ID); err != nil {
		return nil, fmt.Errorf("content: install %s into %s: %w", p.ID, dir, err)
	}
	if opt.Progress != nil {
		opt.Progress(2*p.Size, 2*p.Size, "installed "+p.ID)
	}
	out, err := OpenPack(os.DirFS(target), target)
	if err != nil {
		return nil, fmt.Errorf("content: install %s: the installed copy does not open: %w", p.ID, err)
	}
	out.Dir = target
	return out, nil
}

func checkDowngrade(target string, p *Pack, force bool) error {
	old, err := OpenPack(os.DirFS(target), target)
	if err != nil || old == nil || force {
		return nil // nothing installed, or a broken copy: replace it
	}
	if compareVersionText(old.Version, p.Version) > 0 {
		return fmt.Errorf("content: install %s %s: version %s is installed in %s and is newer (use --force to install the older one)", p.ID, p.Version, old.Version, target)
	}
	return nil
}

// copyPack copies every file of p into the new folder tmp and syncs it all to disk.
func copyPack(ctx context.Context, p *Pack, tmp string, progress ProgressFunc) error {
	if err := os.Mkdir(tmp, 0o755); err != nil {
		return err
	}
	dirs := []string{tmp}
	var done int64
	for _, f := range p.Files {
		if err := ctx.Err(); err != nil {
			return err
		}
		if !fs.ValidPath(f) || strings.Contains(f, `\`) {
			return fmt.Errorf("%s: unsafe file name", p.Name(f))
		}
		dst := filepath.Join(tmp, filepath.FromSlash(f))
		if parent := filepath.Dir(dst); parent != tmp {
			if err := os.MkdirAll(parent, 0o755); err != nil {
				return err
			}
			dirs = append(dirs, parent)
		}
		if progress != nil {
			progress(done, p.Size, "copying "+f)
		}
		n, err := copyFile(p.FS, f, dst, p.Size-done)
		if err != nil {
			return fmt.Errorf("%s: %w", p.Name(f), err)
		}
		done += n
		step("copied " + f)
	}
	for i := len(dirs) - 1; i >= 0; i-- {
		if err := syncDir(dirs[i]); err != nil {
			return err
		}
	}
	return nil
}

// copyFile copies one file into a new file (never an existing one), syncs it, and refuses to
// write more than max bytes.
func copyFile(fsys fs.FS, src, dst string, max int64) (int64, error) {
	in, err := fsys.Open(src)
	if err != nil {
		return 0, err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return 0, err
	}
	n, err := io.Copy(out, io.LimitReader(in, max+1))
	if err == nil && n > max {
		err = fmt.Errorf("file grew while it was copied (more than the %d bytes listed)", max)
	}
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return n, err
}

// swapIn renames tmp to target, setting an existing target aside first and removing it after.
func swapIn(dir, tmp, target, id string) error {
	var aside string
	if _, err := os.Lstat(target); err == nil {
		aside = filepath.Join(dir, leftoverName(leftoverOld, id))
		if err := os.Rename(target, aside); err != nil {
			return err
		}
		step("old set aside")
	}
	if err := os.Rename(tmp, target); err != nil {
		if aside != "" {
			os.Rename(aside, target)
		}
		return err
	}
	step("new renamed in")
	if err := syncDir(dir); err != nil {
		return err
	}
	step("synced")
	if aside != "" {
		if err := os.RemoveAll(aside); err != nil {
			return err
		}
		step("old removed")
	}
	return nil
}

func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := f.Sync(); err != nil && runtime.GOOS != "windows" {
		return err
	}
	return nil
}

// lockName is the lock file in a packs folder.
const lockName = ".osteon-lock"

// Leftovers of interrupted work in a packs folder: .osteon-<kind>-<16 hex>-<id>.
const (
	leftoverTmp = "tmp" // a new pack being copied: removed
	leftoverOld = "old" // an installed pack set aside for its update: restored if the update did not land, else removed
	leftoverDel = "del" // a pack being removed: removed
)

func leftoverName(kind, id string) string {
	var b [8]byte
	rand.Read(b[:])
	return ".osteon-" + kind + "-" + hex.EncodeToString(b[:]) + "-" + id
}

// leftover parses a leftover's name into its kind and pack id; kind is "" for other names.
func leftover(name string) (kind, id string) {
	rest, ok := strings.CutPrefix(name, ".osteon-")
	if !ok || len(rest) < len("old-0123456789abcdef-x") || rest[3] != '-' || rest[20] != '-' {
		return "", ""
	}
	kind, random, id := rest[:3], rest[4:20], rest[21:]
	if _, err := hex.DecodeString(random); err != nil {
		return "", ""
	}
	switch kind {
	case leftoverTmp, leftoverOld, leftoverDel:
		return kind, id
	}
	return "", ""
}

// RecoverDir finishes or undoes what an interrupted install or removal left in the packs folder
// dir: temporary copies and removed packs are deleted, and a pack set aside for an update is
// put back when the update did not land (else deleted). A missing folder is fine. It waits for
// an install or removal by another process to finish (on Windows it must not run during one).
func RecoverDir(dir string) error {
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	unlock, err := lockDir(dir)
	if err != nil {
		return fmt.Errorf("content: recover %s: %w", dir, err)
	}
	defer unlock()
	return recoverLocked(dir)
}

// recoverLocked is RecoverDir for a caller that holds the folder's lock.
func recoverLocked(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("content: recover %s: %w", dir, err)
	}
	var errs []error
	changed := false
	for _, e := range entries {
		kind, id := leftover(e.Name())
		if kind == "" {
			continue
		}
		full := filepath.Join(dir, e.Name())
		target := filepath.Join(dir, id)
		_, statErr := os.Lstat(target)
		if kind == leftoverOld && errors.Is(statErr, fs.ErrNotExist) && packIDPattern.MatchString(id) {
			errs = append(errs, os.Rename(full, target))
		} else {
			errs = append(errs, os.RemoveAll(full))
		}
		changed = true
	}
	if changed {
		errs = append(errs, syncDir(dir))
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("content: recover %s: %w", dir, err)
	}
	return nil
}

// Recover runs RecoverDir on the learner's folder; the app calls it at start.
func (l *Library) Recover() error {
	if l.LearnerDir == "" {
		return nil
	}
	return RecoverDir(l.LearnerDir)
}
