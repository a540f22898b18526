package flows

import (
	"context"
	"errors"
	"sync"
	"time"

	"onboard/schema"
)

// Client runs onboarding against one Stripe API (the real one, or the
// sandbox: they are the same to it).
type Client struct {
	api       API
	now       func() time.Time
	ip        string
	userAgent string
	lang      schema.Lang
	// Where Stripe sends the account holder back from an account link.
	refreshURL, returnURL string
	// v2 calls Accounts v2; nil when it is not configured.
	v2 V2API
	// onSent is every journey's OnSent unless the driver sets its own.
	onSent func(acct schema.Account, st Step, values map[string]string)
	// onStrategy hears the strategy of each journey that had a step
	// accepted (WithRecorder).
	onStrategy func(Strategy)
	// listRate and listWorkers pace the account list (WithListPace).
	listRate    float64
	listWorkers int
	// live is set for a live key; confirm then asks for each change.
	live    bool
	confirm Confirm
	// chosen remembers which API each account speaks (accountapi.go).
	chosen *apiChoice
	// created holds the ids of the accounts this client created, with
	// controller[requirement_collection]=application (normalize).
	created *sync.Map
}

// Option configures a Client.
type Option func(*Client)

// WithClock sets the clock used for terms-of-service dates and validation.
func WithClock(now func() time.Time) Option { return func(c *Client) { c.now = now } }

// WithAcceptance sets the IP address and user agent recorded when the
// account holder accepts Stripe's terms.
func WithAcceptance(ip, userAgent string) Option {
	return func(c *Client) { c.ip, c.userAgent = ip, userAgent }
}

// WithLinkURLs sets where an account link sends the account holder when
// it has expired (refresh) and when they are done (return).
func WithLinkURLs(refresh, ret string) Option {
	return func(c *Client) { c.refreshURL, c.returnURL = refresh, ret }
}

// WithV2 enables Accounts v2 through v (nil leaves it off).
func WithV2(v V2API) Option {
	return func(c *Client) {
		if v != nil {
			c.v2 = countedV2{v}
		}
	}
}

// WithOnSent sets the OnSent hook of every journey the client starts,
// whichever driver starts it (the answers recorder uses it).
func WithOnSent(f func(acct schema.Account, st Step, values map[string]string)) Option {
	return func(c *Client) { c.onSent = f }
}

// WithRecorder makes r record every step any journey of the client sends,
// with the journey's collection strategy, so the file replays to the same
// state.
func WithRecorder(r StepRecorder) Option {
	return func(c *Client) { c.onSent, c.onStrategy = r.Sent, r.Collects }
}

// WithLang sets the language of validation messages.
func WithLang(l schema.Lang) Option { return func(c *Client) { c.lang = l } }

// New returns a Client over api.
func New(api API, opts ...Option) *Client {
	c := &Client{api: counted{api}, now: time.Now, ip: "127.0.0.1", userAgent: "onboard", lang: schema.English,
		refreshURL: "https://example.com/onboard/refresh", returnURL: "https://example.com/onboard/return",
		chosen: &apiChoice{}, created: &sync.Map{}, listRate: ListRate(false)}
	for _, o := range opts {
		o(c)
	}
	return c
}

// Context is the schema context for an account: its country and currency,
// the clock, the language and what a terms acceptance records.
func (c *Client) Context(a schema.Account) schema.Context {
	return schema.Context{Lang: c.lang, Country: a.Country, Currency: a.DefaultCurrency,
		Now: c.now(), IP: c.ip, UserAgent: c.userAgent}
}

// Lang is the language the client validates in.
func (c *Client) Lang() schema.Lang { return c.lang }

// Now is the client's clock (WithClock), so what it reports is dated as
// its requests are.
func (c *Client) Now() time.Time { return c.now() }

