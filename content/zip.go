package content

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
	"unicode/utf8"
)

// openZipFile opens a .zip pack on disk.
func openZipFile(name string, lim Limits) (*Pack, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, Problems{{File: name, Msg: notReadable(err)}}
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, Problems{{File: name, Msg: notReadable(err)}}
	}
	p, err := openZip(f, st.Size(), name, lim)
	if p == nil {
		f.Close()
		return nil, err
	}
	p.closer = f
	return p, err
}

// openZip checks every entry of a zip archive before anything is read from it: no absolute
// paths, no "..", no links or special files, no encrypted entries, no duplicates, at most
// lim.MaxFiles entries and lim.MaxBytes in all, and no entry that inflates more than
// lim.MaxRatio times (a zip bomb). archive/zip then refuses any entry that inflates past the size
// its header declares, so the checked sizes hold while reading.
func openZip(r io.ReaderAt, size int64, name string, lim Limits) (*Pack, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, Problems{{File: name, Msg: fmt.Sprintf("not a readable zip archive: %v", err)}}
	}
	if ps := checkZip(zr, name, lim); len(ps) > 0 {
		return nil, ps
	}
	root, err := zipRoot(zr)
	if err != nil {
		return nil, Problems{{File: name, Msg: err.Error()}}
	}
	fsys := fs.FS(zr)
	source := name
	if root != "." {
		if fsys, err = fs.Sub(zr, root); err != nil {
			return nil, Problems{{File: name, Msg: err.Error()}}
		}
		source = name + "/" + root
	}
	return openPack(fsys, source, lim)
}

func checkZip(zr *zip.Reader, name string, lim Limits) Problems {
	var ps Problems
	if len(zr.File) > lim.MaxFiles {
		ps.add(name, 0, "", "%d entries; the limit is %d", len(zr.File), lim.MaxFiles)
		return ps
	}
	var total uint64
	seen := map[string]bool{} // folded to lower case: names that differ only in case collide on Windows and macOS
	for _, f := range zr.File {
		bad := func(format string, args ...any) {
			ps.add(name, 0, f.Name, format, args...)
		}
		clean, err := zipEntryName(f.Name)
		if err != nil {
			bad("%v", err)
			continue
		}
		if seen[strings.ToLower(clean)] {
			bad("the archive holds this name twice (perhaps in another case)")
		}
		seen[strings.ToLower(clean)] = true
		checkZipEntry(f, lim, bad)
		total += f.UncompressedSize64
	}
	if total > uint64(lim.MaxBytes) {
		ps.add(name, 0, "", "entries add up to %d bytes uncompressed; the limit is %d", total, lim.MaxBytes)
	}
	return ps
}

func checkZipEntry(f *zip.File, lim Limits, bad func(format string, args ...any)) {
	mode := f.Mode()
	switch {
	case mode&fs.ModeSymlink != 0:
		bad("is a link; packs may hold only plain files and folders")
	case mode&(fs.ModeDevice|fs.ModeCharDevice|fs.ModeNamedPipe|fs.ModeSocket|fs.ModeIrregular) != 0:
		bad("is a device or special file (%v)", mode.Type())
	case f.Flags&0x1 != 0:
		bad("is encrypted")
	case mode.IsDir() && f.UncompressedSize64 > 0:
		bad("is a folder with content")
	}
	if f.UncompressedSize64 > uint64(lim.MaxBytes) {
		bad("is %d bytes uncompressed; the limit is %d", f.UncompressedSize64, lim.MaxBytes)
	} else if f.UncompressedSize64 > 1<<20 {
		if ratio := float64(f.UncompressedSize64) / float64(max(f.CompressedSize64, 1)); ratio > lim.MaxRatio {
			bad("inflates %.0f times (%d to %d bytes): a zip bomb, refused", ratio, f.CompressedSize64, f.UncompressedSize64)
		}
	}
}

// zipEntryName checks an entry name and returns it without a trailing '/'.
func zipEntryName(name string) (string, error) {
	clean := strings.TrimSuffix(name, "/")
	switch {
	case clean == "":
		return "", fmt.Errorf("empty entry name")
	case strings.Contains(name, `\`):
		return "", fmt.Errorf("name uses '\\': refused, it may escape the folder on Windows")
	case strings.HasPrefix(name, "/") || len(name) > 1 && name[1] == ':':
		return "", fmt.Errorf("absolute path: refused")
	case strings.ContainsRune(name, 0):
		return "", fmt.Errorf("name holds a NUL byte")
	}
	for _, part := range strings.Split(clean, "/") {
		if part == ".." {
			return "", fmt.Errorf("path with '..': refused, it would write outside the pack")
		}
	}
	if !fs.ValidPath(clean) || !utf8.ValidString(clean) {
		return "", fmt.Errorf("not a clean relative path in UTF-8")
	}
	for _, part := range strings.Split(clean, "/") {
		if err := portableName(part); err != nil {
			return "", err
		}
	}
	return clean, nil
}

// windowsDevices are names Windows opens as devices, whatever their extension.
var windowsDevices = keySet("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
	"com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9")

// portableName refuses a file or folder name that would not be the same plain file on every
// system Osteon runs on.
func portableName(part string) error {
	if i := strings.IndexAny(part, `<>:"|?*`); i >= 0 {
		return fmt.Errorf("name holds %q, which Windows does not allow", part[i])
	}
	for _, r := range part {
		if r < 0x20 || r == 0x7f {
			return fmt.Errorf("name holds a control character")
		}
	}
	if strings.HasSuffix(part, ".") || strings.HasSuffix(part, " ") {
		return fmt.Errorf("name %q ends in a dot or space, which Windows drops", part)
	}
	base, _, _ := strings.Cut(strings.ToLower(part), ".")
	if windowsDevices[base] {
		return fmt.Errorf("name %q is a device on Windows", part)
	}
	return nil
}

// zipRoot finds the folder holding pack.toml: the root, or the single top-level folder.
func zipRoot(zr *zip.Reader) (string, error) {
	tops := map[string]bool{}
	for _, f := range zr.File {
		clean := strings.TrimSuffix(f.Name, "/")
		if clean == ManifestName {
			return ".", nil
		}
		top, _, _ := strings.Cut(clean, "/")
		tops[top] = true
	}
	if len(tops) == 1 {
		for top := range tops {
			if _, err := fs.Stat(zr, path.Join(top, ManifestName)); err == nil {
				return top, nil
			}
		}
	}
	return "", fmt.Errorf("no %s at the root of the archive (nor in a single top-level folder)", ManifestName)
}
