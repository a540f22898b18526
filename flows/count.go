package flows

import (
	"context"
	"sync/atomic"
	"time"

	"onboard/schema"
)

// A request counter rides on the context of the calls it counts, so a
// journey counts its own API requests even when the client serves other
// callers (the TUI's refreshes) at the same time.

type counterKey struct{}

// withCounter returns ctx counting its API requests into n.
func withCounter(ctx context.Context, n *atomic.Int64) context.Context {
	return context.WithValue(ctx, counterKey{}, n)
}

// countRequest adds one request to ctx's counter, if it has one.
func countRequest(ctx context.Context) {
	if n, ok := ctx.Value(counterKey{}).(*atomic.Int64); ok {
		n.Add(1)
	}
}

// counted is an API that counts the requests it is asked to make. A call
// that the request policy resends after a transient failure counts once;
// a list counts once whatever its pages.
type counted struct{ API }

func (c counted) CreateAccount(ctx context.Context, n NewAccount, key string) (schema.Account, error) {
	countRequest(ctx)
	return c.API.CreateAccount(ctx, n, key)
}

func (c counted) GetAccount(ctx context.Context, id string) (schema.Account, error) {
	countRequest(ctx)
	return c.API.GetAccount(ctx, id)
}

func (c counted) GetSummary(ctx context.Context, id string) (Summary, error) {
	countRequest(ctx)
	return c.API.GetSummary(ctx, id)
}

func (c counted) UpdateAccount(ctx context.Context, id string, params []schema.Param, key string) (schema.Account, bool, error) {
	countRequest(ctx)
	return c.API.UpdateAccount(ctx, id, params, key)
}

func (c counted) CreateToken(ctx context.Context, params []schema.Param, key string) (string, error) {
	countRequest(ctx)
	return c.API.CreateToken(ctx, params, key)
}

func (c counted) ListPersons(ctx context.Context, account string) ([]schema.Person, error) {
	countRequest(ctx)
	return c.API.ListPersons(ctx, account)
}

func (c counted) CreatePerson(ctx context.Context, account string, params []schema.Param, key string) error {
	countRequest(ctx)
	return c.API.CreatePerson(ctx, account, params, key)
}

func (c counted) UpdatePerson(ctx context.Context, account, id string, params []schema.Param, key string) error {
	countRequest(ctx)
	return c.API.UpdatePerson(ctx, account, id, params, key)
}

func (c counted) UploadFile(ctx context.Context, f Upload) (string, error) {
	countRequest(ctx)
	return c.API.UploadFile(ctx, f)
}

func (c counted) CreateAccountLink(ctx context.Context, l LinkRequest) (string, error) {
	countRequest(ctx)
	return c.API.CreateAccountLink(ctx, l)
}

func (c counted) AttachBankAccount(ctx context.Context, account, token, idem string) error {
	countRequest(ctx)
	return c.API.AttachBankAccount(ctx, account, token, idem)
}

func (c counted) DeletePerson(ctx context.Context, account, id string) error {
	countRequest(ctx)
	return c.API.DeletePerson(ctx, account, id)
}

func (c counted) ListCapabilities(ctx context.Context, account string) ([]schema.Capability, error) {
	countRequest(ctx)
	return c.API.ListCapabilities(ctx, account)
}

// countedV2 is a V2API that counts its requests, a list once whatever
// its pages.
type countedV2 struct{ V2API }

func (c countedV2) GetAccount(ctx context.Context, id string) ([]byte, error) {
	countRequest(ctx)
	return c.V2API.GetAccount(ctx, id)
}

func (c countedV2) CreateAccount(ctx context.Context, body map[string]any, idem string) ([]byte, error) {
	countRequest(ctx)
	return c.V2API.CreateAccount(ctx, body, idem)
}

func (c countedV2) UpdateAccount(ctx context.Context, id string, body map[string]any, idem string) ([]byte, error) {
	countRequest(ctx)
	return c.V2API.UpdateAccount(ctx, id, body, idem)
}

func (c countedV2) ListPersons(ctx context.Context, account string) ([]map[string]any, error) {
	countRequest(ctx)
	return c.V2API.ListPersons(ctx, account)
}

func (c countedV2) CreatePerson(ctx context.Context, account string, body map[string]any, idem string) ([]byte, error) {
	countRequest(ctx)
	return c.V2API.CreatePerson(ctx, account, body, idem)
}

func (c countedV2) UpdatePerson(ctx context.Context, account, person string, body map[string]any, idem string) ([]byte, error) {
	countRequest(ctx)
	return c.V2API.UpdatePerson(ctx, account, person, body, idem)
}

func (c countedV2) DeletePerson(ctx context.Context, account, person string) error {
	countRequest(ctx)
	return c.V2API.DeletePerson(ctx, account, person)
}

// ServerTime is the server's clock of the last answer.
func (c countedV2) ServerTime() time.Time { return c.V2API.ServerTime() }
