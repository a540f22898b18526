// Package stripeapi is onboard's adapter to Stripe over stripe-go: the
// client built for an endpoint (every request through flows' request
// policy), flows.API over stripe-go's services, and the webhook receiver.
// cmd wires it to flows; see docs/ARCHITECTURE.md.
package stripeapi

import (
	"cmp"
	"context"
	"fmt"
	"log"
	"net/http"

	"github.com/stripe/stripe-go/v82"
	"github.com/stripe/stripe-go/v82/form"

	"onboard/flows"
	"onboard/schema"
)

// Adapter is flows.API over a stripe-go client.
type Adapter struct{ SC *stripe.Client }

var _ flows.API = Adapter{}

// CreateAccount creates a connected account.
func (s Adapter) CreateAccount(ctx context.Context, p *stripe.AccountCreateParams) (*stripe.Account, error) {
	if p.IdempotencyKey == nil {
		// One key for every attempt: a retried create cannot make two.
		p.SetIdempotencyKey(flows.NewKey("create"))
	}
	a, err := s.SC.V1Accounts.Create(ctx, p)
	return a, wrap("create account", err)
}

// GetAccount retrieves a connected account by id.
func (s Adapter) GetAccount(ctx context.Context, id string) (*stripe.Account, error) {
	a, err := s.SC.V1Accounts.GetByID(ctx, id, nil)
	return a, wrap("retrieve account", err)
}

// UpdateAccount updates a connected account; the response is the new state.
func (s Adapter) UpdateAccount(ctx context.Context, id string, p *stripe.AccountUpdateParams) (*stripe.Account, error) {
	if p.IdempotencyKey == nil {
		p.SetIdempotencyKey(flows.NewKey("update"))
	}
	a, err := s.SC.V1Accounts.Update(ctx, id, p)
	return a, wrap("update account", err)
}

// CreateToken creates a token (bank accounts, for external_account).
func (s Adapter) CreateToken(ctx context.Context, p *stripe.TokenCreateParams) (*stripe.Token, error) {
	if p.IdempotencyKey == nil {
		p.SetIdempotencyKey(flows.NewKey("token"))
	}
	t, err := s.SC.V1Tokens.Create(ctx, p)
	return t, wrap("create token", err)
}

// ListPersons lists every person of an account, following pages.
func (s Adapter) ListPersons(ctx context.Context, account string) ([]*stripe.Person, error) {
	var out []*stripe.Person
	p := &stripe.PersonListParams{Account: stripe.String(account)}
	p.Limit = stripe.Int64(100)
	for person, err := range s.SC.V1Persons.List(ctx, p) {
		if err != nil {
			return nil, wrap("list persons", err)
		}
		out = append(out, person)
	}
	return out, nil
}

// CreatePerson adds a person to an account.
func (s Adapter) CreatePerson(ctx context.Context, p *stripe.PersonCreateParams) (*stripe.Person, error) {
	if p.IdempotencyKey == nil {
		p.SetIdempotencyKey(flows.NewKey("person"))
	}
	r, err := s.SC.V1Persons.Create(ctx, p)
	return r, wrap("create person", err)
}

// UpdatePerson updates a person (p.Account names the account).
func (s Adapter) UpdatePerson(ctx context.Context, id string, p *stripe.PersonUpdateParams) (*stripe.Person, error) {
	if p.IdempotencyKey == nil {
		p.SetIdempotencyKey(flows.NewKey("person"))
	}
	r, err := s.SC.V1Persons.Update(ctx, id, p)
	return r, wrap("update person", err)
}

// UploadFile sends a file to the Files API.
func (s Adapter) UploadFile(ctx context.Context, p *stripe.FileCreateParams) (*stripe.File, error) {
	f, err := s.SC.V1Files.Create(ctx, p)
	return f, wrap("upload file", err)
}

// CreateAccountLink creates a single-use link to Stripe-hosted onboarding.
func (s Adapter) CreateAccountLink(ctx context.Context, p *stripe.AccountLinkCreateParams) (*stripe.AccountLink, error) {
	l, err := s.SC.V1AccountLinks.Create(ctx, p)
	return l, wrap("create account link", err)
}

// ListAccountsPage reads one page of connected accounts, newest first,
// with has_more. stripe-go's List iterator hides has_more and pages on by
// itself; the parallel lister needs each page, so this makes the same
// call as the iterator does (GET /v1/accounts) one page at a time.
func (s Adapter) ListAccountsPage(ctx context.Context, q flows.AccountsQuery) (*stripe.AccountList, error) {
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
	err := svc.B.CallRaw(http.MethodGet, "/v1/accounts", svc.Key, []byte(body.Encode()), p.GetParams(), list)
	return list, wrap("list accounts", err)
}

// ListEvents calls each for the events of type typ on the connected
// account (Stripe keeps them there, listed with its Stripe-Account
// header, not on the platform). With after, an event id, it walks the
// events newer than it, oldest first; without, the newest first. It stops
// when each returns false.
func (s Adapter) ListEvents(ctx context.Context, account string, typ stripe.EventType, after string, each func(*stripe.Event) bool) error {
	p := &stripe.EventListParams{Type: stripe.String(string(typ))}
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
		if !each(e) {
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

// ListCapabilities lists an account's capabilities with their own
// requirements.
func (s Adapter) ListCapabilities(ctx context.Context, account string) ([]*stripe.Capability, error) {
	var out []*stripe.Capability
	for c, err := range s.SC.V1Capabilities.List(ctx, &stripe.CapabilityListParams{Account: stripe.String(account)}) {
		if err != nil {
			return nil, wrap("list capabilities", err)
		}
		out = append(out, c)
	}
	return out, nil
}

// wrap keeps *stripe.Error reachable with errors.As while saying which
// call failed.
func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", op, err)
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
func Connect(e Endpoint) (Adapter, *flows.V2) {
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
	sc := stripe.NewClient(e.Key, stripe.WithBackends(backends))
	var v2 *flows.V2
	if rb, ok := backends.API.(stripe.RawRequestBackend); ok {
		v2 = flows.NewV2(rb, e.Key)
	}
	return Adapter{SC: sc}, v2
}
