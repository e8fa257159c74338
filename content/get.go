package content

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
)

// EnvCatalogMirror names the environment variable that sets a mirror for the catalog's files.
const EnvCatalogMirror = "OSTEON_CATALOG_MIRROR"

// GetOptions set how a catalog set is fetched. Get is the only code in Osteon that touches the
// network, and only when a learner or instructor asks for a set.
type GetOptions struct {
	// Mirror, when set, replaces the scheme and host of every catalog URL, keeping its path
	// ("http://skills-centre.local:8080" fetches .../v1.2/models/VH_F_Heart.glb from there).
	Mirror string
	// Downloads is where files are kept while they arrive (resumed from there) and once
	// verified; default the "downloads" folder beside the learner's packs folder.
	Downloads string
	Client    *http.Client // default http.DefaultClient
	Progress  ProgressFunc // bytes so far out of the set's size
	Install   InstallOptions
}

// MirrorURL is raw with its scheme and host replaced by mirror's; raw when mirror is empty.
func MirrorURL(raw, mirror string) (string, error) {
	if mirror == "" {
		return raw, nil
	}
	m, err := url.Parse(mirror)
	if err != nil || m.Scheme != "http" && m.Scheme != "https" || m.Host == "" {
		return "", fmt.Errorf("mirror %q is not an http(s) URL like http://host:port", mirror)
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", err
	}
	u.Scheme, u.Host = m.Scheme, m.Host
	return u.String(), nil
}

// Get fetches every file of set (resuming what an earlier try left), verifies each file's size
// and SHA-256 before anything reads it, imports the files as one pack and installs it, so that
// the pack is installed whole or not at all.
func (l *Library) Get(ctx context.Context, set *CatalogSet, opt GetOptions) (*Pack, error) {
	dir := opt.Downloads
	if dir == "" {
		if l.LearnerDir == "" {
			return nil, errors.New("content: get: there is no packs folder to install into")
		}
		dir = filepath.Join(filepath.Dir(l.LearnerDir), "downloads")
	}
	dir = filepath.Join(dir, set.Name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("content: get %s: %w", set.Name, err)
	}
	var files []string
	var done int64
	for _, f := range set.Files {
		p, err := fetchFile(ctx, dir, f, opt, done, set.Size())
		if err != nil {
			return nil, err
		}
		done += f.Bytes
		files = append(files, p)
	}
	return l.importAndInstall(ctx, set, files, dir, opt)
}

// importAndInstall imports the verified files into a temporary pack and installs that.
func (l *Library) importAndInstall(ctx context.Context, set *CatalogSet, files []string, dir string, opt GetOptions) (*Pack, error) {
	tmp, err := os.MkdirTemp(dir, ".import-")
	if err != nil {
		return nil, fmt.Errorf("content: get %s: %w", set.Name, err)
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, set.Name)
	_, err = ImportGLTFSet(ctx, files, ImportOptions{Out: out, ID: set.Name, Title: set.Title, License: set.License,
		Attribution: set.Credit, Description: "Fetched from the catalog: " + set.Homepage})
	if err != nil {
		return nil, fmt.Errorf("content: get %s: import: %w", set.Name, err)
	}
	return l.Install(ctx, out, opt.Install)
}

// fetchFile brings one file into dir, verified; an earlier partial download (<file>.part) is
// resumed with an HTTP Range request.
func fetchFile(ctx context.Context, dir string, f CatalogFile, opt GetOptions, before, total int64) (string, error) {
	final := filepath.Join(dir, f.Name)
	if verifyFile(final, f) == nil {
		report(opt.Progress, before+f.Bytes, total, "have "+f.Name)
		return final, nil
	}
	src, err := MirrorURL(f.URL, opt.Mirror)
	if err != nil {
		return "", fmt.Errorf("content: get: %w", err)
	}
	part := final + ".part"
	if err := download(ctx, src, part, f, opt, before, total); err != nil {
		return "", err
	}
	if err := verifyFile(part, f); err != nil {
		os.Remove(part)
		return "", err
	}
	if err := os.Rename(part, final); err != nil {
		return "", fmt.Errorf("content: get %s: %w", f.Name, err)
	}
	return final, nil
}

