package content

import (
	"bytes"
	"math"
	"strconv"
	"unsafe"
)

// Scanning helpers for the OBJ parser's hot loop: no allocation per field or corner, and a fast
// exact path for plain decimal numbers.

// nextField splits the first space- or tab-separated field off b.
func nextField(b []byte) (field, rest []byte) {
	i := 0
	for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	j := i
	for j < len(b) && b[j] != ' ' && b[j] != '\t' {
		j++
	}
	return b[i:j], b[j:]
}

// float32pow10 are the powers of ten a float32 holds exactly.
var float32pow10 = [...]float32{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10}

// parseFloat32 reads a number as strconv.ParseFloat(s, 32) does and reports whether it is finite.
// A plain decimal ([-+]digits[.digits]) whose digits fit in 24 bits, with at most 10 after the
// point, is one exact integer divided by an exact power of ten: a single correctly rounded
// float32 division gives the correctly rounded result, the same as strconv's. Anything else
// goes to strconv.
func parseFloat32(b []byte) (float32, bool) {
	i, neg := 0, false
	if i < len(b) && (b[i] == '-' || b[i] == '+') {
		neg = b[i] == '-'
		i++
	}
	var mant uint32
	digits, frac, dot := 0, 0, false
	for ; i < len(b); i++ {
		c := b[i]
		switch {
		case c >= '0' && c <= '9':
			mant = mant*10 + uint32(c-'0')
			digits++
			if dot {
				frac++
			}
			if mant >= 1<<24 || frac >= len(float32pow10) {
				return parseFloat32Slow(b)
			}
		case c == '.' && !dot:
			dot = true
		default:
			return parseFloat32Slow(b)
		}
	}
	if digits == 0 {
		return parseFloat32Slow(b)
	}
	f := float32(mant) / float32pow10[frac]
	if neg {
		f = -f
	}
	return f, true
}

func parseFloat32Slow(b []byte) (float32, bool) {
	if len(b) == 0 {
		return 0, false
	}
	f, err := strconv.ParseFloat(unsafe.String(&b[0], len(b)), 32)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, false
	}
	return float32(f), true
}

// parseIndex reads a decimal integer (an OBJ index, possibly negative).
func parseIndex(b []byte) (int, bool) {
	i, neg := 0, false
	if len(b) > 0 && (b[0] == '-' || b[0] == '+') {
		neg = b[0] == '-'
		i++
	}
	if i == len(b) || len(b)-i > 18 {
		return 0, false
	}
	n := 0
	for ; i < len(b); i++ {
		c := b[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// objCounts estimates the statements of an OBJ file, to size its arrays once.
type objCounts struct{ v, vn, f, o, g int }

// countOBJ counts lines by their first word in one pass.
func countOBJ(data []byte) objCounts {
	var c objCounts
	for len(data) > 0 {
		if len(data) > 2 {
			switch string(data[:2]) {
			case "v ":
				c.v++
			case "vn":
				c.vn++
			case "f ":
				c.f++
			case "o ":
				c.o++
			case "g ":
				c.g++
			}
		}
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			break
		}
		data = data[i+1:]
	}
	return c
}
