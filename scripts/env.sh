# Sourced by scripts/run and scripts/test: a usable Go on PATH and a locale Fyne understands.
[ -x /usr/local/go/bin/go ] && case ":$PATH:" in *":/usr/local/go/bin:"*) ;; *) PATH="$PATH:/usr/local/go/bin" ;; esac
case "${LANG:-C}" in C | POSIX | C.* ) export LANG=en_US.UTF-8 ;; esac
[ "${LC_ALL:-}" = C ] && unset LC_ALL
export PATH CGO_ENABLED=1
