package sandbox

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/stripe/stripe-go/v82"

	"onboard/sandbox/rules"
)

// form sends a form request with a test key to the checked transport and
// decodes the JSON answer.
func (e *env) form(method, path string, vals url.Values) (int, map[string]any) {
	e.t.Helper()
	var body io.Reader
	if method == http.MethodPost {
		body = strings.NewReader(vals.Encode())
	} else if len(vals) > 0 {
		path += "?" + vals.Encode()
	}
	req, _ := http.NewRequest(method, APIBase+path, body)
	req.Header.Set("Authorization", "Bearer sk_test_x")
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := (&http.Client{Transport: checkedTransport(e.t, e.sb)}).Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

// GET /v1/account answers the account the request acts as.
func TestRetrieveOwnAccount(t *testing.T) {
	e := newTransportEnv(t)
	a := e.createUSIndividual()
	p := &stripe.AccountRetrieveParams{}
	p.SetStripeAccount(a.ID)
	got, err := e.sc.V1Accounts.Retrieve(e.ctx, p)
	if err != nil || got.ID != a.ID || got.Individual == nil {
		t.Fatalf("as the connected account: %+v %v", got, err)
	}
	platform, err := e.sc.V1Accounts.Retrieve(e.ctx, nil)
	if err != nil || platform.ID == a.ID || !platform.ChargesEnabled {
		t.Errorf("as the platform: %+v %v", platform, err)
	}
	p.SetStripeAccount("acct_none")
	_, err = e.sc.V1Accounts.Retrieve(e.ctx, p)
	wantErr(t, err, 403, "account_invalid", "")
}

// GET /v1/country_specs/{country}: verification fields per business type,
// from the same rule tables as the accounts.
func TestCountrySpecs(t *testing.T) {
	e := newTransportEnv(t)
	us, err := e.sc.V1CountrySpecs.Retrieve(e.ctx, "US", nil)
	if err != nil {
		t.Fatal(err)
	}
	ind, co := us.VerificationFields["individual"], us.VerificationFields["company"]
	if !slices.Contains(ind.Minimum, "individual.first_name") || !slices.Contains(ind.Minimum, "business_profile.mcc") ||
		slices.Contains(ind.Minimum, "company.name") || us.DefaultCurrency != "usd" {
		t.Errorf("US individual: %+v", ind)
	}
	if !slices.Contains(co.Minimum, "company.name") || !slices.Contains(co.Minimum, "company.tax_id") {
		t.Errorf("US company: %+v", co)
	}
	// The same answer as a new account of that kind is asked.
	a := e.createUSIndividual()
	for _, f := range a.Requirements.CurrentlyDue {
		if f != "business_type" && !slices.Contains(ind.Minimum, f) {
			t.Errorf("a new US individual is asked %s, not in the country spec", f)
		}
	}
	fr, err := e.sc.V1CountrySpecs.Retrieve(e.ctx, "FR", nil)
	if err != nil || fr.DefaultCurrency != "eur" || len(fr.VerificationFields["company"].Minimum) == 0 {
		t.Errorf("FR: %+v %v", fr, err)
	}
	_, err = e.sc.V1CountrySpecs.Retrieve(e.ctx, "ZZ", nil)
	wantErr(t, err, 404, "resource_missing", "country")
	n := 0
	for _, err := range e.sc.V1CountrySpecs.List(e.ctx, &stripe.CountrySpecListParams{}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != len(rules.Countries) {
		t.Errorf("listed %d country specs, want %d", n, len(rules.Countries))
	}
}

// /people and /bank_accounts are Stripe's aliases of /persons and
// /external_accounts.
func TestPeopleAndBankAccountsAliases(t *testing.T) {
	e := newTransportEnv(t)
	co := e.createAccount("GB", "company")
	st, p := e.form("POST", "/v1/accounts/"+co.ID+"/people", url.Values{"first_name": {"Dan"}, "relationship[director]": {"true"}})
	if st != 200 || p["object"] != "person" {
		t.Fatalf("POST /people: %d %v", st, p)
	}
	st, list := e.form("GET", "/v1/accounts/"+co.ID+"/people", nil)
	if st != 200 || len(list["data"].([]any)) != 1 {
		t.Errorf("GET /people: %d %v", st, list)
	}
	if st, got := e.form("GET", "/v1/accounts/"+co.ID+"/people/"+p["id"].(string), nil); st != 200 || got["id"] != p["id"] {
		t.Errorf("GET /people/{id}: %d %v", st, got)
	}
	ind := e.onboardWith()
	e.attachBank(ind.ID, "000123456789")
	st, banks := e.form("GET", "/v1/accounts/"+ind.ID+"/bank_accounts", nil)
	if st != 200 || len(banks["data"].([]any)) != 1 {
		t.Errorf("GET /bank_accounts: %d %v", st, banks)
	}
}

// The individual of an individual account is not deleted through the
// Persons API (it used to be "no such person").
func TestDeleteIndividualPerson(t *testing.T) {
	e := newTransportEnv(t)
	a := e.onboardWith()
	_, err := e.sc.V1Persons.Delete(e.ctx, a.Individual.ID, &stripe.PersonDeleteParams{Account: stripe.String(a.ID)})
	wantErr(t, err, 400, "", "person")
	if got := e.get(a.ID); got.Individual == nil || got.Individual.ID != a.Individual.ID {
		t.Errorf("the individual is gone: %+v", got.Individual)
	}
}
