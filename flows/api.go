// Package flows is onboarding without a user interface: load an account,
// plan what to ask, submit answers group by group, map Stripe's errors back
// to fields, and summarize the account's state. It never imports Bubble
// Tea, so the TUI and the scripted mode run the same logic.
package flows

import (
	"cmp"
	"context"
	"fmt"
	"log"
	"math/rand/v2"
	"net/http"
	"time"

	"github.com/stripe/stripe-go/v82"
	"github.com/stripe/stripe-go/v82/form"

	"onboard/schema"
)

// API is the part of Stripe that onboarding uses. It is the only place that
// names stripe-go services, so the v2 adapter and the SDK's next major
// version change one file.
type API interface {
	CreateAccount(ctx context.Context, p *stripe.AccountCreateParams) (*stripe.Account, error)
	GetAccount(ctx context.Context, id string) (*stripe.Account, error)
	UpdateAccount(ctx context.Context, id string, p *stripe.AccountUpdateParams) (*stripe.Account, error)
	CreateToken(ctx context.Context, p *stripe.TokenCreateParams) (*stripe.Token, error)
	ListPersons(ctx context.Context, account string) ([]*stripe.Person, error)
	CreatePerson(ctx context.Context, p *stripe.PersonCreateParams) (*stripe.Person, error)
	UpdatePerson(ctx context.Context, id string, p *stripe.PersonUpdateParams) (*stripe.Person, error)
	UploadFile(ctx context.Context, p *stripe.FileCreateParams) (*stripe.File, error)
	CreateAccountLink(ctx context.Context, p *stripe.AccountLinkCreateParams) (*stripe.AccountLink, error)
	ListAccountsPage(ctx context.Context, q AccountsQuery) (*stripe.AccountList, error)
	ListEvents(ctx context.Context, account string, typ stripe.EventType, after string, each func(*stripe.Event) bool) error
	DeleteAccount(ctx context.Context, id string) error
	AttachBankAccount(ctx context.Context, account, token, idem string) error
	DeletePerson(ctx context.Context, account, id string) error
	ListCapabilities(ctx context.Context, account string) ([]*stripe.Capability, error)
}

// StripeAPI adapts a stripe-go client to API.
type StripeAPI struct{ SC *stripe.Client }

var _ API = StripeAPI{}

// CreateAccount creates a connected account.
func (s StripeAPI) CreateAccount(ctx context.Context, p *stripe.AccountCreateParams) (*stripe.Account, error) {
	if p.IdempotencyKey == nil {
		// One key for every attempt: a retried create cannot make two.
		p.SetIdempotencyKey(newKey("create"))
	}
	a, err := s.SC.V1Accounts.Create(ctx, p)
	return a, wrap("create account", err)
}

// GetAccount retrieves a connected account by id.
func (s StripeAPI) GetAccount(ctx context.Context, id string) (*stripe.Account, error) {
	a, err := s.SC.V1Accounts.GetByID(ctx, id, nil)
	return a, wrap("retrieve account", err)
}

// UpdateAccount updates a connected account; the response is the new state.
func (s StripeAPI) UpdateAccount(ctx context.Context, id string, p *stripe.AccountUpdateParams) (*stripe.Account, error) {
	if p.IdempotencyKey == nil {
		p.SetIdempotencyKey(newKey("update"))
	}
	a, err := s.SC.V1Accounts.Update(ctx, id, p)
	return a, wrap("update account", err)
}

// CreateToken creates a token (bank accounts, for external_account).
func (s StripeAPI) CreateToken(ctx context.Context, p *stripe.TokenCreateParams) (*stripe.Token, error) {
	if p.IdempotencyKey == nil {
		p.SetIdempotencyKey(newKey("token"))
	}
	t, err := s.SC.V1Tokens.Create(ctx, p)
	return t, wrap("create token", err)
}

