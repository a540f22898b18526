package sandbox

import (
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stripe/stripe-go/v82"
)

// The oracles find what they are meant to find: a v1 account without the
// settings the spec requires and with a code outside the spec's enum, and
// a v2 account in the preview's shape.
func TestOraclesCatchViolations(t *testing.T) {
	bad := `{"id":"acct_1","object":"account","settings":{"card_payments":{},"payments":{}},
		"requirements":{"errors":[{"code":"bank_account_unusable","reason":"x","requirement":"external_account"}]},"bogus":1}`
	got := strings.Join(checkV1Response("GET", "/v1/accounts/acct_1", 200, []byte(bad)), "\n")
	for _, want := range []string{"/settings/branding: required", "/settings/dashboard: required",
		`/requirements/errors/0/code: "bank_account_unusable" is not in the spec's enum`, "/bogus: not a property the spec knows"} {
		if !strings.Contains(got, want) {
			t.Errorf("v1 oracle missed %q in:\n%s", want, got)
		}
	}
	if v := checkV1Response("GET", "/v1/accounts/acct_1", 404, []byte(`{"error":{"type":"invalid_request_error","message":"x","request_id":"req_1"}}`)); len(v) != 1 {
		t.Errorf("v1 oracle on an error with request_id: %v", v)
	}
	preview := `{"id":"acct_1","object":"v2.core.account","applied_configurations":[],"created":"2026-01-01T00:00:00.000Z","livemode":false,
		"requirements":{"collector":"application","entries":[]}}`
	if v := strings.Join(checkV2Response("GET", []byte(preview)), "\n"); !strings.Contains(v, `unknown field "collector"`) {
		t.Errorf("v2 oracle missed requirements.collector: %s", v)
	}
	person := `{"id":"person_1","object":"v2.core.account_person","account":"acct_1","created":"2026-01-01T00:00:00.000Z","livemode":false,"legal_gender":"robot"}`
	if v := strings.Join(checkV2Response("GET", []byte(person)), "\n"); !strings.Contains(v, "updated: required") || !strings.Contains(v, `"robot" is not a`) {
		t.Errorf("v2 oracle on a person: %s", v)
	}
}

// kindRecorder notes which object kinds the v1 oracle validated.
type kindRecorder struct {
	mu    sync.Mutex
	kinds map[string]bool
}

