package sandbox

import (
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/stripe/stripe-go/v82"
)

// callVersion is call with another Stripe-Version.
func (e v2env) callVersion(version, method, path string, body any) (map[string]any, error) {
	e.t.Helper()
	raw, _ := json.Marshal(body)
	if body == nil {
		raw = nil
	}
	p := &stripe.RawParams{Params: stripe.Params{Headers: http.Header{"Stripe-Version": {version}}}}
	resp, err := e.rc.RawRequest(method, path, string(raw), p)
	if err != nil {
		return nil, err
	}
	var out map[string]any
	return out, json.Unmarshal(resp.RawJSON, &out)
}

var recipientOnly = map[string]any{"contact_email": "a@b.co",
	"identity":      map[string]any{"country": "us", "entity_type": "individual"},
	"configuration": map[string]any{"recipient": map[string]any{"capabilities": map[string]any{"stripe_balance": map[string]any{"stripe_transfers": map[string]any{"requested": true}}}}},
	"include":       allIncludes}

// GA versions answer in GA shapes (the v84 oracle checks every field; this
// test names the differences from the preview the issue lists).
func TestV2GAShapes(t *testing.T) {
	e := newV2Env(t)
	acct := e.must(http.MethodPost, "/v2/core/accounts", recipientOnly)
	id := acct["id"].(string)
	raw, _ := json.Marshal(acct)
	if strings.Contains(string(raw), `"requested"`) || strings.Contains(string(raw), `"collector"`) {
		t.Errorf("GA shape echoes requested or requirements.collector: %s", raw)
	}
	if _, ok := acct["future_requirements"].(map[string]any); !ok {
		t.Errorf("future_requirements missing: %v", acct["future_requirements"])
	}
	resp := acct["defaults"].(map[string]any)["responsibilities"].(map[string]any)
	if resp["requirements_collector"] != "application" {
		t.Errorf("defaults.responsibilities = %v", resp)
	}
	// A recipient-only account is not asked for a merchant category.
	if d := descriptions(acct); d["configuration.merchant.mcc"] != nil || d["identity.individual.given_name"] == nil {
		t.Errorf("recipient-only entries: %v", d)
	}
	// Later GA versions are GA too; dated non-GA versions are refused; the
	// preview keeps its shape.
	if _, err := e.callVersion("2026-02-25.clover", http.MethodGet, "/v2/core/accounts/"+id, nil); err != nil {
		t.Errorf("later GA version: %v", err)
	}
	var se *stripe.Error
	if _, err := e.callVersion("2025-08-27.basil", http.MethodGet, "/v2/core/accounts/"+id, nil); !errors.As(err, &se) || se.HTTPStatusCode != 400 {
		t.Errorf("pre-GA version: %v", err)
	}
	pre, err := e.callVersion("2025-08-27.preview", http.MethodGet, "/v2/core/accounts/"+id+"?include=requirements", nil)
	if err != nil || pre["requirements"].(map[string]any)["collector"] != "application" {
		t.Errorf("preview shape: %v %v", err, pre["requirements"])
	}
	// An unknown include is an error, not ignored.
	if _, err := e.call(http.MethodGet, "/v2/core/accounts/"+id+"?include=identiti", nil); !errors.As(err, &se) || se.HTTPStatusCode != 400 || se.Param != "include" {
		t.Errorf("unknown include: %v", err)
	}
	// GA moved url & co to defaults.profile and refuses them in identity.
	if _, err := e.call(http.MethodPost, "/v2/core/accounts/"+id, map[string]any{
		"identity": map[string]any{"business_details": map[string]any{"url": "https://x.example"}}}); !errors.As(err, &se) || se.HTTPStatusCode != 400 {
		t.Errorf("identity.business_details.url on GA: %v", err)
	}
	up := e.must(http.MethodPost, "/v2/core/accounts/"+id, map[string]any{
		"defaults": map[string]any{"profile": map[string]any{"business_url": "https://x.example"}}, "include": []any{"defaults"}})
	if up["defaults"].(map[string]any)["profile"].(map[string]any)["business_url"] != "https://x.example" {
		t.Errorf("defaults.profile: %v", up["defaults"])
	}
}

// POST /v2/core/accounts/{id}/close closes the account; it is then read
// as closed and no longer updated.
func TestV2Close(t *testing.T) {
	e := newV2Env(t)
	acct := e.must(http.MethodPost, "/v2/core/accounts", recipientOnly)
	id := acct["id"].(string)
	if acct["closed"] == true {
		t.Fatal("a new account is closed")
	}
	closed := e.must(http.MethodPost, "/v2/core/accounts/"+id+"/close", map[string]any{"applied_configurations": []any{"recipient"}})
	if closed["closed"] != true || !slices.Contains(closed["applied_configurations"].([]any), any("recipient")) {
		t.Errorf("close answered %v", closed)
	}
	if got := e.must(http.MethodGet, "/v2/core/accounts/"+id, nil); got["closed"] != true {
		t.Errorf("read after close: %v", got["closed"])
	}
	var se *stripe.Error
	if _, err := e.call(http.MethodPost, "/v2/core/accounts/"+id, map[string]any{"contact_email": "x@y.co"}); !errors.As(err, &se) || se.HTTPStatusCode != 400 {
		t.Errorf("update after close: %v", err)
	}
}

