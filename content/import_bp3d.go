package content

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
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
	im := &objImport{src: os.DirFS(srcDir), srcDir: srcDir, partsList: partsList, w: w, progress: opt.Progress}
	im.plan(rows)
	im.copyAll(ctx)
	entries, credits := im.assemble(rows)
	m, idps := opt.identity(srcDir, bp3dTitle(srcDir), mostCommon(credits))
	if ps := append(im.ps, idps...); len(ps) > 0 || ctx.Err() != nil {
		w.abort()
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		ps.Sort()
		return nil, ps
	}
	im.finish(m, entries)
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
	src       fs.FS
	srcDir    string
	partsList string
	w         *packWriter
	progress  ProgressFunc
	files     []objFile // each source file once, in the order rows name them
	byRow     []int     // row -> index in files, or -1
	ps        Problems
	mu        sync.Mutex // guards ps and done
	done      int
}

// objFile is one source OBJ: where it goes in the pack and what reading it found.
type objFile struct {
	src, name string
	row       partRow // the first row naming it, for messages
	frame     OBJFrame
	credit    string
	ok        bool
}

// plan finds each row's file and gives every file its name in the pack.
func (im *objImport) plan(rows []partRow) {
	index := map[string]int{}
	used := map[string]bool{}
	for _, row := range rows {
		file := row.file
		if file == "" {
			if file = im.findOBJ(row.sourceID); file == "" {
				im.ps.add(im.partsList, row.line, "file", "no file column and no %s.obj in %s", row.sourceID, im.srcDir)
				im.byRow = append(im.byRow, -1)
				continue
			}
		}
		i, ok := index[file]
		if !ok {
			i = len(im.files)
			index[file] = i
			im.files = append(im.files, objFile{src: file, name: meshName(used, file), row: row})
		}
		im.byRow = append(im.byRow, i)
	}
}

// copyAll reads, checks and copies the files on a few goroutines: creating files is slow on
// some disks, and parsing is work for every core.
func (im *objImport) copyAll(ctx context.Context) {
	jobs := make(chan int)
	var wg sync.WaitGroup
	for n := 0; n < max(4, runtime.GOMAXPROCS(0)); n++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				im.copyOne(&im.files[i])
			}
		}()
	}
	for i := range im.files {
		if ctx.Err() != nil {
			break
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}

// copyOne reads one OBJ, parses it to check it and find its frame and credit, and copies it.
func (im *objImport) copyOne(f *objFile) {
	shown := filepath.Join(im.srcDir, filepath.FromSlash(f.src))
	var ps Problems
	data, err := readLimited(im.src, f.src, maxModelFile)
	if err != nil {
		ps.add(shown, 0, "", "%s (named on line %d of %s)", notReadable(err), f.row.line, im.partsList)
	} else if scene, err := ParseOBJ(data, shown, DetectOBJOptions(data)); err != nil {
		ps = AsProblems(err, shown)
	} else if err := im.w.writeFile(f.name, data); err != nil {
		ps.add(shown, 0, "", "cannot copy into the pack: %v", err)
	} else {
		f.frame, f.credit, f.ok = frameOf(DetectOBJOptions(data)), scene.Attribution, true
	}
	im.mu.Lock()
	defer im.mu.Unlock()
	im.ps = append(im.ps, ps...)
	im.done++
	if im.progress != nil {
		im.progress(int64(im.done), int64(len(im.files)), fmt.Sprintf("importing %d/%d %s", im.done, len(im.files), f.src))
	}
}

// assemble makes the structures, in row order.
func (im *objImport) assemble(rows []partRow) ([]StructureEntry, []string) {
	var entries []StructureEntry
	var credits []string
	for r, row := range rows {
		i := im.byRow[r]
		if i < 0 || !im.files[i].ok {
			continue
		}
		f := &im.files[i]
		s := row.s
		s.Mesh, s.Credit, s.OBJ = f.name, f.credit, f.frame
		entries = append(entries, s)
		credits = append(credits, f.credit)
	}
	return entries, credits
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

// finish puts the structures into m: one pack-wide OBJ frame when all files share it (else
// each structure keeps its own), credit on every structure, and unique ids.
func (im *objImport) finish(m *Manifest, entries []StructureEntry) {
	same := true
	for _, e := range entries {
		same = same && e.OBJ == entries[0].OBJ
	}
	for i := range entries {
		s := &entries[i]
		if same {
			m.OBJ, s.OBJ = s.OBJ, OBJFrame{}
		}
		s.Credit = firstNonEmpty(s.Credit, m.Attribution)
	}
	uniqueIDs(entries)
	m.Structures = entries
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

// bp3dTitle is the default title of a BodyParts3D import: the folder's name with the source
// spelt as its authors spell it ("bodyparts3d-upper-limb" -> "BodyParts3D upper limb").
func bp3dTitle(dir string) string {
	base := strings.ToLower(filepath.Base(filepath.Clean(dir)))
	rest, ok := strings.CutPrefix(base, "bodyparts3d")
	if !ok {
		return ""
	}
	rest = strings.TrimSpace(strings.NewReplacer("_", " ", "-", " ").Replace(rest))
	return strings.TrimSpace("BodyParts3D " + rest)
}
