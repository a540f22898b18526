package sandbox

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stripe/stripe-go/v82"
)

// A documented parameter the sandbox does not model is stored and
// rendered where Stripe returns it, a write-only one only as its
// *_provided flag; its type and enum are checked like Stripe's.
func TestDocumentedParametersStoredAndRendered(t *testing.T) {
	e := newTransportEnv(t)
	a := e.createUSIndividual()
	got := e.mustUpdate(a.ID,
		"business_profile[annual_revenue][amount]", "120000",
		"business_profile[annual_revenue][currency]", "usd",
		"business_profile[annual_revenue][fiscal_year_end]", "12-31",
		"business_profile[minority_owned_business_designation][0]", "women_owned_business",
		"individual[maiden_name]", "Rosen",
		"individual[id_number_secondary]", "123456789",
		"settings[payouts][schedule][interval]", "weekly",
	)
	if r := got.BusinessProfile.AnnualRevenue; r == nil || r.Amount != 120000 || r.Currency != "usd" || r.FiscalYearEnd != "12-31" {
		t.Errorf("annual_revenue: %+v", r)
	}
	if d := got.BusinessProfile.MinorityOwnedBusinessDesignation; len(d) != 1 || d[0] != "women_owned_business" {
		t.Errorf("minority_owned_business_designation: %v", d)
	}
	if got.Individual == nil || got.Individual.MaidenName != "Rosen" || !got.Individual.IDNumberSecondaryProvided {
		t.Errorf("individual: %+v", got.Individual)
	}
	if got.Settings.Payouts.Schedule.Interval != "weekly" {
		t.Errorf("payout interval: %v", got.Settings.Payouts.Schedule.Interval)
	}
	if again := e.get(a.ID); again.BusinessProfile.AnnualRevenue == nil || again.BusinessProfile.AnnualRevenue.Amount != 120000 {
		t.Errorf("annual_revenue not kept: %+v", again.BusinessProfile.AnnualRevenue)
	}
	_, err := e.update(a.ID, "business_profile[annual_revenue][amount]", "lots")
	wantErr(t, err, http.StatusBadRequest, "parameter_invalid_integer", "business_profile[annual_revenue][amount]")
	_, err = e.update(a.ID, "settings[payouts][schedule][interval]", "hourly")
	wantErr(t, err, http.StatusBadRequest, "", "settings[payouts][schedule][interval]")
	_, err = e.update(a.ID, "business_profile[annual_revenu]", "1")
	wantErr(t, err, http.StatusBadRequest, "parameter_unknown", "business_profile[annual_revenu]")
	// A document names a file that exists, on any documented parameter.
	_, err = e.update(a.ID, "settings[branding][icon]", "file_nonexistent")
	var se *stripe.Error
	if !errors.As(err, &se) || se.Code != "resource_missing" {
		t.Errorf("a nonexistent file id: %v", err)
	}
}

