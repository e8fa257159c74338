package content

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"
)

var (
	packIDPattern      = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,63}$`)
	structureIDPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$`)
	languagePattern    = regexp.MustCompile(`^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$`)
)

// maxStructures bounds the structures of one pack.
const maxStructures = 100000

var (
	validUnits  = map[string]float32{"": 0, "m": 1, "cm": 0.01, "mm": 0.001}
	validUp     = keySet("", "y", "z")
	validSides  = keySet("", "left", "right", "midline")
	validStates = keySet("", "shown", "ghost", "hidden")
	meshExts    = keySet(".glb", ".gltf", ".obj")
)

// check finds the problems the manifest has on its own (not needing the pack's files).
func (m *Manifest) check() Problems {
	var ps Problems
	bad := func(field, format string, args ...any) {
		ps.add(m.File, m.lines.line(field), field, format, args...)
	}
	m.checkIdentity(bad)
	for _, kind := range []struct {
		field string
		files []string
	}{{"procedures", m.Procedures}, {"quiz", m.Quiz}, {"consultations", m.Consultations}} {
		for i, f := range kind.files {
			if err := checkPackPath(f); err != nil {
				bad(fmt.Sprintf("%s[%d]", kind.field, i), "%v", err)
			}
		}
	}
	checkFrame(m.OBJ, "obj.", bad)
	m.checkStructures(bad)
	return ps
}

type reportFunc func(field, format string, args ...any)

func (m *Manifest) checkIdentity(bad reportFunc) {
	if m.Format > FormatVersion {
		bad("format", "pack format %d is newer than this version of Osteon reads (%d); update Osteon", m.Format, FormatVersion)
	}
	switch {
	case m.ID == "":
		bad("id", "missing: every pack needs an id, like \"upper-limb\"")
	case !packIDPattern.MatchString(m.ID):
		bad("id", "%q is not a pack id: use 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit", m.ID)
	}
	if m.Version == "" {
		bad("version", "missing: give a semantic version like \"1.0.0\"")
	} else if _, err := ParseVersion(m.Version); err != nil {
		bad("version", "%v", err)
	}
	if m.Title == "" {
		bad("title", "missing: give the title shown in the Packs screen")
	}
	if m.License == "" {
		bad("license", "missing: say under which licence the content may be used (an SPDX id like \"CC-BY-4.0\")")
	}
	if m.MinAppVersion != "" {
		if v, err := ParseVersion(m.MinAppVersion); err != nil {
			bad("min_app_version", "%v", err)
		} else if app, _ := ParseVersion(AppVersion); v.Compare(app) > 0 {
			bad("min_app_version", "the pack needs Osteon %s or newer; this is %s", m.MinAppVersion, AppVersion)
		}
	}
	for i, l := range m.Languages {
		if !languagePattern.MatchString(l) {
			bad(fmt.Sprintf("languages[%d]", i), "%q is not a language tag like \"en\" or \"pt-BR\"", l)
		}
	}
	for i, a := range m.Authors {
		if a == "" {
			bad(fmt.Sprintf("authors[%d]", i), "empty author")
		}
	}
}

func checkFrame(f OBJFrame, prefix string, bad reportFunc) {
	if _, ok := validUnits[f.Units]; !ok {
		bad(prefix+"units", "%q: use \"m\", \"cm\" or \"mm\"", f.Units)
	}
	if !validUp[f.Up] {
		bad(prefix+"up", "%q: use \"y\" or \"z\"", f.Up)
	}
}

func (m *Manifest) checkStructures(bad reportFunc) {
	if len(m.Structures) == 0 {
		bad("structures", "the pack has no [[structures]]")
		return
	}
	if len(m.Structures) > maxStructures {
		bad("structures", "%d structures; the limit is %d", len(m.Structures), maxStructures)
		return
	}
	first := map[string]int{}
	for i := range m.Structures {
		s := &m.Structures[i]
		f := fmt.Sprintf("structures[%d]", i)
		switch j, dup := first[s.ID]; {
		case s.ID == "":
			bad(f+".id", "missing: every structure needs an id (an FMA or UBERON id, or one of the pack's own)")
		case !structureIDPattern.MatchString(s.ID):
			bad(f+".id", "%q is not a structure id: use letters, digits, '_', '-', '.' or ':' (like \"FMA23130\" or \"UBERON:0000976\")", s.ID)
		case dup:
			bad(f+".id", "duplicate id %q (first used by structures[%d] on line %d)", s.ID, j, m.Structures[j].Line)
		default:
			first[s.ID] = i
		}
		checkStructure(s, f, bad)
	}
	m.checkParents(first, bad)
}

