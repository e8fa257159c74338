package main

import (
	"net/http"
	"net/http/httptest"
	"path"
	"path/filepath"
	"testing"
)

// httptestFileServer serves the files of dir by base name on 127.0.0.1 (any path ending in a
// file's name), with Range support; it returns the server's URL.
func httptestFileServer(t testing.TB, dir string) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.ServeFile(w, r, filepath.Join(dir, path.Base(r.URL.Path)))
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}
