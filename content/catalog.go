package content

import (
	"bytes"
	"embed"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The catalog of open anatomy sources a learner can get in one step (`osteon pack get`, the
// Packs screen): catalog/sets.tsv says what each set is (title, licence, credit), and
// catalog/files.tsv pins each of its files by URL, size and SHA-256. Both are tab-separated
// with a header naming the columns; lines starting with '#' and blank lines are skipped; more
// sets are more lines.
//
//go:embed catalog/sets.tsv catalog/files.tsv
var catalogFS embed.FS

// Catalog is the list of sets that can be fetched.
type Catalog struct {
	Sets []CatalogSet
}

// CatalogSet is one fetchable set of files, imported together as one pack whose id is Name.
type CatalogSet struct {
	Name     string // also the pack's id
	Title    string
	License  string // SPDX id
	Credit   string // the attribution the licence asks for
	Homepage string
	Files    []CatalogFile
}

// CatalogFile is one pinned file of a set.
type CatalogFile struct {
	Name   string // file name, no folders
	Bytes  int64
	SHA256 string // lower-case hex
	URL    string
}

// Size is the number of bytes of all the set's files.
func (s *CatalogSet) Size() int64 {
	var n int64
	for _, f := range s.Files {
		n += f.Bytes
	}
	return n
}

// Set returns the set with this name, or nil.
func (c *Catalog) Set(name string) *CatalogSet {
	for i := range c.Sets {
		if c.Sets[i].Name == name {
			return &c.Sets[i]
		}
	}
	return nil
}

// DefaultCatalog is the catalog built into Osteon.
func DefaultCatalog() (*Catalog, error) {
	sets, _ := catalogFS.ReadFile("catalog/sets.tsv")
	files, _ := catalogFS.ReadFile("catalog/files.tsv")
	return ParseCatalog(sets, "catalog/sets.tsv", files, "catalog/files.tsv")
}

const maxCatalogFile = 1 << 30

var (
	sha256Pattern  = regexp.MustCompile(`^[0-9a-f]{64}$`)
	catalogSetName = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,63}$`)
)

// ParseCatalog reads the two tables; every problem names its file, line and column.
func ParseCatalog(sets []byte, setsName string, files []byte, filesName string) (*Catalog, error) {
	var ps Problems
	c := &Catalog{}
	index := map[string]int{}
	readTSV(sets, setsName, []string{"set", "title", "license", "credit", "homepage"}, &ps, func(line int, col map[string]string) {
		s := CatalogSet{Name: col["set"], Title: col["title"], License: col["license"], Credit: col["credit"], Homepage: col["homepage"]}
		switch _, dup := index[s.Name]; {
		case !catalogSetName.MatchString(s.Name):
			ps.add(setsName, line, "set", "%q is not a set name (1-64 of a-z 0-9 . _ -)", shortText(s.Name))
		case dup:
			ps.add(setsName, line, "set", "set %q is listed twice", s.Name)
		case s.Title == "" || s.License == "":
			ps.add(setsName, line, "title", "a set needs a title and a licence")
		default:
			index[s.Name] = len(c.Sets)
			c.Sets = append(c.Sets, s)
		}
	})
	readTSV(files, filesName, []string{"set", "file", "bytes", "sha256", "url"}, &ps, func(line int, col map[string]string) {
		i, ok := index[col["set"]]
		if !ok {
			ps.add(filesName, line, "set", "set %q is not in %s", shortText(col["set"]), setsName)
			return
		}
		f, field, msg := catalogFile(col)
		if msg == "" {
			for _, g := range c.Sets[i].Files {
				if g.Name == f.Name {
					field, msg = "file", fmt.Sprintf("%s is listed twice in set %s", f.Name, col["set"])
				}
			}
		}
		if msg != "" {
			ps.add(filesName, line, field, "%s", msg)
			return
		}
		c.Sets[i].Files = append(c.Sets[i].Files, f)
	})
	for _, s := range c.Sets {
		if len(s.Files) == 0 && len(ps) == 0 {
			ps.add(filesName, 0, "set", "set %s has no files", s.Name)
		}
	}
	if len(ps) > 0 {
		return nil, ps
	}
	return c, nil
}

// catalogFile checks one file row; it returns the field and message of a problem, if any.
func catalogFile(col map[string]string) (CatalogFile, string, string) {
	f := CatalogFile{Name: col["file"], SHA256: col["sha256"], URL: col["url"]}
	n, err := strconv.ParseInt(col["bytes"], 10, 64)
	f.Bytes = n
	u, uerr := url.Parse(f.URL)
	switch ext := strings.ToLower(path.Ext(f.Name)); {
	case f.Name == "" || strings.ContainsAny(f.Name, `/\:`) || f.Name == "." || f.Name == ".." || !utf8.ValidString(f.Name):
		return f, "file", fmt.Sprintf("%q is not a plain file name", shortText(f.Name))
	case ext != ".glb" && ext != ".gltf":
		return f, "file", fmt.Sprintf("%s: only .glb and .gltf files can be imported", f.Name)
	case err != nil || n <= 0 || n > maxCatalogFile:
		return f, "bytes", fmt.Sprintf("%q is not a size in bytes (1 to %d)", shortText(col["bytes"]), maxCatalogFile)
	case !sha256Pattern.MatchString(f.SHA256):
		return f, "sha256", fmt.Sprintf("%q is not a SHA-256 in lower-case hex", shortText(f.SHA256))
	case uerr != nil || u.Scheme != "https" && u.Scheme != "http" || u.Host == "":
		return f, "url", fmt.Sprintf("%q is not an http(s) URL", shortText(f.URL))
	}
	return f, "", ""
}

// readTSV calls row for each data line of a tab-separated table whose header has the columns
// want (in any order; others are ignored).
func readTSV(data []byte, file string, want []string, ps *Problems, row func(line int, col map[string]string)) {
	if !utf8.Valid(data) {
		ps.add(file, 0, "", "not UTF-8 text")
		return
	}
	var header []string
	for i, raw := range bytes.Split(data, []byte("\n")) {
		line := strings.TrimRight(string(raw), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cells := strings.Split(line, "\t")
		if header == nil {
			header = cells
			for _, w := range want {
				if !contains(header, w) {
					ps.add(file, i+1, w, "the header has no column %q (columns: %s)", w, strings.Join(want, ", "))
				}
			}
			if len(*ps) > 0 {
				return
			}
			continue
		}
		if len(cells) != len(header) {
			ps.add(file, i+1, "", "%d columns; the header has %d", len(cells), len(header))
			continue
		}
		col := map[string]string{}
		for j, h := range header {
			col[h] = strings.TrimSpace(cells[j])
		}
		row(i+1, col)
	}
	if header == nil {
		ps.add(file, 0, "", "empty: no header line")
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
