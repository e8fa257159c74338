package content

import (
	"fmt"

	"github.com/BurntSushi/toml"
)

// decodeTOMLFile checks the size and text of a TOML file named file and decodes it, with the
// index of its lines. On a problem raw is nil.
func decodeTOMLFile(data []byte, file string) (raw map[string]any, lines lineIndex, ps Problems) {
	if len(data) > maxManifest {
		return nil, nil, Problems{{File: file, Msg: fmt.Sprintf("file is %d bytes; the limit is %d", len(data), maxManifest)}}
	}
	text, ps := checkText(data, file)
	if len(ps) > 0 {
		return nil, nil, ps
	}
	if _, err := toml.Decode(string(text), &raw); err != nil {
		return nil, nil, Problems{tomlError(err, file)}
	}
	return raw, indexTOMLLines(string(text)), nil
}

// withoutSilent drops the nil entries a reader records for problems another check reports, and
// sorts the rest.
func withoutSilent(ps Problems) Problems {
	var clean Problems
	for _, e := range ps {
		if e != nil {
			clean = append(clean, e)
		}
	}
	clean.Sort()
	return clean
}

// readListed reads each file a pack lists under field (pack.toml's "procedures",
// "consultations"), calling read with its name for messages and its bytes, and returns the
// problems read found, file by file. Paths that are not allowed, files not in the pack and
// unreadable files are problems too, and the other files are still read.
func (p *Pack) readListed(field string, files []string, read func(name string, data []byte) Problems) Problems {
	var ps Problems
	for i, file := range files {
		f := fmt.Sprintf("%s[%d]", field, i)
		if err := checkPackPath(file); err != nil {
			ps.add(p.Manifest.File, p.lines.line(f), f, "%v", err)
			continue
		}
		if !p.hasFile(file) {
			ps.add(p.Manifest.File, p.lines.line(f), f, "%s file %q is not in the pack", field, file)
			continue
		}
		data, err := readLimited(p.FS, file, maxManifest)
		if err != nil {
			ps = append(ps, &Error{File: p.Name(file), Msg: notReadable(err)})
			continue
		}
		ps = append(ps, read(p.Name(file), data)...)
	}
	return ps
}
