package sandbox

import (
	"onboard/sandbox/engine"

	"onboard/sandbox/params"
)

// External accounts beyond the default one live in engine.Account.Banks; the
// default (the one requirements look at) is engine.Account.Bank.

// renderAnyBank renders a bank of the account: the default with its
// verification status, the others as verified.
func renderAnyBank(a *engine.Account, b *engine.Bank, isDefault bool, st engine.FieldStatus) bankJSON {
	if !isDefault {
		st = engine.FieldDone
	}
	out := renderBank(b, a.ID, st)
	def := isDefault
	out.DefaultForCurrency = &def
	if b.Metadata != nil {
		out.Metadata = b.Metadata
	}
	return out
}

// findBank returns the bank with id and whether it is the default.
func findBank(a *engine.Account, id string) (*engine.Bank, bool) {
	if a.Bank != nil && a.Bank.ID == id {
		return a.Bank, true
	}
	for i := range a.Banks {
		if a.Banks[i].ID == id {
			return &a.Banks[i], false
		}
	}
	return nil, false
}

// makeDefault swaps b in as the default bank, keeping the old one.
func makeDefault(ap *applier, b engine.Bank, out engine.Outcome) {
	a := ap.a
	a.Banks = deleteBank(a.Banks, b.ID)
	if a.Bank != nil {
		a.Banks = append(a.Banks, *a.Bank)
	}
	a.Bank = &b
	delete(a.Fields, "external_account")
	ap.submit("external_account", out)
}

func deleteBank(bs []engine.Bank, id string) []engine.Bank {
	out := bs[:0]
	for _, b := range bs {
		if b.ID != id {
			out = append(out, b)
		}
	}
	return out
}

// createExternalAccount serves POST /v1/accounts/{id}/external_accounts.
func createExternalAccount(r *request) (any, error) {
	var created engine.Bank
	var isDefault bool
	a, err := mutateIn(r, r.pathID, func(r *request, a *engine.Account) error {
		p := r.params
		ap := &applier{r: r, a: a}
		b, out, err := ap.readExternal(p.Get("external_account"))
		if err != nil {
			return err
		}
		def, _, e := p.Get("default_for_currency").Boolean()
		if e != nil {
			return e
		}
		b.Metadata = map[string]string{}
		if err := readMetadata(p.Get("metadata"), b.Metadata); err != nil {
			return err
		}
		p.Get("documents").MarkAll()
		p.Get("expand").MarkAll()
		if e := p.Unknown(); e != nil {
			return e
		}
		isDefault = def || a.Bank == nil
		if isDefault {
			makeDefault(ap, b, out)
		} else {
			a.Banks = append(a.Banks, b)
		}
		created = b
		return nil
	})
	if err != nil {
		return nil, err
	}
	obj := renderAnyBank(a, &created, isDefault, engine.Status(a, "external_account", r.now))
	return obj, recordEvent(r, a.ID, "account.external_account.created", mustJSON(obj), nil, true)
}

// readExternal reads external_account as a token or the bank hash.
func (ap *applier) readExternal(n *params.Param) (engine.Bank, engine.Outcome, error) {
	if !n.Present() {
		return engine.Bank{}, engine.Outcome{}, errMissingParam("external_account")
	}
	tok, hasTok := n.Str()
	if t, ok := n.Get("token").Str(); ok {
		tok, hasTok = t, true
	}
	if hasTok {
		if tok == "" {
			return engine.Bank{}, engine.Outcome{}, errEmpty(n.Path)
		}
		b, out, err := useToken(ap.r, tok, "external_account")
		if err == nil && b.Country != ap.a.Country {
			err = invalid("", "external_account", "The bank account's country (%s) must match the account's country (%s).", b.Country, ap.a.Country)
		}
		return b, out, err
	}
	if obj, _ := n.Get("object").Str(); obj != "bank_account" {
		return engine.Bank{}, engine.Outcome{}, invalid("", "external_account[object]", "Invalid external_account[object]: must be bank_account.")
	}
	n.Get("default_for_currency").MarkAll()
	n.Get("metadata").MarkAll()
	in, e := readBank(n, ap.a.Country)
	if e != nil {
		return engine.Bank{}, engine.Outcome{}, e
	}
	b, out := toBankFacts(ap.r.sb.fpKey, in)
	if b.Country != ap.a.Country {
		return b, out, invalid("", "external_account", "The bank account's country (%s) must match the account's country (%s).", b.Country, ap.a.Country)
	}
	return b, out, nil
}