func checkStructure(s *StructureEntry, f string, bad reportFunc) {
	if s.Name == "" {
		bad(f+".name", "missing: every structure needs an English name")
	}
	if !validSides[s.Side] {
		bad(f+".side", "%q: use \"left\", \"right\" or \"midline\"", s.Side)
	}
	if s.Concept != "" && !structureIDPattern.MatchString(s.Concept) {
		bad(f+".concept", "%q is not a concept id: use letters, digits, '_', '-', '.' or ':' (like \"UBERON:0004200-left\")", s.Concept)
	}
	if !validStates[s.DefaultState] {
		bad(f+".default_state", "%q: use \"shown\", \"ghost\" or \"hidden\"", s.DefaultState)
	}
	if s.Color != "" {
		if _, err := ParseColor(s.Color); err != nil {
			bad(f+".color", "%v", err)
		}
	}
	if s.Mesh != "" {
		if _, _, err := splitMeshRef(s.Mesh); err != nil {
			bad(f+".mesh", "%v", err)
		}
	}
	checkFrame(s.OBJ, f+".", bad)
	for tag := range s.Names {
		if !languagePattern.MatchString(tag) {
			bad(f+".names."+tag, "%q is not a language tag like \"fr\" or \"pt-BR\"", tag)
		}
	}
}

// checkParents reports parents that are not structures of the pack, and cycles.
func (m *Manifest) checkParents(index map[string]int, bad reportFunc) {
	for i := range m.Structures {
		s := &m.Structures[i]
		f := fmt.Sprintf("structures[%d].parent", i)
		if s.Parent == "" {
			continue
		}
		if s.Parent == s.ID {
			bad(f, "a structure cannot be its own parent")
			continue
		}
		if _, ok := index[s.Parent]; !ok {
			bad(f, "%q is not a structure in this pack", s.Parent)
			continue
		}
		seen := map[string]bool{s.ID: true}
		for p := s.Parent; p != ""; p = m.Structures[index[p]].Parent {
			if seen[p] {
				bad(f, "parents form a cycle through %q", p)
				break
			}
			seen[p] = true
			if _, ok := index[p]; !ok {
				break
			}
		}
	}
}

// splitMeshRef splits "meshes/a.glb#node" into the file and the node name.
func splitMeshRef(ref string) (file, node string, err error) {
	file, node, _ = strings.Cut(ref, "#")
	if err := checkPackPath(file); err != nil {
		return "", "", err
	}
	if ext := strings.ToLower(path.Ext(file)); !meshExts[ext] {
		return "", "", fmt.Errorf("%q is not a mesh file Osteon reads (.glb, .gltf or .obj)", file)
	}
	if strings.Contains(ref, "#") && node == "" {
		return "", "", fmt.Errorf("%q: the node name after '#' is empty", ref)
	}
	return file, node, nil
}

// checkPackPath checks a file name as written in a pack: relative, with '/' separators, inside
// the pack.
func checkPackPath(p string) error {
	switch {
	case p == "":
		return fmt.Errorf("empty file name")
	case strings.Contains(p, `\`):
		return fmt.Errorf("%q: use '/' between folders, not '\\'", p)
	case strings.HasPrefix(p, "/") || len(p) > 1 && p[1] == ':':
		return fmt.Errorf("%q: file names must be relative to the pack folder", p)
	case !fs.ValidPath(p):
		return fmt.Errorf("%q is not a clean path inside the pack (no '..', '.', or empty parts)", p)
	}
	return nil
}

// Structure returns the entry as a content.Structure (its colour parsed; a bad colour is left
// unset, as validation reports it).
func (e *StructureEntry) Structure() Structure {
	st := Structure{
		ID: e.ID, Name: e.Name, NameLatin: e.NameLatin, Synonyms: e.Synonyms, Names: e.Names,
		System: strings.ToLower(e.System), Region: e.Region, Side: e.Side, Parent: e.Parent, Concept: e.Concept,
		Ghosted: e.DefaultState == "ghost", Hidden: e.DefaultState == "hidden",
		Description: e.Description, Origin: e.Origin, Insertion: e.Insertion,
		Innervation: e.Innervation, BloodSupply: e.BloodSupply, Credit: e.Credit, Extras: e.Extras,
	}
	st.Color, _ = ParseColor(e.Color)
	return st
}
