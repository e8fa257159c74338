package progress

import (
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
)

// PINs are stored as PBKDF2-HMAC-SHA256 with a random 16-byte salt, in the
// form "pbkdf2-sha256$<iterations>$<salt>$<key>" (unpadded base64), so the
// cost can rise later without invalidating old PINs. 600,000 iterations is
// OWASP's 2023 figure for this hash. The stdlib's crypto/pbkdf2 does the
// work; argon2id or scrypt would resist GPUs better, but a 4–12 digit PIN
// falls to any offline search whatever the hash, so the PIN only keeps
// learners on a shared workstation out of each other's profiles. It does
// not protect the file from someone who can copy it.
const pinIterations = 600_000

// pinCost is the iteration count for new hashes; tests lower it.
var pinCost = pinIterations

const pinScheme = "pbkdf2-sha256"

// checkPIN accepts 4 to 12 ASCII digits.
func checkPIN(pin string) error {
	if len(pin) < 4 || len(pin) > 12 {
		return invalid("a PIN has 4 to 12 digits")
	}
	for _, c := range pin {
		if c < '0' || c > '9' {
			return invalid("a PIN has only digits")
		}
	}
	return nil
}

func hashPIN(pin string) (string, error) {
	if err := checkPIN(pin); err != nil {
		return "", err
	}
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key, err := pbkdf2.Key(sha256.New, pin, salt, pinCost, 32)
	if err != nil {
		return "", err
	}
	enc := base64.RawStdEncoding
	return fmt.Sprintf("%s$%d$%s$%s", pinScheme, pinCost, enc.EncodeToString(salt), enc.EncodeToString(key)), nil
}

// pinMatches reports whether pin hashes to encoded, in constant time.
func pinMatches(encoded, pin string) (bool, error) {
	parts := strings.Split(encoded, "$")
	if len(parts) != 4 || parts[0] != pinScheme {
		return false, fmt.Errorf("progress: stored PIN has an unknown format")
	}
	iter, err := strconv.Atoi(parts[1])
	if err != nil || iter < 1 || iter > 100_000_000 {
		return false, fmt.Errorf("progress: stored PIN has a bad iteration count")
	}
	enc := base64.RawStdEncoding
	salt, err1 := enc.DecodeString(parts[2])
	want, err2 := enc.DecodeString(parts[3])
	if err1 != nil || err2 != nil || len(want) == 0 {
		return false, fmt.Errorf("progress: stored PIN is not valid base64")
	}
	got, err := pbkdf2.Key(sha256.New, pin, salt, iter, len(want))
	if err != nil {
		return false, err
	}
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}