// ListPersons lists every person of an account, following pages.
func (s StripeAPI) ListPersons(ctx context.Context, account string) ([]*stripe.Person, error) {
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
func (s StripeAPI) CreatePerson(ctx context.Context, p *stripe.PersonCreateParams) (*stripe.Person, error) {
	if p.IdempotencyKey == nil {
		p.SetIdempotencyKey(newKey("person"))
	}
	r, err := s.SC.V1Persons.Create(ctx, p)
	return r, wrap("create person", err)
}

// UpdatePerson updates a person (p.Account names the account).
func (s StripeAPI) UpdatePerson(ctx context.Context, id string, p *stripe.PersonUpdateParams) (*stripe.Person, error) {
	if p.IdempotencyKey == nil {
		p.SetIdempotencyKey(newKey("person"))
	}
	r, err := s.SC.V1Persons.Update(ctx, id, p)
	return r, wrap("update person", err)
}

// UploadFile sends a file to the Files API.
func (s StripeAPI) UploadFile(ctx context.Context, p *stripe.FileCreateParams) (*stripe.File, error) {
	f, err := s.SC.V1Files.Create(ctx, p)
	return f, wrap("upload file", err)
}

// CreateAccountLink creates a single-use link to Stripe-hosted onboarding.
func (s StripeAPI) CreateAccountLink(ctx context.Context, p *stripe.AccountLinkCreateParams) (*stripe.AccountLink, error) {
	l, err := s.SC.V1AccountLinks.Create(ctx, p)
	return l, wrap("create account link", err)
}

// AccountsQuery is one page request of the account list: a window of
// creation times (CreatedGTE <= created < CreatedLT; zero leaves a side
// open) and the cursor to continue after.
type AccountsQuery struct {
	CreatedGTE, CreatedLT int64
	StartingAfter         string
	Limit                 int64
}

// ListAccountsPage reads one page of connected accounts, newest first,
// with has_more. stripe-go's List iterator hides has_more and pages on by
// itself; the parallel lister needs each page, so this makes the same
// call as the iterator does (GET /v1/accounts) one page at a time.
func (s StripeAPI) ListAccountsPage(ctx context.Context, q AccountsQuery) (*stripe.AccountList, error) {
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
func (s StripeAPI) ListEvents(ctx context.Context, account string, typ stripe.EventType, after string, each func(*stripe.Event) bool) error {
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
func (s StripeAPI) DeleteAccount(ctx context.Context, id string) error {
	// Non-nil params make stripe-go send an Idempotency-Key, so the policy
	// may retry the delete.
	_, err := s.SC.V1Accounts.Delete(ctx, id, &stripe.AccountDeleteParams{})
	return wrap("delete account", err)
}

// AttachBankAccount adds a bank account (from a token) to an account as
// its default for the currency.
func (s StripeAPI) AttachBankAccount(ctx context.Context, account, token, idem string) error {
	p := &stripe.BankAccountCreateParams{Account: stripe.String(account), Token: stripe.String(token),
		DefaultForCurrency: stripe.Bool(true)}
	p.SetIdempotencyKey(idem)
	_, err := s.SC.V1BankAccounts.Create(ctx, p)
	return wrap("attach bank account", err)
}

// DeletePerson removes a person from an account.
func (s StripeAPI) DeletePerson(ctx context.Context, account, id string) error {
	_, err := s.SC.V1Persons.Delete(ctx, id, &stripe.PersonDeleteParams{Account: stripe.String(account)})
	return wrap("delete person", err)
}

// newKey makes an idempotency key for one operation (all its attempts).
func newKey(op string) string {
	return fmt.Sprintf("onboard-%s-%d-%d", op, time.Now().UnixNano(), rand.Int64())
}

// ListCapabilities lists an account's capabilities with their own
// requirements.
func (s StripeAPI) ListCapabilities(ctx context.Context, account string) ([]*stripe.Capability, error) {
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
	Policy *Policy
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
func Connect(e Endpoint) (StripeAPI, *V2) {
	pol := e.Policy
	if pol == nil {
		pol = NewPolicy(nil, schema.English)
	}
	var logger stripe.LeveledLoggerInterface = &stripe.LeveledLogger{Level: stripe.LevelNull}
	if e.Debug != nil {
		logger = sdkLogger{e.Debug}
	}
	cfg := func(url string) *stripe.BackendConfig {
		c := &stripe.BackendConfig{
			HTTPClient:        NewHTTPClient(pol),
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
	warmUserAgent(backends.API)
	sc := stripe.NewClient(e.Key, stripe.WithBackends(backends))
	var v2 *V2
	if rb, ok := backends.API.(stripe.RawRequestBackend); ok {
		v2 = NewV2(rb, e.Key)
	}
	return StripeAPI{SC: sc}, v2
}
