package flows

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"onboard/schema"
)

// StepKey is the idempotency key of sending values for one step of an
// account: the same for the same account, step and values, whatever the
// attempt or the time, so a request retried after a lost response, or a
// step sent again with the same answers, cannot apply twice (one person,
// one bank account); different as soon as one value changes. The values
// are hashed: the key never carries them. Requests that one step makes
// after the first (each person, the bank token, each file) add a suffix.
func StepKey(acct string, st Step, values map[string]string) string {
	h := sha256.New()
	keys := make([]string, 0, len(st.Fields)+2)
	for _, f := range st.Fields {
		keys = append(keys, f.Key)
	}
	// Values that change what is sent without being fields of the step: a
	// ready-made bank token, and where the terms were accepted.
	keys = append(keys, "external_account", "tos_acceptance.ip")
	slices.Sort(keys)
	keys = slices.Compact(keys)
	for _, k := range keys {
		if v, ok := values[k]; ok {
			// A hash.Hash never returns an error from Write.
			_, _ = fmt.Fprintf(h, "%s\x00%s\x00", k, strings.TrimSpace(v))
		}
	}
	return fmt.Sprintf("onboard-%s-%s-%s", acct, stepID(st), hex.EncodeToString(h.Sum(nil))[:20])
}

// keyFor is the step key of values as they will be sent: each value is
// first put in the form Encode sends (a national phone number in E.164, a
// date in ISO form), so typing the same thing another way does not make
// a second request that could apply twice.
func (c *Client) keyFor(a schema.Account, st Step, values map[string]string) string {
	sctx := c.Context(a)
	norm := make(map[string]string, len(values))
	for k, v := range values {
		norm[k] = v
	}
	for _, f := range st.Fields {
		if v, ok := values[f.Key]; ok {
			norm[f.Key] = f.Normalize(v, sctx)
		}
	}
	return StepKey(a.ID, st, norm)
}

// stepID names a step within an account: its group, or the person it is
// about (each person is a step of their own).
func stepID(st Step) string {
	if st.Person != nil {
		return "p-" + strings.ReplaceAll(st.Person.Prefix, ".", "-")
	}
	return fmt.Sprintf("g%d", int(st.Group))
}

// NewKey makes an idempotency key for one operation (all its attempts):
// a request without a key of its own gets one, so the request policy may
// retry it.
func NewKey(op string) string {
	return fmt.Sprintf("onboard-%s-%d-%d", op, time.Now().UnixNano(), rand.Int64())
}
