// Package flows is onboarding without a user interface: load an account,
// plan what to ask, submit answers group by group, map Stripe's errors back
// to fields, and summarize the account's state. It never imports Bubble
// Tea, so the TUI and the scripted mode run the same logic, and it never
// names stripe-go: it reaches Stripe through the ports below, which
// flows/stripeapi implements (cmd wires the two; docs/ARCHITECTURE.md).
package flows

import (
	"context"
	"io"
	"time"

	"onboard/schema"
)

// API is the part of Stripe's v1 API that onboarding uses, in onboard's
// own types: accounts come back normalised into schema.Account, people
// into schema.Person, the list into Summary lines. An error Stripe
// answered is an *APIError (its Field empty: FromStripe maps the param
// onto a field of an account's country); any other error is the
// transport's.
type API interface {
	// CreateAccount creates a connected account for n (country, business
	// type, capabilities, email, agreement) under the idempotency key.
	CreateAccount(ctx context.Context, n NewAccount, key string) (schema.Account, error)
	// GetAccount reads an account (without its persons).
	GetAccount(ctx context.Context, id string) (schema.Account, error)
	// UpdateAccount sends form parameters; the response is the new
	// snapshot, and replayed says Stripe answered the key before (the
	// snapshot is then the account as it was).
	UpdateAccount(ctx context.Context, id string, params []schema.Param, key string) (a schema.Account, replayed bool, err error)
	// CreateToken creates a token (a bank account) and returns its id.
	CreateToken(ctx context.Context, params []schema.Param, key string) (string, error)
	// ListPersons lists every person of an account, following pages.
	ListPersons(ctx context.Context, account string) ([]schema.Person, error)
	// CreatePerson adds a person to an account.
	CreatePerson(ctx context.Context, account string, params []schema.Param, key string) error
	// UpdatePerson updates a person of an account.
	UpdatePerson(ctx context.Context, account, id string, params []schema.Param, key string) error
	// UploadFile sends a file to the Files API and returns its id.
	UploadFile(ctx context.Context, f Upload) (string, error)
	// CreateAccountLink creates a single-use link to Stripe-hosted
	// onboarding and returns its URL.
	CreateAccountLink(ctx context.Context, l LinkRequest) (string, error)
	// ListAccountsPage reads one page of connected accounts, newest first.
	ListAccountsPage(ctx context.Context, q AccountsQuery) (AccountsPage, error)
	// GetSummary reads one account as a line of the list.
	GetSummary(ctx context.Context, id string) (Summary, error)
	// ListEvents calls each for the events of type typ on the connected
	// account: with after (an event id), those newer than it, oldest
	// first; without, the newest first. It stops when each returns false.
	ListEvents(ctx context.Context, account, typ, after string, each func(Event) bool) error
	// DeleteAccount deletes a connected account (the explorer's throwaways).
	DeleteAccount(ctx context.Context, id string) error
	// AttachBankAccount adds a bank account (from a token) to an account
	// as its default for the currency.
	AttachBankAccount(ctx context.Context, account, token, idem string) error
	// DeletePerson removes a person from an account.
	DeletePerson(ctx context.Context, account, id string) error
	// ListCapabilities lists an account's capabilities, each with what it
	// waits for (Blocking: its past due, then currently due requirements,
	// as Stripe lists them).
	ListCapabilities(ctx context.Context, account string) ([]schema.Capability, error)
}

// V2API is the part of Accounts v2 onboarding uses: bodies go as JSON,
// answers come back as Stripe's JSON (NormalizeV2 reads an account).
type V2API interface {
	GetAccount(ctx context.Context, id string) ([]byte, error)
	CreateAccount(ctx context.Context, body map[string]any, idem string) ([]byte, error)
	UpdateAccount(ctx context.Context, id string, body map[string]any, idem string) ([]byte, error)
	ListPersons(ctx context.Context, account string) ([]map[string]any, error)
	CreatePerson(ctx context.Context, account string, body map[string]any, idem string) ([]byte, error)
	UpdatePerson(ctx context.Context, account, person string, body map[string]any, idem string) ([]byte, error)
	DeletePerson(ctx context.Context, account, person string) error
	// ServerTime is the server's clock (the Date header) of the last
	// answer, zero before any.
	ServerTime() time.Time
}

// AccountsQuery is one page request of the account list: a window of
// creation times (CreatedGTE <= created < CreatedLT; zero leaves a side
// open) and the cursor to continue after.
type AccountsQuery struct {
	CreatedGTE, CreatedLT int64
	StartingAfter         string
	Limit                 int64
}

// AccountsPage is one page of the account list, newest first.
type AccountsPage struct {
	Accounts []Summary
	HasMore  bool
}

// Event is an event Stripe keeps on an account: its id and when it was
// created (Unix seconds).
type Event struct {
	ID      string
	Created int64
}

// EventAccountUpdated is the type of the events a watcher follows.
const EventAccountUpdated = "account.updated"

// Upload is a file to send to the Files API.
type Upload struct {
	Purpose, Name string
	Body          io.Reader
	Key           string
}

// LinkRequest is an account link to create: for Account, of Type
// (account_onboarding or account_update), collecting Collect
// (currently_due), with where Stripe sends the holder back.
type LinkRequest struct {
	Account, Type, Collect string
	RefreshURL, ReturnURL  string
}
