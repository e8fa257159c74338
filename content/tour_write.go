package content

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// MarshalTour writes a tour in the current format; ParseTour reads it back to the same tour.
func MarshalTour(t *Tour) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "format = %d\n", TourFormat)
	if t.Title != "" {
		fmt.Fprintf(&b, "title = %s\n", quoteTOML(t.Title))
	}
	fmt.Fprintf(&b, "\n[pack]\nid = %s\nversion = %s\n", quoteTOML(t.PackID), quoteTOML(t.PackVersion))
	for _, s := range t.Stops {
		writeStop(&b, &s)
	}
	return b.Bytes()
}

func writeStop(b *bytes.Buffer, s *TourStop) {
	b.WriteString("\n[[stops]]\n")
	w := tomlWriter{b: b}
	w.str("title", s.Title)
	w.str("narration", s.Narration)
	w.list("hidden", s.Hidden)
	w.list("ghosted", s.Ghosted)
	w.list("highlighted", s.Highlighted)
	w.str("selection", s.Selection)
	if s.HasCamera {
		c := s.Camera
		fmt.Fprintf(b, "camera = { target = %s, distance_mm = %s, yaw = %s, pitch = %s }\n",
			tomlVec(c.Target), tomlNum(c.DistanceMM), tomlNum(c.Yaw), tomlNum(c.Pitch))
	}
	if s.Section != nil {
		fmt.Fprintf(b, "section = { normal = %s, offset_mm = %s }\n", tomlVec(s.Section.Normal), tomlNum(s.Section.OffsetMM))
	}
	for _, p := range s.Pins {
		b.WriteString("\n[[stops.pins]]\n")
		w.str("id", p.ID)
		w.str("structure", p.Structure)
		fmt.Fprintf(b, "point = %s\n", tomlVec(p.Point))
		w.str("note", p.Note)
		w.str("question", p.Question)
		if p.Answer != p.Structure {
			w.str("answer", p.Answer)
		}
	}
}

// tomlNum writes a float that reads back exactly (always with a decimal point, so TOML keeps it
// a float).
func tomlNum(v float64) string {
	s := strconv.FormatFloat(v, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eEn") {
		s += ".0"
	}
	return s
}

func tomlVec(v [3]float64) string {
	return "[" + tomlNum(v[0]) + ", " + tomlNum(v[1]) + ", " + tomlNum(v[2]) + "]"
}