// One transaction per v2 request: a configuration added in the same
// request as a v1 change that fails is not kept either.
func TestV2RequestIsOneTransaction(t *testing.T) {
	e := newV2Env(t)
	acct := e.must(http.MethodPost, "/v2/core/accounts", recipientOnly)
	id := acct["id"].(string)
	_, err := e.call(http.MethodPost, "/v2/core/accounts/"+id, map[string]any{
		"configuration": map[string]any{"customer": map[string]any{}},
		"identity": map[string]any{"individual": map[string]any{
			"date_of_birth": map[string]any{"day": 41, "month": 13, "year": 1901}}},
	})
	var se *stripe.Error
	if !errors.As(err, &se) || se.HTTPStatusCode != 400 {
		t.Fatalf("a bad date of birth: %v", err)
	}
	got := e.must(http.MethodGet, "/v2/core/accounts/"+id, nil)
	if cs := got["applied_configurations"].([]any); slices.Contains(cs, any("customer")) {
		t.Errorf("the failed request's configuration was committed: %v", cs)
	}
	// Ids that are no id are no such account, never a 500 or a query.
	for _, bad := range []string{"acct%20x", "acct%25", "acct%00x", "acct_x%3Flimit=1"} {
		_, err := e.call(http.MethodGet, "/v2/core/accounts/"+bad, nil)
		if !errors.As(err, &se) || se.HTTPStatusCode != 404 {
			t.Errorf("id %q: %v", bad, err)
		}
	}
}

// An account made through v1 and closed through v2 has no configuration:
// the v2 list says so as the retrieve does (it listed [""] before).
func TestV2ListV1AccountClosedThroughV2(t *testing.T) {
	e := newV2Env(t)
	resp, err := e.rc.RawRequest(http.MethodPost, "/v1/accounts", "type=custom&country=US&capabilities[transfers][requested]=true", &stripe.RawParams{})
	if err != nil {
		t.Fatal(err)
	}
	var v1 struct{ ID string }
	if err := json.Unmarshal(resp.RawJSON, &v1); err != nil || v1.ID == "" {
		t.Fatalf("v1 account: %v %s", err, resp.RawJSON)
	}
	closed := e.must(http.MethodPost, "/v2/core/accounts/"+v1.ID+"/close", nil)
	if cs := closed["applied_configurations"].([]any); len(cs) != 0 || closed["closed"] != true {
		t.Fatalf("close answered %v, closed %v", cs, closed["closed"])
	}
	// Without closed, Stripe lists only the open accounts (v84's
	// ListParams); closed=true lists the closed ones.
	if open := e.must(http.MethodGet, "/v2/core/accounts", nil)["data"].([]any); len(open) != 0 {
		t.Fatalf("the closed account is listed without closed=true: %v", open)
	}
	list := e.must(http.MethodGet, "/v2/core/accounts?closed=true", nil)
	data := list["data"].([]any)
	if len(data) != 1 {
		t.Fatalf("list: %v", list)
	}
	got := data[0].(map[string]any)
	if cs := got["applied_configurations"].([]any); len(cs) != 0 || got["closed"] != true {
		t.Errorf("listed with configurations %q, closed %v", cs, got["closed"])
	}
}

// A v2 step that finds the store busy answers Stripe's lock_timeout, as a
// v1 request does, so clients retry it instead of reporting a 500.
func TestV2StepBusyIsLockTimeout(t *testing.T) {
	busy := errors.New("database is locked (5) (SQLITE_BUSY)")
	if st := statusOf(busy); st != errLockTimeout().Status {
		t.Errorf("status %d", st)
	}
	if e := errorMap(busy); e["code"] != "lock_timeout" {
		t.Errorf("error %v", e)
	}
	if e := errorMap(errNoSuch("account", "acct_x", "id")); e["code"] == "lock_timeout" || e["type"] != errTypeInvalidRequest {
		t.Errorf("an API error changed: %v", e)
	}
}

// identity.country and the configurations are optional in v84's create
// request: an account created with neither takes the platform's country
// and has no configuration.
func TestV2CreateWithoutCountryOrConfiguration(t *testing.T) {
	e := newV2Env(t)
	acct := e.must(http.MethodPost, "/v2/core/accounts", map[string]any{"display_name": "Furever", "include": []any{"identity"}})
	id, _ := acct["identity"].(map[string]any)
	if id["country"] != "us" {
		t.Errorf("country %v, want the platform's (us)", id["country"])
	}
	if cs, _ := acct["applied_configurations"].([]any); len(cs) != 0 {
		t.Errorf("configurations %v, want none", cs)
	}
	if _, err := e.call(http.MethodPost, "/v2/core/accounts", map[string]any{"contact_phone": 12}); err == nil || !strings.Contains(err.Error(), "contact_phone") {
		t.Errorf("a number for contact_phone (a string): %v", err)
	}
}
