// Package stripeapi is onboard's adapter to Stripe, the one package of
// the app that names stripe-go: the client built for an endpoint (every
// request through flows' request policy), flows.API over stripe-go's v1
// services and flows.V2API over its raw requests, the normalisation of
// Stripe's objects into schema's types, Stripe's errors as flows'
// *APIError, and the webhook receiver. cmd wires it to flows; see
// docs/ARCHITECTURE.md.
package stripeapi

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"

	"github.com/stripe/stripe-go/v82"
	"github.com/stripe/stripe-go/v82/form"

	"onboard/flows"
	"onboard/schema"
)

// Adapter is flows.API over a stripe-go client.
type Adapter struct {
	SC *stripe.Client
	// api is SC's API backend, for Warm.
	api stripe.Backend
}

var _ flows.API = Adapter{}

// CreateAccount creates a connected account that the platform onboards
// through the API: the platform collects requirements, is liable for
// losses and pays fees, and the account has no Stripe dashboard (the
// controller properties of Stripe's API-onboarding guide).
func (s Adapter) CreateAccount(ctx context.Context, n flows.NewAccount, key string) (schema.Account, error) {
	p := &stripe.AccountCreateParams{
		Country: stripe.String(n.Country),
		Controller: &stripe.AccountCreateControllerParams{
			RequirementCollection: stripe.String("application"),
			Fees:                  &stripe.AccountCreateControllerFeesParams{Payer: stripe.String("application")},
			Losses:                &stripe.AccountCreateControllerLossesParams{Payments: stripe.String("application")},
			StripeDashboard:       &stripe.AccountCreateControllerStripeDashboardParams{Type: stripe.String("none")},
		},
	}
	if n.BusinessType != "" {
		p.BusinessType = stripe.String(n.BusinessType)
	}
	for _, cp := range n.Capabilities {
		p.AddExtra("capabilities["+cp+"][requested]", "true")
	}
	if n.Email != "" {
		// v1 takes it too (the account's email).
		p.Email = stripe.String(n.Email)
	}
	if n.Agreement != "" && n.Agreement != "full" {
		p.TOSAcceptance = &stripe.AccountCreateTOSAcceptanceParams{ServiceAgreement: stripe.String(n.Agreement)}
	}
	for k, v := range n.Metadata {
		p.AddMetadata(k, v)
	}
	// One key for every attempt: a retried create cannot make two.
	p.SetIdempotencyKey(key)
	a, err := s.SC.V1Accounts.Create(ctx, p)
	if err != nil {
		return schema.Account{}, wrap("create account", err)
	}
	return Normalize(a), nil
}

// GetAccount retrieves a connected account by id.
func (s Adapter) GetAccount(ctx context.Context, id string) (schema.Account, error) {
	a, err := s.SC.V1Accounts.GetByID(ctx, id, nil)
	if err != nil {
		return schema.Account{}, wrap("retrieve account", err)
	}
	return Normalize(a), nil
}

// UpdateAccount updates a connected account; the response is the new state.
func (s Adapter) UpdateAccount(ctx context.Context, id string, params []schema.Param, key string) (schema.Account, bool, error) {
	up := &stripe.AccountUpdateParams{}
	for _, p := range params {
		up.AddExtra(p.Key, p.Value)
	}
	up.SetIdempotencyKey(key)
	a, err := s.SC.V1Accounts.Update(ctx, id, up)
	if err != nil {
		return schema.Account{}, false, wrap("update account", err)
	}
	return Normalize(a), replayed(a.LastResponse), nil
}

// CreateToken creates a token (bank accounts, for external_account).
func (s Adapter) CreateToken(ctx context.Context, params []schema.Param, key string) (string, error) {
	tp := &stripe.TokenCreateParams{}
	for _, p := range params {
		tp.AddExtra(p.Key, p.Value)
	}
	tp.SetIdempotencyKey(key)
	t, err := s.SC.V1Tokens.Create(ctx, tp)
	if err != nil {
		return "", wrap("create token", err)
	}
	return t.ID, nil
}