// listExternalAccounts serves GET /v1/accounts/{id}/external_accounts.
func listExternalAccounts(r *request) (any, error) {
	if _, _, e := r.params.Get("object").NonEmpty(); e != nil {
		return nil, e
	}
	a, _, err := mustAccount(r, r.pathID, "account")
	if err != nil {
		return nil, err
	}
	var ids []string
	var items []any
	if a.Bank != nil {
		ids = append(ids, a.Bank.ID)
		items = append(items, renderAnyBank(a, a.Bank, true, engine.Status(a, "external_account", r.now)))
	}
	for i := len(a.Banks) - 1; i >= 0; i-- {
		ids = append(ids, a.Banks[i].ID)
		items = append(items, renderAnyBank(a, &a.Banks[i], false, engine.FieldDone))
	}
	return pageSlice(r, ids, items, "/v1/accounts/"+a.ID+"/external_accounts", "external account")
}

// retrieveExternalAccount serves GET .../external_accounts/{ba}.
func retrieveExternalAccount(r *request) (any, error) {
	r.params.Get("expand").MarkAll()
	if e := r.params.Unknown(); e != nil {
		return nil, e
	}
	a, _, err := mustAccount(r, r.pathID, "account")
	if err != nil {
		return nil, err
	}
	b, def := findBank(a, r.subID)
	if b == nil {
		return nil, errNoSuch("external account", r.subID, "id")
	}
	return renderAnyBank(a, b, def, engine.Status(a, "external_account", r.now)), nil
}

// updateExternalAccount serves POST .../external_accounts/{ba}:
// default_for_currency, holder name and metadata.
func updateExternalAccount(r *request) (any, error) {
	var before []byte
	var id = r.subID
	a, err := mutateIn(r, r.pathID, func(r *request, a *engine.Account) error {
		b, def := findBank(a, id)
		if b == nil {
			return errNoSuch("external account", id, "id")
		}
		before = mustJSON(renderAnyBank(a, b, def, engine.Status(a, "external_account", r.now)))
		p := r.params
		if err := (&applier{r: r, a: a}).setField(p.Get("account_holder_name"), &b.HolderName, "", nil); err != nil {
			return err
		}
		if b.Metadata == nil {
			b.Metadata = map[string]string{}
		}
		if err := readMetadata(p.Get("metadata"), b.Metadata); err != nil {
			return err
		}
		v, ok, e := p.Get("default_for_currency").Boolean()
		if e != nil {
			return e
		}
		p.Get("expand").MarkAll()
		if e := p.Unknown(); e != nil {
			return e
		}
		if ok && v && !def {
			// The verification of the promoted account starts afresh [G].
			makeDefault(&applier{r: r, a: a}, *b, engine.Outcome{})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	b, def := findBank(a, id)
	obj := renderAnyBank(a, b, def, engine.Status(a, "external_account", r.now))
	return obj, recordEvent(r, a.ID, "account.external_account.updated", mustJSON(obj), before, true)
}

// deleteExternalAccount serves DELETE .../external_accounts/{ba}; the
// default cannot be deleted while it is the only one, as on Stripe.
func deleteExternalAccount(r *request) (any, error) {
	if e := r.params.Unknown(); e != nil {
		return nil, e
	}
	var before []byte
	a, err := mutateIn(r, r.pathID, func(r *request, a *engine.Account) error {
		b, def := findBank(a, r.subID)
		if b == nil {
			return errNoSuch("external account", r.subID, "id")
		}
		before = mustJSON(renderAnyBank(a, b, def, engine.Status(a, "external_account", r.now)))
		if def {
			return invalid("", "", "You cannot delete the default external account for your default currency. Please make another external account the default using the `default_for_currency` param, and then delete this one.")
		}
		a.Banks = deleteBank(a.Banks, r.subID)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := recordEvent(r, a.ID, "account.external_account.deleted", before, nil, true); err != nil {
		return nil, err
	}
	return map[string]any{"id": r.subID, "object": "bank_account", "deleted": true}, nil
}
