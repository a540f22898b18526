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
	// Version is "v1" or "v2".
	Version() string
	// Load reads the account and its persons.
	Load(ctx context.Context, id string) (schema.Account, error)
	// Send writes the encoded parameters of one step (account fields,
	// people, and a bank token) with the step's idempotency key; the
	// result holds the account as it then stands.
	Send(ctx context.Context, a schema.Account, st Step, account, persons []schema.Param, token, key string) (Result, error)
	// RemovePerson deletes one of the account's people.
	RemovePerson(ctx context.Context, a schema.Account, personID string) error
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
	if a.V2 != nil && c.v2 != nil {
		api = v2Accounts{c}
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
	return v.c.loadV2(ctx, id)
}

// Send sends a step as v2 JSON.
func (v v2Accounts) Send(ctx context.Context, a schema.Account, st Step, account, persons []schema.Param, token, key string) (Result, error) {
	return v.c.submitV2(ctx, a, st, account, persons, token, key)
}

// RemovePerson deletes a person of a v2 account.
func (v v2Accounts) RemovePerson(ctx context.Context, a schema.Account, personID string) error {
	if err := v.c.v2.DeletePerson(ctx, a.ID, personID); err != nil {
		return FromStripeV2(err, a.Country)
	}
	return nil
}
