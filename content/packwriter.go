package content

import (
	"archive/zip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// packWriter writes a new pack, as a folder or a .zip, into a temporary name beside out; commit
// renames it into place, so out never holds half a pack.
type packWriter struct {
	out, tmp string
	file     *os.File
	zip      *zip.Writer
	zipMu    sync.Mutex // a zip is written one entry at a time; writeFile may be called concurrently
}

func newPackWriter(out string) (*packWriter, error) {
	out = filepath.Clean(out)
	if err := checkOutFree(out); err != nil {
		return nil, err
	}
	w := &packWriter{out: out, tmp: filepath.Join(filepath.Dir(out), leftoverName(leftoverTmp, filepath.Base(out)))}
	if !strings.EqualFold(filepath.Ext(out), ".zip") {
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return nil, err
		}
		return w, os.Mkdir(w.tmp, 0o755)
	}
	f, err := os.OpenFile(w.tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, err
	}
	w.file, w.zip = f, zip.NewWriter(f)
	return w, nil
}

// checkOutFree refuses an output path that holds anything but an empty folder.
func checkOutFree(out string) error {
	st, err := os.Stat(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case st.IsDir():
		if entries, err := os.ReadDir(out); err != nil || len(entries) > 0 {
			return fmt.Errorf("%s already exists and is not empty; choose another output or remove it", out)
		}
		return nil
	}
	return fmt.Errorf("%s already exists; choose another output or remove it", out)
}

// create starts the file name (slash-separated) of the pack.
func (w *packWriter) create(name string) (io.WriteCloser, error) {
	if err := checkPackPath(name); err != nil {
		return nil, err
	}
	if w.zip != nil {
		zw, err := w.zip.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		return nopCloser{zw}, err
	}
	dst := filepath.Join(w.tmp, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return nil, err
	}
	return os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

// writeFile writes a whole file; it is safe to call from several goroutines.
func (w *packWriter) writeFile(name string, data []byte) error {
	if w.zip != nil {
		w.zipMu.Lock()
		defer w.zipMu.Unlock()
	}
	f, err := w.create(name)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// open closes the archive (if any) and opens what was written, to validate it before commit.
func (w *packWriter) open() (*Pack, error) {
	if w.zip != nil {
		err := w.zip.Close()
		if cerr := w.file.Close(); err == nil {
			err = cerr
		}
		w.zip = nil
		if err != nil {
			return nil, err
		}
		p, err := openZipFile(w.tmp, DefaultLimits)
		if p != nil {
			p.Source = w.out
		}
		return p, err
	}
	return OpenPack(os.DirFS(w.tmp), w.out)
}

// commit renames the written pack into place.
func (w *packWriter) commit() error {
	if err := checkOutFree(w.out); err != nil {
		return err
	}
	if st, err := os.Stat(w.out); err == nil && st.IsDir() {
		if err := os.Remove(w.out); err != nil { // empty, as checked
			return err
		}
	}
	return os.Rename(w.tmp, w.out)
}

// abort removes what was written.
func (w *packWriter) abort() {
	if w.zip != nil {
		w.zip.Close()
		w.file.Close()
	}
	os.RemoveAll(w.tmp)
}

// finishPack validates what w holds and commits it, or aborts and returns the problems. With
// meshesChecked (the writer parsed every mesh it wrote, and made the references from what it
// found) the meshes are not parsed again.
func finishPack(ctx context.Context, w *packWriter, meshesChecked bool) error {
	p, err := w.open()
	if err != nil {
		w.abort()
		return err
	}
	ps := validatePack(ctx, p, nil, !meshesChecked)
	p.Close()
	if len(ps) > 0 {
		w.abort()
		return ps
	}
	if err := w.commit(); err != nil {
		w.abort()
		return err
	}
	return nil
}

// ExportPack writes every file of p into out: a .zip, or a folder for any other name. It
// validates what it wrote before putting it in place. progress may be nil.
func ExportPack(ctx context.Context, p *Pack, out string, progress ProgressFunc) error {
	w, err := newPackWriter(out)
	if err != nil {
		return fmt.Errorf("content: export %s: %w", p.ID, err)
	}
	var done int64
	for _, f := range p.Files {
		if err := ctx.Err(); err != nil {
			w.abort()
			return err
		}
		if progress != nil {
			progress(done, p.Size, "exporting "+f)
		}
		n, err := exportFile(w, p.FS, f)
		if err != nil {
			w.abort()
			return fmt.Errorf("content: export %s: %s: %w", p.ID, f, err)
		}
		done += n
	}
	if err := finishPack(ctx, w, false); err != nil {
		return fmt.Errorf("content: export %s: %w", p.ID, err)
	}
	if progress != nil {
		progress(p.Size, p.Size, "exported "+p.ID)
	}
	return nil
}

func exportFile(w *packWriter, fsys fs.FS, name string) (int64, error) {
	in, err := fsys.Open(name)
	if err != nil {
		return 0, err
	}
	defer in.Close()
	out, err := w.create(name)
	if err != nil {
		return 0, err
	}
	n, err := io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return n, err
}
