// Package ids makes and checks the sandbox's object ids: the engine and
// the Accounts v2 façade must agree on what an id looks like, and the
// façade cannot import the engine.
package ids

import "crypto/rand"

// Alphabet is the characters of the random part of an id.
const Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// MaxLength bounds an id taken from a URL (Stripe's ids are far shorter).
const MaxLength = 255

// New returns prefix followed by n random characters of Alphabet, the
// shape of Stripe object ids (acct_ uses 16, most others 24). Each
// character is drawn uniformly from crypto/rand: bytes of 248 and above
// (the largest multiple of len(Alphabet) that fits a byte) are drawn
// again, the rest taken modulo len(Alphabet).
func New(prefix string, n int) string {
	const limit = 256 - 256%len(Alphabet)
	b := make([]byte, len(prefix)+n, len(prefix)+n+n/2+8)
	copy(b, prefix)
	out := b[len(prefix):]
	raw := b[len(b):cap(b)]
	for i := 0; i < n; {
		if _, err := rand.Read(raw); err != nil {
			panic("sandbox: crypto/rand failed: " + err.Error())
		}
		for _, v := range raw {
			if int(v) < limit && i < n {
				out[i] = Alphabet[int(v)%len(Alphabet)]
				i++
			}
		}
	}
	return string(b)
}

// Valid reports whether s has the shape of an object id: letters, digits
// and underscores. Anything else (a space, %, NUL, ?, /) cannot name an
// object, so it is answered as "no such object" before it is used in a
// path or a query.
func Valid(s string) bool {
	if s == "" || len(s) > MaxLength {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') && (c < '0' || c > '9') && c != '_' {
			return false
		}
	}
	return true
}