// Every object kind the sandbox returns passes the spec: one request for
// each through the checked transport (any violation fails the test there),
// and this test makes sure each kind was actually seen by the oracle.
func TestSpecOracleOverEveryObjectKind(t *testing.T) {
	sb, _ := openTest(t)
	seen := &kindRecorder{kinds: map[string]bool{}}
	inner := checked(t, sb.Handler())
	spy := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s, _ := loadSpec(); s != nil && s.responseSchema(r.Method, r.URL.Path, 200) != nil {
			seen.mu.Lock()
			seen.kinds[r.Method+" "+routeShape(r.URL.Path)] = true
			seen.mu.Unlock()
		}
		inner.ServeHTTP(w, r)
	})
	hc := &http.Client{Transport: roundTripper{h: hostSplit{sb, spy}}}
	e := &env{t: t, sb: sb, sc: newClientHosts("sk_test_x", APIBase, FilesBase, hc), ctx: t.Context()}

	a := e.createAccount("US", "company")
	e.get(a.ID)
	p := e.createPerson(a.ID, "first_name", "Jenny", "relationship[representative]", "true")
	if _, err := e.sc.V1Persons.Retrieve(e.ctx, p.ID, &stripe.PersonRetrieveParams{Account: stripe.String(a.ID)}); err != nil {
		t.Fatal(err)
	}
	for _, err := range e.sc.V1Persons.List(e.ctx, &stripe.PersonListParams{Account: stripe.String(a.ID)}) {
		if err != nil {
			t.Fatal(err)
		}
	}
	if _, err := e.sc.V1Capabilities.Retrieve(e.ctx, "transfers", &stripe.CapabilityRetrieveParams{Account: stripe.String(a.ID)}); err != nil {
		t.Fatal(err)
	}
	for _, err := range e.sc.V1Capabilities.List(e.ctx, &stripe.CapabilityListParams{Account: stripe.String(a.ID)}) {
		if err != nil {
			t.Fatal(err)
		}
	}
	ind := e.onboardWith()
	e.attachBank(ind.ID, "000123456789")
	for _, err := range e.sc.V1BankAccounts.List(e.ctx, &stripe.BankAccountListParams{Account: stripe.String(ind.ID)}) {
		if err != nil {
			t.Fatal(err)
		}
	}
	f, err := e.upload("success.png", "identity_document", pngBytes)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.sc.V1Files.Retrieve(e.ctx, f.ID, nil); err != nil {
		t.Fatal(err)
	}
	for _, err := range e.sc.V1Files.List(e.ctx, nil) {
		if err != nil {
			t.Fatal(err)
		}
	}
	if _, err := e.sc.V1AccountLinks.Create(e.ctx, &stripe.AccountLinkCreateParams{Account: stripe.String(ind.ID),
		Type: stripe.String("account_onboarding"), RefreshURL: stripe.String("https://example.com/r"), ReturnURL: stripe.String("https://example.com/x")}); err != nil {
		t.Fatal(err)
	}
	var evID string
	for ev, err := range e.sc.V1Events.List(e.ctx, onAccount(ind.ID, &stripe.EventListParams{})) {
		if err != nil {
			t.Fatal(err)
		}
		evID = ev.ID
	}
	rp := &stripe.EventRetrieveParams{}
	rp.SetStripeAccount(ind.ID)
	if _, err := e.sc.V1Events.Retrieve(e.ctx, evID, rp); err != nil {
		t.Fatal(err)
	}
	for _, err := range e.sc.V1Accounts.List(e.ctx, &stripe.AccountListParams{}) {
		if err != nil {
			t.Fatal(err)
		}
	}
	if _, err := e.sc.V1CountrySpecs.Retrieve(e.ctx, "FR", nil); err != nil {
		t.Fatal(err)
	}
	for _, err := range e.sc.V1CountrySpecs.List(e.ctx, &stripe.CountrySpecListParams{}) {
		if err != nil {
			t.Fatal(err)
		}
	}
	own := &stripe.AccountRetrieveParams{}
	own.SetStripeAccount(ind.ID)
	if _, err := e.sc.V1Accounts.Retrieve(e.ctx, own); err != nil {
		t.Fatal(err)
	}
	if _, err := e.sc.V1Accounts.Retrieve(e.ctx, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := e.sc.V1Capabilities.Update(e.ctx, "card_issuing", &stripe.CapabilityUpdateParams{Account: stripe.String(ind.ID), Requested: stripe.Bool(true)}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.sc.V1Tokens.Create(e.ctx, &stripe.TokenCreateParams{Account: &stripe.TokenCreateAccountParams{BusinessType: stripe.String("individual")}}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.sc.V1Persons.Delete(e.ctx, p.ID, &stripe.PersonDeleteParams{Account: stripe.String(a.ID)}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.sc.V1Accounts.Delete(e.ctx, a.ID, nil); err != nil {
		t.Fatal(err)
	}
	_, err = e.sc.V1Accounts.GetByID(e.ctx, "acct_gone", nil)
	wantErr(t, err, 404, "resource_missing", "id")
	resp, err := hc.Get(APIBase + "/v1/accounts") // no key: a 401 error body
	if err == nil {
		_, _ = io.Copy(io.Discard, resp.Body)
		_ = resp.Body.Close()
	}

	want := []string{"POST /v1/accounts", "GET /v1/accounts/*", "GET /v1/accounts", "DELETE /v1/accounts/*",
		"POST /v1/accounts/*/persons", "GET /v1/accounts/*/persons/*", "GET /v1/accounts/*/persons", "DELETE /v1/accounts/*/persons/*",
		"GET /v1/accounts/*/capabilities/*", "GET /v1/accounts/*/capabilities",
		"POST /v1/tokens", "GET /v1/accounts/*/external_accounts", "POST /v1/files", "GET /v1/files/*", "GET /v1/files",
		"POST /v1/account_links", "GET /v1/events", "GET /v1/events/*",
		"GET /v1/country_specs/*", "GET /v1/country_specs", "GET /v1/account", "POST /v1/accounts/*/capabilities/*"}
	var missing []string
	for _, k := range want {
		if !seen.kinds[k] {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		got := make([]string, 0, len(seen.kinds))
		for k := range seen.kinds {
			got = append(got, k)
		}
		slices.Sort(got)
		t.Errorf("the spec oracle never saw %v (saw %v)", missing, got)
	}
}

// routeShape replaces the id segments of a /v1 path with *.
func routeShape(path string) string {
	seg := strings.Split(strings.Trim(path, "/"), "/")
	for i := 2; i < len(seg); i += 2 {
		seg[i] = "*"
	}
	return "/" + strings.Join(seg, "/")
}