// ListPersons lists every person of an account, following pages.
func (s Adapter) ListPersons(ctx context.Context, account string) ([]schema.Person, error) {
	var out []schema.Person
	p := &stripe.PersonListParams{Account: stripe.String(account)}
	p.Limit = stripe.Int64(100)
	for person, err := range s.SC.V1Persons.List(ctx, p) {
		if err != nil {
			return nil, wrap("list persons", err)
		}
		out = append(out, NormalizePerson(person))
	}
	return out, nil
}

// CreatePerson adds a person to an account.
func (s Adapter) CreatePerson(ctx context.Context, account string, params []schema.Param, key string) error {
	cp := &stripe.PersonCreateParams{Account: stripe.String(account)}
	for _, p := range params {
		cp.AddExtra(p.Key, p.Value)
	}
	cp.SetIdempotencyKey(key)
	_, err := s.SC.V1Persons.Create(ctx, cp)
	return wrap("create person", err)
}

// UpdatePerson updates a person of an account.
func (s Adapter) UpdatePerson(ctx context.Context, account, id string, params []schema.Param, key string) error {
	up := &stripe.PersonUpdateParams{Account: stripe.String(account)}
	for _, p := range params {
		up.AddExtra(p.Key, p.Value)
	}
	up.SetIdempotencyKey(key)
	_, err := s.SC.V1Persons.Update(ctx, id, up)
	return wrap("update person", err)
}

// UploadFile sends a file to the Files API.
func (s Adapter) UploadFile(ctx context.Context, u flows.Upload) (string, error) {
	fp := &stripe.FileCreateParams{Purpose: stripe.String(u.Purpose), FileReader: u.Body, Filename: stripe.String(u.Name)}
	if u.Key != "" {
		fp.SetIdempotencyKey(u.Key)
	}
	f, err := s.SC.V1Files.Create(ctx, fp)
	if err != nil {
		return "", wrap("upload file", err)
	}
	return f.ID, nil
}

// CreateAccountLink creates a single-use link to Stripe-hosted onboarding.
func (s Adapter) CreateAccountLink(ctx context.Context, l flows.LinkRequest) (string, error) {
	p := &stripe.AccountLinkCreateParams{
		Account: stripe.String(l.Account), Type: stripe.String(l.Type),
		RefreshURL: stripe.String(l.RefreshURL), ReturnURL: stripe.String(l.ReturnURL),
	}
	if l.Collect != "" {
		p.CollectionOptions = &stripe.AccountLinkCreateCollectionOptionsParams{Fields: stripe.String(l.Collect)}
	}
	link, err := s.SC.V1AccountLinks.Create(ctx, p)
	if err != nil {
		return "", wrap("create account link", err)
	}
	return link.URL, nil
}

// ListAccountsPage reads one page of connected accounts, newest first,
// with has_more. stripe-go's List iterator hides has_more and pages on by
// itself; the parallel lister needs each page, so this makes the same
// call as the iterator does (GET /v1/accounts) one page at a time.
func (s Adapter) ListAccountsPage(ctx context.Context, q flows.AccountsQuery) (flows.AccountsPage, error) {
	p := &stripe.AccountListParams{}
	p.Limit = stripe.Int64(cmp.Or(q.Limit, 100))
	if q.CreatedGTE > 0 || q.CreatedLT > 0 {
		p.CreatedRange = &stripe.RangeQueryParams{GreaterThanOrEqual: q.CreatedGTE, LesserThan: q.CreatedLT}
	}
	if q.StartingAfter != "" {
		p.StartingAfter = stripe.String(q.StartingAfter)
	}
	p.Context = ctx
	body := &form.Values{}
	form.AppendTo(body, p)
	list := &stripe.AccountList{}
	svc := s.SC.V1Accounts
	if err := svc.B.CallRaw(http.MethodGet, "/v1/accounts", svc.Key, []byte(body.Encode()), p.GetParams(), list); err != nil {
		return flows.AccountsPage{}, wrap("list accounts", err)
	}
	page := flows.AccountsPage{HasMore: list.HasMore, Accounts: make([]flows.Summary, 0, len(list.Data))}
	for _, a := range list.Data {
		page.Accounts = append(page.Accounts, Summarize(a))
	}
	return page, nil
}

