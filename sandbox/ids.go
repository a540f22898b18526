package sandbox

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"math/big"
)

const idAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// newID returns prefix followed by n random alphanumeric characters, the
// shape of Stripe object ids (acct_ uses 16, most others 24).
func newID(prefix string, n int) string {
	b := make([]byte, n)
	n64 := big.NewInt(int64(len(idAlphabet)))
	for i := range b {
		v, err := rand.Int(rand.Reader, n64)
		if err != nil {
			panic("sandbox: crypto/rand failed: " + err.Error())
		}
		b[i] = idAlphabet[v.Int64()]
	}
	return prefix + string(b)
}

// fingerprint derives a stable identifier from bank details, so two tokens
// for the same account share a fingerprint like on Stripe without the
// account number ever being stored. It is an HMAC under the database's
// own random key (kept beside the database, not in it): an unsalted hash
// of a routing and account number is reversed by trying them all.
func fingerprint(key []byte, parts ...string) string {
	h := hmac.New(sha256.New, key)
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	sum := h.Sum(nil)
	out := make([]byte, 16)
	for i := range out {
		out[i] = idAlphabet[int(sum[i])%len(idAlphabet)]
	}
	return string(out)
}

// maxIDLength bounds an id taken from a URL (Stripe's ids are far shorter).
const maxIDLength = 255

// validID reports whether s has the shape of an object id: letters,
// digits and underscores. Anything else (a space, %, NUL, ?, /) cannot
// name an object, so it is answered as "no such object" before it is
// used in a path or a query.
func validID(s string) bool {
	if s == "" || len(s) > maxIDLength {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}
