// Package locale gives Fyne a locale it can parse. Fyne reads the locale while its packages
// initialise, before main runs, and prints an error for the "C" or POSIX locale of minimal
// systems and CI. This package imports only os and its path sorts before golang.org/x/text, which
// Fyne's lang package needs, so Go initialises it first (package initialisation follows import
// path order among packages that are ready). Import it for its side effect from main.
package locale

import "os"

func init() {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		switch os.Getenv(k) {
		case "":
			continue
		case "C", "POSIX", "C.UTF-8", "C.utf8":
			os.Setenv(k, "en_US.UTF-8")
			continue
		}
		return // a real locale: leave it
	}
	if os.Getenv("LANG") == "" {
		os.Setenv("LANG", "en_US.UTF-8")
	}
}
