// Package flows is onboarding without a user interface: load an account,
// plan what to ask, submit answers group by group, map Stripe's errors back
// to fields, and summarize the account's state. It never imports Bubble
// Tea, so the TUI and the scripted mode run the same logic.
package flows

import (
	"context"

	"github.com/stripe/stripe-go/v82"
)

// API is the part of Stripe that onboarding uses; flows/stripeapi
// implements it over stripe-go's services.
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

// AccountsQuery is one page request of the account list: a window of
// creation times (CreatedGTE <= created < CreatedLT; zero leaves a side
// open) and the cursor to continue after.
type AccountsQuery struct {
	CreatedGTE, CreatedLT int64
	StartingAfter         string
	Limit                 int64
}