// GetSummary reads one account as a line of the list.
func (s Adapter) GetSummary(ctx context.Context, id string) (flows.Summary, error) {
	a, err := s.SC.V1Accounts.GetByID(ctx, id, nil)
	if err != nil {
		return flows.Summary{}, wrap("retrieve account", err)
	}
	return Summarize(a), nil
}

// ListEvents calls each for the events of type typ on the connected
// account (Stripe keeps them there, listed with its Stripe-Account
// header, not on the platform). With after, an event id, it walks the
// events newer than it, oldest first; without, the newest first. It stops
// when each returns false.
func (s Adapter) ListEvents(ctx context.Context, account, typ, after string, each func(flows.Event) bool) error {
	p := &stripe.EventListParams{Type: stripe.String(typ)}
	p.SetStripeAccount(account)
	p.Limit = stripe.Int64(100)
	if after != "" {
		// stripe-go pages toward newer events from an ending_before
		// cursor and yields each page oldest first.
		p.EndingBefore = stripe.String(after)
	}
	for e, err := range s.SC.V1Events.List(ctx, p) {
		if err != nil {
			return wrap("list events", err)
		}
		if !each(flows.Event{ID: e.ID, Created: e.Created}) {
			break
		}
	}
	return nil
}

// DeleteAccount deletes a connected account (the explorer's throwaways).
func (s Adapter) DeleteAccount(ctx context.Context, id string) error {
	// Non-nil params make stripe-go send an Idempotency-Key, so the policy
	// may retry the delete.
	_, err := s.SC.V1Accounts.Delete(ctx, id, &stripe.AccountDeleteParams{})
	return wrap("delete account", err)
}

// AttachBankAccount adds a bank account (from a token) to an account as
// its default for the currency.
func (s Adapter) AttachBankAccount(ctx context.Context, account, token, idem string) error {
	p := &stripe.BankAccountCreateParams{Account: stripe.String(account), Token: stripe.String(token),
		DefaultForCurrency: stripe.Bool(true)}
	p.SetIdempotencyKey(idem)
	_, err := s.SC.V1BankAccounts.Create(ctx, p)
	return wrap("attach bank account", err)
}

// DeletePerson removes a person from an account.
func (s Adapter) DeletePerson(ctx context.Context, account, id string) error {
	_, err := s.SC.V1Persons.Delete(ctx, id, &stripe.PersonDeleteParams{Account: stripe.String(account)})
	return wrap("delete person", err)
}

// ListCapabilities lists an account's capabilities with what each waits
// for (its past due, then currently due requirements).
func (s Adapter) ListCapabilities(ctx context.Context, account string) ([]schema.Capability, error) {
	var out []schema.Capability
	for c, err := range s.SC.V1Capabilities.List(ctx, &stripe.CapabilityListParams{Account: stripe.String(account)}) {
		if err != nil {
			return nil, wrap("list capabilities", err)
		}
		if c == nil {
			continue
		}
		cp := schema.Capability{Name: c.ID, Status: string(c.Status)}
		if r := c.Requirements; r != nil {
			cp.Blocking = append(append([]string{}, r.PastDue...), r.CurrentlyDue...)
		}
		out = append(out, cp)
	}
	return out, nil
}

// wrap says which call failed, with a Stripe error as flows' *APIError
// (Stripe's message and code, the param, the HTTP status; the
// *stripe.Error stays reachable with errors.As).
func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", op, asAPIError(err))
}

