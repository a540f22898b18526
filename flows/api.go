// Package flows is onboarding without a user interface: load an account,
// plan what to ask, submit answers group by group, map Stripe's errors back
// to fields, and summarize the account's state. It never imports Bubble
// Tea, so the TUI and the scripted mode run the same logic.
package flows

import (
	"context"
	"fmt"

	"github.com/stripe/stripe-go/v82"
)

// API is the part of Stripe that onboarding uses. It is the only place that
// names stripe-go services, so the v2 adapter and the SDK's next major
// version change one file.
type API interface {
	CreateAccount(ctx context.Context, p *stripe.AccountCreateParams) (*stripe.Account, error)
	GetAccount(ctx context.Context, id string) (*stripe.Account, error)
	UpdateAccount(ctx context.Context, id string, p *stripe.AccountUpdateParams) (*stripe.Account, error)
	CreateToken(ctx context.Context, p *stripe.TokenCreateParams) (*stripe.Token, error)
}

// StripeAPI adapts a stripe-go client to API.
type StripeAPI struct{ SC *stripe.Client }

var _ API = StripeAPI{}

// CreateAccount creates a connected account.
func (s StripeAPI) CreateAccount(ctx context.Context, p *stripe.AccountCreateParams) (*stripe.Account, error) {
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
	a, err := s.SC.V1Accounts.Update(ctx, id, p)
	return a, wrap("update account", err)
}

// CreateToken creates a token (bank accounts, for external_account).
func (s StripeAPI) CreateToken(ctx context.Context, p *stripe.TokenCreateParams) (*stripe.Token, error) {
	t, err := s.SC.V1Tokens.Create(ctx, p)
	return t, wrap("create token", err)
}

// wrap keeps *stripe.Error reachable with errors.As while saying which
// call failed.
func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", op, err)
}
