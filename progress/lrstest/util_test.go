package lrstest

import (
	"fmt"
	"strconv"
)

func itoa(v int) string { return strconv.Itoa(v) }

func sprintf(f string, a ...any) string { return fmt.Sprintf(f, a...) }
