package content

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Problems is every problem found in one piece of input (a pack, an archive, a parts list), each
// naming its file, line where there is one, and field. As an error it lists them one per line.
type Problems []*Error

func (ps Problems) Error() string {
	switch len(ps) {
	case 0:
		return "no problems"
	case 1:
		return ps[0].Error()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d problems:", len(ps))
	for _, p := range ps {
		b.WriteString("\n  ")
		b.WriteString(p.Error())
	}
	return b.String()
}

// Err returns ps as an error, or nil when there are none.
func (ps Problems) Err() error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}

// Sort orders problems by file, line and field, keeping the order of equal ones.
func (ps Problems) Sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Field < b.Field
	})
}

// AsProblems returns the problems an error holds: the list itself for Problems, a one-element
// list for *Error, and an entry naming file for any other error. It returns nil for nil.
func AsProblems(err error, file string) Problems {
	if err == nil {
		return nil
	}
	var ps Problems
	if errors.As(err, &ps) {
		return ps
	}
	var e *Error
	if errors.As(err, &e) {
		return Problems{e}
	}
	return Problems{{File: file, Msg: err.Error()}}
}

// add appends a problem.
func (ps *Problems) add(file string, line int, field, format string, args ...any) {
	*ps = append(*ps, &Error{File: file, Line: line, Field: field, Msg: fmt.Sprintf(format, args...)})
}