// NewAccount describes an account to create.
type NewAccount struct {
	Country      string
	BusinessType string
	Capabilities []string
	Agreement    string // "full" (default) or "recipient"
	// API is "v1" (default) or "v2" (Accounts v2, with configurations).
	API string
	// Configurations are the v2 configurations to apply besides those the
	// capabilities imply (merchant, recipient, customer).
	Configurations []string
	// Email is the account's contact email (v2 requires one; v1 sends
	// it as the account's email).
	Email string
	// Metadata is set on the account as it is created (a batch row's key,
	// to find the account again by it).
	Metadata map[string]string
	// IdempotencyKey, when set, is the create's key instead of a fresh
	// one: a create sent again with it (another process, after a crash)
	// returns the account the first one made
	// (https://docs.stripe.com/api/idempotent_requests).
	IdempotencyKey string
}

// createKey is n's idempotency key: its own, else a fresh one.
func (n NewAccount) createKey(op string) string {
	if n.IdempotencyKey != "" {
		return n.IdempotencyKey
	}
	return NewKey(op)
}

// Create creates a connected account that the platform onboards through
// the API: the platform collects requirements, is liable for losses and
// pays fees, and the account has no Stripe dashboard (the controller
// properties of Stripe's API-onboarding guide).
func (c *Client) Create(ctx context.Context, n NewAccount) (schema.Account, error) {
	if err := c.confirmChange(ctx, "", n.Country); err != nil {
		return schema.Account{}, err
	}
	return DialectNamed(n.API).with(c).Create(ctx, n)
}

// createV1 creates an account through Accounts v1.
func (c *Client) createV1(ctx context.Context, n NewAccount) (schema.Account, error) {
	// One key for the create and its replay below.
	key := n.createKey("create")
	a, err := c.api.CreateAccount(ctx, n, key)
	if err != nil && answerLost(ctx, err) {
		// The request policy gave up on an answer that never came whole:
		// the account may exist. The same create with the same key is
		// replayed by Stripe (https://docs.stripe.com/api/idempotent_requests)
		// and returns it; it creates one only if the first never arrived.
		a, err = c.api.CreateAccount(ctx, n, key)
	}
	if err != nil {
		return schema.Account{}, c.createFailed(ctx, FromStripe(err, n.Country))
	}
	c.chosen.set(a.ID, v1Accounts{c})
	c.created.Store(a.ID, true)
	return c.normalize(a), nil
}

// answerLost reports an error after which a write may have been applied
// without its answer arriving: a connection error, a timeout or a cut
// answer, not an error Stripe answered (nor an interrupt).
func answerLost(ctx context.Context, err error) bool {
	var ae *APIError
	var le *LiveError
	var re *RedirectError
	return err != nil && ctx.Err() == nil && !errors.As(err, &ae) && !errors.As(err, &le) && !errors.As(err, &re)
}

// CreateLostError is a create whose answer never arrived, even replayed:
// the account may exist without onboard knowing its id.
type CreateLostError struct {
	Err  error
	Lang schema.Lang
}

func (e *CreateLostError) Error() string {
	return ErrorLine(e.Err) + schema.T("; the account may have been created: `onboard accounts` lists the newest first, then `onboard resume ID` continues it").In(e.Lang)
}

func (e *CreateLostError) Unwrap() error { return e.Err }

// createFailed marks a create whose answer was lost.
func (c *Client) createFailed(ctx context.Context, err error) error {
	if answerLost(ctx, err) {
		return &CreateLostError{Err: err, Lang: c.lang}
	}
	return err
}

// Foreseeable is a just-created account as what any account created with
// the same setup will ask: without its id, its email, its people or any
// value known on it, and without the clock it was read at. A program may
// keep it to draw the first form of the next such account before Stripe
// answers (tui.Start.Foreseen); the real account replaces it.
func Foreseeable(a schema.Account) schema.Account {
	a.ID, a.Email, a.IndividualID = "", "", ""
	a.Known, a.Provided, a.Persons = nil, nil, nil
	a.Created, a.ServerTime = time.Time{}, time.Time{}
	return a
}
