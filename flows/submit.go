package flows

import (
	"context"
	"net"
	"strings"
	"time"

	"onboard/schema"
)

// Result is what a submit did: the account as Stripe returned it, and the
// paths that were sent but are still due (so the caller reports them
// instead of asking again).
type Result struct {
	Account  schema.Account
	StillDue []StillDue
	// Pending lists submitted paths Stripe is now verifying.
	Pending []string
	// Link is an account link URL, created when the step held
	// requirements only Stripe-hosted onboarding can satisfy.
	Link string
}

// StillDue is a submitted path Stripe still asks for, and why if it said.
type StillDue struct {
	Path   string
	Reason string
}

// Submit validates values for the step's fields, encodes them, and sends
// them through the API the account speaks (after one token request when a
// bank account is among them). The update's response is the new snapshot:
// no extra GET. Values are keyed by field key; a field with no value is
// left out, unless it is required, which is an *InputError sent before any
// request. The idempotency key is StepKey's of the values as sent:
// sending the same values for the same step again can never apply twice.
// Drivers use a Journey, which also keeps the clock of a key, so a resend
// carries the same parameters.
func (c *Client) Submit(ctx context.Context, a schema.Account, st Step, values map[string]string) (Result, error) {
	return c.send(ctx, a, st, values, c.keyFor(a, st, values), c.now())
}

// send is Submit with its key and clock given: now dates a terms
// acceptance, and must be the same on every send under one key (Stripe
// refuses a key reused with other parameters).
func (c *Client) send(ctx context.Context, a schema.Account, st Step, values map[string]string, key string, now time.Time) (Result, error) {
	if err := c.confirmChange(ctx, a.ID, a.Country); err != nil {
		return Result{}, err
	}
	sctx := c.Context(a)
	sctx.Now = now
	if ip := strings.TrimSpace(values["tos_acceptance.ip"]); net.ParseIP(ip) != nil {
		// The operator recorded where the account holder accepted.
		sctx.IP = ip
	}
	var params []schema.Param
	bad := map[string]string{}
	token := strings.TrimSpace(values["external_account"])
	linkOnly := true
	for _, f := range st.Fields {
		if f.Kind == schema.KindLink {
			continue // answered through an account link, never a parameter
		}
		linkOnly = false
		if token != "" && strings.HasPrefix(f.Key, "external_account.") {
			continue // a ready-made token replaces the bank fields
		}
		ps, err := f.Encode(values[f.Key], sctx)
		if err != nil {
			bad[f.Key] = err.Error()
			continue
		}
		params = append(params, ps...)
	}
	if len(bad) > 0 {
		return Result{}, &InputError{Fields: bad}
	}
	if linkOnly && len(st.Fields) > 0 {
		url, err := c.AccountLink(ctx, a)
		if err != nil {
			return Result{}, err
		}
		return Result{Account: a, Link: url, StillDue: stillDue(st.Paths, a)}, nil
	}
	var files, bank, persons, account []schema.Param
	for _, p := range params {
		switch p.Target {
		case schema.TargetFile:
			files = append(files, p)
		case schema.TargetBankToken:
			bank = append(bank, p)
		case schema.TargetPerson:
			persons = append(persons, p)
		default:
			account = append(account, p)
		}
	}
	account, persons = routeIndividual(a, account, persons)
	if len(files) > 0 {
		resolved, err := c.resolveFiles(ctx, a, files, key)
		if err != nil {
			return Result{}, err
		}
		var acct, pers []schema.Param
		for _, p := range resolved {
			if p.Target == schema.TargetPerson {
				pers = append(pers, p)
			} else {
				acct = append(acct, p)
			}
		}
		acct, pers = routeIndividual(a, acct, pers)
		account, persons = append(account, acct...), append(persons, pers...)
	}
	if len(bank) > 0 {
		tok, err := c.bankToken(ctx, a, bank, key+"-token")
		if err != nil {
			return Result{}, err
		}
		token = tok
	}
	return c.AccountAPI(a).Send(ctx, a, st, account, persons, token, key)
}

