package assets

import (
	"encoding/binary"
	"encoding/json"
	"io/fs"
	"os"
	"strings"
	"testing"
)

func TestBuiltinModelIsEmbedded(t *testing.T) {
	data, err := fs.ReadFile(FS, BuiltinModel)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) < 20 || string(data[:4]) != "glTF" || binary.LittleEndian.Uint32(data[4:]) != 2 {
		t.Fatalf("%s is not a glTF 2.0 binary", BuiltinModel)
	}
	if n := binary.LittleEndian.Uint32(data[8:]); int(n) != len(data) {
		t.Fatalf("header says %d bytes, embedded file has %d", n, len(data))
	}
	onDisk, err := os.ReadFile(BuiltinModel)
	if err != nil {
		t.Fatal(err)
	}
	if string(onDisk) != string(data) {
		t.Fatal("embedded model differs from builtin/upper_limb.glb")
	}
	jl := binary.LittleEndian.Uint32(data[12:])
	var doc struct {
		Asset struct {
			Extras struct {
				Schematic bool `json:"schematic"`
			} `json:"extras"`
		} `json:"asset"`
		Nodes []struct {
			Name string `json:"name"`
		} `json:"nodes"`
	}
	if err := json.Unmarshal(data[20:20+jl], &doc); err != nil {
		t.Fatal(err)
	}
	if !doc.Asset.Extras.Schematic || len(doc.Nodes) < 40 {
		t.Errorf("schematic=%v with %d nodes; want the labelled schematic limb", doc.Asset.Extras.Schematic, len(doc.Nodes))
	}
}

func TestSourcesAreEmbedded(t *testing.T) {
	data, err := fs.ReadFile(FS, Sources)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Terminologia Anatomica", "Foundational Model of Anatomy", "Iannotti", "Buryanov"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("SOURCES.md does not cite %s", want)
		}
	}
}
