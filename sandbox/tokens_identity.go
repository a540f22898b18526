package sandbox

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// identityTokenJSON is an account, person or PII token as /v1/tokens
// returns it: no details, only that it exists and whether it was used.
type identityTokenJSON struct {
	ID       string  `json:"id"`
	Object   string  `json:"object"`
	ClientIP *string `json:"client_ip"`
	Created  int64   `json:"created"`
	Livemode bool    `json:"livemode"`
	Type     string  `json:"type"`
	Used     bool    `json:"used"`
}

// tokenPrefixes are Stripe's id prefixes per identity token kind.
var tokenPrefixes = map[string]string{"account": "ct_", "person": "cpt_", "pii": "pii_"}

// identityToken serves POST /v1/tokens with account[…], person[…] or
// pii[…]: the details are kept in memory (they hold id numbers) and
// applied when the token is given as account_token, person_token or an
// id_number.
func identityToken(r *request, kind string) (any, error) {
	p := r.params
	root := p.Get(kind)
	for _, other := range []string{"account", "person", "pii", "bank_account", "card"} {
		if other != kind && p.Get(other).Present() {
			return nil, invalid("", other, "You may only tokenize one of account, person, pii or bank_account at a time.")
		}
	}
	if _, scalar := root.Str(); scalar && len(root.Kids) == 0 {
		return nil, invalid("", kind, "Invalid %s: must be a hash of %s details.", kind, kind)
	}
	// What a token carries is whatever Stripe's spec documents under
	// account[…], person[…] or pii[…], checked as on any endpoint
	// (package params).
	p.Get("expand").MarkAll()
	if e := p.Unknown(); e != nil {
		return nil, e
	}
	details := url.Values{}
	prefix := kind + "["
	for k, vs := range r.form {
		if strings.HasPrefix(k, prefix) {
			// account[individual][first_name] → individual[first_name]
			rest := strings.TrimPrefix(k, prefix)
			if i := strings.IndexByte(rest, ']'); i >= 0 {
				rest = rest[:i] + rest[i+1:]
			}
			details[rest] = vs
		}
	}
	if kind == "account" {
		if v := details.Get("tos_shown_and_accepted"); v != "" {
			if b, err := strconv.ParseBool(strings.ToLower(v)); err != nil || !b {
				return nil, invalid("", "account[tos_shown_and_accepted]", "tos_shown_and_accepted must be true when given.")
			}
		}
	}
	id := newID(tokenPrefixes[kind], 24)
	st := storedToken{Type: kind, Created: r.now.Unix(), ClientIP: r.remoteIP}
	if _, err := r.tx.ExecContext(r.ctx, `INSERT INTO tokens (id, created, data) VALUES (?, ?, ?)`,
		id, st.Created, string(mustJSON(st))); err != nil {
		return nil, fmt.Errorf("store token: %w", err)
	}
	r.sb.secrets.Store(id, details)
	return renderToken(id, st, false), nil
}

// spendIdentityToken checks that id is an unused token of kind, marks it
// used and returns its details.
func spendIdentityToken(r *request, id, kind, param string) (url.Values, storedToken, error) {
	st, used, _, err := loadToken(r, id, param)
	if err != nil {
		var ae *apiError
		if errors.As(err, &ae) {
			ae.Status = 400
		}
		return nil, st, err
	}
	if st.Type != kind {
		return nil, st, invalid("", param, "%s is not a %s token.", id, kind)
	}
	if used {
		return nil, st, invalid("token_already_used", param, "You cannot use a Stripe token more than once: %s.", id)
	}
	v, ok := r.sb.secrets.Load(id)
	if !ok {
		return nil, st, invalid("", param, "The details of %s are gone: the sandbox keeps token details in memory only, and this process did not create it.", id)
	}
	if _, err := r.tx.ExecContext(r.ctx, `UPDATE tokens SET used = 1 WHERE id = ?`, id); err != nil {
		return nil, st, fmt.Errorf("use token: %w", err)
	}
	return v.(url.Values), st, nil
}

// mergeToken applies a token given in param (account_token on accounts,
// person_token on persons) and PII tokens given as id numbers: the
// request's parameters are rebuilt with the token's details, which the
// request may not also send itself.
func mergeToken(r *request, param, kind string) error {
	form := cloneValues(r.form)
	id, ok, e := r.params.Get(param).NonEmpty()
	if e != nil {
		return e
	}
	changed := false
	if ok {
		details, st, err := spendIdentityToken(r, id, kind, param)
		if err != nil {
			return err
		}
		delete(form, param)
		for k, vs := range details {
			top := k
			if i := strings.IndexByte(k, '['); i > 0 {
				top = k[:i]
			}
			if hasTop(r.form, top) {
				return invalid("", top, "You cannot pass %s together with %s: the token already sets it.", top, param)
			}
			if k == "tos_shown_and_accepted" {
				form.Set("tos_acceptance[date]", strconv.FormatInt(st.Created, 10))
				form.Set("tos_acceptance[ip]", st.ClientIP)
				continue
			}
			form[k] = vs
		}
		changed = true
	}
	for k, vs := range form {
		if (k == "id_number" || strings.HasSuffix(k, "[id_number]")) && len(vs) > 0 && strings.HasPrefix(vs[len(vs)-1], "pii_") {
			details, _, err := spendIdentityToken(r, vs[len(vs)-1], "pii", k)
			if err != nil {
				return err
			}
			form.Set(k, details.Get("id_number"))
			changed = true
		}
	}
	if changed {
		r.form, r.params = form, r.parse(form)
	}
	return nil
}

func hasTop(form url.Values, top string) bool {
	for k := range form {
		if k == top || strings.HasPrefix(k, top+"[") {
			return true
		}
	}
	return false
}

func cloneValues(v url.Values) url.Values {
	out := make(url.Values, len(v))
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}
