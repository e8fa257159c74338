package content

import (
	"bytes"
	"io"
	"os"
	"strings"
)

// IsTourFile says whether file is a tour (or scene) file rather than a model: its name ends in
// .tour.toml, or it is a .toml file whose first 64 KiB hold a [[stops]] table. A file that
// cannot be read is not a tour (opening it as a model then names the problem).
func IsTourFile(file string) bool {
	name := strings.ToLower(file)
	if strings.HasSuffix(name, TourExt) {
		return true
	}
	if !strings.HasSuffix(name, ".toml") {
		return false
	}
	f, err := os.Open(file)
	if err != nil {
		return false
	}
	defer f.Close()
	head, _ := io.ReadAll(io.LimitReader(f, 64<<10))
	return bytes.Contains(head, []byte("[[stops]]"))
}
