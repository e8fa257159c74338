package content

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"
)

// LoadPackScene assembles every structure of the pack that has a mesh into one render-ready
// Scene, in manifest order. Each mesh file is read and parsed once (files in parallel), however
// many structures use it. A part's fields come from the mesh's extras overlaid with the
// manifest's (the manifest wins); the scene carries the pack's title and attribution, and each
// part its own credit where the manifest or the mesh gives one. Structures without a mesh
// (groups in the hierarchy) are not parts; they stay in p.Structures. Problems come back as
// Problems.
func LoadPackScene(ctx context.Context, p *Pack) (*Scene, error) {
	_, order := p.meshGroups()
	files, ps := p.loadMeshes(ctx, order)
	if len(ps) > 0 {
		return nil, ps
	}
	s := &Scene{Title: p.Title, Source: p.Source, Attribution: p.Attribution, Schematic: p.Schematic}
	used := map[meshKey]map[int]bool{}
	for _, k := range order {
		used[k] = map[int]bool{}
		for _, w := range files[k].scene.Warnings {
			s.Warnings = append(s.Warnings, p.Source+": "+w)
		}
	}
	for i := range p.Structures {
		e := &p.Structures[i]
		if e.Mesh == "" {
			continue
		}
		file, node, err := splitMeshRef(e.Mesh)
		if err != nil {
			ps.add(p.Manifest.File, e.Line, fmt.Sprintf("structures[%d].mesh", i), "%v", err)
			continue
		}
		k := meshKey{file, p.frameFor(e)}
		mf := files[k]
		idx, err := mf.find(node)
		if err != nil {
			ps.add(p.Manifest.File, e.Line, fmt.Sprintf("structures[%d].mesh", i), "%s: %v", file, err)
			continue
		}
		base := Structure{}
		if len(idx) == 1 {
			base = mf.scene.Parts[idx[0]].Structure
		}
		s.Parts = append(s.Parts, Part{Structure: overlay(base, e), Mesh: takeMesh(mf.scene.Parts, idx, used[k])})
	}
	if len(ps) > 0 {
		return nil, ps
	}
	if len(s.Parts) == 0 {
		return nil, Problems{{File: p.Manifest.File, Field: "structures", Msg: "no structure has a mesh: nothing to show"}}
	}
	return s, nil
}

// loadMeshes parses the mesh files in parallel.
func (p *Pack) loadMeshes(ctx context.Context, keys []meshKey) (map[meshKey]*meshFile, Problems) {
	out := make(map[meshKey]*meshFile, len(keys))
	var ps Problems
	var mu sync.Mutex
	jobs := make(chan meshKey)
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(keys)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range jobs {
				mf, _, err := p.loadMesh(k)
				mu.Lock()
				if err != nil {
					ps = append(ps, AsProblems(err, p.Name(k.file))...)
				} else {
					out[k] = mf
				}
				mu.Unlock()
			}
		}()
	}
	for _, k := range keys {
		if ctx.Err() != nil {
			break
		}
		jobs <- k
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, Problems{{File: p.Source, Msg: "loading stopped: " + err.Error()}}
	}
	ps.Sort()
	return out, ps
}

// takeMesh returns the geometry of parts idx: the part's own arrays when one part is taken for
// the first time, else a merged copy, so no two structures share arrays.
func takeMesh(parts []Part, idx []int, used map[int]bool) Mesh {
	if len(idx) == 1 && !used[idx[0]] {
		used[idx[0]] = true
		return parts[idx[0]].Mesh
	}
	var m Mesh
	for _, i := range idx {
		used[i] = true
		src := &parts[i].Mesh
		base := uint32(m.VertexCount())
		m.Positions = append(m.Positions, src.Positions...)
		m.Normals = append(m.Normals, src.Normals...)
		for _, j := range src.Indices {
			m.Indices = append(m.Indices, base+j)
		}
	}
	return m
}

// overlay returns base (a structure read from a mesh's extras) with every field the manifest
// entry gives put over it. The id is always the manifest's.
func overlay(base Structure, e *StructureEntry) Structure {
	m := e.Structure()
	st := base
	st.ID = m.ID
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&st.Name, m.Name)
	set(&st.NameLatin, m.NameLatin)
	set(&st.System, m.System)
	set(&st.Region, m.Region)
	set(&st.Side, m.Side)
	set(&st.Parent, m.Parent)
	set(&st.Concept, m.Concept)
	set(&st.Description, m.Description)
	set(&st.Origin, m.Origin)
	set(&st.Insertion, m.Insertion)
	set(&st.Innervation, m.Innervation)
	set(&st.BloodSupply, m.BloodSupply)
	set(&st.Credit, m.Credit)
	if st.Side == "" {
		st.Side = sideFromName(st.Name)
	}
	if len(m.Synonyms) > 0 {
		st.Synonyms = m.Synonyms
	}
	if m.Color.A != 0 {
		st.Color = m.Color
	}
	if e.DefaultState != "" {
		st.Ghosted, st.Hidden = m.Ghosted, m.Hidden
	}
	st.Names = mergeText(st.Names, m.Names)
	st.Extras = mergeText(st.Extras, m.Extras)
	st.System = strings.ToLower(st.System)
	return st
}

func mergeText(base, over map[string]string) map[string]string {
	if len(over) == 0 {
		return base
	}
	out := make(map[string]string, len(base)+len(over))
	for k, v := range base {
		out[k] = v
	}
	for k, v := range over {
		out[k] = v
	}
	return out
}