// asAPIError is err as a *flows.APIError when it is a Stripe error.
// (*stripe.Error).Error() is a JSON dump; the APIError says Stripe's
// message.
func asAPIError(err error) error {
	var se *stripe.Error
	if !errors.As(err, &se) {
		return err
	}
	msg := se.Msg
	if msg == "" {
		msg = fmt.Sprintf("Stripe returned HTTP %d", se.HTTPStatusCode)
	}
	return &flows.APIError{Param: se.Param, Code: string(se.Code), Message: msg, Status: se.HTTPStatusCode, Err: err}
}

// replayed reports a response Stripe replayed for an idempotency key it
// had already answered.
func replayed(r *stripe.APIResponse) bool {
	return r != nil && r.Header.Get("Idempotent-Replayed") == "true"
}

// Endpoint says where Stripe is and how to reach it.
type Endpoint struct {
	Key string
	// APIBase is the API origin (https://api.stripe.com when empty).
	APIBase string
	// FilesBase is where uploads go: Stripe's files host when empty.
	// Stripe serves POST /v1/files only on files.stripe.com; a local
	// simulator given with --api-base serves both on one origin.
	FilesBase string
	// Policy sends every request (NewPolicy over the default transport
	// when nil).
	Policy *flows.Policy
	// Debug receives stripe-go's own warnings and errors (silent when nil:
	// stripe-go's default writes to stderr, under the TUI).
	Debug *log.Logger
	// WarmLater leaves stripe-go's one-time work to the caller
	// (Adapter.Warm), for a program that draws its first frame before its
	// first request: Connect otherwise starts it at once.
	WarmLater bool
}

// sdkLogger sends stripe-go's warnings and errors to a debug log. Its
// messages name requests, never parameter values.
type sdkLogger struct{ l *log.Logger }

func (f sdkLogger) Debugf(string, ...any)          {}
func (f sdkLogger) Infof(string, ...any)           {}
func (f sdkLogger) Warnf(format string, v ...any)  { f.l.Printf("stripe warn: "+format, v...) }
func (f sdkLogger) Errorf(format string, v ...any) { f.l.Printf("stripe error: "+format, v...) }

// Connect builds the v1 API and the v2 caller for e. Every request goes
// through e.Policy, over a client that never follows redirects, with
// stripe-go's own retries off (Policy says why). Uploads get their own
// backend, so they reach the files host and not the API host
// (stripe.NewBackendsWithConfig copies one URL to every backend).
func Connect(e Endpoint) (Adapter, flows.V2API) {
	pol := e.Policy
	if pol == nil {
		pol = flows.NewPolicy(nil, schema.English)
	}
	var logger stripe.LeveledLoggerInterface = &stripe.LeveledLogger{Level: stripe.LevelNull}
	if e.Debug != nil {
		logger = sdkLogger{e.Debug}
	}
	cfg := func(url string) *stripe.BackendConfig {
		c := &stripe.BackendConfig{
			HTTPClient:        flows.NewHTTPClient(pol),
			MaxNetworkRetries: stripe.Int64(0),
			LeveledLogger:     logger,
			EnableTelemetry:   stripe.Bool(false),
		}
		if url != "" {
			c.URL = stripe.String(url)
		}
		return c
	}
	backends := stripe.NewBackendsWithConfig(cfg(e.APIBase))
	backends.Uploads = stripe.GetBackendWithConfig(stripe.UploadsBackend, cfg(e.FilesBase))
	if !e.WarmLater {
		warm(backends.API)
	}
	sc := stripe.NewClient(e.Key, stripe.WithBackends(backends))
	var v2 flows.V2API // nil, not a nil *V2, when the backend cannot send raw requests
	if rb, ok := backends.API.(stripe.RawRequestBackend); ok {
		v2 = NewV2(rb, e.Key)
	}
	return Adapter{SC: sc, api: backends.API}, v2
}

// Warm starts, in the background and once per process, the one-time work
// stripe-go does in the first request of a run (see warm); Connect does it
// unless the Endpoint says WarmLater.
func (s Adapter) Warm() {
	if s.api != nil {
		warm(s.api)
	}
}
