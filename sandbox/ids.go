package sandbox

import (
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

// fingerprint derives a stable, non-reversible identifier from bank details,
// so two tokens for the same account share a fingerprint like on Stripe
// without the account number ever being stored.
func fingerprint(parts ...string) string {
	h := sha256.New()
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
