package sandbox

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"onboard/sandbox/engine"
	"onboard/sandbox/params"
)

// tokenJSON is a bank-account token as /v1/tokens returns it.
type tokenJSON struct {
	ID          string   `json:"id"`
	Object      string   `json:"object"`
	BankAccount bankJSON `json:"bank_account"`
	ClientIP    *string  `json:"client_ip"`
	Created     int64    `json:"created"`
	Livemode    bool     `json:"livemode"`
	Type        string   `json:"type"`
	Used        bool     `json:"used"`
}

// storedToken is what the tokens table keeps: the public facts and the
// verification outcome, never the account number.
type storedToken struct {
	Bank    engine.Bank `json:"bank"`
	Created int64       `json:"created"`
	// Type is account, person or pii for identity tokens ("" = bank).
	Type     string `json:"type,omitempty"`
	ClientIP string `json:"client_ip,omitempty"`
}

// createToken serves POST /v1/tokens for bank accounts, and for account,
// person and PII details (identityToken).
func createToken(r *request) (any, error) {
	p := r.params
	for _, kind := range []string{"account", "person", "pii"} {
		if p.Get(kind).Present() {
			return identityToken(r, kind)
		}
	}
	ba := p.Get("bank_account")
	p.Get("expand").MarkAll()
	if !ba.Present() {
		if e := p.Unknown(); e != nil {
			return nil, e
		}
		return nil, invalid("", "", "You must supply a bank account, account, person or pii to create a token (the sandbox does not tokenize cards).")
	}
	in, e := readBank(ba, "US")
	if e != nil {
		return nil, e
	}
	if e := p.Unknown(); e != nil {
		return nil, e
	}
	b, out := toBankFacts(r.sb.fpKey, in)
	st := storedToken{Bank: b, Created: r.now.Unix()}
	id := newID("btok_", 24)
	_, err := r.tx.ExecContext(r.ctx,
		`INSERT INTO tokens (id, created, outcome, data) VALUES (?, ?, ?, ?)`,
		id, st.Created, out.Code, string(mustJSON(st)))
	if err != nil {
		return nil, fmt.Errorf("store token: %w", err)
	}
	return renderToken(id, st, false), nil
}

func renderToken(id string, st storedToken, used bool) any {
	if st.Type != "" {
		return identityTokenJSON{ID: id, Object: "token", ClientIP: nullable(st.ClientIP), Created: st.Created, Type: st.Type, Used: used}
	}
	return tokenJSON{
		ID: id, Object: "token", BankAccount: renderBank(&st.Bank, "", engine.FieldPending),
		Created: st.Created, Type: "bank_account", Used: used,
	}
}

// retrieveToken serves GET /v1/tokens/{id}.
func retrieveToken(r *request) (any, error) {
	r.params.Get("expand").MarkAll()
	if e := r.params.Unknown(); e != nil {
		return nil, e
	}
	st, used, _, err := loadToken(r, r.pathID, "id")
	if err != nil {
		return nil, err
	}
	return renderToken(r.pathID, st, used), nil
}

func loadToken(r *request, id, param string) (storedToken, bool, engine.Outcome, error) {
	var data, code string
	var used bool
	err := r.tx.QueryRowContext(r.ctx, `SELECT data, used, outcome FROM tokens WHERE id = ?`, id).Scan(&data, &used, &code)
	if errors.Is(err, sql.ErrNoRows) {
		return storedToken{}, false, engine.Outcome{}, errNoSuch("token", id, param)
	}
	if err != nil {
		return storedToken{}, false, engine.Outcome{}, fmt.Errorf("load token: %w", err)
	}
	var st storedToken
	if err := json.Unmarshal([]byte(data), &st); err != nil {
		return st, false, engine.Outcome{}, fmt.Errorf("decode token: %w", err)
	}
	return st, used, engine.Outcome{Code: code}, nil
}

// useToken resolves a bank token for external_account and marks it used:
// a token is single-use, as on Stripe. Magic test tokens never run out.
func useToken(r *request, id, param string) (engine.Bank, engine.Outcome, error) {
	if b, out, ok := magicBankToken(r.sb.fpKey, id); ok {
		return b, out, nil
	}
	st, used, out, err := loadToken(r, id, param)
	if err != nil {
		var ae *apiError
		if errors.As(err, &ae) {
			ae.Status = 400 // a bad reference in the body is a 400, not a 404
		}
		return engine.Bank{}, engine.Outcome{}, err
	}
	if used {
		return engine.Bank{}, engine.Outcome{}, invalid("token_already_used", param,
			"You cannot use a Stripe token more than once: %s.", id)
	}
	if st.Type != "" {
		return engine.Bank{}, engine.Outcome{}, invalid("", param, "%s is a token for %s details, not a bank account.", id, st.Type)
	}
	if _, err := r.tx.ExecContext(r.ctx, `UPDATE tokens SET used = 1 WHERE id = ?`, id); err != nil {
		return engine.Bank{}, engine.Outcome{}, fmt.Errorf("use token: %w", err)
	}
	// Each attachment is its own bank account object.
	st.Bank.ID = newID("ba_", 24)
	return st.Bank, out, nil
}

// externalAccount handles external_account in its three forms: a token
// string (btok_..., with stripe-go's duplicate external_account[token]),
// or the inline bank-account hash. It replaces the default bank account.
func (ap *applier) externalAccount(p *params.Param) error {
	n := p.Get("external_account")
	legacy := false
	if !n.Present() && ap.creating && p.Kids["bank_account"] != nil {
		// POST /v1/accounts also takes the bank account as bank_account
		// (Stripe's spec), a token or the hash without its object.
		n, legacy = p.Get("bank_account"), true
	}
	if !n.Present() {
		return nil
	}
	var b engine.Bank
	var out engine.Outcome
	tok, hasTok := n.Str()
	if t, ok := n.Get("token").Str(); ok {
		if hasTok && t != tok {
			return invalid("", "external_account[token]", "external_account and external_account[token] name different tokens.")
		}
		tok, hasTok = t, true
	}
	switch {
	case hasTok:
		if tok == "" {
			return errEmpty(n.Path)
		}
		var err error
		if b, out, err = useToken(ap.r, tok, "external_account"); err != nil {
			return err
		}
	default:
		if obj, ok := n.Get("object").Str(); obj != "bank_account" && (!legacy || ok) {
			return invalid("", n.Path+"[object]", "Invalid %s[object]: must be bank_account.", n.Path)
		}
		in, e := readBank(n, ap.a.Country)
		if e != nil {
			return e
		}
		b, out = toBankFacts(ap.r.sb.fpKey, in)
	}
	if b.Country != ap.a.Country {
		return invalid("", "external_account", "The bank account's country (%s) must match the account's country (%s).", b.Country, ap.a.Country)
	}
	ap.a.Bank = &b
	// A new bank account starts a new verification.
	delete(ap.a.Fields, "external_account")
	ap.submit("external_account", out)
	return nil
}
