package flows

import (
	"context"
	"fmt"
	"strings"

	"onboard/schema"
)

// createV2 creates an Accounts v2 account with the configurations its
// capabilities need, collected by the platform (no Stripe dashboard; the
// platform collects fees and is liable for losses).
func (c *Client) createV2(ctx context.Context, n NewAccount) (schema.Account, error) {
	if c.v2 == nil {
		return schema.Account{}, fmt.Errorf("accounts v2 is not configured")
	}
	key := n.createKey("create-v2")
	raw, err := c.v2.CreateAccount(ctx, v2CreateBody(n), key)
	if err != nil && answerLost(ctx, err) {
		// As for v1 (Client.Create): the same create, replayed.
		raw, err = c.v2.CreateAccount(ctx, v2CreateBody(n), key)
	}
	if err != nil {
		return schema.Account{}, c.createFailed(ctx, FromStripe(err, n.Country))
	}
	a, err := NormalizeV2(raw)
	if err == nil {
		c.chosen.set(a.ID, v2Accounts{c})
	}
	return a, err
}

// submitV2 sends a step of a v2 account: the account's fields as one JSON
// update (the response is the new snapshot), people through the v2
// Persons API, and a bank account through the v1 external accounts
// endpoint, which v2 accounts share.
func (c *Client) submitV2(ctx context.Context, a schema.Account, st Step, account, persons []schema.Param, token, key string) (Result, error) {
	if token != "" {
		if err := c.api.AttachBankAccount(ctx, a.ID, token, key+"-bank"); err != nil {
			return Result{}, FromStripe(err, a.Country)
		}
	}
	body := schema.ToV2(append(append([]schema.Param{}, account...), persons...), a.Country)
	for prefix, pb := range body.Persons {
		if err := c.sendPersonV2(ctx, a, prefix, pb, key); err != nil {
			return Result{}, err
		}
	}
	var next schema.Account
	var err error
	if len(body.Account) > 0 {
		raw, uerr := c.v2.UpdateAccount(ctx, a.ID, body.Account, key)
		if uerr != nil {
			return Result{}, FromStripeV2(uerr, a.Country)
		}
		if next, err = NormalizeV2(raw); err == nil {
			next.Persons = a.Persons
			if len(body.Persons) > 0 {
				err = c.loadPersonsV2(ctx, &next)
			}
		}
	} else {
		next, err = c.reload(ctx, a)
	}
	if err != nil {
		return Result{}, err
	}
	return Result{Account: next, StillDue: stillDue(st.Paths, next), Pending: pendingOf(st.Paths, next)}, nil
}

// sendPersonV2 updates the person a prefix names, or adds them with the
// role when none holds it yet.
func (c *Client) sendPersonV2(ctx context.Context, a schema.Account, prefix string, body map[string]any, key string) error {
	ref, _, ok := schema.ParsePersonPath(prefix + ".x")
	if !ok {
		return fmt.Errorf("no person %q", prefix)
	}
	idem := key + "-" + strings.ReplaceAll(prefix, ".", "-")
	if p, found := a.PersonFor(ref); found {
		if _, err := c.v2.UpdatePerson(ctx, a.ID, p.ID, body, idem); err != nil {
			return FromStripeV2(err, a.Country)
		}
		return nil
	}
	if ref.Role == "" {
		return fmt.Errorf("person %s does not exist on %s", prefix, a.ID)
	}
	rel, _ := body["relationship"].(map[string]any)
	if rel == nil {
		rel = map[string]any{}
		body["relationship"] = rel
	}
	rel[ref.Role] = true
	if _, err := c.v2.CreatePerson(ctx, a.ID, body, idem); err != nil {
		return FromStripeV2(err, a.Country)
	}
	return nil
}

// FromStripeV2 is FromStripe for v2 errors: their param (when given) is a
// v2 path, mapped back to the v1 field that produced it.
func FromStripeV2(err error, country string) error {
	e := FromStripe(err, country)
	if ae, ok := e.(*APIError); ok && ae.Param != "" && strings.Contains(ae.Param, ".") && !strings.Contains(ae.Param, "[") {
		ae.Field = schema.Lookup(schema.V1Path(ae.Param), country).Key
	}
	return e
}
