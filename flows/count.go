package flows

import (
	"context"
	"sync/atomic"

	"github.com/stripe/stripe-go/v82"
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
// that stripe-go or retry resends after a transient failure counts once;
// a list counts once whatever its pages. Methods the embedded API gains
// later are passed through uncounted until they are listed here.
type counted struct{ API }

func (c counted) CreateAccount(ctx context.Context, p *stripe.AccountCreateParams) (*stripe.Account, error) {
	countRequest(ctx)
	return c.API.CreateAccount(ctx, p)
}

func (c counted) GetAccount(ctx context.Context, id string) (*stripe.Account, error) {
	countRequest(ctx)
	return c.API.GetAccount(ctx, id)
}

func (c counted) UpdateAccount(ctx context.Context, id string, p *stripe.AccountUpdateParams) (*stripe.Account, error) {
	countRequest(ctx)
	return c.API.UpdateAccount(ctx, id, p)
}

func (c counted) CreateToken(ctx context.Context, p *stripe.TokenCreateParams) (*stripe.Token, error) {
	countRequest(ctx)
	return c.API.CreateToken(ctx, p)
}

func (c counted) ListPersons(ctx context.Context, account string) ([]*stripe.Person, error) {
	countRequest(ctx)
	return c.API.ListPersons(ctx, account)
}

func (c counted) CreatePerson(ctx context.Context, p *stripe.PersonCreateParams) (*stripe.Person, error) {
	countRequest(ctx)
	return c.API.CreatePerson(ctx, p)
}

func (c counted) UpdatePerson(ctx context.Context, id string, p *stripe.PersonUpdateParams) (*stripe.Person, error) {
	countRequest(ctx)
	return c.API.UpdatePerson(ctx, id, p)
}

func (c counted) UploadFile(ctx context.Context, p *stripe.FileCreateParams) (*stripe.File, error) {
	countRequest(ctx)
	return c.API.UploadFile(ctx, p)
}

func (c counted) CreateAccountLink(ctx context.Context, p *stripe.AccountLinkCreateParams) (*stripe.AccountLink, error) {
	countRequest(ctx)
	return c.API.CreateAccountLink(ctx, p)
}

func (c counted) AttachBankAccount(ctx context.Context, account, token, idem string) error {
	countRequest(ctx)
	return c.API.AttachBankAccount(ctx, account, token, idem)
}

func (c counted) DeletePerson(ctx context.Context, account, id string) error {
	countRequest(ctx)
	return c.API.DeletePerson(ctx, account, id)
}

func (c counted) ListCapabilities(ctx context.Context, account string) ([]*stripe.Capability, error) {
	countRequest(ctx)
	return c.API.ListCapabilities(ctx, account)
}