// verifyFile checks a file's size and SHA-256 against the catalog.
func verifyFile(p string, f CatalogFile) error {
	fh, err := os.Open(p)
	if err != nil {
		return err
	}
	defer fh.Close()
	h := sha256.New()
	n, err := io.Copy(h, fh)
	if err != nil {
		return fmt.Errorf("content: get %s: %w", f.Name, err)
	}
	if n != f.Bytes {
		return &Error{File: f.Name, Field: "bytes", Msg: fmt.Sprintf("wrong size: %d bytes arrived, the catalog says %d; the download was removed, run again to fetch it anew", n, f.Bytes)}
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != f.SHA256 {
		return &Error{File: f.Name, Field: "sha256", Msg: fmt.Sprintf("checksum mismatch: the file that arrived has SHA-256 %s, the catalog says %s; it was removed and nothing was installed (a damaged download, or a server that serves other bytes)", got, f.SHA256)}
	}
	return nil
}

func report(p ProgressFunc, done, total int64, what string) {
	if p != nil {
		p(done, total, what)
	}
}

// download appends what is missing of part from src.
func download(ctx context.Context, src, part string, f CatalogFile, opt GetOptions, before, total int64) error {
	have := int64(0)
	if st, err := os.Stat(part); err == nil {
		have = st.Size()
	}
	if have >= f.Bytes {
		return nil // complete (or too long): the checksum decides
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, src, nil)
	if err != nil {
		return fmt.Errorf("content: get %s: %w", f.Name, err)
	}
	if have > 0 {
		req.Header.Set("Range", fmt.Sprintf("bytes=%d-", have))
	}
	client := opt.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return offline(src, f, err)
	}
	defer resp.Body.Close()
	flags := os.O_CREATE | os.O_WRONLY | os.O_APPEND
	switch {
	case resp.StatusCode == http.StatusPartialContent && have > 0:
	case resp.StatusCode == http.StatusOK:
		flags, have = os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0 // no resume: start again
	default:
		return &Error{File: f.Name, Field: "url", Msg: fmt.Sprintf("%s answered %s", src, resp.Status)}
	}
	if resp.ContentLength >= 0 && have+resp.ContentLength != f.Bytes {
		return &Error{File: f.Name, Field: "bytes", Msg: fmt.Sprintf("wrong size: %s offers %d bytes, the catalog says %d; nothing was installed", src, have+resp.ContentLength, f.Bytes)}
	}
	w, err := os.OpenFile(part, flags, 0o644)
	if err != nil {
		return fmt.Errorf("content: get %s: %w", f.Name, err)
	}
	pw := &progressWriter{w: w, done: before + have, total: total, name: f.Name, report: opt.Progress}
	_, err = io.Copy(pw, io.LimitReader(resp.Body, f.Bytes-have+1))
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return offline(src, f, err)
	}
	return nil
}

// offline explains a failed connection or transfer; what arrived is kept for the next try.
func offline(src string, f CatalogFile, err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("content: get %s: stopped; run again to resume: %w", f.Name, err)
	}
	host := src
	if u, perr := url.Parse(src); perr == nil {
		host = u.Host
	}
	var op *net.OpError
	var dns *net.DNSError
	if errors.As(err, &op) || errors.As(err, &dns) {
		return fmt.Errorf("content: get %s: cannot reach %s (offline, or the server is down; try --mirror or %s): %w", f.Name, host, EnvCatalogMirror, err)
	}
	return fmt.Errorf("content: get %s: the download from %s broke off; run again to resume where it stopped: %w", f.Name, host, err)
}

// progressWriter reports bytes as they are written.
type progressWriter struct {
	w           io.Writer
	done, total int64
	name        string
	report      ProgressFunc
}

func (p *progressWriter) Write(b []byte) (int, error) {
	n, err := p.w.Write(b)
	p.done += int64(n)
	report(p.report, p.done, p.total, "fetching "+p.name)
	return n, err
}
