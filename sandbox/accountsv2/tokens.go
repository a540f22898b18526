package accountsv2

import (
	"maps"
	"sync"
	"time"

	"onboard/sandbox/ids"
)

// Account and person tokens (POST /v2/core/account_tokens and
// /v2/core/accounts/{id}/person_tokens) carry an account's or a person's
// fields to a later create or update (account_token, person_token), which
// takes them as if they had been sent in its own body; fields the body
// sends win. A token is used once, within tokenTTL. Tokens hold id
// numbers, so they live in memory only and do not outlive the process.

// tokenTTL is how long a token can be used. [G] Stripe's v1 tokens last
// minutes; v84 only says the token expires.
const tokenTTL = 10 * time.Minute

type storedToken struct {
	kind    string // account or person
	account string // a person token's account
	body    map[string]any
	created time.Time
	used    bool
}

var (
	tokensMu sync.Mutex
	tokens   = map[string]*storedToken{}
)

// tokenPrefixes are the ids of v2 tokens. [G] the prefixes.
var tokenPrefixes = map[string]string{"account": "accttok_", "person": "perstok_"}

// createToken stores the body as a token of kind, after checking it
// against the fields stripe-go v84 sends for that token.
func (c *call) createToken(kind, account string) (any, error) {
	req := map[string]string{"account": "POST /v2/core/account_tokens", "person": "POST /v2/core/accounts/*/person_tokens"}[kind]
	fields := v84Fields[req]
	for k, v := range c.body {
		if _, ok := fields[k]; !ok {
			return nil, invalidFields(unknownField{k}.Error(), k)
		}
		if err := checkKind(k, fields, v); err != nil {
			return nil, invalidFields(err.Error(), k)
		}
	}
	now := c.tx.Now()
	id := ids.New(tokenPrefixes[kind], 24)
	tokensMu.Lock()
	tokens[id] = &storedToken{kind: kind, account: account, body: c.body, created: now}
	tokensMu.Unlock()
	return map[string]any{
		"id": id, "object": "v2.core." + map[string]string{"account": "account_token", "person": "account_person_token"}[kind],
		"created": now.UTC().Format(time.RFC3339), "expires_at": now.Add(tokenTTL).UTC().Format(time.RFC3339),
		"livemode": false, "used": false,
	}, nil
}

// mergeToken takes the token named by the body's field (account_token,
// person_token) into the body: the token's fields, under the body's own.
// The token must be of kind, for account (person tokens), unused and
// unexpired; it is used up only if the request then succeeds (the caller
// commits with spend).
func (c *call) mergeToken(field, kind, account string) (func(), error) {
	id, _ := c.body[field].(string)
	if _, sent := c.body[field]; !sent {
		return func() {}, nil
	}
	delete(c.body, field)
	tokensMu.Lock()
	t := tokens[id]
	tokensMu.Unlock()
	switch {
	case t == nil || t.kind != kind:
		return nil, invalidFields("No such "+kind+" token: "+id, field)
	case t.used:
		return nil, invalidFields("The "+kind+" token "+id+" was already used.", field)
	case c.tx.Now().After(t.created.Add(tokenTTL)):
		return nil, invalidFields("The "+kind+" token "+id+" has expired.", field)
	case kind == "person" && t.account != account:
		return nil, invalidFields("The person token "+id+" was created for another account.", field)
	}
	merged := deepCopy(t.body)
	mergeInto(merged, c.body)
	c.body = merged
	return func() {
		tokensMu.Lock()
		t.used = true
		tokensMu.Unlock()
	}, nil
}

// mergeInto writes src over dst, hash by hash.
func mergeInto(dst, src map[string]any) {
	for k, v := range src {
		if sm, ok := v.(map[string]any); ok {
			if dm, ok := dst[k].(map[string]any); ok {
				mergeInto(dm, sm)
				continue
			}
		}
		dst[k] = v
	}
}

func deepCopy(m map[string]any) map[string]any {
	out := maps.Clone(m)
	for k, v := range out {
		if sm, ok := v.(map[string]any); ok {
			out[k] = deepCopy(sm)
		}
	}
	return out
}
