package content

import (
	"fmt"
	"math"

	"github.com/BurntSushi/toml"
)

// A tour file is a guided sequence of prepared views (stops) over one pack's model: camera,
// what is hidden, ghosted or highlighted, the selection, a section plane, pins with notes and
// optional questions, and a line of narration. A scene is a tour with one stop. The file names
// the pack and the version it was made with. FORMAT.md ("Tours and scenes") describes every key.

// TourFormat is the newest tour format this build reads and writes.
const TourFormat = 1

// Tour is a tour as read from a file.
type Tour struct {
	File        string
	Format      int
	Title       string
	PackID      string
	PackVersion string // the version the tour was made with: that or a newer one opens it
	Stops       []TourStop
}

// TourStop is one prepared view.
type TourStop struct {
	Title       string
	Narration   string
	Camera      TourCamera
	HasCamera   bool
	Hidden      []string
	Ghosted     []string
	Highlighted []string
	Selection   string
	Section     *TourSection // nil: no cut
	Pins        []Pin
}

// TourCamera is a camera pose: it looks at Target (mm, the scene frame) from DistanceMM away,
// from direction Yaw, Pitch (degrees, as in procedures' focus).
type TourCamera struct {
	Target     [3]float64
	DistanceMM float64
	Yaw, Pitch float64
}

// TourSection is a section plane: the points p with Normal·p = OffsetMM; what lies towards
// Normal is cut away.
type TourSection struct {
	Normal   [3]float64
	OffsetMM float64
}

// Pin is a point on a structure with a note and, optionally, a question asked in Practice.
type Pin struct {
	ID        string // unique within the tour; questions are scheduled under it
	Structure string
	Point     [3]float64 // mm, the scene frame
	Note      string
	Question  string // "" for none
	Answer    string // the structure id that answers the question; Structure when empty
}

// Limits on a tour file.
const (
	maxTourStops = 200
	maxTourPins  = 100 // per stop
)

var (
	tourKeys    = keySet("format", "title", "pack", "stops")
	tourPackKey = keySet("id", "version")
	stopKeys    = keySet("title", "narration", "camera", "hidden", "ghosted", "highlighted", "selection", "section", "pins")
	cameraKeys  = keySet("target", "distance_mm", "yaw", "pitch")
	sectionKeys = keySet("normal", "offset_mm")
	pinKeys     = keySet("id", "structure", "point", "note", "question", "answer")
)

// ParseTour reads a tour file named file. ids holds the structures of the pack it is opened
// with (nil skips those checks). A tour that cannot be used at all (not TOML, a newer format,
// no pack named, no stops) comes back nil with its problems. Otherwise it comes back usable
// together with the problems found: what names a structure the pack lacks, or is malformed
// (a zero plane normal, say), is reported and left out, and the rest opens.
func ParseTour(data []byte, file string, ids map[string]bool) (*Tour, Problems) {
	if len(data) > maxManifest {
		return nil, Problems{{File: file, Msg: fmt.Sprintf("file is %d bytes; the limit is %d", len(data), maxManifest)}}
	}
	text, ps := checkText(data, file)
	if len(ps) > 0 {
		return nil, ps
	}
	var raw map[string]any
	if _, err := toml.Decode(string(text), &raw); err != nil {
		return nil, Problems{tomlError(err, file)}
	}
	r := &tourReader{procReader{tomlReader: tomlReader{file: file, lines: indexTOMLLines(string(text))}, basic: true}, ids}
	t := &Tour{File: file}
	if fatal := r.header(raw, t); fatal {
		r.ps.Sort()
		return nil, r.ps
	}
	stops := r.tableList(raw, "stops", "stops")
	if len(stops) > maxTourStops {
		r.bad("stops", "%d stops; the limit is %d", len(stops), maxTourStops)
		stops = stops[:maxTourStops]
	}
	pinIDs := map[string]bool{}
	for i, s := range stops {
		t.Stops = append(t.Stops, r.stop(s, fmt.Sprintf("stops[%d]", i), pinIDs))
	}
	if len(t.Stops) == 0 {
		r.bad("stops", "missing: a tour needs at least one [[stops]] table")
		r.ps.Sort()
		return nil, r.ps
	}
	r.ps.Sort()
	return t, r.ps
}

type tourReader struct {
	procReader
	structs map[string]bool
}

// header reads format, title and pack; fatal says the tour cannot be read further.
func (r *tourReader) header(raw map[string]any, t *Tour) (fatal bool) {
	r.unknown(raw, tourKeys, "")
	t.Format = r.integer(raw, "format", "format")
	switch {
	case t.Format == 0:
		r.bad("format", "missing: write format = %d", TourFormat)
		return true
	case t.Format > TourFormat:
		r.bad("format", "format %d was written by a newer Osteon; this one reads tours up to format %d: update Osteon", t.Format, TourFormat)
		return true
	}
	t.Title = r.text(raw, "title", "tour", false)
	pack := r.table(raw, "pack", "pack")
	if pack == nil {
		r.bad("pack", "missing: name the pack the tour needs, as [pack] id = \"...\" version = \"...\"")
		return true
	}
	r.unknown(pack, tourPackKey, "pack.")
	t.PackID = r.str(pack, "id", "pack.id")
	t.PackVersion = r.str(pack, "version", "pack.version")
	if t.PackID == "" {
		r.bad("pack.id", "missing: the id of the pack the tour needs")
		return true
	}
	if _, err := ParseVersion(t.PackVersion); err != nil {
		r.bad("pack.version", "%q is not a version like \"1.2.0\"", t.PackVersion)
		return true
	}
	return false
}