// relationship[authorizer] and [legal_guardian] are stored on the person,
// rendered, and filter the persons list like the other roles.
func TestPersonRolesStoredAndFiltered(t *testing.T) {
	e := newTransportEnv(t)
	a, err := e.sc.V1Accounts.Create(e.ctx, &stripe.AccountCreateParams{
		Type: stripe.String("custom"), Country: stripe.String("US"), BusinessType: stripe.String("company"),
		Capabilities: &stripe.AccountCreateCapabilitiesParams{Transfers: &stripe.AccountCreateCapabilitiesTransfersParams{Requested: stripe.Bool(true)}},
	})
	if err != nil {
		t.Fatal(err)
	}
	p := &stripe.PersonCreateParams{Account: stripe.String(a.ID), FirstName: stripe.String("Jenny"),
		Relationship: &stripe.PersonCreateRelationshipParams{Authorizer: stripe.Bool(true)}}
	jenny, err := e.sc.V1Persons.Create(e.ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	if jenny.Relationship == nil || !jenny.Relationship.Authorizer {
		t.Errorf("relationship: %+v", jenny.Relationship)
	}
	if _, err := e.sc.V1Persons.Create(e.ctx, &stripe.PersonCreateParams{Account: stripe.String(a.ID), FirstName: stripe.String("Kai")}); err != nil {
		t.Fatal(err)
	}
	var listed []string
	for p, err := range e.sc.V1Persons.List(e.ctx, &stripe.PersonListParams{Account: stripe.String(a.ID),
		Relationship: &stripe.PersonListRelationshipParams{Authorizer: stripe.Bool(true)}}) {
		if err != nil {
			t.Fatal(err)
		}
		listed = append(listed, p.FirstName)
	}
	if len(listed) != 1 || listed[0] != "Jenny" {
		t.Errorf("authorizers listed: %v", listed)
	}
}

// A response names, in its Sandbox-Not-Modelled header, the documented
// parameters it accepted without any effect; the ones stored and rendered
// are not named.
func TestNotModelledHeader(t *testing.T) {
	e := newTransportEnv(t)
	a := e.createUSIndividual()
	hc := checkedClient(t, e.sb)
	form := url.Values{
		"settings[card_issuing][tos_acceptance][ip]":       {"203.0.113.7"},
		"business_profile[estimated_worker_count]":         {"3"},
		"documents[proof_of_registration][signer][person]": {"person_1234"},
	}
	st, body, h := sendRaw(t, hc, "sk_test_x", "", http.MethodPost, "/v1/accounts/"+a.ID, form)
	if st != http.StatusOK {
		t.Fatalf("%d %s", st, body)
	}
	if got, want := h.Get(notModelledHeader), "documents[proof_of_registration][signer][person]"; got != want {
		t.Errorf("%s: %q, want %q", notModelledHeader, got, want)
	}
	for _, rendered := range []string{`"estimated_worker_count":3`, `"ip":"203.0.113.7"`} {
		if !strings.Contains(body, rendered) {
			t.Errorf("%s not rendered: %s", rendered, body)
		}
	}
	st, _, h = sendRaw(t, hc, "sk_test_x", "", http.MethodGet, "/v1/events", url.Values{"delivery_success": {"true"}})
	if st != http.StatusOK || h.Get(notModelledHeader) != "delivery_success" {
		t.Errorf("events: %d %q", st, h.Get(notModelledHeader))
	}
}

// bank_account[…] on create is the account's bank account, as
// external_account is.
func TestBankAccountOnCreate(t *testing.T) {
	e := newTransportEnv(t)
	hc := checkedClient(t, e.sb)
	form := url.Values{"type": {"custom"}, "country": {"US"}, "capabilities[transfers][requested]": {"true"},
		"bank_account[country]": {"US"}, "bank_account[currency]": {"usd"}, "bank_account[routing_number]": {"110000000"},
		"bank_account[account_number]": {"000123456789"}, "bank_account[account_holder_name]": {"Jenny Rosen"}}
	st, body, _ := sendRaw(t, hc, "sk_test_x", "", http.MethodPost, "/v1/accounts", form)
	if st != http.StatusOK || !strings.Contains(body, `"last4":"6789"`) {
		t.Errorf("bank_account on create: %d %s", st, body)
	}
	if strings.Contains(body, "000123456789") {
		t.Error("the account number is echoed")
	}
}

// default_currency is the account's, as Stripe renders it.
func TestDefaultCurrency(t *testing.T) {
	e := newTransportEnv(t)
	a := e.createUSIndividual()
	if got := e.mustUpdate(a.ID, "default_currency", "EUR"); got.DefaultCurrency != "eur" {
		t.Errorf("default_currency %q", got.DefaultCurrency)
	}
	_, err := e.update(a.ID, "default_currency", "euros")
	wantErr(t, err, http.StatusBadRequest, "", "default_currency")
}
