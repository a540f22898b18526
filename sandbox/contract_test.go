package sandbox

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"onboard/internal/stripemock"
)

// contractCase is one request sent to both stripe-mock and the sandbox.
// Paths use {ind}, {co} and {person} for objects that must exist; on
// stripe-mock they become its fixture ids.
type contractCase struct {
	name, method, path, body string
}

// wellFormed are requests the app builds: neither side may reject them.
var wellFormed = []contractCase{
	{"create individual", "POST", "/v1/accounts", "type=custom&country=US&business_type=individual&capabilities[card_payments][requested]=true&capabilities[transfers][requested]=true"},
	{"create company GB", "POST", "/v1/accounts", "type=custom&country=GB&business_type=company&capabilities[transfers][requested]=true"},
	{"identity", "POST", "/v1/accounts/{ind}", "individual[first_name]=Jenny&individual[last_name]=Rosen&individual[dob][day]=1&individual[dob][month]=1&individual[dob][year]=1901&individual[address][line1]=address_full_match&individual[address][city]=SF&individual[address][state]=CA&individual[address][postal_code]=94107&individual[ssn_last_4]=0000&individual[email]=j@example.com&individual[phone]=0000000000"},
	{"profile and tos", "POST", "/v1/accounts/{ind}", "business_profile[mcc]=5734&business_profile[url]=https://accessible.stripe.com&tos_acceptance[date]=1756728000&tos_acceptance[ip]=203.0.113.7"},
	{"bank token", "POST", "/v1/accounts/{ind}", "external_account=btok_us"},
	{"document", "POST", "/v1/accounts/{ind}", "individual[verification][document][front]=file_identity_document_success"},
	{"company", "POST", "/v1/accounts/{co}", "company[name]=Rocket&company[tax_id]=000000000&company[phone]=0000000000&company[owners_provided]=true&company[structure]=private_company"},
	{"documents", "POST", "/v1/accounts/{co}", "documents[proof_of_registration][files][0]=file_identity_document_success"},
	{"person", "POST", "/v1/accounts/{co}/persons", "first_name=Jenny&last_name=Rosen&relationship[representative]=true&relationship[owner]=true&relationship[percent_ownership]=50&relationship[title]=CEO"},
	{"person update", "POST", "/v1/accounts/{co}/persons/{person}", "email=j@example.com&dob[day]=1&dob[month]=1&dob[year]=1901"},
	{"token", "POST", "/v1/tokens", "bank_account[country]=US&bank_account[currency]=usd&bank_account[routing_number]=110000000&bank_account[account_number]=000123456789"},
	{"link", "POST", "/v1/account_links", "account={ind}&type=account_onboarding&refresh_url=https://example.com/r&return_url=https://example.com/x&collection_options[fields]=eventually_due"},
	{"capability", "POST", "/v1/accounts/{ind}/capabilities/transfers", "requested=true"},
	{"list events", "GET", "/v1/events?type=account.updated&limit=3", ""},
}

