// Command gen writes Osteon's built-in schematic right upper limb as a
// binary glTF file (assets/builtin/upper_limb.glb). The geometry is lofted
// from profiles with dimensions taken from published adult averages; see
// assets/builtin/SOURCES.md. Run it with `go generate ./assets` or
// `go run ./assets/gen`.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

func main() {
	out := flag.String("o", "", "output file (default: assets/builtin/upper_limb.glb in this module)")
	stats := flag.Bool("stats", false, "print each structure's triangle count instead of writing the file")
	flag.Parse()
	if *stats {
		printStats(os.Stdout)
		return
	}
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(out string) error {
	if out == "" {
		root, err := moduleRoot()
		if err != nil {
			return err
		}
		out = filepath.Join(root, "assets", "builtin", "upper_limb.glb")
	}
	data, err := Generate()
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, data, 0o644); err != nil {
		return fmt.Errorf("gen: write model: %w", err)
	}
	fmt.Printf("wrote %s (%d bytes)\n", out, len(data))
	return nil
}

// Generate builds the model and encodes it. It is deterministic.
func Generate() ([]byte, error) { return EncodeGLB(Build()) }

// moduleRoot walks up from the working directory to the folder with go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("gen: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("gen: go.mod not found above the working directory; pass -o")
		}
		dir = parent
	}
}

// printStats lists every structure with its system, region and size.
func printStats(w io.Writer) {
	total := 0
	for _, s := range Build() {
		fmt.Fprintf(w, "%-40s %-34s %-14s %-8s %6d tris\n", s.Name, s.ID, s.System, s.Region, s.Mesh.Triangles())
		total += s.Mesh.Triangles()
	}
	fmt.Fprintf(w, "total %d triangles\n", total)
}
