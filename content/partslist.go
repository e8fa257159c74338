package content

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// partRow is one row of a parts list: a structure and where its mesh is.
type partRow struct {
	line     int
	file     string // mesh file, relative to the source folder; "" to look for <id>.obj
	s        StructureEntry
	sourceID string
}

// Column names a parts list may use, by field; the first of each is the documented one.
var partColumns = map[string][]string{
	"id":       {"fma_id", "id", "fmaid", "concept_id", "uberon_id"},
	"name":     {"name_en", "name", "english_name", "en"},
	"name_la":  {"name_la", "latin", "ta"},
	"system":   {"system"},
	"region":   {"region"},
	"side":     {"side"},
	"parent":   {"parent"},
	"file":     {"file", "obj", "mesh", "path"},
	"synonyms": {"synonyms"},
	"color":    {"color", "colour"},
}

// readPartsList reads a CSV (or tab-separated) parts list with a header row. It needs an id and
// a name column; FMA ids given as bare numbers get the "FMA" prefix.
func readPartsList(data []byte, file string) ([]partRow, Problems) {
	text, ps := checkText(data, file)
	if len(ps) > 0 {
		return nil, ps
	}
	first, _, _ := bytes.Cut(text, []byte("\n"))
	r := csv.NewReader(bytes.NewReader(text))
	if bytes.Count(first, []byte("\t")) > bytes.Count(first, []byte(",")) {
		r.Comma = '\t'
	}
	r.FieldsPerRecord = -1
	r.Comment = '#'
	header, err := r.Read()
	if err != nil {
		return nil, Problems{csvProblem(err, file)}
	}
	col := partColumnsOf(header)
	for _, need := range []string{"id", "name"} {
		if col[need] < 0 {
			ps.add(file, 1, need, "no %q column (found %s)", partColumns[need][0], strings.Join(header, ", "))
		}
	}
	if len(ps) > 0 {
		return nil, ps
	}
	var rows []partRow
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			ps = append(ps, csvProblem(err, file))
			break
		}
		line, _ := r.FieldPos(0)
		row, bad := partFromRecord(rec, col, file, line)
		ps = append(ps, bad...)
		if len(bad) == 0 {
			rows = append(rows, row)
		}
	}
	if len(rows) == 0 && len(ps) == 0 {
		ps.add(file, 0, "", "the parts list has no rows")
	}
	return rows, ps
}

// partColumnsOf maps each field to its column in the header, or -1.
func partColumnsOf(header []string) map[string]int {
	col := map[string]int{}
	for field, names := range partColumns {
		col[field] = -1
		for i, h := range header {
			for _, n := range names {
				if strings.EqualFold(strings.TrimSpace(h), n) && col[field] < 0 {
					col[field] = i
				}
			}
		}
	}
	return col
}

func csvProblem(err error, file string) *Error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Error{File: file, Line: pe.Line, Msg: fmt.Sprintf("CSV: column %d: %v", pe.Column, pe.Err)}
	}
	return &Error{File: file, Msg: "CSV: " + err.Error()}
}

func partFromRecord(rec []string, col map[string]int, file string, line int) (partRow, Problems) {
	get := func(field string) string {
		if i := col[field]; i >= 0 && i < len(rec) {
			return cleanText(rec[i])
		}
		return ""
	}
	row := partRow{line: line, file: get("file")}
	id := get("id")
	if id != "" && numeric(id) {
		id = "FMA" + id
	}
	row.sourceID = id
	s := StructureEntry{ID: id, Name: get("name"), NameLatin: get("name_la"), System: strings.ToLower(get("system")),
		Region: get("region"), Side: strings.ToLower(get("side")), Parent: get("parent"), Color: get("color")}
	for _, syn := range strings.Split(get("synonyms"), ";") {
		if syn = strings.TrimSpace(syn); syn != "" {
			s.Synonyms = append(s.Synonyms, syn)
		}
	}
	if s.Side == "" {
		s.Side = sideFromName(s.Name)
	}
	var ps Problems
	switch {
	case id == "":
		ps.add(file, line, partColumns["id"][0], "empty id")
	case !structureIDPattern.MatchString(id):
		ps.add(file, line, partColumns["id"][0], "%q is not a structure id (like FMA23130)", id)
	}
	if s.Name == "" {
		ps.add(file, line, partColumns["name"][0], "empty name")
	}
	if row.file != "" {
		if err := checkPackPath(row.file); err != nil {
			ps.add(file, line, partColumns["file"][0], "%v", err)
		}
	}
	row.s = s
	return row, ps
}
