package sandbox

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/stripe/stripe-go/v82"
	stripe84 "github.com/stripe/stripe-go/v84"
)

// Conformance: Stripe's own clients, which nobody here wrote, drive one
// sandbox. stripe-go v84 (pinned to a GA version) creates, reads, updates
// and closes a v2 account and its persons, decoding each answer into its
// typed V2CoreAccount / V2CoreAccountPerson (the checked handler also
// decodes every body strictly); stripe-go v82 reads the same account
// through v1.
func TestConformanceStripeGoV84V2AndV82V1(t *testing.T) {
	url, sc := v84Client(t)
	ctx := context.Background()

	acct, err := sc.V2CoreAccounts.Create(ctx, &stripe84.V2CoreAccountCreateParams{
		ContactEmail: stripe84.String("jenny@example.com"),
		Identity:     &stripe84.V2CoreAccountCreateIdentityParams{Country: stripe84.String("us"), EntityType: stripe84.String("company")},
		Configuration: &stripe84.V2CoreAccountCreateConfigurationParams{
			Merchant: &stripe84.V2CoreAccountCreateConfigurationMerchantParams{
				Capabilities: &stripe84.V2CoreAccountCreateConfigurationMerchantCapabilitiesParams{
					CardPayments: &stripe84.V2CoreAccountCreateConfigurationMerchantCapabilitiesCardPaymentsParams{Requested: stripe84.Bool(true)}}},
		},
		Include: stripe84.StringSlice([]string{"configuration.merchant", "requirements", "defaults", "identity", "future_requirements"}),
	})
	if err != nil {
		t.Fatalf("v84 create: %v", err)
	}
	if acct.Configuration == nil || acct.Configuration.Merchant == nil || acct.Configuration.Merchant.Capabilities.CardPayments.Status != "restricted" {
		t.Errorf("merchant configuration: %+v", acct.Configuration)
	}
	if acct.Defaults == nil || acct.Defaults.Responsibilities.RequirementsCollector != "application" {
		t.Errorf("defaults: %+v", acct.Defaults)
	}
	if acct.Requirements == nil || len(acct.Requirements.Entries) == 0 || acct.FutureRequirements == nil {
		t.Errorf("requirements %+v future %+v", acct.Requirements, acct.FutureRequirements)
	}

	up, err := sc.V2CoreAccounts.Update(ctx, acct.ID, &stripe84.V2CoreAccountUpdateParams{
		Defaults: &stripe84.V2CoreAccountUpdateDefaultsParams{Profile: &stripe84.V2CoreAccountUpdateDefaultsProfileParams{
			BusinessURL: stripe84.String("https://accessible.stripe.com")}},
		Include: stripe84.StringSlice([]string{"defaults"}),
	})
	if err != nil || up.Defaults == nil || up.Defaults.Profile.BusinessURL != "https://accessible.stripe.com" {
		t.Fatalf("v84 update: %+v %v", up, err)
	}
	got, err := sc.V2CoreAccounts.Retrieve(ctx, acct.ID, &stripe84.V2CoreAccountRetrieveParams{Include: stripe84.StringSlice([]string{"identity"})})
	if err != nil || got.Identity == nil || got.Identity.EntityType != "company" {
		t.Fatalf("v84 retrieve: %+v %v", got, err)
	}

	p, err := sc.V2CoreAccountsPersons.Create(ctx, &stripe84.V2CoreAccountsPersonCreateParams{AccountID: stripe84.String(acct.ID),
		GivenName: stripe84.String("Jenny"), Surname: stripe84.String("Rosen"),
		Relationship: &stripe84.V2CoreAccountsPersonCreateRelationshipParams{Representative: stripe84.Bool(true)}})
	if err != nil || p.GivenName != "Jenny" || p.Account != acct.ID {
		t.Fatalf("v84 person: %+v %v", p, err)
	}
	n := 0
	for _, err := range sc.V2CoreAccountsPersons.List(ctx, &stripe84.V2CoreAccountsPersonListParams{AccountID: stripe84.String(acct.ID)}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 1 {
		t.Errorf("v84 persons list: %d", n)
	}
	if del, err := sc.V2CoreAccountsPersons.Delete(ctx, p.ID, &stripe84.V2CoreAccountsPersonDeleteParams{AccountID: stripe84.String(acct.ID)}); err != nil || del.ID != p.ID {
		t.Errorf("v84 delete person: %+v %v", del, err)
	}
	listed := 0
	for _, err := range sc.V2CoreAccounts.List(ctx, &stripe84.V2CoreAccountListParams{}) {
		if err != nil {
			t.Fatal(err)
		}
		listed++
	}
	if listed != 1 {
		t.Errorf("v84 accounts list: %d", listed)
	}

	// The v1 client sees the same account.
	v1 := newClient("sk_test_v82", url, nil)
	a, err := v1.V1Accounts.GetByID(ctx, acct.ID, nil)
	if err != nil || a.BusinessProfile.URL != "https://accessible.stripe.com" || a.Capabilities.CardPayments != stripe.AccountCapabilityStatusInactive {
		t.Fatalf("v82 retrieve: %+v %v", a, err)
	}

	closed, err := sc.V2CoreAccounts.Close(ctx, acct.ID, &stripe84.V2CoreAccountCloseParams{AppliedConfigurations: stripe84.StringSlice([]string{"merchant"})})
	if err != nil || !closed.Closed {
		t.Fatalf("v84 close: %+v %v", closed, err)
	}
}

// v84Client is stripe-go v84's client on a fresh sandbox over real HTTP,
// every answer checked by the oracles (checked); url is the sandbox's,
// for other clients.
func v84Client(t *testing.T) (url string, sc *stripe84.Client) {
	t.Helper()
	sb, _ := openTest(t)
	srv := httptest.NewServer(checked(t, sb.Handler()))
	t.Cleanup(srv.Close)
	b := stripe84.GetBackendWithConfig(stripe84.APIBackend, &stripe84.BackendConfig{URL: stripe84.String(srv.URL),
		MaxNetworkRetries: stripe84.Int64(0), LeveledLogger: &stripe84.LeveledLogger{Level: stripe84.LevelNull}})
	return srv.URL, stripe84.NewClient("sk_test_v84", stripe84.WithBackends(&stripe84.Backends{API: b, Connect: b, Uploads: b, MeterEvents: b}))
}

// POST /v2/core/account_links answers stripe-go v84's V2CoreAccountLink:
// a v1 account link for the account, with the use case sent.
func TestConformanceV84AccountLink(t *testing.T) {
	_, sc := v84Client(t)
	ctx := context.Background()
	acct, err := sc.V2CoreAccounts.Create(ctx, &stripe84.V2CoreAccountCreateParams{
		ContactEmail: stripe84.String("jenny@example.com"),
		Identity:     &stripe84.V2CoreAccountCreateIdentityParams{Country: stripe84.String("us"), EntityType: stripe84.String("company")},
		Configuration: &stripe84.V2CoreAccountCreateConfigurationParams{
			Recipient: &stripe84.V2CoreAccountCreateConfigurationRecipientParams{}},
	})
	if err != nil {
		t.Fatal(err)
	}
	link, err := sc.V2CoreAccountLinks.Create(ctx, &stripe84.V2CoreAccountLinkCreateParams{
		Account: stripe84.String(acct.ID),
		UseCase: &stripe84.V2CoreAccountLinkCreateUseCaseParams{
			Type: stripe84.String("account_onboarding"),
			AccountOnboarding: &stripe84.V2CoreAccountLinkCreateUseCaseAccountOnboardingParams{
				Configurations: stripe84.StringSlice([]string{"recipient"}),
				RefreshURL:     stripe84.String("https://example.com/refresh"),
				ReturnURL:      stripe84.String("https://example.com/return"),
			},
		},
	})
	if err != nil {
		t.Fatalf("v84 account link: %v", err)
	}
	if link.Account != acct.ID || link.URL == "" || link.UseCase == nil || link.UseCase.Type != "account_onboarding" ||
		link.UseCase.AccountOnboarding == nil || link.UseCase.AccountOnboarding.RefreshURL != "https://example.com/refresh" ||
		!link.ExpiresAt.After(link.Created) {
		t.Errorf("account link: %+v", link)
	}
	if _, err := sc.V2CoreAccountLinks.Create(ctx, &stripe84.V2CoreAccountLinkCreateParams{Account: stripe84.String(acct.ID)}); err == nil {
		t.Error("an account link without use_case was created")
	}
}

// Account and person tokens (stripe-go v84's V2CoreAccountToken and
// V2CoreAccountPersonToken) carry their fields to the create that names
// them, once.
func TestConformanceV84Tokens(t *testing.T) {
	_, sc := v84Client(t)
	ctx := context.Background()
	tok, err := sc.V2CoreAccountTokens.Create(ctx, &stripe84.V2CoreAccountTokenCreateParams{
		ContactEmail: stripe84.String("jenny@example.com"),
		Identity: &stripe84.V2CoreAccountTokenCreateIdentityParams{EntityType: stripe84.String("company"),
			BusinessDetails: &stripe84.V2CoreAccountTokenCreateIdentityBusinessDetailsParams{RegisteredName: stripe84.String("Furever")}},
	})
	if err != nil {
		t.Fatalf("account token: %v", err)
	}
	if tok.ID == "" || tok.Used || !tok.ExpiresAt.After(tok.Created) {
		t.Errorf("account token: %+v", tok)
	}
	acct, err := sc.V2CoreAccounts.Create(ctx, &stripe84.V2CoreAccountCreateParams{
		AccountToken: stripe84.String(tok.ID),
		Identity:     &stripe84.V2CoreAccountCreateIdentityParams{Country: stripe84.String("us")},
		Configuration: &stripe84.V2CoreAccountCreateConfigurationParams{
			Merchant: &stripe84.V2CoreAccountCreateConfigurationMerchantParams{
				Capabilities: &stripe84.V2CoreAccountCreateConfigurationMerchantCapabilitiesParams{
					CardPayments: &stripe84.V2CoreAccountCreateConfigurationMerchantCapabilitiesCardPaymentsParams{Requested: stripe84.Bool(true)}}}},
		Include: stripe84.StringSlice([]string{"identity"}),
	})
	if err != nil {
		t.Fatalf("create with the token: %v", err)
	}
	if acct.ContactEmail != "jenny@example.com" || acct.Identity == nil || acct.Identity.EntityType != "company" ||
		acct.Identity.BusinessDetails == nil || acct.Identity.BusinessDetails.RegisteredName != "Furever" {
		t.Errorf("the token's fields were not taken: %+v %+v", acct.ContactEmail, acct.Identity)
	}
	if _, err := sc.V2CoreAccounts.Create(ctx, &stripe84.V2CoreAccountCreateParams{AccountToken: stripe84.String(tok.ID)}); err == nil {
		t.Error("an account token was used twice")
	}
	ptok, err := sc.V2CoreAccountsPersonTokens.Create(ctx, &stripe84.V2CoreAccountsPersonTokenCreateParams{
		AccountID: stripe84.String(acct.ID), GivenName: stripe84.String("Jenny"), Surname: stripe84.String("Rosen"),
	})
	if err != nil {
		t.Fatalf("person token: %v", err)
	}
	p, err := sc.V2CoreAccountsPersons.Create(ctx, &stripe84.V2CoreAccountsPersonCreateParams{
		AccountID: stripe84.String(acct.ID), PersonToken: stripe84.String(ptok.ID),
	})
	if err != nil {
		t.Fatalf("person with the token: %v", err)
	}
	if p.GivenName != "Jenny" || p.Surname != "Rosen" {
		t.Errorf("the person token's fields were not taken: %+v", p)
	}
}
