package main

import (
	"context"
	"fmt"

	"github.com/osteon/osteon/progress"
)

// openStore opens the progress database at path (empty: $OSTEON_DB, else the data folder) and
// returns the path it used. The app goes on without progress when it cannot be opened; ui says
// why, naming the file.
func openStore(ctx context.Context, path string) (*progress.Store, string, error) {
	if path == "" {
		p, err := progress.DefaultPath()
		if err != nil {
			return nil, "", fmt.Errorf("no folder for your progress: %w", err)
		}
		path = p
	}
	st, err := progress.Open(ctx, path)
	return st, path, err
}
