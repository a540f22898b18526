package sandbox

import (
	"net/http"
	"slices"
	"testing"

	"github.com/stripe/stripe-go/v82"
)

// Express and Standard accounts are created with the controller Stripe
// gives them, list their requirements, take account links, and refuse
// what the platform may not send for an account whose requirements
// Stripe collects: the ToS acceptance always, the identity once an
// account link started Stripe's onboarding.
func TestExpressAndStandardAccounts(t *testing.T) {
	e := newTransportEnv(t)
	for _, tc := range []struct{ typ, payer, dashboard string }{
		{"express", "application_express", "express"},
		{"standard", "account", "full"},
	} {
		a, err := e.sc.V1Accounts.Create(e.ctx, &stripe.AccountCreateParams{
			Type: stripe.String(tc.typ), Country: stripe.String("US"), BusinessType: stripe.String("individual"),
			Capabilities: &stripe.AccountCreateCapabilitiesParams{
				CardPayments: &stripe.AccountCreateCapabilitiesCardPaymentsParams{Requested: stripe.Bool(true)},
				Transfers:    &stripe.AccountCreateCapabilitiesTransfersParams{Requested: stripe.Bool(true)},
			},
		})
		if err != nil {
			t.Fatalf("%s: %v", tc.typ, err)
		}
		if string(a.Type) != tc.typ || a.Controller.RequirementCollection != "stripe" || string(a.Controller.Fees.Payer) != tc.payer ||
			string(a.Controller.StripeDashboard.Type) != tc.dashboard {
			t.Errorf("%s: type %s, controller %+v", tc.typ, a.Type, a.Controller)
		}
		if len(a.Requirements.CurrentlyDue) == 0 || !slices.Contains(a.Requirements.CurrentlyDue, "individual.first_name") {
			t.Errorf("%s: requirements not listed: %v", tc.typ, a.Requirements.CurrentlyDue)
		}
		_, err = e.update(a.ID, "tos_acceptance[date]", "1756728000", "tos_acceptance[ip]", "203.0.113.7")
		wantErr(t, err, http.StatusBadRequest, "", "tos_acceptance[date]")
		// Before onboarding starts the platform may prefill the identity.
		e.mustUpdate(a.ID, "individual[first_name]", "Jenny")
		link, err := e.sc.V1AccountLinks.Create(e.ctx, &stripe.AccountLinkCreateParams{Account: stripe.String(a.ID),
			Type: stripe.String("account_onboarding"), RefreshURL: stripe.String("https://example.com/r"), ReturnURL: stripe.String("https://example.com/d")})
		if err != nil || link.URL == "" {
			t.Fatalf("%s: account link: %v", tc.typ, err)
		}
		_, err = e.update(a.ID, "individual[last_name]", "Rosen")
		wantErr(t, err, http.StatusBadRequest, "", "individual")
		e.mustUpdate(a.ID, "metadata[k]", "v")
		got := e.get(a.ID)
		if got.Individual == nil || got.Individual.FirstName != "Jenny" || got.Individual.LastName != "" {
			t.Errorf("%s: individual %+v", tc.typ, got.Individual)
		}
		found := false
		for acct, err := range e.sc.V1Accounts.List(e.ctx, &stripe.AccountListParams{}) {
			if err != nil {
				t.Fatal(err)
			}
			found = found || acct.ID == a.ID
		}
		if !found {
			t.Errorf("%s account not listed", tc.typ)
		}
	}
	// An Express account can be created under the recipient agreement.
	if _, err := e.sc.V1Accounts.Create(e.ctx, &stripe.AccountCreateParams{Type: stripe.String("express"), Country: stripe.String("US"),
		TOSAcceptance: &stripe.AccountCreateTOSAcceptanceParams{ServiceAgreement: stripe.String("recipient")},
		Capabilities:  &stripe.AccountCreateCapabilitiesParams{Transfers: &stripe.AccountCreateCapabilitiesTransfersParams{Requested: stripe.Bool(true)}},
	}); err != nil {
		t.Errorf("express under the recipient agreement: %v", err)
	}
	// Without type or controller, Stripe's defaults: Stripe collects, full Dashboard.
	a, err := e.sc.V1Accounts.Create(e.ctx, &stripe.AccountCreateParams{Country: stripe.String("US")})
	if err != nil {
		t.Fatal(err)
	}
	if a.Type != "none" || a.Controller.RequirementCollection != "stripe" || a.Controller.StripeDashboard.Type != "full" {
		t.Errorf("default account: type %s, controller %+v", a.Type, a.Controller)
	}
}
