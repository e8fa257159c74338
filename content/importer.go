package content

import (
	"fmt"
	"path"
	"path/filepath"
	"regexp"
	"strings"
)

// ImportOptions set what an importer cannot read from its source, and where it writes.
type ImportOptions struct {
	Out         string // the pack to write: a folder, or a .zip; must not exist (an empty folder is fine)
	ID          string // pack id; default from the source's name
	Title       string // default from the source
	Version     string // default "1.0.0"
	License     string // default read from the source's credit line where it names a licence
	Attribution string // default the source's credit line
	Description string
	Progress    ProgressFunc // structures done out of total; may be nil
	Keys        ExtrasKeys   // glTF: the extras keys of the name and standard id, where not the defaults
	System      string       // glTF: the body system of structures whose source gives none
}

// ImportResult is what an importer wrote.
type ImportResult struct {
	Manifest *Manifest
	Out      string
	Warnings []string // things skipped or guessed; the pack was still written
}

// licensePatterns map phrases found in credit lines to SPDX ids; the earliest match in the text
// wins ("licensed under CC BY 4.0 (originally CC BY-SA 2.1 JP)" is CC-BY-4.0).
var licensePatterns = []struct {
	re   *regexp.Regexp
	spdx string
}{
	{regexp.MustCompile(`(?i)\bCC[ -]?BY[ -]?SA[ -]?2\.1[ -]?(JP|Japan)|Attribution-Share ?Alike 2\.1 Japan`), "CC-BY-SA-2.1-JP"},
	{regexp.MustCompile(`(?i)\bCC[ -]?BY[ -]?SA[ -]?4\.0|Attribution-Share ?Alike 4\.0`), "CC-BY-SA-4.0"},
	{regexp.MustCompile(`(?i)\bCC[ -]?BY[ -]?4\.0|CC Attribution 4\.0|Creative Commons Attribution 4\.0`), "CC-BY-4.0"},
	{regexp.MustCompile(`(?i)\bCC0\b|public domain`), "CC0-1.0"},
}

// licenseFrom names the licence a credit line states, or "".
func licenseFrom(credit string) string {
	best, at := "", len(credit)+1
	for _, p := range licensePatterns {
		if loc := p.re.FindStringIndex(credit); loc != nil && loc[0] < at {
			best, at = p.spdx, loc[0]
		}
	}
	return best
}

var slugJunk = regexp.MustCompile(`[^a-z0-9._-]+`)

// slug turns a name into a pack id.
func slug(name string) string {
	s := strings.Trim(slugJunk.ReplaceAllString(strings.ToLower(name), "-"), "-._")
	if len(s) > 64 {
		s = strings.TrimRight(s[:64], "-._")
	}
	if s == "" {
		return "imported"
	}
	return s
}

// identity fills a manifest's identity from the options and the defaults found in the source.
func (o *ImportOptions) identity(srcName, title, credit string) (*Manifest, Problems) {
	base := strings.TrimSuffix(filepath.Base(srcName), filepath.Ext(srcName))
	m := &Manifest{
		Format: FormatVersion, ID: firstNonEmpty(o.ID, slug(base)), Version: firstNonEmpty(o.Version, "1.0.0"),
		Title: firstNonEmpty(o.Title, title, prettyName(base)), Description: o.Description,
		Attribution: firstNonEmpty(o.Attribution, credit), MinAppVersion: AppVersion,
	}
	m.License = firstNonEmpty(o.License, licenseFrom(m.Attribution))
	var ps Problems
	if m.License == "" {
		ps.add(srcName, 0, "license", "the source's credit does not name a licence; give one with --license (an SPDX id like CC-BY-4.0)")
	}
	return m, ps
}

// uniqueIDs makes structure ids unique the way the scene loaders do: a repeated id whose copies
// all have different sides becomes "<id>-left" and "<id>-right"; any other repeat becomes
// "<id>-2", "<id>-3". The id as the source gave it stays in extras under source_id.
func uniqueIDs(ss []StructureEntry) {
	count := map[string]int{}
	sides := map[string]map[string]int{}
	for _, s := range ss {
		count[s.ID]++
		if sides[s.ID] == nil {
			sides[s.ID] = map[string]int{}
		}
		sides[s.ID][s.Side]++
	}
	taken := map[string]bool{}
	for _, s := range ss {
		taken[s.ID] = true
	}
	seen := map[string]int{}
	for i := range ss {
		s := &ss[i]
		id := s.ID
		if count[id] < 2 {
			continue
		}
		seen[id]++
		cand := ""
		if s.Side != "" && sides[id][""] == 0 && sides[id][s.Side] == 1 && !taken[id+"-"+s.Side] {
			cand = id + "-" + s.Side
		} else if seen[id] == 1 {
			continue
		}
		for n := max(seen[id], 2); cand == "" || taken[cand]; n++ {
			cand = fmt.Sprintf("%s-%d", id, n)
		}
		taken[cand] = true
		s.Extras = mergeText(s.Extras, map[string]string{keySourceID: id})
		s.ID = cand
	}
}

// meshName picks the pack path for a source mesh file: meshes/<base>, numbered on a clash.
func meshName(used map[string]bool, src string) string {
	base := path.Base(filepath.ToSlash(src))
	name := "meshes/" + base
	ext := path.Ext(base)
	for n := 2; used[strings.ToLower(name)]; n++ {
		name = fmt.Sprintf("meshes/%s-%d%s", strings.TrimSuffix(base, ext), n, ext)
	}
	used[strings.ToLower(name)] = true
	return name
}
