package flows

import (
	"context"
	"errors"
	"sync"

	"onboard/schema"
)

// AccountAPI is how one connected account is read and written: through
// Accounts v1, or through Accounts v2. Which one is decided once, when the
// account is created or first loaded, and remembered by account id, so
// nothing else asks which API an account speaks and a refresh never
// probes again.
type AccountAPI interface {
	Dialect
	// Create creates a connected account (Client.Create checks first).
	Create(ctx context.Context, n NewAccount) (schema.Account, error)
	// Load reads the account and its persons.
	Load(ctx context.Context, id string) (schema.Account, error)
	// Send writes the encoded parameters of one step (account fields,
	// people, and a bank token) with the step's idempotency key; the
	// result holds the account as it then stands.
	Send(ctx context.Context, a schema.Account, st Step, account, persons []schema.Param, token, key string) (Result, error)
	// RemovePerson deletes one of the account's people.
	RemovePerson(ctx context.Context, a schema.Account, personID string) error
}

// Dialect is what differs between an Accounts v1 and an Accounts v2
// account without a request: what a new account must be given, how its
// snapshot is reported, recorded and drawn. DialectOf and DialectNamed
// are the only places that tell the two apart; every AccountAPI is a
// Dialect too, so callers ask it rather than which API an account speaks.
type Dialect interface {
	// Version is "v1" or "v2".
	Version() string
	// NeedsContactEmail reports whether a new account must be created
	// with a contact email (Accounts v2's contact_email is required).
	NeedsContactEmail() bool
	// Deletable reports whether an account created by mistake may be
	// deleted: a v2 account is closed through its own endpoint
	// (/v2/core/accounts/{id}/close), and whether v1's delete removes one
	// is not something Stripe documents.
	Deletable() bool
	// Foreseeable reports whether an account just created says what the
	// next account created with the same setup will ask (Foreseeable):
	// a v1 account's requirements follow from its country, business
	// type and capabilities; a v2 account's first entries also follow
	// from the configurations and the contact it is created with, which
	// onboard does not foresee.
	Foreseeable() bool
	// Explain is Explain's sentence where a v1 account's disabled reason
	// says why it is held up; a v2 account has no disabled_reason of its
	// own (its entries say it), so only a new account's explanation (how
	// much is to give) holds for it.
	Explain(a schema.Account, lang schema.Lang) string
	// Details are the v2 configurations and requirement entries to draw
	// in place of v1's flat capability list and field errors; nil for v1.
	Details(a schema.Account) *schema.V2Details
	// routine reports whether nothing Stripe asks of a is other than
	// routine onboarding (for NothingProvided).
	routine(a schema.Account) bool
	// addStatus adds the version's own parts to a's status object.
	addStatus(a schema.Account, s *Status)
	// Note is what names this API after a setup ("" for v1, the default).
	Note() string
	// UploadPurpose is the Files API purpose of an upload for a document
	// field whose v1 purpose is purpose: v2's front_back documents want
	// identity_document where v1's company document asks
	// additional_verification (schema.FrontBackPurpose).
	UploadPurpose(purpose string) string
	// Configurations are the configurations a new account may name
	// besides those its capabilities imply (Accounts v2's merchant,
	// recipient, customer); none for v1.
	Configurations() []string
	// with is the account API of this dialect, through c.
	with(c *Client) AccountAPI
}

// DialectOf is the dialect of a snapshot: Accounts v2 when it carries v2's
// details. Its values carry no client: a Dialect reads the snapshot only.
func DialectOf(a schema.Account) Dialect {
	if a.V2 != nil {
		return v2Accounts{}
	}
	return v1Accounts{}
}

// DialectNamed is the dialect a setup or a new account names ("v2", or
// "v1" and "" for v1).
func DialectNamed(version string) Dialect {
	if version == "v2" {
		return v2Accounts{}
	}
	return v1Accounts{}
}

// KnownAPI reports whether a setup's accounts_api names an API: v1 or
// v2, or "" for v1.
func KnownAPI(version string) bool {
	switch version {
	case "", "v1", "v2":
		return true
	}
	return false
}

// apiChoice remembers which API each account id speaks.
type apiChoice struct {
	mu sync.Mutex
	by map[string]AccountAPI
}

func (p *apiChoice) get(id string) (AccountAPI, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	api, ok := p.by[id]
	return api, ok
}

