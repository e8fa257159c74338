package content

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
)

// ImportBodyParts3D turns a BodyParts3D-style source into a pack: a folder of OBJ files, one
// structure each, and a parts list (CSV or tab-separated, with a header) that maps each
// structure's id to its names, system and region, and optionally its file. partsList defaults
// to structures.csv in srcDir; a row without a file column uses <id>.obj. Every OBJ is read once:
// parsed to check it, and copied unchanged into the pack's meshes/ folder. The frame of the OBJ
// files (BodyParts3D's is millimetres, Z up; read from their header comments) is written into
// the manifest, and each file's credit line becomes its structure's credit (and, unless
// opt.Attribution says otherwise, the pack's attribution). Ids repeated in the list are made
// unique by side ("FMA38469-left") or number. Problems come back as Problems, naming the parts
// list line or the mesh file; nothing is written then.
func ImportBodyParts3D(ctx context.Context, srcDir, partsList string, opt ImportOptions) (*ImportResult, error) {
	if partsList == "" {
		partsList = filepath.Join(srcDir, "structures.csv")
	}
	data, err := os.ReadFile(partsList)
	if err != nil {
		return nil, Problems{{File: partsList, Msg: notReadable(err)}}
	}
	rows, ps := readPartsList(data, partsList)
	if len(ps) > 0 {
		return nil, ps
	}
	w, err := newPackWriter(opt.Out)
	if err != nil {
		return nil, fmt.Errorf("content: import %s: %w", srcDir, err)
	}
	im := &objImport{ctx: ctx, src: os.DirFS(srcDir), srcDir: srcDir, w: w, written: map[string]string{}, used: map[string]bool{}}
	for i, row := range rows {
		if err := ctx.Err(); err != nil {
			w.abort()
			return nil, err
		}
		if opt.Progress != nil {
			opt.Progress(int64(i), int64(len(rows)), fmt.Sprintf("importing %d/%d %s", i+1, len(rows), firstNonEmpty(row.file, row.s.ID)))
		}
		im.row(row, partsList)
	}
	m, idps := opt.identity(srcDir, "", mostCommon(im.credits))
	if ps := append(im.ps, idps...); len(ps) > 0 {
		w.abort()
		return nil, ps
	}
	im.finish(m)
	if err := w.writeFile(ManifestName, MarshalManifest(m)); err != nil {
		w.abort()
		return nil, fmt.Errorf("content: import %s: %w", srcDir, err)
	}
	if err := finishPack(ctx, w, true); err != nil {
		return nil, err
	}
	if opt.Progress != nil {
		opt.Progress(int64(len(rows)), int64(len(rows)), fmt.Sprintf("imported %d structures into %s", len(rows), opt.Out))
	}
	return &ImportResult{Manifest: m, Out: opt.Out}, nil
}

// objImport is the state of one BodyParts3D import.
type objImport struct {
	ctx     context.Context
	src     fs.FS
	srcDir  string
	w       *packWriter
	written map[string]string // source file -> pack file
	used    map[string]bool
	entries []StructureEntry
	frames  []OBJFrame
	credits []string
	ps      Problems
}

// row reads, checks and copies one structure's OBJ.
func (im *objImport) row(row partRow, partsList string) {
	file := row.file
	if file == "" {
		file = im.findOBJ(row.sourceID)
		if file == "" {
			im.ps.add(partsList, row.line, "file", "no file column and no %s.obj in %s", row.sourceID, im.srcDir)
			return
		}
	}
	shown := filepath.Join(im.srcDir, filepath.FromSlash(file))
	data, err := readLimited(im.src, file, maxModelFile)
	if err != nil {
		im.ps.add(shown, 0, "", "%s (named on line %d of %s)", notReadable(err), row.line, partsList)
		return
	}
	opts := DetectOBJOptions(data)
	scene, err := ParseOBJ(data, shown, opts)
	if err != nil {
		im.ps = append(im.ps, AsProblems(err, shown)...)
		return
	}
	name, ok := im.written[file]
	if !ok {
		name = meshName(im.used, file)
		if err := im.w.writeFile(name, data); err != nil {
			im.ps.add(shown, 0, "", "cannot copy into the pack: %v", err)
			return
		}
		im.written[file] = name
	}
	s := row.s
	s.Mesh = name
	s.Credit = scene.Attribution
	im.entries = append(im.entries, s)
	im.frames = append(im.frames, frameOf(opts))
	im.credits = append(im.credits, scene.Attribution)
}

func (im *objImport) findOBJ(id string) string {
	for _, dir := range []string{".", "meshes", "meshes/obj", "obj"} {
		p := path.Join(dir, id+".obj")
		if st, err := fs.Stat(im.src, p); err == nil && st.Mode().IsRegular() {
			return p
		}
	}
	return ""
}

// finish puts the structures into m: one pack-wide OBJ frame when all files share it, credit
// on every structure, and unique ids.
func (im *objImport) finish(m *Manifest) {
	same := true
	for _, f := range im.frames {
		same = same && f == im.frames[0]
	}
	for i := range im.entries {
		s := &im.entries[i]
		if same {
			m.OBJ = im.frames[0]
		} else {
			s.OBJ = im.frames[i]
		}
		s.Credit = firstNonEmpty(s.Credit, m.Attribution)
	}
	uniqueIDs(im.entries)
	m.Structures = im.entries
}

// frameOf writes OBJ options as a manifest frame.
func frameOf(o OBJOptions) OBJFrame {
	f := OBJFrame{Units: "m", Up: "y"}
	switch o.Scale {
	case 0.001:
		f.Units = "mm"
	case 0.01:
		f.Units = "cm"
	}
	if o.ZUp {
		f.Up = "z"
	}
	return f
}

func mostCommon(ss []string) string {
	n := map[string]int{}
	best := ""
	for _, s := range ss {
		if s == "" {
			continue
		}
		if n[s]++; n[s] > n[best] || n[s] == n[best] && s < best {
			best = s
		}
	}
	return best
}