// submitV1 sends a step of a v1 account: people through the Persons API,
// then one account update whose response is the new snapshot.
func (c *Client) submitV1(ctx context.Context, a schema.Account, st Step, account, persons []schema.Param, token, key string) (Result, error) {
	if len(persons) > 0 {
		if err := c.sendPersons(ctx, a, persons, key); err != nil {
			return Result{}, err
		}
	}
	if len(account) == 0 && token == "" {
		// Only people changed: read the account back for the new
		// requirements (there is no account update to answer with them).
		next, err := c.reload(ctx, a)
		if err != nil {
			return Result{}, err
		}
		return Result{Account: next, StillDue: stillDue(st.Paths, next), Pending: pendingOf(st.Paths, next)}, nil
	}
	up := account
	if token != "" {
		up = append(up[:len(up):len(up)], schema.Param{Key: "external_account", Value: token})
	}
	updated, replayed, err := c.api.UpdateAccount(ctx, a.ID, up, key)
	if err != nil {
		return Result{}, FromStripe(err, a.Country)
	}
	if replayed {
		// Stripe answered this key before (the same values sent again,
		// maybe by an earlier run): its answer is the account as it was
		// then, so read it as it is now.
		next, err := c.reload(ctx, a)
		if err != nil {
			return Result{}, err
		}
		return Result{Account: next, StillDue: stillDue(st.Paths, next), Pending: pendingOf(st.Paths, next)}, nil
	}
	next := c.normalize(updated)
	next.Persons = a.Persons // an account update leaves the people as they were
	if len(persons) > 0 {
		if err := c.loadPersons(ctx, &next); err != nil {
			return Result{}, err
		}
	}
	return Result{Account: next, StillDue: stillDue(st.Paths, next), Pending: pendingOf(st.Paths, next)}, nil
}

// bankToken creates a bank-account token from the bank fields' parameters.
// Under the step's key a resend gets the same token back, so the account
// update that follows carries the same parameters as the first time.
func (c *Client) bankToken(ctx context.Context, a schema.Account, ps []schema.Param, key string) (string, error) {
	var tp []schema.Param
	seen := map[string]bool{}
	for _, p := range ps {
		if seen[p.Key] {
			continue
		}
		seen[p.Key] = true
		tp = append(tp, schema.Param{Key: p.Key, Value: p.Value})
	}
	if !seen["bank_account[account_holder_type]"] {
		holder := "individual"
		if a.BusinessType != "" && a.BusinessType != "individual" {
			holder = "company"
		}
		tp = append(tp, schema.Param{Key: "bank_account[account_holder_type]", Value: holder})
	}
	tok, err := c.api.CreateToken(ctx, tp, key)
	if err != nil {
		return "", FromStripe(err, a.Country)
	}
	return tok, nil
}

// stillDue lists the submitted paths that are still due (not merely
// pending verification) on the new snapshot.
func stillDue(paths []string, a schema.Account) []StillDue {
	reasons := map[string]string{}
	for _, e := range a.Requirements.Errors {
		reasons[e.Requirement] = e.Code
	}
	var out []StillDue
	for _, p := range paths {
		due := contains(a.Requirements.CurrentlyDue, p) || contains(a.Requirements.PastDue, p)
		if due && (!contains(a.Requirements.PendingVerification, p) || reasons[p] != "") {
			out = append(out, StillDue{Path: p, Reason: reasons[p]})
		}
	}
	return out
}

func pendingOf(paths []string, a schema.Account) []string {
	var out []string
	for _, p := range paths {
		if contains(a.Requirements.PendingVerification, p) {
			out = append(out, p)
		}
	}
	return out
}

// AccountLink creates a single-use link to Stripe-hosted onboarding for
// what the API cannot collect (risk reviews, proof of liveness): an
// account_onboarding link before the details were first submitted, an
// account_update link after.
func (c *Client) AccountLink(ctx context.Context, a schema.Account) (string, error) {
	typ := "account_onboarding"
	if a.DetailsSubmitted && !a.StripeCollects {
		// Stripe offers account_update links only for accounts whose
		// requirements the platform collects
		// (https://docs.stripe.com/api/account_links/create).
		typ = "account_update"
	}
	url, err := c.api.CreateAccountLink(ctx, LinkRequest{Account: a.ID, Type: typ, Collect: "currently_due",
		RefreshURL: c.refreshURL, ReturnURL: c.returnURL})
	if err != nil {
		return "", FromStripe(err, a.Country)
	}
	return url, nil
}

// personOnlyLeaves are leaves of an individual that the account update
// does not take (they are not in the account's individual hash); they go
// to the Persons API on the individual's own person
// (https://docs.stripe.com/api/persons/update).
var personOnlyLeaves = []string{"individual[nationality]", "individual[documents]", "individual[additional_tos_acceptances]"}

// routeIndividual moves those leaves from the account update to a person
// update of the individual, once Stripe has given the individual an id.
func routeIndividual(a schema.Account, account, persons []schema.Param) ([]schema.Param, []schema.Param) {
	if a.IndividualID == "" {
		return account, persons
	}
	var keep []schema.Param
	for _, p := range account {
		moved := false
		for _, leaf := range personOnlyLeaves {
			if strings.HasPrefix(p.Key, leaf) {
				rest := strings.TrimPrefix(p.Key, "individual[")
				i := strings.IndexByte(rest, ']')
				p.Key = rest[:i] + rest[i+1:]
				p.Target, p.Person = schema.TargetPerson, a.IndividualID
				persons = append(persons, p)
				moved = true
				break
			}
		}
		if !moved {
			keep = append(keep, p)
		}
	}
	return keep, persons
}