func (r *tourReader) stop(t map[string]any, f string, pinIDs map[string]bool) TourStop {
	r.unknown(t, stopKeys, f+".")
	s := TourStop{Title: r.text(t, "title", f, false), Narration: r.text(t, "narration", f, false)}
	if cam := r.table(t, "camera", f+".camera"); cam != nil {
		s.Camera, s.HasCamera = r.camera(cam, f+".camera")
	}
	s.Hidden = r.known(t, "hidden", f)
	s.Ghosted = r.known(t, "ghosted", f)
	s.Highlighted = r.known(t, "highlighted", f)
	if sel := r.str(t, "selection", f+".selection"); sel != "" && r.has(sel, f+".selection") {
		s.Selection = sel
	}
	if sec := r.table(t, "section", f+".section"); sec != nil {
		s.Section = r.section(sec, f+".section")
	}
	pins := r.tableList(t, "pins", f+".pins")
	if len(pins) > maxTourPins {
		r.bad(f+".pins", "%d pins; the limit is %d", len(pins), maxTourPins)
		pins = pins[:maxTourPins]
	}
	for i, p := range pins {
		if pin, ok := r.pin(p, fmt.Sprintf("%s.pins[%d]", f, i), pinIDs); ok {
			s.Pins = append(s.Pins, pin)
		}
	}
	return s
}

// known reads a list of structure ids, leaving out (and reporting) those the pack lacks.
func (r *tourReader) known(t map[string]any, key, f string) []string {
	var out []string
	for i, id := range r.strList(t, key, f+"."+key) {
		if r.has(id, fmt.Sprintf("%s.%s[%d]", f, key, i)) {
			out = append(out, id)
		}
	}
	return out
}

func (r *tourReader) has(id, field string) bool {
	if r.structs == nil || r.structs[id] {
		return true
	}
	r.bad(field, "%q is not a structure in this pack; left out", id)
	return false
}

func (r *tourReader) camera(t map[string]any, f string) (TourCamera, bool) {
	r.unknown(t, cameraKeys, f+".")
	var c TourCamera
	var ok bool
	c.Target, ok = r.vec(t, "target", f+".target")
	d, dok := r.num(t, "distance_mm", f+".distance_mm")
	c.Yaw, _ = r.num(t, "yaw", f+".yaw")
	c.Pitch, _ = r.num(t, "pitch", f+".pitch")
	if !ok || !dok || d <= 0 {
		r.bad(f, "a camera needs target = [x, y, z] and distance_mm above 0; the stop keeps the current view")
		return TourCamera{}, false
	}
	c.DistanceMM = d
	return c, true
}

func (r *tourReader) section(t map[string]any, f string) *TourSection {
	r.unknown(t, sectionKeys, f+".")
	n, ok := r.vec(t, "normal", f+".normal")
	off, _ := r.num(t, "offset_mm", f+".offset_mm")
	if !ok {
		r.bad(f+".normal", "missing: the plane's normal [x, y, z]; the stop opens without a cut")
		return nil
	}
	l := math.Sqrt(n[0]*n[0] + n[1]*n[1] + n[2]*n[2])
	if l == 0 || math.IsInf(l, 0) {
		r.bad(f+".normal", "the normal is zero, so the plane has no direction; the stop opens without a cut")
		return nil
	}
	return &TourSection{Normal: [3]float64{n[0] / l, n[1] / l, n[2] / l}, OffsetMM: off / l}
}

func (r *tourReader) pin(t map[string]any, f string, ids map[string]bool) (Pin, bool) {
	r.unknown(t, pinKeys, f+".")
	before := len(r.ps)
	p := Pin{ID: r.id(t, f, "pin", "\"pin-1\""), Structure: r.str(t, "structure", f+".structure")}
	if p.ID != "" && ids[p.ID] {
		r.bad(f+".id", "duplicate pin id %q", p.ID)
	}
	ids[p.ID] = true
	var ok bool
	if p.Point, ok = r.vec(t, "point", f+".point"); !ok {
		r.bad(f+".point", "missing: where the pin is, [x, y, z] in millimetres")
	}
	p.Note = r.text(t, "note", f, false)
	p.Question = r.text(t, "question", f, false)
	p.Answer = r.str(t, "answer", f+".answer")
	if p.Structure == "" {
		r.bad(f+".structure", "missing: the structure the pin is on")
	}
	if len(r.ps) > before {
		return Pin{}, false
	}
	if !r.has(p.Structure, f+".structure") || (p.Answer != "" && !r.has(p.Answer, f+".answer")) {
		return Pin{}, false
	}
	if p.Answer == "" {
		p.Answer = p.Structure
	}
	return p, true
}

// PackNeeded says, for a tour, whether an installed pack (id and version, "" when none with
// that id is installed) can open it, and if not which pack and version to install.
func (t *Tour) PackNeeded(installedVersion string) error {
	if installedVersion == "" {
		return fmt.Errorf("content: %s: needs pack %q version %s or newer, which is not installed: install it from the Packs screen", t.File, t.PackID, t.PackVersion)
	}
	have, err := ParseVersion(installedVersion)
	want, err2 := ParseVersion(t.PackVersion)
	if err != nil || err2 != nil || have.Compare(want) < 0 {
		return fmt.Errorf("content: %s: needs pack %q version %s or newer; version %s is installed: update it from the Packs screen", t.File, t.PackID, t.PackVersion, installedVersion)
	}
	return nil
}
