package sandbox

import (
	"crypto/hmac"
	"crypto/sha256"

	"onboard/sandbox/ids"
)

// newID is the ids package's New, under the short name the handlers use
// everywhere.
var newID = ids.New

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
		out[i] = ids.Alphabet[int(sum[i])%len(ids.Alphabet)]
	}
	return string(out)
}