func (p *apiChoice) set(id string, api AccountAPI) {
	if id == "" {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.by == nil {
		p.by = map[string]AccountAPI{}
	}
	p.by[id] = api
}

// AccountAPI is the API account a speaks: the one remembered for its id,
// or, for an account this client has not created or loaded, the one its
// snapshot comes from (a snapshot from Accounts v2 carries its details).
func (c *Client) AccountAPI(a schema.Account) AccountAPI {
	if api, ok := c.chosen.get(a.ID); ok {
		return api
	}
	api := AccountAPI(v1Accounts{c})
	if c.v2 != nil { // a client without a v2 caller reads every account through v1
		api = DialectOf(a).with(c)
	}
	c.chosen.set(a.ID, api)
	return api
}

// Load fetches an account and normalizes it. The first load of an id
// finds out which API the account speaks (Accounts v2 when configured and
// the account has configurations there, else v1); later loads go straight
// to it.
func (c *Client) Load(ctx context.Context, id string) (schema.Account, error) {
	if api, ok := c.chosen.get(id); ok {
		return api.Load(ctx, id)
	}
	if c.v2 != nil {
		a, err := v2Accounts{c}.Load(ctx, id)
		if err == nil {
			c.chosen.set(id, v2Accounts{c})
			return a, nil
		}
		if !errors.Is(err, errNotV2) {
			return a, err
		}
	}
	a, err := v1Accounts{c}.Load(ctx, id)
	if err == nil {
		c.chosen.set(id, v1Accounts{c})
	}
	return a, err
}

// reload reads an account again through the API it speaks.
func (c *Client) reload(ctx context.Context, a schema.Account) (schema.Account, error) {
	return c.AccountAPI(a).Load(ctx, a.ID)
}

// RemovePerson deletes one of a company's people and returns the account
// as it then stands (its requirements may ask for the role again).
func (c *Client) RemovePerson(ctx context.Context, a schema.Account, personID string) (schema.Account, error) {
	if err := c.confirmChange(ctx, a.ID, a.Country); err != nil {
		return a, err
	}
	api := c.AccountAPI(a)
	if err := api.RemovePerson(ctx, a, personID); err != nil {
		return a, err
	}
	return api.Load(ctx, a.ID)
}

// v1Accounts is Accounts v1: /v1/accounts and /v1/accounts/{id}/persons.
type v1Accounts struct{ c *Client }

// Version is "v1".
func (v1Accounts) Version() string { return "v1" }

// Load reads a v1 account, its persons and what each capability waits for.
func (v v1Accounts) Load(ctx context.Context, id string) (schema.Account, error) {
	return v.c.loadV1(ctx, id)
}

// Send sends people through the Persons API, then the account update
// (whose response is the new snapshot).
func (v v1Accounts) Send(ctx context.Context, a schema.Account, st Step, account, persons []schema.Param, token, key string) (Result, error) {
	return v.c.submitV1(ctx, a, st, account, persons, token, key)
}

// RemovePerson deletes a person through /v1/accounts/{id}/persons.
func (v v1Accounts) RemovePerson(ctx context.Context, a schema.Account, personID string) error {
	if err := v.c.api.DeletePerson(ctx, a.ID, personID); err != nil {
		return FromStripe(err, a.Country)
	}
	return nil
}

// v2Accounts is Accounts v2: /v2/core/accounts, with a bank account
// through the v1 external accounts endpoint the two share.
type v2Accounts struct{ c *Client }

// Version is "v2".
func (v2Accounts) Version() string { return "v2" }

// Load reads a v2 account and its persons.
func (v v2Accounts) Load(ctx context.Context, id string) (schema.Account, error) {
	return v.c.v2Time(v.c.loadV2(ctx, id))
}

// Send sends a step as v2 JSON.
func (v v2Accounts) Send(ctx context.Context, a schema.Account, st Step, account, persons []schema.Param, token, key string) (Result, error) {
	res, err := v.c.submitV2(ctx, a, st, account, persons, token, key)
	if err == nil {
		res.Account, _ = v.c.v2Time(res.Account, nil)
	}
	return res, err
}

// RemovePerson deletes a person of a v2 account.
func (v v2Accounts) RemovePerson(ctx context.Context, a schema.Account, personID string) error {
	if err := v.c.v2.DeletePerson(ctx, a.ID, personID); err != nil {
		return FromStripeV2(err, a.Country)
	}
	return nil
}

// Create creates a v1 account.
func (v v1Accounts) Create(ctx context.Context, n NewAccount) (schema.Account, error) {
	return v.c.createV1(ctx, n)
}

// Create creates a v2 account.
func (v v2Accounts) Create(ctx context.Context, n NewAccount) (schema.Account, error) {
	return v.c.v2Time(v.c.createV2(ctx, n))
}

func (v1Accounts) NeedsContactEmail() bool { return false }
func (v2Accounts) NeedsContactEmail() bool { return true }

func (v1Accounts) Deletable() bool { return true }
func (v2Accounts) Deletable() bool { return false }

func (v1Accounts) Foreseeable() bool { return true }
func (v2Accounts) Foreseeable() bool { return false }

func (v1Accounts) Explain(a schema.Account, lang schema.Lang) string { return Explain(a, lang) }
func (v2Accounts) Explain(a schema.Account, lang schema.Lang) string {
	if !NothingProvided(a) {
		return ""
	}
	return Explain(a, lang)
}

func (v1Accounts) Details(schema.Account) *schema.V2Details   { return nil }
func (v2Accounts) Details(a schema.Account) *schema.V2Details { return a.V2 }

func (v1Accounts) routine(schema.Account) bool   { return true }
func (v2Accounts) routine(a schema.Account) bool { return onlyOnboarding(a.V2.Entries) }

func (v1Accounts) Note() string { return "" }
func (v2Accounts) Note() string { return " (v2)" }

func (v1Accounts) UploadPurpose(purpose string) string { return purpose }
func (v2Accounts) UploadPurpose(purpose string) string { return schema.FrontBackPurpose(purpose) }

func (v1Accounts) Configurations() []string { return nil }
func (v2Accounts) Configurations() []string { return []string{"merchant", "recipient", "customer"} }

func (v1Accounts) with(c *Client) AccountAPI { return v1Accounts{c} }
func (v2Accounts) with(c *Client) AccountAPI { return v2Accounts{c} }

// v2Time stamps a v2 snapshot with the server's clock (v2's JSON has no
// Date of its own).
func (c *Client) v2Time(a schema.Account, err error) (schema.Account, error) {
	if err == nil && c.v2 != nil {
		a.ServerTime = c.v2.ServerTime()
	}
	return a, err
}
