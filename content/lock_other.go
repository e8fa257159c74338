//go:build !unix

package content

// lockDir does nothing where flock is not available (Windows): there, two processes must not
// install into one packs folder at the same time.
func lockDir(dir string) (unlock func(), err error) { return func() {}, nil }