// malformed is the corpus of bad requests: wherever stripe-mock answers
// 400 the sandbox must too.
var malformed = []contractCase{
	{"partial dob", "POST", "/v1/accounts/{ind}", "individual[dob][day]=1"},
	{"dob day and month", "POST", "/v1/accounts/{ind}", "individual[dob][day]=1&individual[dob][month]=1"},
	{"dob not integer", "POST", "/v1/accounts/{ind}", "individual[dob][day]=abc&individual[dob][month]=1&individual[dob][year]=1990"},
	{"dob as string", "POST", "/v1/accounts/{ind}", "individual[dob]=1990-01-01"},
	{"business type enum", "POST", "/v1/accounts/{ind}", "business_type=sole_prop"},
	{"structure enum", "POST", "/v1/accounts/{co}", "company[structure]=corp"},
	{"political exposure enum", "POST", "/v1/accounts/{ind}", "individual[political_exposure]=yes"},
	{"owners_provided bool", "POST", "/v1/accounts/{co}", "company[owners_provided]=yes"},
	{"requested bool", "POST", "/v1/accounts/{ind}", "capabilities[transfers][requested]=yes"},
	{"tos date numeric", "POST", "/v1/accounts/{ind}", "tos_acceptance[date]=2024-01-01"},
	{"percent ownership", "POST", "/v1/accounts/{ind}", "individual[relationship][percent_ownership]=abc"},
	{"files not a list", "POST", "/v1/accounts/{co}", "documents[company_license][files]=file_x"},
	{"payout interval", "POST", "/v1/accounts/{ind}", "settings[payouts][schedule][interval]=hourly"},
	{"worker count", "POST", "/v1/accounts/{ind}", "business_profile[estimated_worker_count]=five"},
	{"unknown top-level", "POST", "/v1/accounts/{ind}", "foo=bar"},
	{"type on update", "POST", "/v1/accounts/{ind}", "type=custom"},
	{"country on update", "POST", "/v1/accounts/{ind}", "country=US"},
	{"bank hash on mock", "POST", "/v1/accounts/{ind}", "external_account[object]=bank_account&external_account[country]=US&external_account[account_number]=1"},
	{"create bad type", "POST", "/v1/accounts", "business_type=bogus"},
	{"create unknown", "POST", "/v1/accounts", "foo=1"},
	{"person partial dob", "POST", "/v1/accounts/{co}/persons", "dob[day]=1"},
	{"person unknown", "POST", "/v1/accounts/{co}/persons", "foo=1"},
	{"person individual hash", "POST", "/v1/accounts/{co}/persons", "individual[first_name]=x"},
	{"link fields enum", "POST", "/v1/account_links", "account={ind}&type=account_onboarding&collection_options[fields]=all"},
	{"link no account", "POST", "/v1/account_links", "type=account_onboarding"},
	{"list limit", "GET", "/v1/accounts?limit=abc", ""},
	{"capability requested", "POST", "/v1/accounts/{ind}/capabilities/transfers", "requested=maybe"},
	{"reject no reason", "POST", "/v1/accounts/{ind}/reject", ""},
}

func send(t *testing.T, base, method, path, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, base+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer sk_test_123")
	if body != "" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	return resp.StatusCode, string(b)
}

func TestContractAgainstStripeMock(t *testing.T) {
	if testing.Short() {
		t.Skip("-short leaves out the stripe-mock process; make test runs this test")
	}
	mock := stripemock.Start(t)
	sb, _ := openTest(t)
	srv := httptest.NewServer(checked(t, sb.Handler()))
	t.Cleanup(srv.Close)
	e := &env{t: t, sb: sb, ctx: t.Context(), sc: newClient("sk_test_x", srv.URL, nil)}
	ind := e.createUSIndividual()
	co := e.createAccount("GB", "company")
	person := e.createPerson(co.ID, "first_name", "Dan")
	sandboxIDs := strings.NewReplacer("{ind}", ind.ID, "{co}", co.ID, "{person}", person.ID)
	mockIDs := strings.NewReplacer("{ind}", "acct_123", "{co}", "acct_123", "{person}", "person_123")
	enc := func(r *strings.Replacer, body string) string {
		v, err := url.ParseQuery(r.Replace(body))
		if err != nil {
			t.Fatal(err)
		}
		return v.Encode()
	}
	for _, c := range wellFormed {
		ms, mb := send(t, mock, c.method, mockIDs.Replace(c.path), enc(mockIDs, c.body))
		ss, sbody := send(t, srv.URL, c.method, sandboxIDs.Replace(c.path), enc(sandboxIDs, c.body))
		if ms != 200 || ss != 200 {
			t.Errorf("%s: stripe-mock %d %s; sandbox %d %s", c.name, ms, mb, ss, sbody)
		}
	}
	for _, c := range malformed {
		ms, mb := send(t, mock, c.method, mockIDs.Replace(c.path), enc(mockIDs, c.body))
		ss, sbody := send(t, srv.URL, c.method, sandboxIDs.Replace(c.path), enc(sandboxIDs, c.body))
		if ms == 400 && ss != 400 {
			t.Errorf("%s: stripe-mock 400 (%s) but sandbox %d %s", c.name, mb, ss, sbody)
		}
		if ms != 400 {
			t.Logf("%s: stripe-mock accepts it (%d); sandbox %d", c.name, ms, ss)
		}
	}
}
