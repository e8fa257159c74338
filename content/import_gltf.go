package content

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strings"
)

// ImportGLTF turns a glTF 2.0 scene (.glb, or .gltf with its buffer files) whose mesh nodes
// carry names into a pack: one structure per named mesh node, its mesh reference
// "meshes/<file>#<node name>". The node's extras become the structure's fields (fma_id or id,
// name_en, name_la, synonyms, system, region, side, parent, color, default_state, the facts,
// credit; other scalars go to extras), written out in pack.toml where an instructor can edit
// them. The scene's copyright becomes the pack's attribution and every structure's credit.
// Mesh nodes without a name are skipped with a warning; two mesh nodes with one name are a
// problem, as a reference could not tell them apart. It is ImportGLTFSet of one file: group
// nodes become parents, and structures get concepts, systems, regions and colours.
func ImportGLTF(ctx context.Context, file string, opt ImportOptions) (*ImportResult, error) {
	return ImportGLTFSet(ctx, []string{file}, opt)
}

var badIDChars = regexp.MustCompile(`[^A-Za-z0-9_.:-]+`)

// gltfEntries makes one structure per named mesh node; Mesh holds the node name for now.
func gltfEntries(scene *Scene, names []string, file string, warnings *[]string) ([]StructureEntry, Problems) {
	var ps Problems
	byName := map[string]int{}
	idOf := map[string]string{} // node name -> structure id, to resolve parents given by name
	var out []StructureEntry
	for i, p := range scene.Parts {
		n := names[i]
		if n == "" || strings.TrimSpace(n) != n {
			*warnings = append(*warnings, fmt.Sprintf("%s: mesh node %q (structure %q) skipped: a mesh reference needs a node name without outer spaces", file, n, p.ID))
			continue
		}
		if j, dup := byName[n]; dup {
			ps.add(file, 0, "nodes", "two mesh nodes are named %q (structures %q and %q); give them different names", n, out[j].ID, p.ID)
			continue
		}
		e := entryFromStructure(p.Structure)
		e.ID = strings.Trim(badIDChars.ReplaceAllString(strings.ReplaceAll(e.ID, "#", "-"), "_"), "_.:-")
		if len(e.ID) > 128 {
			e.ID = e.ID[:128]
		}
		if e.ID == "" || !structureIDPattern.MatchString(e.ID) {
			e.ID = fmt.Sprintf("node%d", i)
		}
		e.Mesh = n
		byName[n] = len(out)
		idOf[n] = e.ID
		out = append(out, e)
	}
	resolveParents(out, idOf, file, warnings)
	if len(out) == 0 && len(ps) == 0 {
		ps.add(file, 0, "nodes", "no mesh node has a name; name the nodes that are structures")
	}
	return out, ps
}

// resolveParents turns parents given as node names into structure ids, and drops parents that
// are neither.
func resolveParents(out []StructureEntry, idOf map[string]string, file string, warnings *[]string) {
	ids := map[string]bool{}
	for _, e := range out {
		ids[e.ID] = true
	}
	for i := range out {
		switch par := out[i].Parent; {
		case par == "" || ids[par]:
		case idOf[par] != "":
			out[i].Parent = idOf[par]
		default:
			*warnings = append(*warnings, fmt.Sprintf("%s: %s: parent %q is not a structure of the scene; left out", file, out[i].ID, par))
			out[i].Parent = ""
		}
	}
}

// entryFromStructure writes a loaded structure as a manifest entry.
func entryFromStructure(st Structure) StructureEntry {
	e := StructureEntry{
		ID: st.ID, Name: st.Name, NameLatin: st.NameLatin, Synonyms: st.Synonyms, Names: st.Names,
		System: st.System, Region: st.Region, Side: st.Side, Parent: st.Parent, Concept: st.Concept, Color: formatColor(st.Color),
		Description: st.Description, Origin: st.Origin, Insertion: st.Insertion, Innervation: st.Innervation,
		BloodSupply: st.BloodSupply, Credit: st.Credit, Extras: st.Extras,
	}
	if !validSides[e.Side] {
		e.Extras = mergeText(e.Extras, map[string]string{"side": e.Side})
		e.Side = ""
	}
	switch {
	case st.Hidden:
		e.DefaultState = "hidden"
	case st.Ghosted:
		e.DefaultState = "ghost"
	}
	return e
}

// externalBuffers lists the buffer files a glTF refers to by relative URI.
func externalBuffers(data []byte) ([]string, error) {
	js, _, err := splitGLB(data, "")
	if err != nil {
		return nil, err
	}
	var doc struct {
		Buffers []struct {
			URI string `json:"uri"`
		} `json:"buffers"`
	}
	if err := json.Unmarshal(js, &doc); err != nil {
		return nil, err
	}
	var out []string
	for _, b := range doc.Buffers {
		if b.URI == "" || strings.HasPrefix(b.URI, "data:") {
			continue
		}
		p, err := url.PathUnescape(b.URI)
		if err != nil || checkPackPath(p) != nil || path.Clean(p) != p {
			return nil, fmt.Errorf("buffer %q is outside the scene's folder; it cannot be imported", b.URI)
		}
		out = append(out, p)
	}
	return out, nil
}
